"""The plan builder: answers + decision + content -> Plan. Pure; the UI and the PDF
render its result and derive nothing themselves."""

from __future__ import annotations

import datetime as dt
from typing import Any

from wizard.answers import STRATEGIES, Answers
from wizard.content import Content
from wizard.context import full_context, message_context
from wizard.dates import offset_working_day, short_date
from wizard.engine import Decision, anchor_date, decide, decided_context, effective_answers
from wizard.models import (
    Alternative,
    ChecklistGroup,
    ConstraintNote,
    LogRow,
    MessageDraft,
    Plan,
    Recommendation,
    TimelineStep,
)


def message_template_name(rec: Recommendation) -> str:
    return "repair" if rec.readiness == "repair_first" else rec.strategy


def render_message(
    answers: Answers,
    rec: Recommendation,
    content: Content,
    planned: dt.date,
    *,
    channel: str | None = None,
    tone: str | None = None,
) -> MessageDraft:
    """The draft for the recommended (or a given) channel and tone."""
    channel = channel or rec.channel
    rec_for_channel = rec.model_copy(update={"channel": channel})
    if tone:
        answers = answers.model_copy(update={"tone": tone})
    kind = content.messages.kinds[channel]  # type: ignore[index]
    name = message_template_name(rec)
    ctx = message_context(
        full_context(answers, rec_for_channel, content, planned=planned), content, name
    )
    body = content.render(f"messages.{name}.{kind}", ctx)
    return MessageDraft(kind=kind, channel=channel, subject=ctx["subject"], body=_tidy(body))


def _tidy(text: str) -> str:
    """Collapse the blank lines left by optional paragraphs."""
    lines = [line.rstrip() for line in text.splitlines()]
    out: list[str] = []
    for line in lines:
        if not line and (not out or not out[-1]):
            continue
        out.append(line)
    return "\n".join(out).strip()


def _alternatives(decision: Decision, content: Content, ctx: dict[str, Any]) -> list[Alternative]:
    rec = decision.recommendation
    chosen = rec.strategy
    result = []
    others = sorted((s for s in STRATEGIES if s != chosen), key=lambda s: -rec.scores[s])
    for strategy in others:
        why: list[str] = []
        if strategy in decision.forbidden:
            titles = "; ".join(decision.forbidden[strategy])
            why.append(content.render("plan.alternative_forbidden", {**ctx, "titles": titles}))
        # The rules that separated it most from the chosen strategy.
        gaps = sorted(
            decision.contributions,
            key=lambda c: c.add.get(strategy, 0.0) - c.add.get(chosen, 0.0),
        )
        for c in gaps[:2]:
            if c.add.get(chosen, 0.0) - c.add.get(strategy, 0.0) > 0:
                why.append(c.reason)
        if not why or rec.scores[strategy] != rec.scores[chosen]:
            why.append(
                content.render(
                    "plan.alternative_lower",
                    {
                        **ctx,
                        "score": f"{rec.scores[strategy]:g}",
                        "chosen_score": f"{rec.scores[chosen]:g}",
                    },
                )
            )
        result.append(
            Alternative(
                strategy=strategy,
                label=content.plan.strategies[strategy].label,
                score=rec.scores[strategy],
                why_lower=list(dict.fromkeys(why)),
            )
        )
    return result


def _dated(entry: Any, rec: Recommendation, planned: dt.date) -> dt.date:
    anchor = anchor_date(entry.anchor, rec.notice_date, rec.effective_date, planned)
    return offset_working_day(anchor, entry.offset)


def build_plan(
    answers: Answers,
    content: Content,
    *,
    decision: Decision | None = None,
    today: dt.date | None = None,
) -> Plan:
    answers = effective_answers(answers, content)
    decision = decision or decide(answers, content, today=today)
    rec = decision.recommendation
    planned = decision.planned_notice
    defs = content.rules.definitions
    cond_ctx = decided_context(answers, rec)
    ctx = full_context(answers, rec, content, planned=planned)
    plan_text = content.plan

    timeline = sorted(
        (
            TimelineStep(
                id=entry.id,
                date=_dated(entry, rec, planned),
                title=content.render(f"plan.timeline.{entry.id}.title", ctx),
                detail=content.render(f"plan.timeline.{entry.id}.detail", ctx),
            )
            for entry in plan_text.timeline
            if entry.when.evaluate(cond_ctx, defs)
        ),
        key=lambda step: step.date,
    )
    groups = [
        ChecklistGroup(
            phase=phase,
            title=title,
            items=[item for item in rec.checklist if item.phase == phase],
        )
        for phase, title in plan_text.phases.items()
    ]
    log = [
        LogRow(
            date=short_date(_dated(entry, rec, planned)),
            channel=content.render(f"plan.log.{entry.id}.channel", ctx),
            what=content.render(f"plan.log.{entry.id}.what", ctx),
            who=content.render(f"plan.log.{entry.id}.who", ctx),
        )
        for entry in plan_text.documentation_log
        if entry.when.evaluate(cond_ctx, defs)
    ]
    reflection = [
        content.render(f"plan.reflection.{i}", ctx)
        for i, entry in enumerate(plan_text.reflection)
        if entry.when.evaluate(cond_ctx, defs)
    ]
    follow_up = None
    if rec.follow_up_call and rec.readiness != "repair_first":
        follow_up = content.render(
            "messages.follow_up_call", message_context(ctx, content, rec.strategy)
        )
    first_step = None
    if rec.readiness in ("repair_first", "wait"):
        first_step = content.render(f"plan.first_step.{rec.readiness}", ctx)

    return Plan(
        title=content.render("plan.title", ctx),
        summary=content.render("plan.summary", ctx),
        client_name=answers.client_name.strip(),
        prepared_for=content.render("plan.prepared_for", ctx),
        prepared_on=today or dt.date.today(),
        recommendation=rec,
        strategy_label=plan_text.strategies[rec.strategy].label,
        strategy_explanation=plan_text.strategies[rec.strategy].explanation,
        readiness_label=plan_text.readiness[rec.readiness].label,
        readiness_explanation=plan_text.readiness[rec.readiness].explanation,
        first_step=first_step,
        channel_label=ctx["channel_label"],
        reasons=rec.reasons,
        alternatives=_alternatives(decision, content, ctx),
        warnings=rec.warnings,
        constraints=[
            ConstraintNote(
                id=cid, title=decision.constraint_titles[cid], text=decision.constraint_texts[cid]
            )
            for cid in rec.constraints
        ],
        timeline=timeline,
        checklist=[group for group in groups if group.items],
        message=render_message(answers, rec, content, planned),
        follow_up_script=follow_up,
        documentation_log=log,
        reflection=reflection,
        disclaimer=plan_text.disclaimer,
    )
