"""The recommendation engine: answers + content -> one frozen `Decision`. Pure: no I/O;
the plan date is passed in (or read from the clock once, at the start).

The engine runs one small function per stage, in the order of `wizard.stages.STAGES`
(constraints -> scores -> strategy -> readiness -> holds -> channel -> follow-up and
written notice -> dates -> warnings -> checklist). Each stage gets the state so far and
returns it with its own facts added; a stage may look only at what earlier stages
decided, which the content checks enforce from the same table.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from wizard.answers import STRATEGIES, Answers, Channel, Readiness, Strategy
from wizard.content_model import Content
from wizard.context import answers_context, decision_texts
from wizard.dates import (
    add_days,
    next_business_day_after,
    next_business_day_on_or_after,
    offset_working_day,
)
from wizard.models import ChecklistItem, Recommendation
from wizard.stages import STAGE_NAMES


@dataclass(frozen=True)
class Contribution:
    rule_id: str
    add: Mapping[str, float]
    reason: str


@dataclass(frozen=True)
class _State:
    """What has been decided so far. Stages return a copy with their facts added."""

    answers: Answers
    content: Content
    today: dt.date
    planned: dt.date
    # What conditions look at: the answers plus every fact decided so far.
    facts: Mapping[str, Any]
    # What wording templates see: the answers' phrases plus stage-specific phrases.
    texts: Mapping[str, Any]
    fired: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    constraint_ids: tuple[str, ...] = ()
    forbidden: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    forbidden_channels: frozenset[str] = frozenset()
    no_follow_up_call: bool = False
    scores: Mapping[Strategy, float] = field(default_factory=dict)
    contributions: tuple[Contribution, ...] = ()
    ranked: tuple[Strategy, ...] = ()
    strategy: Strategy = "communicate"
    readiness: Readiness = "proceed"
    next_remedy: str | None = None
    delay_days: int = 0
    held: bool = False
    hold_ids: tuple[str, ...] = ()
    notice: dt.date = dt.date.min
    channel: Channel = "email"
    follow_up_call: bool = False
    written_notice: bool = True
    effective: dt.date = dt.date.min
    checklist: tuple[ChecklistItem, ...] = ()

    def with_(self, **changes: Any) -> _State:
        return dataclasses.replace(self, **changes)

    def fact(self, **facts: Any) -> dict[str, Any]:
        return {"facts": MappingProxyType({**self.facts, **facts})}

    def text(self, **texts: Any) -> dict[str, Any]:
        return {"texts": MappingProxyType({**self.texts, **texts})}


def _fires(state: _State, rules: list[Any]) -> list[Any]:
    defs = state.content.rules.definitions
    return [rule for rule in rules if rule.when.evaluate(state.facts, defs)]


def _first(state: _State, rules: list[Any]) -> Any | None:
    defs = state.content.rules.definitions
    return next((rule for rule in rules if rule.when.evaluate(state.facts, defs)), None)


def _fired(state: _State, *rules: Any) -> tuple[str, ...]:
    return state.fired + tuple(rule.id for rule in rules if rule is not None)


# --- the stages, in order -------------------------------------------------------------


def _constraints(state: _State) -> _State:
    """Hard constraints: what must happen, and which strategies and channels they rule out."""
    hits = _fires(state, state.content.rules.constraints)
    forbidden: dict[str, tuple[str, ...]] = {}
    for rule in hits:
        for strategy in rule.forbid_strategies:
            forbidden[strategy] = (*forbidden.get(strategy, ()), rule.title.render(state.texts))
    ids = tuple(rule.id for rule in hits)
    return state.with_(
        constraint_ids=ids,
        forbidden=MappingProxyType(forbidden),
        forbidden_channels=frozenset(c for rule in hits for c in rule.forbid_channels),
        no_follow_up_call=any(rule.no_follow_up_call for rule in hits),
        fired=_fired(state, *hits),
        **state.fact(constraints=ids),
    )


def _scores(state: _State) -> _State:
    """Every soft rule that fires moves the strategies' scores and gives a reason."""
    rules = state.content.rules
    scores: dict[Strategy, float] = {s: rules.base_scores.get(s, 0.0) for s in STRATEGIES}
    hits = _fires(state, rules.scoring)
    for rule in hits:
        for strategy, delta in rule.add.items():
            scores[strategy] += delta
    contributions = tuple(
        Contribution(rule.id, MappingProxyType(dict(rule.add)), rule.reason.render(state.texts))
        for rule in hits
    )
    return state.with_(
        scores=MappingProxyType({s: round(v, 2) for s, v in scores.items()}),
        contributions=contributions,
        fired=_fired(state, *hits),
    )


