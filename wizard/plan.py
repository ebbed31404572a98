"""The plan builder: a `Decision` + content -> `Plan`. Pure. It words and dates what the
engine decided and decides nothing itself; the page and the PDF render its result and
derive nothing themselves."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from wizard.answers import STRATEGIES, Answers
from wizard.bidi import contained
from wizard.content_model import Content, MessageName
from wizard.context import decision_texts, message_context, quoted_titles
from wizard.dates import long_date, short_date
from wizard.engine import ENDING_ANCHORS, Decision, after_cure_text, decide
from wizard.models import (
    Alternative,
    ChecklistGroup,
    ConstraintNote,
    DraftRole,
    FactRow,
    GlanceRow,
    LogRow,
    MessageDraft,
    Plan,
    PlanItem,
    Recommendation,
    TimelineStep,
)


def message_template_name(rec: Recommendation) -> MessageName:
    return "repair" if rec.readiness == "repair_first" else rec.strategy


def render_message(
    decision: Decision,
    content: Content,
    *,
    channel: str | None = None,
    tone: str | None = None,
    role: DraftRole = "main",
) -> MessageDraft:
    """The draft for the recommended (or a given) channel and tone.

    role "confirmation": the written notice that confirms a spoken one (same strategy, by
    email unless the first contact was a letter); "exit_later": the notice kept ready for
    when a repair attempt does not work, dated for the plan's notice date."""
    rec = decision.recommendation
    channel = channel or rec.channel
    spoken = content.messages.kinds[channel] == "talking_points"  # type: ignore[index]
    if role != "main" and spoken:
        # Written by post when the user chose a letter (a contract may ask for it), by email
        # otherwise.
        channel = "letter" if decision.answers.preferred_channel == "letter" else "email"
    # The wording context for this recommendation and channel (a test or a what-if may
    # pass a decision whose recommendation differs from the one the stages reached).
    texts = decision_texts(
        dict(decision.texts),
        content,
        answers=decision.answers,
        strategy=rec.strategy,
        readiness=rec.readiness,
        channel=channel,  # type: ignore[arg-type]
        follow_up_call=rec.follow_up_call,
        written_notice=rec.written_notice,
        constraints=tuple(rec.constraints),
        notice=rec.notice_date,
        effective=rec.effective_date,
        planned=decision.planned_notice,
        next_remedy=rec.next_remedy,
    )
    if tone:
        texts["tone"] = tone
    # A fix is reviewed where its window runs out, not after a hold that moved the notice on.
    texts["review_on"] = long_date(decision.dates.schedule("repair_end", -2, "before_notice"))
    # Only the written confirmation of this plan's own call or meeting, whose talking points
    # the plan gives, confirms what was said. A notice kept ready for after a failed fix
    # stands on its own: no call for it is scripted, so it never refers to one; except a
    # therapist's, which confirms the session the plan has them hold first.
    texts["confirming"] = role == "confirmation" or (
        role == "exit_later"
        and content.plan.exit_later_confirms.evaluate(decision.facts, content.rules.definitions)
    )
    prompt_return = next(e for e in content.plan.timeline if e.id == "return_records_promptly")
    texts["records_on"] = long_date(decision.dates.of(prompt_return))
    stop_work = next(e for e in content.plan.timeline if e.id == "stop_work")
    stop_day = decision.dates.of(stop_work)
    texts["stop_on"] = long_date(stop_day)
    # The stop moved off a holiday: the letter gives its date, not "seven days from today".
    texts["stop_moved"] = stop_day != decision.dates.anchor(stop_work.anchor) + dt.timedelta(
        days=stop_work.offset
    )
    kind = content.messages.kinds[channel]  # type: ignore[index]
    name = rec.strategy if role != "main" else message_template_name(rec)
    ctx = message_context(texts, content, name)
    body = content.messages.templates[name][kind].render(ctx)
    subject = ctx["subject"]
    labels = content.plan.labels
    title = {
        "main": labels.message,
        "confirmation": labels.message_confirmation,
        "exit_later": labels.message_exit_later,
    }[role]
    return MessageDraft(
        kind=kind,
        channel=channel,
        subject=subject,
        subject_line=None
        if kind == "talking_points"
        else content.plan.subject_line.render({"subject": subject}),
        body=_tidy(body),
        role=role,
        title=title,
        send_on_text=short_date(
            decision.planned_notice
            if role == "main" and rec.readiness == "repair_first"
            else rec.notice_date
        ),
    )


