"""The recommendation engine: answers + content -> recommendation. Pure: no I/O, no
clock except to resolve a missing notice date, which the caller may pass in.

Rules come from content/rules.yaml and are applied in a fixed order; each section can
look only at what earlier sections decided (constraints -> scores -> strategy ->
readiness and holds -> channel -> follow-up and written notice -> dates -> checklist).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from wizard.answers import STRATEGIES, Answers, Strategy
from wizard.content import Content
from wizard.context import answers_context, full_context
from wizard.dates import (
    add_days,
    next_business_day_after,
    next_business_day_on_or_after,
    offset_working_day,
)
from wizard.models import ChecklistItem, Recommendation

WRITTEN_CHANNELS = ("email", "letter")


@dataclass(frozen=True)
class Contribution:
    rule_id: str
    add: dict[str, float]
    reason: str


@dataclass
class Decision:
    """The recommendation plus what the plan needs to explain it."""

    recommendation: Recommendation
    contributions: list[Contribution]
    forbidden: dict[str, list[str]]  # strategy -> titles of the constraints that rule it out
    planned_notice: dt.date
    constraint_titles: dict[str, str] = field(default_factory=dict)
    constraint_texts: dict[str, str] = field(default_factory=dict)


def visible_question_ids(answers: Answers, content: Content) -> list[str]:
    """Question ids on the current path, in order."""
    values = answers.model_dump()
    defs = content.rules.definitions
    return [
        q.id
        for step in content.questions.steps
        for q in step.questions
        if q.show_if.evaluate(values, defs)
    ]


def effective_answers(answers: Answers, content: Content) -> Answers:
    """Answers with off-path questions reset to their defaults: hidden answers are kept in
    the session but never feed the engine."""
    visible = set(visible_question_ids(answers, content))
    hidden = [name for name in Answers.model_fields if name not in visible]
    if not hidden:
        return answers
    defaults = Answers()
    return answers.model_copy(update={name: getattr(defaults, name) for name in hidden})


def resolve_notice_date(answers: Answers, today: dt.date | None) -> dt.date:
    """The planned notice date; a missing one is the next business day after today."""
    if answers.notice_date is not None:
        return answers.notice_date
    return next_business_day_after(today or dt.date.today())


class _Run:
    """One evaluation: the context grows as each section decides."""

    def __init__(self, answers: Answers, content: Content):
        self.content = content
        self.rules = content.rules
        self.defs = content.rules.definitions
        self.ctx: dict[str, Any] = answers.model_dump()
        self.text_ctx = answers_context(answers, content)
        self.fired: list[str] = []

    def fires(self, rule: Any) -> bool:
        hit = rule.when.evaluate(self.ctx, self.defs)
        if hit:
            self.fired.append(rule.id)
        return hit

    def text(self, key: str) -> str:
        return self.content.render(key, self.text_ctx)

    def first(self, rules: list[Any]) -> Any | None:
        return next((rule for rule in rules if self.fires(rule)), None)


def decide(answers: Answers, content: Content, *, today: dt.date | None = None) -> Decision:
    answers = effective_answers(answers, content)
    run = _Run(answers, content)
    rules = run.rules
    reasons: list[str] = []
    warnings: list[str] = []

    # 1. Hard constraints: what must happen, and what they rule out.
    constraints = [rule for rule in rules.constraints if run.fires(rule)]
    constraint_ids = [rule.id for rule in constraints]
    run.ctx["constraints"] = tuple(constraint_ids)
    forbidden: dict[str, list[str]] = {}
    forbidden_channels: set[str] = set()
    for rule in constraints:
        for strategy in rule.forbid_strategies:
            forbidden.setdefault(strategy, []).append(
                run.text(f"rules.constraints.{rule.id}.title")
            )
        forbidden_channels.update(rule.forbid_channels)
    no_follow_up_call = any(rule.no_follow_up_call for rule in constraints)

    # 2. Scores: every soft rule that fires moves the strategies' scores.
    scores: dict[str, float] = {s: rules.base_scores.get(s, 0.0) for s in STRATEGIES}
    contributions: list[Contribution] = []
    for rule in rules.scoring:
        if run.fires(rule):
            for strategy, delta in rule.add.items():
                scores[strategy] += delta
            contributions.append(
                Contribution(rule.id, dict(rule.add), run.text(f"rules.scoring.{rule.id}"))
            )
    scores = {s: round(v, 2) for s, v in scores.items()}

    # 3. Strategy: the best score not ruled out; ties broken by the content's order.
    ranked = sorted(STRATEGIES, key=lambda s: (-scores[s], rules.tie_order.index(s)))
    allowed = [s for s in ranked if s not in forbidden] or ranked
    strategy: Strategy = allowed[0]
    run.ctx["strategy"] = strategy
    for c in sorted(contributions, key=lambda c: -c.add.get(strategy, 0.0)):
        if c.add.get(strategy, 0.0) > 0:
            reasons.append(c.reason)
    for ruled_out, titles in forbidden.items():
        if ranked[0] == ruled_out and ruled_out != strategy:
            run.text_ctx["ruled_out_label"] = content.plan.strategies[ruled_out].label  # type: ignore[index]
            run.text_ctx["ruled_out_titles"] = "; ".join(titles)
            reasons.append(run.text("rules.ruled_out_reason"))

    # 4. Readiness: the first rule that fires says whether to act now.
    readiness_rule = run.first(rules.readiness)
    readiness = readiness_rule.readiness if readiness_rule else "proceed"
    next_remedy: str | None = None
    delay_days = 0
    if readiness_rule:
        delay_days = readiness_rule.delay_days
        if readiness == "repair_first":
            next_remedy = readiness_rule.remedy or next(
                (r for r in readiness_rule.remedy_order if r not in answers.remedies_tried),
                readiness_rule.remedy_order[-1] if readiness_rule.remedy_order else None,
            )
            run.text_ctx["remedy_label"] = content.question_by_id["remedies_tried"].option_label(
                next_remedy
            )
        reasons.append(run.text(f"rules.readiness.{readiness_rule.id}"))
    else:
        reasons.append(run.text("rules.default_readiness_reason"))
    run.ctx["readiness"] = readiness

    # 5. Dates: weekends move to Monday; repair windows and holds push the notice date on.
    planned = resolve_notice_date(answers, today)
    notice = planned + dt.timedelta(days=delay_days)
    held = False
    for hold in rules.holds:
        if not run.fires(hold):
            continue
        until = run.ctx.get(hold.until_field) if hold.until_field else None
        if hold.until_field and until is None:
            candidate = notice + dt.timedelta(days=hold.days_if_unknown)
        elif until is not None:
            candidate = until + dt.timedelta(days=1)
        else:
            candidate = notice + dt.timedelta(days=hold.days)
        if candidate > notice or (until is not None and until >= notice):
            notice = max(notice, candidate)
            held = True
            reasons.append(run.text(f"rules.holds.{hold.id}"))
    notice = next_business_day_on_or_after(notice)
    if held and readiness == "proceed":
        readiness = "wait"
    run.ctx["readiness"] = readiness
    run.ctx["held"] = held

    # 6. Channel: the preferred one unless a rule or a constraint says otherwise.
    channel = answers.preferred_channel
    channel_rule = run.first(rules.channel)
    if channel_rule and channel_rule.use not in forbidden_channels and channel_rule.use != channel:
        channel = channel_rule.use
        reasons.append(run.text(f"rules.channel.{channel_rule.id}"))
    if channel in forbidden_channels:
        channel = next(c for c in rules.channel_fallback if c not in forbidden_channels)
        reasons.append(run.text("rules.forbidden_channel_reason"))
    run.ctx["channel"] = channel

    # 7. Follow-up call and written notice.
    call_rule = run.first(rules.follow_up_call)
    follow_up_call = bool(call_rule and call_rule.value) and not no_follow_up_call
    written_rule = run.first(rules.written_notice)
    written_notice = bool(written_rule.value) if written_rule else True
    run.ctx["follow_up_call"] = follow_up_call
    run.ctx["written_notice"] = written_notice

    # 8. Effective date: the contract's notice, or a period that fits the relationship;
    #    then any professional minimum.
    if answers.has_contract and answers.termination_clause == "notice":
        effective = add_days(notice, answers.notice_days, answers.notice_day_kind)
    else:
        period_rule = run.first(rules.notice_period)
        days = period_rule.days if period_rule else 0
        effective = notice + dt.timedelta(days=days)
        if period_rule:
            run.text_ctx["suggested_days"] = days
            reasons.append(run.text(f"rules.notice_period.{period_rule.id}"))
    # A professional floor applies even when the contract's period is shorter.
    for floor_rule in rules.minimum_notice:
        floor = notice + dt.timedelta(days=floor_rule.days)
        if floor > effective and run.fires(floor_rule):
            effective = floor
            run.text_ctx["suggested_days"] = floor_rule.days
            reasons.append(run.text(f"rules.minimum_notice.{floor_rule.id}"))

    # 9. Warnings and constraint texts.
    for rule in rules.warnings:
        if run.fires(rule):
            warnings.append(run.text(f"rules.warnings.{rule.id}"))

    recommendation = Recommendation(
        strategy=strategy,
        readiness=readiness,
        scores=scores,
        reasons=_unique(reasons),
        warnings=_unique(warnings),
        channel=channel,
        follow_up_call=follow_up_call,
        written_notice=written_notice,
        notice_date=notice,
        effective_date=effective,
        constraints=constraint_ids,
        checklist=[],
        next_remedy=next_remedy,
        fired_rules=run.fired,
    )
    checklist = dated_checklist(answers, recommendation, content, planned, run.ctx)
    recommendation = recommendation.model_copy(update={"checklist": checklist})
    return Decision(
        recommendation=recommendation,
        contributions=contributions,
        forbidden=forbidden,
        planned_notice=planned,
        constraint_titles={r.id: run.text(f"rules.constraints.{r.id}.title") for r in constraints},
        constraint_texts={r.id: run.text(f"rules.constraints.{r.id}") for r in constraints},
    )


def anchor_date(anchor: str, notice: dt.date, effective: dt.date, planned: dt.date) -> dt.date:
    return {"notice": notice, "effective": effective, "planned": planned}[anchor]


def decided_context(answers: Answers, rec: Recommendation) -> dict[str, Any]:
    """Answers plus what the engine decided: what plan conditions look at."""
    ctx = answers.model_dump()
    ctx.update(
        constraints=tuple(rec.constraints),
        strategy=rec.strategy,
        readiness=rec.readiness,
        held=rec.readiness == "wait",
        channel=rec.channel,
        follow_up_call=rec.follow_up_call,
        written_notice=rec.written_notice,
    )
    return ctx


def dated_checklist(
    answers: Answers,
    rec: Recommendation,
    content: Content,
    planned: dt.date,
    ctx: dict[str, Any] | None = None,
) -> list[ChecklistItem]:
    ctx = ctx if ctx is not None else decided_context(answers, rec)
    text_ctx = full_context(answers, rec, content, planned=planned)
    items: list[ChecklistItem] = []
    for entry in content.plan.checklist:
        if not entry.when.evaluate(ctx, content.rules.definitions):
            continue
        anchor = anchor_date(entry.anchor, rec.notice_date, rec.effective_date, planned)
        due = offset_working_day(anchor, entry.offset)
        text = content.render(f"plan.checklist.{entry.id}", text_ctx)
        items.append(ChecklistItem(id=entry.id, text=text, due=due, phase=entry.phase))
    phase_order = list(content.plan.phases)
    items.sort(key=lambda item: (item.due, phase_order.index(item.phase)))
    return items


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(item for item in items if item))


def recommend(
    answers: Answers, content: Content, *, today: dt.date | None = None
) -> Recommendation:
    return decide(answers, content, today=today).recommendation
