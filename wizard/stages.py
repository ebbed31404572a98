"""The order in which the engine decides, written once.

Each stage reads some sections of rules.yaml and adds facts that later stages (and the
plan's conditions) may look at. The engine runs its stage functions in this order, and
the content checks derive from it what each rule may refer to: a rule may only look at
the answers and at what earlier stages decided.
"""

from __future__ import annotations

import typing
from collections.abc import Mapping
from dataclasses import dataclass, field

from wizard.answers import STRATEGIES, Channel, Readiness
from wizard.schema import BOOL, FieldSpec


@dataclass(frozen=True)
class Stage:
    name: str
    # rules.yaml sections this stage applies.
    sections: tuple[str, ...] = ()
    # Facts this stage decides, by name, for the stages after it.
    provides: Mapping[str, FieldSpec] = field(default_factory=dict)


STAGES: tuple[Stage, ...] = (
    # Answers that another answer rules out are read as that answer requires (a lawyer
    # whose client's matter is before a court has not finished the work).
    Stage("overrides", ("overrides",)),
    # Facts known before any rule: the planned notice date was already past; the amounts
    # are in another currency than the one where the user works.
    # crisis_date_passed: the client's crisis was to be over before the plan date (its end
    # is then read as unknown).
    Stage(
        "plan_date",
        (),
        {"past_notice_date": BOOL, "currency_elsewhere": BOOL, "crisis_date_passed": BOOL},
    ),
    Stage("constraints", ("constraints",), {"constraints": FieldSpec("multi")}),
    Stage("scores", ("scoring",)),
    Stage("strategy", (), {"strategy": FieldSpec("enum", STRATEGIES)}),
    Stage(
        "readiness",
        ("readiness",),
        # written_fix: the fix to try first is a written warning (or a builder's written
        # stop-work notice): it goes in writing, whatever channel the user prefers.
        {
            "readiness": FieldSpec("enum", typing.get_args(Readiness)),
            "notice_follows": BOOL,
            "written_fix": BOOL,
        },
    ),
    Stage("holds", ("holds",), {"held": BOOL, "hold_capped": BOOL}),
    Stage("channel", ("channel",), {"channel": FieldSpec("enum", typing.get_args(Channel))}),
    Stage(
        "follow_up_and_written_notice",
        ("follow_up_call", "written_notice"),
        {"follow_up_call": BOOL, "written_notice": BOOL},
    ),
    Stage(
        "dates",
        ("notice_period", "minimum_notice"),
        # same_day: the end takes effect on the day notice is given.
        {
            "holiday_moved": BOOL,
            # notice_in_year_end: notice falls between 24 December and 1 January.
            "notice_in_year_end": BOOL,
            "deadline_near_end": BOOL,
            "deadline_before_notice": BOOL,
            "deadline_after_notice": BOOL,
            "same_day": BOOL,
            # notice_later: notice goes more than a week after the plan date.
            "notice_later": BOOL,
            # deadline_served: a deadline of the client's falls before the end, while the
            # provider still works for them: the notice promises to meet it.
            "deadline_served": BOOL,
            # unknown_holiday: no place of work was given, and the notice or the end falls
            # on Christmas Day or New Year's Day, holidays almost everywhere.
            "unknown_holiday": BOOL,
        },
    ),
    Stage("warnings", ("warnings",)),
    Stage("checklist"),
)

STAGE_NAMES: tuple[str, ...] = tuple(stage.name for stage in STAGES)


def facts_before(stage_name: str) -> dict[str, FieldSpec]:
    """The decided facts a stage may look at: those of every stage before it."""
    facts: dict[str, FieldSpec] = {}
    for stage in STAGES:
        if stage.name == stage_name:
            return facts
        facts.update(stage.provides)
    raise KeyError(stage_name)


def all_facts() -> dict[str, FieldSpec]:
    """Everything the engine decides: what the plan's own conditions may look at."""
    facts: dict[str, FieldSpec] = {}
    for stage in STAGES:
        facts.update(stage.provides)
    return facts


def section_facts() -> dict[str, dict[str, FieldSpec]]:
    """rules.yaml section -> the decided facts its conditions may use."""
    return {section: facts_before(stage.name) for stage in STAGES for section in stage.sections}
