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
from typing import Any, NamedTuple

from wizard.answers import STRATEGIES, Answers, Channel, Readiness, Strategy
from wizard.content_model import Content, DatedEntry
from wizard.context import (
    answers_context,
    deadline_date,
    decision_texts,
    join_words,
    quoted_titles,
    remedy_label,
)
from wizard.dates import long_date
from wizard.models import ChecklistItem, Phase, Recommendation
from wizard.notice_date import requested_notice_date, resolve_notice_date
from wizard.places import currency_for
from wizard.stages import STAGE_NAMES
from wizard.workdays import Workdays, plus_days


@dataclass(frozen=True)
class Contribution:
    rule_id: str
    add: Mapping[str, float]
    reason: str


class HolidayMove(NamedTuple):
    """A date the plan would have given, moved past public holidays to a working day."""

    # "planned" (the day the plan starts), "notice" (after a wait), "cure" (the last day to
    # put a breach right), "end", "cure_end" (the end falls on the cure period's last day),
    # or "stop" (the day a builder's work stops after the stop-work notice)
    kind: str
    was: dt.date
    now: dt.date
    holidays: tuple[tuple[dt.date, str], ...]


def _holiday_move(wd: Workdays, kind: str, was: dt.date, now: dt.date) -> tuple[HolidayMove, ...]:
    """The move from `was` to `now`, when a public holiday made it: one on `was` itself or
    on a weekday after it. A holiday on a later weekend day moved nothing the weekend had
    not already moved."""
    holidays = tuple(
        (day, name)
        for day, name in wd.holidays_between(was, now)
        if day == was or day.weekday() not in wd.weekend
    )
    return (HolidayMove(kind, was, now, holidays),) if holidays else ()


@dataclass(frozen=True)
class _State:
    """What has been decided so far. Stages return a copy with their facts added."""

    answers: Answers
    content: Content
    today: dt.date
    planned: dt.date
    workdays: Workdays
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
    remedy_days: int = 0
    held: bool = False
    hold_ids: tuple[str, ...] = ()
    notice: dt.date = dt.date.min
    # The working day a repair window runs out on, before any hold: a fix is reviewed then.
    repair_end: dt.date = dt.date.min
    # Dates that a public holiday pushed on to the next working day: the warning names them.
    holiday_moves: tuple[HolidayMove, ...] = ()
    channel: Channel = "email"
    follow_up_call: bool = False
    written_notice: bool = True
    effective: dt.date = dt.date.min
    cure_ends: dt.date | None = None  # the last day to put a breach right, while one may be
    notice_days: int = 0
    notice_days_minimum: int = 0
    warning_ids: tuple[str, ...] = ()
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


def _overrides(state: _State) -> _State:
    """Answers that another answer rules out are read as it requires, before any rule looks
    at them; the reason comes first among the plan's reasons."""
    hits = _fires(state, state.content.rules.overrides)
    if not hits:
        return state
    answers = state.answers.model_copy(update={k: v for rule in hits for k, v in rule.set.items()})
    texts = {**state.texts, **answers_context(answers, state.content)}
    return state.with_(
        answers=answers,
        reasons=(*state.reasons, *(rule.reason.render(texts) for rule in hits)),
        fired=_fired(state, *hits),
        facts=MappingProxyType({**state.facts, **answers.model_dump()}),
        texts=MappingProxyType(texts),
    )