def _strategy(state: _State) -> _State:
    """The best score not ruled out; ties broken by the content's order."""
    content, scores = state.content, state.scores
    ranked = tuple(sorted(STRATEGIES, key=lambda s: (-scores[s], content.rules.tie_order.index(s))))
    allowed = [s for s in ranked if s not in state.forbidden] or list(ranked)
    strategy = allowed[0]
    reasons = [
        c.reason
        for c in sorted(state.contributions, key=lambda c: -c.add.get(strategy, 0.0))
        if c.add.get(strategy, 0.0) > 0
    ]
    texts = dict(state.texts)
    top = ranked[0]
    if top != strategy and top in state.forbidden:
        texts.update(
            ruled_out_label=content.plan.strategies[top].label,
            ruled_out_titles="; ".join(state.forbidden[top]),
        )
        reasons.append(content.rules.ruled_out_reason.render(texts))
    return state.with_(
        ranked=ranked,
        strategy=strategy,
        reasons=state.reasons + tuple(reasons),
        texts=MappingProxyType(texts),
        **state.fact(strategy=strategy),
    )


def _readiness(state: _State) -> _State:
    """The first readiness rule that fires says whether to act now or try a fix first."""
    content = state.content
    rule = _first(state, content.rules.readiness)
    if rule is None:
        reason = content.rules.default_readiness_reason.render(state.texts)
        return state.with_(reasons=(*state.reasons, reason), **state.fact(readiness="proceed"))
    next_remedy = None
    texts = state.texts
    if rule.readiness == "repair_first":
        tried = state.answers.remedies_tried
        order = rule.remedy_order
        next_remedy = rule.remedy or next(
            (r for r in order if r not in tried), order[-1] if order else None
        )
        label = content.question_by_id["remedies_tried"].option_label(next_remedy)
        texts = MappingProxyType({**texts, "remedy_label": label})
    return state.with_(
        readiness=rule.readiness,
        next_remedy=next_remedy,
        delay_days=rule.delay_days,
        texts=texts,
        reasons=(*state.reasons, rule.reason.render(texts)),
        fired=_fired(state, rule),
        **state.fact(readiness=rule.readiness),
    )


def _holds(state: _State) -> _State:
    """Repair windows and holds push the notice date on; weekends move it to Monday."""
    notice = state.planned + dt.timedelta(days=state.delay_days)
    hold_ids: list[str] = []
    reasons: list[str] = []
    hits = _fires(state, state.content.rules.holds)
    for hold in hits:
        until = state.facts.get(hold.until_field) if hold.until_field else None
        if hold.until_field and until is None:
            candidate = notice + dt.timedelta(days=hold.days_if_unknown)
        elif until is not None:
            candidate = until + dt.timedelta(days=1)
        else:
            candidate = notice + dt.timedelta(days=hold.days)
        if candidate > notice or (until is not None and until >= notice):
            notice = max(notice, candidate)
            hold_ids.append(hold.id)
            reasons.append(hold.reason.render(state.texts))
    held = bool(hold_ids)
    readiness = "wait" if held and state.readiness == "proceed" else state.readiness
    return state.with_(
        notice=next_business_day_on_or_after(notice),
        held=held,
        hold_ids=tuple(hold_ids),
        readiness=readiness,
        reasons=state.reasons + tuple(reasons),
        fired=_fired(state, *hits),
        **state.fact(held=held, readiness=readiness),
    )


