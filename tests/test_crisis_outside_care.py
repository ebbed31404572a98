"""A client in crisis outside care: the reasons and the must-do say "point them to help", so
the plan has a dated step and a checklist item that do it, before the notice. In care the
crisis-help step does this instead (emergency number, crisis line, clinicians)."""

from __future__ import annotations

import datetime as dt

import pytest

from wizard.answers import Answers
from wizard.content import load_content
from wizard.plan import build_plan

TODAY = dt.date(2026, 12, 7)


def plan_for(profession: str, **answers):
    return build_plan(
        Answers(
            profession=profession,
            signals=["behaviour_decline"],
            client_in_crisis=True,
            client_in_crisis_until=dt.date(2027, 1, 20),
            notice_date=dt.date(2026, 12, 8),
            **answers,
        ),
        load_content(),
        today=TODAY,
    )


@pytest.mark.parametrize("profession", ["general", "law", "accounting", "construction"])
def test_the_help_the_plan_promises_is_a_dated_step_before_notice(profession: str) -> None:
    plan = plan_for(profession)
    rec = plan.recommendation
    assert any("point them to help" in reason for reason in rec.reasons)
    step = next(s for s in plan.timeline if s.id == "crisis_pointers")
    assert step.date < rec.notice_date
    items = {i.id: i for group in plan.checklist for i in group.items}
    assert items["crisis_pointers"].due < rec.notice_date
    # Help beyond the work, not word of the ending while notice waits.
    assert "provider" not in step.detail


@pytest.mark.parametrize("profession", ["therapy", "healthcare"])
def test_care_has_its_own_crisis_step_instead(profession: str) -> None:
    plan = plan_for(profession)
    ids = {s.id for s in plan.timeline}
    assert "crisis_help" in ids and "crisis_pointers" not in ids