def _constraints(state: _State) -> _State:
    """Hard constraints: what must happen, and which strategies and channels they rule out."""
    hits = _fires(state, state.content.rules.constraints)
    forbidden: dict[str, tuple[str, ...]] = {}
    defs = state.content.rules.definitions
    for rule in hits:
        if not rule.forbid_when.evaluate(state.facts, defs):
            continue
        for strategy in rule.forbid_strategies:
            forbidden[strategy] = (*forbidden.get(strategy, ()), rule.title.render(state.texts))
    ids = tuple(rule.id for rule in hits)
    planned, moves, reasons = state.planned, state.holiday_moves, state.reasons
    at_once = state.workdays.after(state.today)
    latest = max(at_once, plus_days(state.today, state.content.rules.notice_at_once_within_days))
    # Nor may it wait past a client's deadline (a trial, a filing) that falls before it.
    waits_past = [d for d in state.answers.key_deadlines if state.today <= d.date < planned]
    if any(rule.notice_at_once for rule in hits) and (planned > latest or waits_past):
        # A later date the user planned gives way; the holiday it may have moved off with it.
        requested = requested_notice_date(state.answers, state.today) or planned
        texts = {
            **state.texts,
            "requested_on": long_date(requested),
            "planned_on": long_date(at_once),
            # Named only when they are why the date moved (a near date, but after them).
            "waits_past_text": ""
            if planned > latest
            else join_words(
                [f"{d.label} ({long_date(d.date)})" for d in sorted(waits_past, key=deadline_date)]
            ),
        }
        reasons = (*reasons, state.content.rules.notice_at_once_reason.render(texts))
        planned, moves = at_once, tuple(m for m in moves if m.kind != "planned")
    return state.with_(
        planned=planned,
        holiday_moves=moves,
        reasons=reasons,
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
            ruled_out_titles=quoted_titles(state.forbidden[top]),
            ruled_out_count=len(state.forbidden[top]),
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
    tried = state.answers.remedies_tried
    defs = content.rules.definitions
    fired = [r for r in content.rules.readiness if r.when.evaluate(state.facts, defs)]
    # A fix to try first must be one not tried yet: a rule that picks from a list of fixes,
    # all of them tried, gives way to the next rule (spec: "try the named remedy first").
    rule = next(
        (r for r in fired if r.remedy or not r.remedy_order or set(r.remedy_order) - set(tried)),
        None,
    )
    if rule is None:
        words = {**state.texts, "remedies_used_up": bool(fired)}
        reason = content.rules.default_readiness_reason.render(words)
        return state.with_(
            reasons=(*state.reasons, reason),
            **state.fact(readiness="proceed", notice_follows=True, written_fix=False),
            **state.text(notice_follows=True),
        )
    next_remedy = None
    texts = state.texts
    if rule.readiness == "repair_first":
        order = rule.remedy_order
        next_remedy = rule.remedy or next((r for r in order if r not in tried), None)
        label = remedy_label(next_remedy, state.answers, content) if next_remedy else ""
        # The reason may name the fix (remedy_label) or word itself by it (remedy).
        texts = MappingProxyType({**texts, "remedy": next_remedy, "remedy_label": label})
    texts = MappingProxyType({**texts, "notice_follows": rule.notice_follows})
    reasons = (*state.reasons, rule.reason.render(texts))
    planned, moves, delay = state.planned, state.holiday_moves, rule.delay_days
    at_once = _refusal_day(state.answers, state.workdays, state.today)
    # A request only suggested is refused at once, also when a fix for another problem
    # carries the refusal (it goes in the same message): the fix starts at once with it.
    refusal_first = rule.readiness == "repair_first" and content.rules.refusal_pending.evaluate(
        state.facts, content.rules.definitions
    )
    if (rule.starts_at_once or refusal_first) and planned > at_once:
        # A later date gives way; the holiday it may have moved off with it. Only a date the
        # user gave is worth a reason: the default one was never their plan.
        requested = requested_notice_date(state.answers, state.today)
        if requested is not None:
            words = {
                **texts,
                "requested_on": long_date(requested),
                "planned_on": long_date(at_once),
                "planned_today": at_once == state.today,
            }
            reasons = (*reasons, content.rules.start_at_once_reason.render(words))
        # The notice that may follow a fix for another problem still comes no sooner than
        # the date the user planned. (A refusal alone is followed by no notice: if the client
        # insists, a prompt one, whatever was planned.)
        if not rule.starts_at_once:
            delay = max(delay, (planned - at_once).days)
        planned, moves = at_once, tuple(m for m in moves if m.kind != "planned")
    return state.with_(
        planned=planned,
        holiday_moves=moves,
        readiness=rule.readiness,
        next_remedy=next_remedy,
        delay_days=delay,
        remedy_days=rule.remedy_days,
        texts=texts,
        reasons=reasons,
        fired=_fired(state, rule),
        **state.fact(
            readiness=rule.readiness,
            notice_follows=rule.notice_follows,
            written_fix=rule.readiness == "repair_first" and next_remedy == "written_warning",
        ),
    )


def _holds(state: _State) -> _State:
    """Repair windows and holds push the notice date on, each hold to at most its longest
    sensible length; the notice then lands on a working day."""
    start = plus_days(state.planned, state.delay_days)
    moves = state.holiday_moves
    if state.remedy_days:
        # The remedy's own period ends on a working day (as its step in the plan does); the
        # rest of the window runs from there, so a builder's 30 days of stoppage are whole.
        remedy_ends = state.workdays.offset(state.planned, state.remedy_days)
        start = max(start, plus_days(remedy_ends, state.delay_days - state.remedy_days))
        # A stop-work day moved off a public holiday is named, like every other moved date.
        was = plus_days(state.planned, state.remedy_days)
        moves = moves + _holiday_move(state.workdays, "stop", was, remedy_ends)
    notice = start
    hold_ids: list[str] = []
    reasons: list[str] = []
    capped = False
    hits = _fires(state, state.content.rules.holds)
    for hold in hits:
        until = state.facts.get(hold.until_field) if hold.until_field else None
        # Each hold counts from where the waiting starts, not from the end of the hold
        # before it: a crisis and a critical period are going on at the same time, so an
        # unknown end is assumed as far from now as the warning says, not added on.
        if hold.until_field and until is None:
            candidate = plus_days(start, hold.days_if_unknown)
        elif until is not None:
            candidate = plus_days(until, 1)
        else:
            candidate = plus_days(start, hold.days)
        # Bounded from where the waiting starts, so holds in a row cannot add up.
        longest = plus_days(start, hold.max_days)
        this_capped = candidate > longest
        if this_capped:
            candidate, capped = longest, True
        if candidate > notice or (until is not None and until >= notice):
            notice = max(notice, candidate)
            hold_ids.append(hold.id)
            # A capped hold's reason says that the plan stops waiting before the end.
            reasons.append(hold.reason.render({**state.texts, "hold_capped": this_capped}))
    held = bool(hold_ids)
    readiness = "wait" if held and state.readiness == "proceed" else state.readiness
    landed = state.workdays.on_or_after(notice)
    # The planned date itself may already have moved off a holiday (see decide).
    moves = moves + _holiday_move(state.workdays, "notice", notice, landed)
    rules = state.content.rules
    if (
        landed != state.planned
        and _in_year_end(landed)
        and rules.year_end_moves_notice.evaluate(state.facts, rules.definitions)
    ):
        # A date the plan chose, not the user: notice of ending care waits for the year-end
        # holidays to pass (the holiday it moved off no longer matters).
        after = state.workdays.on_or_after(dt.date(landed.year + (landed.month == 12), 1, 2))
        words = {
            **state.texts,
            "year_end_notice_was": long_date(landed),
            "year_end_notice_now": long_date(after),
        }
        reasons.append(rules.year_end_notice_moved_reason.render(words))
        landed, moves = after, tuple(m for m in moves if m.kind != "notice")
    return state.with_(
        notice=landed,
        repair_end=state.workdays.on_or_after(start),
        holiday_moves=moves,
        held=held,
        hold_ids=tuple(hold_ids),
        readiness=readiness,
        reasons=state.reasons + tuple(reasons),
        fired=_fired(state, *hits),
        **state.fact(held=held, readiness=readiness, hold_capped=capped),
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
    """The end date. The contract's notice (or cure period) and any professional floor are
    the minimum; a long, close or dependent relationship gets more when nothing argues for
    speed; with no contract the relationship sets a fair period. The end then keeps clear
    of the client's key deadlines where professional rules ask for it, and of holidays."""
    answers, rules, wd, notice = state.answers, state.content.rules, state.workdays, state.notice
    defs, ids = rules.definitions, state.constraint_ids
    reasons: list[str] = []
    texts = dict(state.texts)
    fired: list[Any] = []
    by_contract = "contract_notice" in ids
    unit = answers.notice_day_kind if by_contract else "calendar"
    # Notice runs from the day the client has it: a posted letter's periods (the contract's,
    # a cure period, a professional floor) count from the day it arrives, so the client is
    # never given less than the letter says.
    # (A note declining more work after a finished job ends nothing on arrival: it is dated
    # the day it goes.)
    start = _received(state) if answers.engagement_status == "ongoing" else notice
    texts["counted_from_arrival"] = start != notice
    texts["notice_start"] = start
    texts["notice_start_on"] = long_date(start)

    # The minimum: what the contract or the professional rules require.
    minimum = start
    if by_contract:
        minimum = wd.add(start, answers.notice_days, unit)
    cure_ends: dt.date | None = None
    cure_moves: tuple[HolidayMove, ...] = ()
    after_cure = start
    if "cure_period" in ids:
        # The last day the client has to put the breach right; nothing ends before it. A
        # period whose last day is not a working day runs to the next one: no client is
        # asked to pay or put things right on a Sunday or a public holiday. The minimum is
        # still what the contract asks.
        cure_last = (
            wd.add(start, answers.cure_days, "business")
            if answers.cure_day_kind == "business"
            else plus_days(start, answers.cure_days)
        )
        cure_ends = wd.on_or_after(cure_last)
        cure_moves = _holiday_move(wd, "cure", cure_last, cure_ends)
        texts["cure_on"] = long_date(cure_ends)
        # The client has the whole of that last day: the earliest end is the day after it
        # (after the day it moved to, when it fell on a holiday). With no cure period at
        # all, the end can be the day notice is given.
        if answers.cure_days > 0:
            minimum = max(minimum, plus_days(cure_last, 1))
            after_cure = plus_days(cure_ends, 1)
        reasons.append(rules.cure_period_reason.render(texts))
    effective = max(minimum, after_cure)
    extended_at: int | None = None
    lengthened = False
    # What the relationship suggests: the period itself when no contract sets one, an
    # extension of the contract's when the relationship calls for more.
    period_rule = _first(state, rules.notice_period)
    # Where the relationship's own suggestion sets the end, the index of its reason: a
    # professional floor that lands later replaces it, so no reason names a shorter period
    # than the plan gives.
    suggested_at: int | None = None
    if period_rule is not None:
        suggested = plus_days(start, period_rule.days)
        texts["suggested_days"] = period_rule.days
        if not by_contract and "cure_period" not in ids:
            lengthened = suggested > effective and period_rule.gives_time_to_adjust
            effective = max(effective, suggested)
            suggested_at = len(reasons)
            reasons.append(period_rule.reason.render(texts))
            fired.append(period_rule)
        elif suggested > effective and rules.extend_contract_notice.evaluate(state.facts, defs):
            effective = suggested
            lengthened = True
            # Worded once the end date is final (below): the reason names the notice the
            # plan actually gives, after the end moves off a weekend, holiday or deadline.
            extended_at = len(reasons)
            reasons.append("")
            fired.append(period_rule)
    # A professional floor is part of the minimum whenever it applies, even when the
    # relationship already gives more; it moves the end only when it is later.
    for floor_rule in rules.minimum_notice:
        floor = plus_days(start, floor_rule.days)
        if not floor_rule.when.evaluate(state.facts, defs):
            continue
        minimum = max(minimum, floor)
        if floor > effective:
            effective = floor
            texts["suggested_days"] = floor_rule.days
            if suggested_at is not None:
                reasons.pop(suggested_at)
                suggested_at = None
            reasons.append(floor_rule.reason.render(texts))
            fired.append(floor_rule)

    # The client's deadlines split at the day the client has the notice (a posted letter: the
    # day it arrives). Those still ahead then are the ones the notice names; one that falls
    # before it (a hold for a trial, a letter in the post) is met by the provider, who is
    # still serving then, and is only noted on the provider's own plan: the letter never
    # lists a date already past when it is read as one to watch.
    deadlines = sorted(answers.key_deadlines, key=deadline_date)
    ahead = [d for d in deadlines if d.date >= start]
    before = [d for d in deadlines if state.today <= d.date < start]
    texts.update(
        # Every deadline the user gave, for their own facts: one already past says so.
        deadline_lines=[
            f"{d.label} \u2013 {long_date(d.date)}" + (" (passed)" if d.date < state.today else "")
            for d in deadlines
        ],
        notice_deadline_lines=[f"{d.label} \u2013 {long_date(d.date)}" for d in ahead],
        notice_deadlines_text=join_words([f"{d.label} ({long_date(d.date)})" for d in ahead]),
        held_deadlines_text=join_words([f"{d.label} ({long_date(d.date)})" for d in before]),
        held_deadline_count=len(before),
    )

    # Key deadlines inside the notice period or just after the end.
    # How long after the end a deadline is "soon after": the profession's own margin for the
    # warning always; for moving the end, only where nothing argues for speed.
    margin = rules.deadline_margin_days_by_profession.get(
        answers.profession, rules.deadline_margin_days
    )
    move_margin = rules.deadline_margin_days
    if rules.deadline_margin_extends.evaluate(state.facts, defs):
        move_margin = margin
    near_end = False
    deadline_moves: tuple[HolidayMove, ...] = ()
    moves_end = rules.deadline_moves_end.evaluate(state.facts, defs)
    # Only deadlines near the end the notice gave move it: a chain of deadlines, each near
    # the last one, would otherwise keep the provider on for months (one after another, the
    # client always has a next date). A deadline just after the moved end is warned about.
    given_end = effective
    for deadline in sorted(answers.key_deadlines, key=lambda d: d.date):
        if notice <= deadline.date <= plus_days(effective, margin):
            near_end = True
            within = deadline.date <= plus_days(given_end, move_margin)
            if moves_end and within and deadline.date >= effective:
                # The day after the deadline, or the next working day after it (say why).
                day_after = plus_days(deadline.date, 1)
                effective = wd.on_or_after(day_after)
                deadline_moves = _holiday_move(wd, "end", day_after, effective)
                texts["deadline_what"] = deadline.label
                reasons.append(rules.deadline_moved_reason.render(texts))

    # The end date is a working day where the provider works: not a weekend, not a public
    # holiday. It moves on to the next working day, never back, so the client never gets
    # less notice than the contract, the rules or the relationship call for; and because it
    # is decided here, once, the letter, timeline, checklist and calendar all name the same
    # day. (Moving it back would shorten the notice below a floor the stages above set.)
    landed = wd.on_or_after(effective)
    end_moves = _holiday_move(wd, "end", effective, landed)
    if cure_moves and end_moves and cure_moves[0][1:] == end_moves[0][1:]:
        # The end is the cure period's last day: one move, said once.
        cure_moves, end_moves = (cure_moves[0]._replace(kind="cure_end"),), ()
    moves = state.holiday_moves + cure_moves + (end_moves or deadline_moves)
    # More notice than the contract's only because its last day is not a working day: the
    # letter does not present those days as time given (notice_rolled_only).
    texts["notice_rolled_only"] = (
        by_contract and landed > effective and effective == wd.add(start, answers.notice_days, unit)
    )
    effective = landed
    # Care that would end in the year-end holidays ends on the first working day after them.
    if _in_year_end(effective) and rules.year_end_moves_end.evaluate(state.facts, defs):
        after = dt.date(effective.year + (effective.month == 12), 1, 2)
        texts["year_end_was"] = long_date(effective)
        effective = wd.on_or_after(after)
        texts["year_end_now"] = long_date(effective)
        reasons.append(rules.year_end_moved_reason.render(texts))
        # The end no longer rests on the day a holiday moved it to: say nothing of that move.
        moves = state.holiday_moves + cure_moves
    # "Soon after the end" counts from the end the plan gives, once it is on a working day.
    last_near = plus_days(effective, margin)
    near = [d for d in ahead if d.date <= last_near]
    near_end = near_end or bool(near)
    # What the warning names: only these, not every date the notice lists.
    texts.update(
        near_deadlines_text=join_words([f"{d.label} ({long_date(d.date)})" for d in near]),
        near_deadline_count=len(near),
    )
    # Of the deadlines the notice names, those before the end fall while the provider still
    # serves the client: the letter says the provider will see them through, not that the
    # client must arrange them. Not when ending is mandatory (the work may be the improper
    # part) or a court decides the end (the earliest end is not the end), and not after a
    # finished job, where there is no work left to serve them with.
    if (
        "mandatory_withdrawal" in ids
        or "court_permission" in ids
        or answers.engagement_status == "finished"
    ):
        served: list = []
    else:
        served = [d for d in ahead if d.date < effective]
    after_end = [d for d in ahead if d not in served]
    # Listed for the client though they fall before the end (a withdrawal that must happen):
    # the letter says the provider still does what it properly can for them.
    texts["listed_before_end_count"] = len([d for d in after_end if d.date < effective])
    texts.update(
        served_deadline_lines=[f"{d.label} \u2013 {long_date(d.date)}" for d in served],
        client_deadline_lines=[f"{d.label} \u2013 {long_date(d.date)}" for d in after_end],
        served_deadlines_text=join_words([f"{d.label} ({long_date(d.date)})" for d in served]),
        served_deadline_count=len(served),
        client_deadlines_text=join_words([f"{d.label} ({long_date(d.date)})" for d in after_end]),
        client_deadline_count=len(after_end),
    )
    # The notice the plan gives is counted from the day the client has it (a posted letter:
    # the day it arrives), as the contract's minimum is and as the letter and the plan's
    # facts say it: one figure everywhere, not the letter's days in the post added on.
    notice_days = wd.count(start, effective, unit)
    texts["notice_days"] = notice_days
    texts["days_given"] = notice_days
    if extended_at is not None:
        texts["notice_given_text"] = f"{texts['days_given']} {unit} days"
        reasons[extended_at] = rules.contract_extended_reason.render(texts)
    # A reason about time to adjust stays only when the relationship gave that time.
    earlier = state.reasons
    if not lengthened:
        dropped = {
            c.reason
            for c in state.contributions
            if any(r.id == c.rule_id and r.reason_needs_longer_notice for r in rules.scoring)
        }
        earlier = tuple(r for r in earlier if r not in dropped)
    # A breach the client still has days to put right: nothing that takes the end as certain
    # happens before then, and the wording says so (cure_pending).
    if answers.cure_days <= 0:
        cure_ends = None
    texts["cure_pending"] = cure_ends is not None
    # Known from here on, for the warnings too (the wording context sets it again later).
    # "Same day": the end is the day the client has the notice (a posted letter: the day it
    # arrives), so the letter says "today" or "the day this letter reaches you".
    texts["same_day"] = effective == start
    if not state.facts["notice_follows"]:
        # A plan that only refuses a request gives no notice: the notice's and the end's
        # dates are not the user's to check.
        moves = tuple(m for m in moves if m.kind not in ("notice", "end", "cure", "cure_end"))
    texts["holiday_moves"] = [_move_words(move) for move in moves]
    # With no place of work the calendar has no holidays (the answers contract); the two
    # that almost every country keeps are pointed out instead of silently used.
    unknown_holiday = sorted(
        {day for day in (notice, start, effective) if (day.month, day.day) in _COMMON_HOLIDAYS}
    )
    if answers.jurisdiction:
        unknown_holiday = []
    texts["unknown_holiday_text"] = join_words(
        [f"{long_date(day)} ({_COMMON_HOLIDAYS[(day.month, day.day)]})" for day in unknown_holiday]
    )
    return state.with_(
        holiday_moves=moves,
        effective=effective,
        cure_ends=cure_ends,
        notice_days=notice_days,
        notice_days_minimum=min(wd.count(start, minimum, unit), notice_days),
        texts=MappingProxyType(texts),
        reasons=earlier + tuple(reasons),
        fired=_fired(state, *fired),
        **state.fact(
            holiday_moved=bool(moves),
            notice_in_year_end=_in_year_end(notice) or _in_year_end(start),
            deadline_near_end=near_end,
            deadline_before_notice=bool(before),
            deadline_after_notice=bool(ahead),
            same_day=effective == start,
            # Notice goes more than a week after the plan is made: its amounts may be stale.
            notice_later=notice > plus_days(state.today, 7),
            deadline_served=bool(served),
            unknown_holiday=bool(unknown_holiday),
        ),
    )


def _holiday_words(day: dt.date, name: str, was: dt.date, *, alone: bool) -> str:
    name = name.replace("; ", " / ")
    if day != was:
        return f"{name} on {long_date(day)}"
    return name if alone else f"{name} that day"


def _move_words(move: HolidayMove) -> dict[str, Any]:
    """What the holiday warning says of one move: which date, from when, to when, why."""
    holidays = move.holidays
    return {
        "kind": move.kind,
        "was": long_date(move.was),
        "now": long_date(move.now),
        # The date itself is not repeated: "Christmas Day", or "Boxing Day that day" beside
        # others. Two holidays on one day are one name: "Susan B. Anthony Day / ...".
        "holidays_text": join_words(
            [
                _holiday_words(day, name, move.was, alone=len(holidays) == 1)
                for day, name in holidays
            ]
        ),
        "holiday_count": len(move.holidays),
    }


def _warnings(state: _State) -> _State:
    hits = _fires(state, state.content.rules.warnings)
    # Everything is decided by now: warnings are worded with the same names as the plan's
    # texts, the context `wizard check` renders them against (render_check).
    texts = _final_texts(state) if hits else {}
    return state.with_(
        warnings=tuple(rule.text.render(texts) for rule in hits),
        warning_ids=tuple(rule.id for rule in hits),
        fired=_fired(state, *hits),
    )


@dataclass(frozen=True)
class KeyDates:
    """The dates every dated step hangs from, and the calendar they are counted in."""

    today: dt.date
    planned: dt.date
    notice: dt.date
    effective: dt.date
    workdays: Workdays
    # While the client may still put a breach right: the cure period's last day.
    cure_ends: dt.date | None = None
    # Where a repair window runs out, before any hold (the notice date when nothing holds).
    repair_end: dt.date | None = None
    # The day the client has the notice: later than `notice` only for a posted letter.
    received: dt.date | None = None
    # The first deadline of the client's that the provider still meets before the end.
    served_deadline: dt.date | None = None
    # The client's first deadline on or after the notice date, whoever meets it.
    next_deadline: dt.date | None = None
    # The day a refusal of an improper request goes (see _refusal_day).
    refusal: dt.date | None = None

    def anchor(self, name: str) -> dt.date:
        return {
            "today": self.today,
            "notice": self.notice,
            "received": self.received or self.notice,
            "served_deadline": self.served_deadline or self.effective,
            "effective": self.effective,
            "planned": self.planned,
            "repair_end": self.repair_end or self.notice,
            "refusal": self.refusal or self.today,
        }[name]

    def of(self, entry: DatedEntry) -> dt.date:
        """The date of one of the plan's dated steps (timeline or checklist)."""
        return self.schedule(
            entry.anchor,
            entry.offset,
            entry.phase,
            entry.after_cure,
            entry.before_deadline,
            entry.any_day,
        )

    def schedule(
        self,
        anchor: str,
        offset: int,
        phase: Phase | None,
        after_cure: bool = False,
        before_deadline: bool = False,
        any_day: bool = False,
    ) -> dt.date:
        """A step's date: `offset` working days from its anchor, kept inside its phase
        (before notice: from today to the notice date; during notice: from the notice date
        to the end; after the end: from the end on) and never before today. A step that
        takes the end as certain waits for a running cure period to end; one that gives the
        client what a deadline needs comes before the client's next deadline. Unless it
        can be done on any day, it lands on a working day."""
        wd = self.workdays
        day = wd.offset(self.anchor(anchor), offset)
        low, high = self.today, dt.date.max
        if after_cure and self.cure_ends is not None:
            # Not on the cure period's last day: the client has all of it.
            low = wd.on_or_after(plus_days(self.cure_ends, 1))
        if before_deadline and self.next_deadline is not None:
            high = wd.on_or_before(plus_days(self.next_deadline, -1))
        if phase == "before_notice":
            high = min(high, self.notice)
        elif phase == "at_notice":
            low = high = self.notice
        elif phase == "during_notice":
            low, high = max(low, self.notice), min(high, self.effective)
        elif phase == "after_end":
            low = max(low, self.effective)
        high = max(high, low)
        day = min(max(day, low), high)
        if not any_day and not wd.is_business_day(day):
            earlier, later = wd.on_or_before(day), wd.on_or_after(day)
            day = earlier if earlier >= low else later if later <= high else day
        return day


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


def after_cure_text(text: str, entry: Any, dates: KeyDates, content: Content, texts: Any) -> str:
    """A step's text, with the note that it waits for the cure period when it takes the end
    as certain while the client may still put a breach right."""
    if entry.after_cure and dates.cure_ends is not None:
        return f"{text} {content.plan.after_cure_note.render(texts)}"
    return text


# Christmas Day and New Year's Day: public holidays in almost every country.
_COMMON_HOLIDAYS = {(12, 25): "Christmas Day", (1, 1): "New Year's Day"}


def _in_year_end(day: dt.date) -> bool:
    """24 December to 1 January: most practices and services are closed or short-staffed."""
    return (day.month, day.day) >= (12, 24) or (day.month, day.day) == (1, 1)


def _refusal_day(answers: Answers, workdays: Workdays, today: dt.date) -> dt.date:
    """ "At once" for a refusal in writing (notes: refuse in writing at once): the plan date
    itself, a holiday included, for an email; the first working day's post for a letter."""
    return workdays.on_or_after(today) if answers.preferred_channel == "letter" else today


def _received(state: _State) -> dt.date:
    """The day the client has the notice: a posted letter arrives some working days after
    it is posted; anything else is received the day it is given."""
    # A call or a meeting confirmed by post (the user chose a letter) is received, in writing,
    # when the confirmation arrives: a contract's written notice runs from then.
    spoken = state.channel in ("phone", "video", "in_person")
    by_post = state.channel == "letter" or (
        spoken and state.answers.preferred_channel == "letter" and state.facts["written_notice"]
    )
    if not by_post:
        return state.notice
    return state.workdays.add(state.notice, state.content.plan.posted_arrives_after, "business")


def _key_dates(state: _State) -> KeyDates:
    received = _received(state)
    ahead = [d.date for d in state.answers.key_deadlines if state.notice <= d.date]
    next_deadline = min(ahead, default=None)
    return KeyDates(
        state.today,
        state.planned,
        state.notice,
        state.effective,
        state.workdays,
        state.cure_ends,
        state.repair_end,
        received,
        next_deadline if state.facts["deadline_served"] else None,
        next_deadline,
        _refusal_day(state.answers, state.workdays, state.today),
    )


# Steps dated from the notice or the end belong to the ending itself: a plan whose fix is
# not followed by an ordinary notice (notice_follows) stops before them.
ENDING_ANCHORS = ("notice", "received", "effective")


def _checklist(state: _State) -> _State:
    """The dated checklist of the contract's recommendation."""
    content = state.content
    texts = _final_texts(state)
    dates = _key_dates(state)
    # A fix is reviewed where its own window runs out (the plan's review step, the letter).
    texts["review_on"] = long_date(dates.schedule("repair_end", -2, "before_notice"))
    # No working day before notice to finish the draft on (notice today, or the plan made
    # on a weekend or holiday before it): no night to sleep on the draft.
    texts["notice_today"] = dates.schedule("notice", -1, "before_notice") >= state.notice
    # What the provider needs from the client for a deadline it still meets, asked for about
    # ten days ahead of it ("as soon as you can" when that is no later than the notice).
    info_by = dates.schedule("served_deadline", -10, "during_notice")
    texts["served_info_by"] = long_date(info_by)
    texts["served_info_soon"] = info_by <= state.notice
    items = [
        ChecklistItem(
            id=entry.id,
            text=after_cure_text(entry.text.render(texts), entry, dates, content, texts),
            due=dates.of(entry),
            phase=entry.phase,
        )
        for entry in content.plan.checklist
        if entry.when.evaluate(state.facts, content.rules.definitions)
        and (state.facts["notice_follows"] or entry.anchor not in ENDING_ANCHORS)
    ]
    phase_order = list(content.plan.phases)
    items.sort(key=lambda item: (item.due, phase_order.index(item.phase)))
    return state.with_(checklist=tuple(items), texts=MappingProxyType(texts))


STAGE_FUNCTIONS: Mapping[str, Callable[[_State], _State]] = {
    "overrides": _overrides,
    # Resolved when the state is made (see decide): the plan date comes first.
    "plan_date": lambda state: state,
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
    # The plan date, the planned, notice and end dates, and the calendar they count in:
    # every dated step of the plan is scheduled from these.
    dates: KeyDates
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


def _unique(items: tuple[str, ...]) -> list[str]:
    return list(dict.fromkeys(item for item in items if item))


def decide(answers: Answers, content: Content, *, today: dt.date | None = None) -> Decision:
    today = today or dt.date.today()
    answers = effective_answers(answers, content)
    past = answers.notice_date is not None and answers.notice_date < today
    # A crisis the user said would be over before the plan date may still be going on (a
    # file saved weeks ago): its end is read as unknown, so the crisis duties stay and a
    # held notice waits as for an unknown end; a warning says so (crisis_date_passed).
    crisis_over = answers.client_in_crisis_until
    crisis_passed = bool(answers.client_in_crisis and crisis_over and crisis_over < today)
    if crisis_passed:
        answers = answers.model_copy(update={"client_in_crisis_until": None})
    workdays = Workdays(answers.jurisdiction)
    planned = resolve_notice_date(answers, today)
    # A planned date (or, once it has passed, the plan date) on a public holiday moves on to
    # the next working day, and the plan says so (holiday_moved).
    requested = requested_notice_date(answers, today)
    # Amounts in another currency than the one where the user works: worth a second look.
    local_currency = currency_for(answers.jurisdiction, today)
    elsewhere = local_currency is not None and local_currency != answers.currency
    state = _State(
        answers=answers,
        content=content,
        today=today,
        planned=planned,
        workdays=workdays,
        holiday_moves=()
        if requested is None
        else _holiday_move(workdays, "planned", requested, planned),
        facts=MappingProxyType(
            {
                **answers.model_dump(),
                "past_notice_date": past,
                "currency_elsewhere": elsewhere,
                "crisis_date_passed": crisis_passed,
            }
        ),
        texts=MappingProxyType(
            {
                **answers_context(answers, content),
                "local_currency": local_currency or "",
                "crisis_passed_on": long_date(crisis_over) if crisis_passed and crisis_over else "",
                # The date the user planned fell on a weekend or holiday: the plan's first
                # working day after it, named where a reason speaks of "your planned date".
                "planned_moved_on": long_date(planned)
                if requested is not None and requested != planned and not past
                else "",
            }
        ),
    )
    for name in STAGE_NAMES:
        state = STAGE_FUNCTIONS[name](state)
    recommendation = Recommendation(
        strategy=state.strategy,
        readiness=state.readiness,
        scores=dict(state.scores),
        reasons=_unique(state.reasons),
        warnings=list(state.warnings),
        channel=state.channel,
        follow_up_call=state.follow_up_call,
        written_notice=state.written_notice,
        notice_date=state.notice,
        effective_date=state.effective,
        effective_condition="court_permission"
        if "court_permission" in state.constraint_ids
        else None,
        notice_days=state.notice_days,
        notice_days_minimum=state.notice_days_minimum,
        constraints=list(state.constraint_ids),
        warning_ids=list(state.warning_ids),
        checklist=list(state.checklist),
        next_remedy=state.next_remedy,
        fired_rules=list(state.fired),
    )
    constraints = [r for r in content.rules.constraints if r.id in state.constraint_ids]
    return Decision(
        recommendation=recommendation,
        answers=state.answers,
        today=today,
        planned_notice=state.planned,
        held=state.held,
        hold_ids=state.hold_ids,
        dates=_key_dates(state),
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