def _channel(state: _State) -> _State:
    """The preferred channel unless a rule or a constraint says otherwise."""
    rules = state.content.rules
    channel = state.answers.preferred_channel
    reasons: list[str] = []
    rule = _first(state, rules.channel)
    if rule and rule.use not in state.forbidden_channels and rule.use != channel:
        channel = rule.use
        reasons.append(rule.reason.render(state.texts))
    if channel in state.forbidden_channels:
        channel = next(c for c in rules.channel_fallback if c not in state.forbidden_channels)
        reasons.append(rules.forbidden_channel_reason.render(state.texts))
    return state.with_(
        channel=channel,
        reasons=state.reasons + tuple(reasons),
        fired=_fired(state, rule),
        **state.fact(channel=channel),
    )


def _follow_up_and_written_notice(state: _State) -> _State:
    rules = state.content.rules
    call_rule = _first(state, rules.follow_up_call)
    follow_up_call = bool(call_rule and call_rule.value) and not state.no_follow_up_call
    written_rule = _first(state, rules.written_notice)
    written_notice = bool(written_rule.value) if written_rule else True
    return state.with_(
        follow_up_call=follow_up_call,
        written_notice=written_notice,
        fired=_fired(state, call_rule, written_rule),
        **state.fact(follow_up_call=follow_up_call, written_notice=written_notice),
    )


def _dates(state: _State) -> _State:
    """The end date: the contract's notice, or a period that fits the relationship; then
    any professional minimum, which applies even over a shorter contract period."""
    answers, rules, notice = state.answers, state.content.rules, state.notice
    reasons: list[str] = []
    texts = dict(state.texts)
    fired: list[Any] = []
    if answers.has_contract and answers.termination_clause == "notice":
        effective = add_days(notice, answers.notice_days, answers.notice_day_kind)
    else:
        period_rule = _first(state, rules.notice_period)
        days = period_rule.days if period_rule else 0
        effective = notice + dt.timedelta(days=days)
        if period_rule:
            texts["suggested_days"] = days
            reasons.append(period_rule.reason.render(texts))
            fired.append(period_rule)
    for floor_rule in rules.minimum_notice:
        floor = notice + dt.timedelta(days=floor_rule.days)
        if floor > effective and floor_rule.when.evaluate(state.facts, rules.definitions):
            effective = floor
            texts["suggested_days"] = floor_rule.days
            reasons.append(floor_rule.reason.render(texts))
            fired.append(floor_rule)
    return state.with_(
        effective=effective,
        texts=MappingProxyType(texts),
        reasons=state.reasons + tuple(reasons),
        fired=_fired(state, *fired),
    )


def _warnings(state: _State) -> _State:
    hits = _fires(state, state.content.rules.warnings)
    return state.with_(
        warnings=tuple(rule.text.render(state.texts) for rule in hits),
        fired=_fired(state, *hits),
    )


def anchor_date(anchor: str, notice: dt.date, effective: dt.date, planned: dt.date) -> dt.date:
    return {"notice": notice, "effective": effective, "planned": planned}[anchor]


def _final_texts(state: _State) -> dict[str, Any]:
    return decision_texts(
        dict(state.texts),
        state.content,
        answers=state.answers,
        strategy=state.strategy,
        readiness=state.readiness,
        channel=state.channel,
        follow_up_call=state.follow_up_call,
        written_notice=state.written_notice,
        constraints=state.constraint_ids,
        notice=state.notice,
        effective=state.effective,
        planned=state.planned,
        next_remedy=state.next_remedy,
    )


