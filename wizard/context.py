"""The variables content templates see. Built from answers (and, for the plan, the
recommendation); templates never see anything else."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from wizard.answers import Answers
from wizard.dates import long_date

if TYPE_CHECKING:
    from wizard.content import Content
    from wizard.models import Recommendation


def money(amount: float, currency: str) -> str:
    return f"{currency} {amount:,.2f}"


def _labels(content: Content, question_id: str, values: list[str]) -> list[str]:
    question = content.question_by_id[question_id]
    return [question.option_label(value) for value in values]


# Things of the client's that move into their name before your access ends (the rest is
# simply returned).
TRANSFERRED_ASSETS = ("domains_hosting", "accounts_billing", "credentials")


def join_words(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def answers_context(answers: Answers, content: Content) -> dict[str, Any]:
    """Answers plus ready-made phrases; enough for rule reasons."""
    holders = content.plan.placeholders
    ctx: dict[str, Any] = answers.model_dump()
    ctx.update(
        client=answers.client_name.strip() or holders["client"],
        you=answers.your_name.strip() or holders["you"],
        business=answers.your_business.strip() or answers.your_name.strip() or holders["business"],
        contact=answers.client_contact.strip() or holders["contact"],
        balance_text=money(answers.outstanding_balance, answers.currency),
        notice_period_text=f"{answers.notice_days} {answers.notice_day_kind} days",
        critical_ends_text=long_date(answers.critical_period_ends)
        if answers.critical_period_ends
        else "",
        profession_label=content.question_by_id["profession"].option_label(answers.profession),
        signal_labels=_labels(content, "signals", list(answers.signals)),
        remedies_tried_labels=_labels(content, "remedies_tried", list(answers.remedies_tried)),
        assets_text=join_words([content.messages.asset_phrases[a] for a in answers.client_assets]),
        return_text=join_words(
            [
                content.messages.asset_phrases[a]
                for a in answers.client_assets
                if a not in TRANSFERRED_ASSETS
            ]
        ),
        transfer_text=join_words(
            [
                content.messages.asset_phrases[a]
                for a in answers.client_assets
                if a in TRANSFERRED_ASSETS
            ]
        ),
        client_given=bool(answers.client_name.strip()),
        you_given=bool(answers.your_name.strip()),
        business_given=bool(answers.your_business.strip()),
        contact_given=bool(answers.client_contact.strip()),
        # Filled in by the engine when the rule that uses them fires.
        remedy_label="",
        suggested_days=0,
        ruled_out_label="",
        ruled_out_titles="",
    )
    return ctx


def reason_phrase(answers: Answers, content: Content) -> str:
    """A short, blame-free reason for the message, from the first signal that has one."""
    phrases = content.messages.reason_phrases
    for signal in answers.signals:
        if signal in phrases:
            return phrases[signal]
    return content.messages.default_reason_phrase


def full_context(
    answers: Answers, rec: Recommendation, content: Content, *, planned: dt.date | None = None
) -> dict[str, Any]:
    """Everything a plan or message template may use."""
    ctx = answers_context(answers, content)
    remedy_question = content.question_by_id["remedies_tried"]
    channel_question = content.question_by_id["preferred_channel"]
    ctx.update(
        strategy=rec.strategy,
        readiness=rec.readiness,
        channel=rec.channel,
        channel_label=channel_question.option_label(rec.channel),
        follow_up_call=rec.follow_up_call,
        written_notice=rec.written_notice,
        constraints=tuple(rec.constraints),
        notice_on=long_date(rec.notice_date),
        effective_on=long_date(rec.effective_date),
        planned_on=long_date(planned or rec.notice_date),
        same_day=rec.notice_date == rec.effective_date,
        remedy=rec.next_remedy or "",
        remedy_label=remedy_question.option_label(rec.next_remedy) if rec.next_remedy else "",
        reason_phrase=reason_phrase(answers, content),
        strategy_label=content.plan.strategies[rec.strategy].label,
    )
    return ctx


def message_context(ctx: dict[str, Any], content: Content, template_name: str) -> dict[str, Any]:
    """Add the rendered snippets and subject, which the message templates build on."""
    ctx = dict(ctx)
    for name in content.messages.snippets:
        ctx[name] = content.render(f"messages.snippet.{name}", ctx)
    ctx["subject"] = content.render(f"messages.subject.{template_name}", ctx)
    return ctx
