"""End dates on working days, a court's permission before the file is handed over, and
deadlines that pass before notice is given (expert review items 4, 2 and 5)."""

from __future__ import annotations

import datetime as dt

import pytest

from wizard.answers import Answers
from wizard.content import load_content
from wizard.exports.calendar_file import render_ics
from wizard.plan import build_plan
from wizard.workdays import Workdays

TODAY = dt.date(2026, 2, 20)


def plan_for(**answers):
    return build_plan(Answers(**answers), load_content(), today=TODAY)


def bodies(plan) -> str:
    return "\n\n".join([plan.message.body, *(m.body for m in plan.further_messages)])


def timeline_step(plan, step_id):
    return next(step for step in plan.timeline if step.id == step_id)


def checklist_items(plan):
    return {item.id: item for group in plan.checklist for item in group.items}


# --- (4) the end date is a working day, and every view names the same one ---------------

# 90 days from Monday 2 March 2026 is Sunday 31 May; 30 days from Friday 6 March is Easter
# Sunday 5 April, and Easter Monday is a public holiday in Bavaria.
WEEKEND_END = dict(
    profession="general",
    signals=["goal_misalignment"],
    notice_days=0,
    relationship_months=48,
    relationship_depth="close",
    notice_date=dt.date(2026, 3, 2),
)
EASTER_END = dict(
    profession="general",
    jurisdiction="DE-BY",
    signals=["goal_misalignment"],
    notice_days=30,
    relationship_months=6,
    currency="EUR",
    notice_date=dt.date(2026, 3, 6),
)


@pytest.mark.parametrize(
    ("answers", "expected_end"),
    [(WEEKEND_END, dt.date(2026, 6, 1)), (EASTER_END, dt.date(2026, 4, 7))],
    ids=["sunday", "easter"],
)
def test_end_date_moves_on_to_the_next_working_day(answers, expected_end):
    plan = plan_for(**answers)
    end = plan.recommendation.effective_date
    assert end == expected_end
    assert Workdays(answers.get("jurisdiction", "")).is_business_day(end)


@pytest.mark.parametrize("answers", [WEEKEND_END, EASTER_END], ids=["sunday", "easter"])
def test_letter_timeline_checklist_and_calendar_agree_on_the_end(answers):
    plan = plan_for(**answers)
    end = plan.recommendation.effective_date
    end_text = f"{end:%A} {end.day} {end:%B %Y}"
    assert timeline_step(plan, "effective").date == end
    assert f"ends on {end_text}" in bodies(plan) or f"end date: {end_text}" in bodies(plan)
    assert end_text in checklist_items(plan)["give_notice"].text
    assert f"DTSTART;VALUE=DATE:{end:%Y%m%d}" in render_ics(plan).decode()


def test_moving_the_end_never_shortens_the_notice():
    plan = plan_for(**EASTER_END)
    rec = plan.recommendation
    assert rec.notice_days >= 30
    assert rec.notice_days_minimum == 30
    assert "holiday_moved" in rec.warning_ids