def _checklist(state: _State) -> _State:
    """The dated checklist of the contract's recommendation."""
    content = state.content
    texts = _final_texts(state)
    items = [
        ChecklistItem(
            id=entry.id,
            text=entry.text.render(texts),
            due=offset_working_day(
                anchor_date(entry.anchor, state.notice, state.effective, state.planned),
                entry.offset,
            ),
            phase=entry.phase,
        )
        for entry in content.plan.checklist
        if entry.when.evaluate(state.facts, content.rules.definitions)
    ]
    phase_order = list(content.plan.phases)
    items.sort(key=lambda item: (item.due, phase_order.index(item.phase)))
    return state.with_(checklist=tuple(items), texts=MappingProxyType(texts))


STAGE_FUNCTIONS: Mapping[str, Callable[[_State], _State]] = {
    "constraints": _constraints,
    "scores": _scores,
    "strategy": _strategy,
    "readiness": _readiness,
    "holds": _holds,
    "channel": _channel,
    "follow_up_and_written_notice": _follow_up_and_written_notice,
    "dates": _dates,
    "warnings": _warnings,
    "checklist": _checklist,
}
assert tuple(STAGE_FUNCTIONS) == STAGE_NAMES, "engine stages must follow wizard.stages"


# --- the result -----------------------------------------------------------------------


@dataclass(frozen=True)
class Decision:
    """Everything the engine decided, once. The plan builder words and dates the plan from
    this record and never decides anything again."""

    recommendation: Recommendation
    answers: Answers  # the answers the engine used (off-path questions reset)
    today: dt.date  # the plan date
    planned_notice: dt.date  # the notice date the user planned, before holds and repairs
    held: bool
    hold_ids: tuple[str, ...]
    # What the plan's conditions look at: answers plus every decided fact.
    facts: Mapping[str, Any]
    # What the plan's wording templates see.
    texts: Mapping[str, Any]
    contributions: tuple[Contribution, ...]
    # strategy -> titles of the constraints that rule it out
    forbidden: Mapping[str, tuple[str, ...]]
    constraint_titles: Mapping[str, str]
    constraint_texts: Mapping[str, str]


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


def resolve_notice_date(answers: Answers, today: dt.date) -> dt.date:
    """The planned notice date; a missing one is the next business day after the plan date."""
    if answers.notice_date is not None:
        return answers.notice_date
    return next_business_day_after(today)


def _unique(items: tuple[str, ...]) -> list[str]:
    return list(dict.fromkeys(item for item in items if item))


def decide(answers: Answers, content: Content, *, today: dt.date | None = None) -> Decision:
    today = today or dt.date.today()
    answers = effective_answers(answers, content)
    state = _State(
        answers=answers,
        content=content,
        today=today,
        planned=resolve_notice_date(answers, today),
        facts=MappingProxyType(answers.model_dump()),
        texts=MappingProxyType(answers_context(answers, content)),
    )
    for name in STAGE_NAMES:
        state = STAGE_FUNCTIONS[name](state)
    recommendation = Recommendation(
        strategy=state.strategy,
        readiness=state.readiness,
        scores=dict(state.scores),
        reasons=_unique(state.reasons),
        warnings=_unique(state.warnings),
        channel=state.channel,
        follow_up_call=state.follow_up_call,
        written_notice=state.written_notice,
        notice_date=state.notice,
        effective_date=state.effective,
        constraints=list(state.constraint_ids),
        checklist=list(state.checklist),
        next_remedy=state.next_remedy,
        fired_rules=list(state.fired),
    )
    constraints = [r for r in content.rules.constraints if r.id in state.constraint_ids]
    return Decision(
        recommendation=recommendation,
        answers=answers,
        today=today,
        planned_notice=state.planned,
        held=state.held,
        hold_ids=state.hold_ids,
        facts=state.facts,
        texts=state.texts,
        contributions=state.contributions,
        forbidden=state.forbidden,
        constraint_titles=MappingProxyType(
            {r.id: r.title.render(state.texts) for r in constraints}
        ),
        constraint_texts=MappingProxyType({r.id: r.text.render(state.texts) for r in constraints}),
    )


def recommend(
    answers: Answers, content: Content, *, today: dt.date | None = None
) -> Recommendation:
    return decide(answers, content, today=today).recommendation