def further_messages(decision: Decision, content: Content) -> list[MessageDraft]:
    """The drafts that go with the main one: the written confirmation of a spoken notice,
    and, for a repair-first plan, the notice itself, kept ready for its later date."""
    rec = decision.recommendation
    spoken = content.messages.kinds[rec.channel] == "talking_points"
    if rec.readiness == "repair_first":
        if not decision.facts["notice_follows"]:
            return []  # nothing ends if the fix works; something else if it does not
        return [render_message(decision, content, role="exit_later")]
    if rec.written_notice and spoken:
        return [render_message(decision, content, role="confirmation")]
    return []


def _tidy(text: str) -> str:
    """Collapse the blank lines and doubled spaces left by optional paragraphs."""
    lines = [re.sub(r"(?<=\S)  +", " ", line).strip() for line in text.splitlines()]
    out: list[str] = []
    for line in lines:
        if not line and (not out or not out[-1]):
            continue
        out.append(line)
    return "\n".join(out).strip()


def _alternatives(
    decision: Decision, content: Content, ctx: Mapping[str, Any]
) -> list[Alternative]:
    """The other ways out, in the engine's order, each with one plain sentence: ruled out
    by a hard rule, or why it fits this case less well. Scores stay inside the engine."""
    rec = decision.recommendation
    chosen = rec.strategy
    result = []
    others = sorted((s for s in STRATEGIES if s != chosen), key=lambda s: -rec.scores[s])
    for strategy in others:
        if strategy in decision.forbidden:
            rules = decision.forbidden[strategy]
            why = content.plan.alternative_forbidden.render(
                {**ctx, "titles": quoted_titles(rules), "count": len(rules)}
            )
        else:
            why = content.plan.alternative_lower[strategy].render(ctx)
        result.append(
            Alternative(
                strategy=strategy,
                label=content.plan.strategies[strategy].label,
                why_lower=[why],
            )
        )
    return result


