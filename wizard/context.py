"""The variables content templates see: the answers with ready-made phrases, then what
the engine decided. Templates never see anything else."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Literal

from wizard.answers import Answers, Channel, Readiness, Strategy
from wizard.bidi import contained
from wizard.content_model import Content
from wizard.dates import long_date
from wizard.money import money  # one function for the plan and the review screen
from wizard.places import names as place_names

# The profession families the drafts are worded for.
FAMILIES = {
    "law": "law",
    "accounting": "accounting",
    "construction": "construction",
    "healthcare": "clinical",
    "therapy": "clinical",
}

# What is simply handed back (the rest is moved into the client's name, released once paid,
# or, for clinical records, kept and copied on written request).
RETURNED = ("files", "records", "physical_property")


def _labels(content: Content, question_id: str, values: list[str]) -> list[str]:
    question = content.question_by_id[question_id]
    return [question.option_label(value) for value in values]


def join_words(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def quoted_titles(titles: tuple[str, ...] | list[str]) -> str:
    """Must-do titles named inside a sentence: '“A”', '“A” and “B”'."""
    return join_words([f"\u201c{title}\u201d" for title in titles])


_NUMBER_WORDS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
]


def duration_text(months: int) -> str:
    """How long the relationship has lasted, as a letter says it: "8 months" below two
    years, then years in words: "eight years", or "more than two years" when not whole."""
    if months < 24:
        return f"{months} month{'' if months == 1 else 's'}"
    years = months // 12
    words = _NUMBER_WORDS[years] if years < len(_NUMBER_WORDS) else str(years)
    return f"{words} years" if months % 12 == 0 else f"more than {words} years"


def answers_context(answers: Answers, content: Content) -> dict[str, Any]:
    """Answers plus ready-made phrases; enough for rule reasons."""
    holders = content.plan.placeholders
    phrases = content.messages.asset_phrases
    own = content.plan.own_asset_phrases
    transferred = content.messages.transferred_assets
    ctx: dict[str, Any] = answers.model_dump()
    deadlines = sorted(answers.key_deadlines, key=deadline_date)
    where_country, where_region = place_names(answers.jurisdiction)
    ctx.update(
        client=contained(answers.client_name.strip()) or holders["client"],
        you=contained(answers.your_name.strip()) or holders["you"],
        business=contained(answers.your_business.strip() or answers.your_name.strip())
        or holders["business"],
        contact=contained(answers.client_contact.strip()) or holders["contact"],
        breach_summary=contained(answers.breach_summary),
        balance_text=money(answers.outstanding_balance, answers.currency, answers.jurisdiction),
        # "18 months", "eight years", "more than two years".
        relationship_text=duration_text(answers.relationship_months),
        notice_period_text=f"{answers.notice_days} {answers.notice_day_kind} days",
        # "10 days", or "10 business days" when the contract counts working days only.
        cure_period_text=f"{answers.cure_days} "
        + ("business days" if answers.cure_day_kind == "business" else "days"),
        # The contract's own notice, in days (0: it asks for none); `notice_days` below is
        # the notice the plan gives, once the engine has decided it.
        contract_notice_days=answers.notice_days,
        critical_ends_text=long_date(answers.critical_period_ends)
        if answers.critical_period_ends
        else "",
        crisis_ends_text=long_date(answers.client_in_crisis_until)
        if answers.client_in_crisis_until
        else "",
        notice_date_text=long_date(answers.notice_date) if answers.notice_date else "",
        # Ending for cause: the last day to put the breach right, set by the engine's dates
        # stage (engine._dates) when a cure period applies, and only there.
        cure_on="",
        cure_pending=False,  # set with cure_on: the client still has days to put it right
        unearned_text=money(answers.unearned_amount, answers.currency, answers.jurisdiction),
        # A balance owed and an advance to refund, set against each other: what is left, and
        # which way it goes (the letter offers it; the client agrees in writing).
        net_text=money(
            abs(answers.outstanding_balance - answers.unearned_amount),
            answers.currency,
            answers.jurisdiction,
        ),
        net_owed_by="client"
        if answers.outstanding_balance > answers.unearned_amount
        else "provider"
        if answers.outstanding_balance < answers.unearned_amount
        else "nobody",
        deadlines_text=join_words([f"{d.label} ({long_date(d.date)})" for d in deadlines]),
        # How the plan says that no contract fixes the notice, for the reasons that suggest one.
        no_notice_text=content.rules.no_notice_phrases[_contract_state(answers)],
        profession_label=content.question_by_id["profession"].option_label(answers.profession),
        signal_labels=_labels(content, "signals", list(answers.signals)),
        remedies_tried_labels=_labels(content, "remedies_tried", list(answers.remedies_tried)),
        # Addressed to the client ("your files"): only ever used in messages.
        assets_text=join_words([phrases[a] for a in answers.client_assets]),
        return_text=join_words([phrases[a] for a in answers.client_assets if a not in transferred]),
        transfer_text=join_words([phrases[a] for a in answers.client_assets if a in transferred]),
        # For the user's own lists ("the client's files"): checklist, timeline, log, facts.
        own_assets_text=join_words([own[a] for a in answers.client_assets]),
        own_transfer_text=join_words([own[a] for a in answers.client_assets if a in transferred]),
        returned_text=join_words([phrases[a] for a in answers.client_assets if a in RETURNED]),
        family=FAMILIES.get(answers.profession, "general"),
        country=answers.jurisdiction[:2].upper(),
        # Where they work by name (the answers keep the code): "United Kingdom" and
        # "England" for GB-ENG; both "" for a place not given or not known.
        place_country=where_country,
        place_region=where_region,
        deadline_lines=[f"{d.label} \u2013 {long_date(d.date)}" for d in deadlines],
        # Set by the engine once the notice date is known: the deadlines still ahead on it
        # (what the notice names) and those that fall before it (the provider meets them).
        notice_deadline_lines=[],
        # Of those, the ones before the end that the provider sees through, and the rest.
        served_deadline_lines=[],
        client_deadline_lines=[],
        served_deadlines_text="",
        served_deadline_count=0,
        # Set by the engine's checklist stage: when the provider asks the client for what it
        # needs to meet the first of those (and whether that is at once).
        served_info_by="",
        served_info_soon=False,
        client_deadlines_text="",
        client_deadline_count=0,
        notice_deadlines_text="",
        held_deadlines_text="",
        held_deadline_count=0,
        # Deadlines listed as the client's that fall before the end (the engine's).
        listed_before_end_count=0,
        # The crisis end date the user gave, when it was already past (the engine's).
        crisis_passed_on="",
        # Christmas Day or New Year's Day where no place of work was given (the engine's).
        unknown_holiday_text="",
        # Of those, the ones inside the notice period or soon after the end (the warning's).
        near_deadlines_text="",
        near_deadline_count=0,
        # Set by the engine with the dates: each date a public holiday moved (engine.HolidayMove).
        holiday_moves=[],
        # Set by the engine's readiness stage: whether the ordinary notice follows a failed fix.
        notice_follows=True,
        client_given=bool(answers.client_name.strip()),
        you_given=bool(answers.your_name.strip()),
        business_given=bool(answers.your_business.strip()),
        contact_given=bool(answers.client_contact.strip()),
        # The contact is the client themselves, named another way ("Ms Klein", "Ruth Klein"):
        # the address block names them once.
        contact_is_client=_same_person(answers.client_contact, answers.client_name),
        # Filled in by the engine's stages when the rule that uses them fires.
        remedy="",
        remedy_label="",
        suggested_days=0,
        notice_days=0,
        deadline_what="",
        ruled_out_label="",
        ruled_out_titles="",
        ruled_out_count=0,
        hold_capped=False,  # in a hold's reason: this hold was cut short
        remedies_used_up=False,  # in the readiness reason: every fix a rule offers was tried
    )
    # Named conditions from rules.yaml (e.g. `regulated`) are true/false in templates too,
    # so wording never repeats a list the rules already hold.
    answers_only = answers.model_dump()
    definitions = content.rules.definitions
    for name, cond in definitions.items():
        ctx[name] = cond.evaluate(answers_only, definitions)
    return ctx


def deadline_date(deadline: Any) -> dt.date:
    return deadline.date


def _contract_state(
    answers: Answers,
) -> Literal["no_contract", "no_clause", "unsure", "cause_only"]:
    if not answers.has_contract:
        return "no_contract"
    if answers.termination_clause == "unsure":
        return "unsure"
    if answers.termination_clause == "cause_only":
        return "cause_only"
    return "no_clause"


def reason_phrase(
    answers: Answers,
    content: Content,
    constraints: tuple[str, ...] = (),
    strategy: str | None = None,
) -> str:
    """A short, blame-free reason for the message, from the first signal that has one.
    An improper request is never described: where the client insists, the reason is
    "professional considerations"; a request they only suggested is refused on its own, and
    the ending rests on the other signals. A hand-over gives the reason that makes one fit
    (needs the provider does not meet); a builder who was threatened does not end over the
    money (that takes the stop-work steps)."""
    if "mandatory_withdrawal" in constraints or (
        "unethical_request" in answers.signals and answers.improper_request_insisted
    ):
        return content.messages.default_reason_phrase
    phrases = content.messages.reason_phrases
    signals = [s for s in answers.signals if s != "unethical_request"]
    if strategy == "transition" and "needs_beyond_expertise" in signals:
        signals.insert(0, "needs_beyond_expertise")
    threatened = answers.safety_concern and answers.safety_level == "threat"
    if threatened and answers.profession == "construction":
        signals = [s for s in signals if s != "payment_problems"]
    for signal in signals:
        if signal in phrases:
            return phrases[signal]
    return content.messages.default_reason_phrase


def remedy_label(remedy: str, answers: Answers, content: Content) -> str:
    """How the plan names a fix: the answers' own label, or in care the care wording."""
    label = content.question_by_id["remedies_tried"].option_label(remedy)
    if FAMILIES.get(answers.profession) == "clinical":
        return content.rules.care_remedy_labels.get(remedy, label)  # type: ignore[call-overload]
    if (
        remedy == "written_warning"
        and answers.profession == "construction"
        and "payment_problems" in answers.signals
        and answers.engagement_status == "ongoing"
    ):
        return content.rules.stop_work_remedy_label
    return label


