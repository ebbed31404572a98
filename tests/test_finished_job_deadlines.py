"""After a finished job, the client's deadlines are theirs to meet.

Declining further work after a delivered job needs no notice period (notes, "Finished
one-off jobs"), so a deadline near the end must not push the end later, and the letter
must not promise to deal with dates the provider no longer works on. A physician's
course of care that is complete owes no 30 days' notice either; what remains is that
nothing the patient relies on runs out, and where to get emergency care."""

from __future__ import annotations

import datetime as dt

from tests.test_letters_wording import letters, plan_for

NOTICE = dt.date(2026, 3, 2)
DEADLINES = [
    {"date": NOTICE, "what": "Trial"},
    {"date": dt.date(2026, 3, 9), "what": "Appeal deadline"},
]


def _warning(plan, warning_id: str) -> str:
    rec = plan.recommendation
    return rec.warnings[rec.warning_ids.index(warning_id)]


def test_a_deadline_does_not_keep_a_finished_job_open() -> None:
    plan = plan_for(
        profession="law",
        engagement_status="finished",
        signals=["behaviour_decline"],
        key_deadlines=DEADLINES,
        notice_date=NOTICE,
    )
    rec = plan.recommendation
    assert rec.effective_date == rec.notice_date == NOTICE
    text = letters(plan)
    assert "I will deal with them for you" not in text
    assert "before my withdrawal takes effect" not in text
    assert "They are yours to meet now that the work we agreed is complete" in text
    assert "the job is done" in _warning(plan, "deadline_near_end")


def test_a_complete_course_of_care_owes_no_thirty_days() -> None:
    plan = plan_for(
        profession="healthcare",
        engagement_status="finished",
        signals=["goal_misalignment"],
        key_deadlines=[{"date": dt.date(2026, 3, 9), "what": "Insurance renewal"}],
    )
    warning = _warning(plan, "healthcare_notice")
    assert "30 days" not in warning
    assert "no notice period applies" in warning
    assert "emergency care" in warning
    assert "the course of care is complete" in _warning(plan, "deadline_near_end")
