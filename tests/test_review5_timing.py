"""Fifth review, dates: every date the plan produces, read as a careful practitioner reads
them. A planned date on a weekend or a public holiday moves on to the next working day
before anything is dated from it (the first step, the repair letter's send-on date, the
timeline and the checklist then agree, and the move is warned about); a cure period's last
day is a working day; and a builder's 30 days of stoppage run from the day work actually
stops, even when a holiday moves the stop."""

from __future__ import annotations

import datetime as dt
from typing import Any

from wizard.answers import Answers
from wizard.content import load_content
from wizard.engine import decide
from wizard.plan import build_plan
from wizard.workdays import Workdays

TODAY = dt.date(2026, 12, 7)


def plan_for(today: dt.date = TODAY, **answers: Any):
    answers.setdefault("notice_date", dt.date(2026, 12, 14))
    return build_plan(Answers(**answers), load_content(), today=today)


def step(plan, step_id: str):
    return next(s for s in plan.timeline if s.id == step_id)


def item(plan, item_id: str):
    return next(i for i in plan.recommendation.checklist if i.id == item_id)


# --- 1. A planned date on a weekend or a holiday ----------------------------------------

# The scope keeps outgrowing the agreement and the client may respond: try a fix first,
# starting on the planned date.
REPAIR = dict(signals=["scope_creep"], remedies_exhausted="no", conversation_outlook="likely")


def test_a_repair_planned_for_boxing_day_starts_on_the_next_working_day():
    # Saturday 26 December 2026 is Boxing Day; in England Monday 28 December is its
    # substitute bank holiday, so the first working day is Tuesday 29 December.
    plan = plan_for(jurisdiction="GB", notice_date=dt.date(2026, 12, 26), **REPAIR)
    rec = plan.recommendation
    assert rec.readiness == "repair_first"
    assert plan.message.send_on_text == "Tue 29 Dec 2026"
    assert "Tuesday 29 December 2026" in (plan.first_step or "")
    assert "Saturday" not in (plan.first_step or "")
    assert step(plan, "try_remedy").date == dt.date(2026, 12, 29)
    assert item(plan, "try_remedy").due == dt.date(2026, 12, 29)
    assert "holiday_moved" in rec.warning_ids


def test_a_repair_planned_for_a_plain_saturday_starts_on_monday_without_a_holiday_warning():
    plan = plan_for(notice_date=dt.date(2026, 12, 12), **REPAIR)
    assert plan.message.send_on_text == "Mon 14 Dec 2026"
    assert step(plan, "try_remedy").date == dt.date(2026, 12, 14)
    assert "holiday_moved" not in plan.recommendation.warning_ids


def test_a_past_notice_date_planned_on_a_holiday_moves_and_says_so():
    # Made on Christmas Day for a notice date already past: notice goes on the first working
    # day, Tuesday 29 December, and both the past date and the holiday are warned about.
    rec = decide(
        Answers(jurisdiction="GB", notice_date=dt.date(2026, 12, 1)),
        load_content(),
        today=dt.date(2026, 12, 25),
    ).recommendation
    assert rec.notice_date == dt.date(2026, 12, 29)
    assert {"past_notice_date", "holiday_moved"} <= set(rec.warning_ids)


def test_a_notice_date_on_a_working_day_moves_nothing_and_warns_of_nothing():
    rec = plan_for(jurisdiction="GB", notice_date=dt.date(2026, 12, 14)).recommendation
    assert rec.notice_date == dt.date(2026, 12, 14)
    assert "holiday_moved" not in rec.warning_ids