def decision_texts(
    ctx: dict[str, Any],
    content: Content,
    *,
    answers: Answers,
    strategy: Strategy,
    readiness: Readiness,
    channel: Channel,
    follow_up_call: bool,
    written_notice: bool,
    constraints: tuple[str, ...],
    notice: dt.date,
    effective: dt.date,
    planned: dt.date,
    next_remedy: str | None,
) -> dict[str, Any]:
    """The text context once everything is decided: what plan and message templates use."""
    channel_question = content.question_by_id["preferred_channel"]
    can_set_off = (
        answers.outstanding_balance > 0
        and answers.unearned_prepayment
        and answers.unearned_amount > 0
        and answers.profession not in ("law", "healthcare", "therapy")
        and answers.engagement_status == "ongoing"
    )
    return {
        **ctx,
        "strategy": strategy,
        "readiness": readiness,
        "channel": channel,
        "channel_label": channel_question.option_label(channel),
        # The channel in a sentence: "by email" / "in person", and "phone call" / "meeting".
        "channel_by": content.plan.channel_phrases[channel].by,
        "channel_noun": content.plan.channel_phrases[channel].noun,
        "follow_up_call": follow_up_call,
        "written_notice": written_notice,
        "constraints": constraints,
        "notice_on": long_date(notice),
        "effective_on": long_date(effective),
        "planned_on": long_date(planned),
        # The end is the day the client has the notice (a posted letter: when it arrives).
        "same_day": effective == ctx.get("notice_start", notice),
        "remedy": next_remedy or "",
        "remedy_label": remedy_label(next_remedy, answers, content) if next_remedy else "",
        "reason_phrase": reason_phrase(answers, content, constraints, strategy),
        "court": "court_permission" in constraints,
        "mandatory": "mandatory_withdrawal" in constraints,
        # A balance owed and an unearned advance that the letter offers to set against each
        # other (the client agreeing in writing): decided here once for the letter, the
        # timeline and the checklist. Not in care or law (fees and client money kept apart),
        # nor when an ending is only proposed. While a breach may still be put right, the
        # offer is for the end only, if the balance is still unpaid then (set_off_if_unpaid).
        "set_off": can_set_off
        and not ctx.get("cure_pending")
        and not (ctx.get("no_cause") and "mandatory_withdrawal" not in constraints),
        "set_off_if_unpaid": can_set_off and bool(ctx.get("cure_pending")),
        # A known advance refunded after work (or care) goes on past the notice, or once a
        # court decides: the part not used by then, with today's figure (review 19).
        "refund_unused_part": answers.unearned_amount > 0
        and ("court_permission" in constraints or effective != ctx.get("notice_start", notice)),
        # A silent client's domains or accounts wait for a reply before they move: nothing
        # may lapse meanwhile (the letter asks, the transfer step says what to do).
        "transfer_waits_for_reply": "unresponsive" in answers.signals
        and bool({"domains_hosting", "accounts_billing"} & set(answers.client_assets)),
        # The door is left open unless a threat or an improper request rules it out.
        "door_open": not (
            (answers.safety_concern and answers.safety_level == "threat")
            or "unethical_request" in answers.signals
        ),
        "review_on": long_date(max(planned, notice - dt.timedelta(days=2))),
        # When the client's records go back if withdrawal is mandatory: dated by the plan
        # builder from the plan's own step (return_records_promptly), and only there.
        "records_on": "",
        # When a builder's written stop-work notice says work stops: dated by the plan builder
        # from the plan's own step (stop_work), and only there.
        "stop_on": "",
        # ...and whether a holiday moved that day past the seven days' notice.
        "stop_moved": False,
        # Counted as the letter counts it: from the day the client has it.
        "notice_given_text": f"{ctx.get('days_given', ctx.get('notice_days')) or 0} "
        f"{answers.notice_day_kind} days",
        # Set when a written draft confirms what was first said on a call or in a meeting.
        "confirming": False,
        "strategy_label": content.plan.strategies[strategy].label,
    }


def message_context(ctx: dict[str, Any], content: Content, template_name: str) -> dict[str, Any]:
    """Add the rendered snippets and subject, which the message templates build on."""
    ctx = dict(ctx)
    for name, snippet in content.messages.snippets.items():
        ctx[name] = snippet.render(ctx)
    ctx["subject"] = content.messages.subjects[template_name].render(ctx)  # type: ignore[index]
    return ctx


_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame"})


def _name_words(name: str) -> set[str]:
    """The words of a name without case, dots or honorifics ("Dr. Ana Silva": ana, silva)."""
    words = re.findall(r"\w[\w'’-]*", name.casefold())
    return {word for word in words if word not in _HONORIFICS}


def _same_person(contact: str, client: str) -> bool:
    """Whether the person addressed is the client (an individual) by another form of their
    name: every word of one form is in the other ("Ms Klein" and "Ruth Klein"), so a shared
    family name alone ("Sarah Lee" for "Emma Lee", "Luca Rossi" at "Studio Rossi") is not."""
    a, b = _name_words(contact), _name_words(client)
    return bool(a and b) and (a <= b or b <= a)