def file_stem(stem: str, client_name: str, notice: dt.date) -> str:
    """ "exit-plan-northwind-2026-12-01": ASCII letters, digits and hyphens only, whatever
    the client is called (a name with no Latin letters is simply left out)."""
    folded = unicodedata.normalize("NFKD", client_name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")[:40].strip("-")
    return "-".join(part for part in (stem, slug, notice.isoformat()) if part)


def _glance(decision: Decision, content: Content, first_step: str | None) -> list[GlanceRow]:
    rec, plan_text = decision.recommendation, content.plan
    labels, yes_no = plan_text.glance, plan_text.yes_no

    def yes(value: bool) -> str:
        return yes_no["yes"] if value else yes_no["no"]

    rows = [
        GlanceRow(label=labels.strategy, value=plan_text.strategies[rec.strategy].label),
        GlanceRow(label=labels.readiness, value=plan_text.readiness[rec.readiness].label),
    ]
    if first_step is not None:
        rows.append(GlanceRow(label=labels.first_step, value=first_step))
    if not decision.facts["notice_follows"]:  # no notice is planned: no dates to give
        return [*rows, GlanceRow(label=labels.channel, value=decision.texts["channel_label"])]
    rows += [
        GlanceRow(label=labels.channel, value=decision.texts["channel_label"]),
        GlanceRow(label=labels.notice.render(decision.texts), value=short_date(rec.notice_date)),
        GlanceRow(
            label=labels.effective.render(decision.texts), value=short_date(rec.effective_date)
        ),
        GlanceRow(label=labels.follow_up_call, value=yes(rec.follow_up_call)),
        GlanceRow(label=labels.written_notice, value=yes(rec.written_notice)),
    ]
    return rows


def build_plan(
    answers: Answers,
    content: Content,
    *,
    decision: Decision | None = None,
    today: dt.date | None = None,
) -> Plan:
    # The user's own message is not a question on the path: read it from the answers given.
    override = answers.message_override
    decision = decision or decide(answers, content, today=today)
    rec = decision.recommendation
    answers = decision.answers
    facts, defs = decision.facts, content.rules.definitions
    plan_text = content.plan
    ctx: dict[str, Any] = dict(decision.texts)
    ctx["prepared_on_text"] = long_date(decision.today)
    ctx["prepared_for"] = plan_text.prepared_for.render(ctx)

    timeline = sorted(
        (
            TimelineStep(
                id=entry.id,
                date=(day := decision.dates.of(entry)),
                date_text=short_date(day),
                title=entry.title.render(ctx),
                detail=after_cure_text(
                    entry.detail.render(ctx), entry, decision.dates, content, ctx
                ),
            )
            for entry in plan_text.timeline
            if entry.when.evaluate(facts, defs)
            and (facts["notice_follows"] or entry.anchor not in ENDING_ANCHORS)
        ),
        key=lambda step: step.date,
    )
    groups = [
        ChecklistGroup(
            phase=phase,
            title=title.render(ctx),
            items=[
                PlanItem(id=item.id, text=item.text, due=item.due, due_text=short_date(item.due))
                for item in rec.checklist
                if item.phase == phase
            ],
        )
        for phase, title in plan_text.phases.items()
    ]
    log = [
        LogRow(
            date=short_date(decision.dates.of(entry)),
            channel=entry.channel.render(ctx),
            what=entry.what.render(ctx),
            who=entry.who.render(ctx),
            planned=entry.planned,
            status=plan_text.log_planned if entry.planned else "",
        )
        for entry in plan_text.documentation_log
        if entry.when.evaluate(facts, defs)
        and (facts["notice_follows"] or entry.anchor not in ENDING_ANCHORS)
    ]
    reflection = [
        entry.text.render(ctx) for entry in plan_text.reflection if entry.when.evaluate(facts, defs)
    ]
    follow_up = None
    if rec.follow_up_call and rec.readiness != "repair_first":
        follow_up = content.messages.follow_up_call.render(
            message_context(ctx, content, rec.strategy)
        )
    facts_rows = [
        FactRow(label=entry.label, value=entry.value.render(ctx))
        for entry in plan_text.facts
        if entry.when.evaluate(facts, defs)
    ]
    message = render_message(decision, content)
    if override.strip():
        # The user's own version replaces the draft everywhere: page, PDF, Word.
        message = message.model_copy(update={"body": override, "drafted_body": message.body})
    first_step = None
    if rec.readiness in ("repair_first", "wait"):
        first_step = plan_text.first_step[rec.readiness].render(ctx)

    return Plan(
        title=plan_text.title.render(ctx),
        summary=plan_text.summary.render(ctx),
        client_name=contained(answers.client_name.strip()),
        prepared_for=ctx["prepared_for"],
        prepared_line=plan_text.prepared_line.render(ctx),
        prepared_on=decision.today,
        running_header=plan_text.running_header.render(ctx),
        document_author=plan_text.document_author.render(ctx),
        document_subject=plan_text.document_subject.render(ctx),
        recommendation=rec,
        strategy_label=plan_text.strategies[rec.strategy].label,
        strategy_explanation=plan_text.strategies[rec.strategy].explanation.render(ctx),
        readiness_label=plan_text.readiness[rec.readiness].label,
        readiness_explanation=plan_text.readiness[rec.readiness].explanation.render(ctx),
        first_step=first_step,
        channel_label=ctx["channel_label"],
        at_a_glance=_glance(decision, content, first_step),
        reasons=rec.reasons,
        alternatives=_alternatives(decision, content, ctx),
        warnings=rec.warnings,
        constraints=[
            ConstraintNote(
                id=cid, title=decision.constraint_titles[cid], text=decision.constraint_texts[cid]
            )
            for cid in rec.constraints
            # The must-dos are an ending's: a refusal that may end nothing shows none yet.
            if facts["notice_follows"]
        ],
        timeline=timeline,
        checklist=[group for group in groups if group.items],
        message=message,
        further_messages=further_messages(decision, content),
        message_intro=plan_text.message_intro.render(ctx),
        follow_up_script=follow_up,
        documentation_log=log,
        reflection=reflection,
        disclaimer=plan_text.disclaimer,
        disclaimer_line=plan_text.disclaimer_line,
        facts=facts_rows,
        footer_text=plan_text.footer.render(ctx),
        file_stem=file_stem(plan_text.file_stem, answers.client_name, rec.notice_date),
        labels=plan_text.labels,
    )
