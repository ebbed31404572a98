"""Defects left open by the sixth round of expert reviews, fixed in the seventh stop, each
pinned by the answers that showed it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from wizard.answers import Answers
from wizard.content import load_content
from wizard.models import Plan
from wizard.plan import build_plan

TODAY = dt.date(2026, 12, 7)  # a Monday


def plan_for(**answers: Any) -> Plan:
    return build_plan(Answers(**answers), load_content(), today=TODAY)


LAWYER_BEFORE_A_COURT = dict(
    profession="law", signals=["goal_misalignment"], has_contract=True,
    termination_clause="notice", notice_days=30, court_matter_pending=True,
    relationship_months=40, notice_date=dt.date(2026, 12, 9),
)  # fmt: skip


def test_a_lawyer_whose_matter_is_before_a_court_has_not_finished_the_work() -> None:
    said_finished = plan_for(engagement_status="finished", **LAWYER_BEFORE_A_COURT)
    ongoing = plan_for(engagement_status="ongoing", **LAWYER_BEFORE_A_COURT)
    rec = said_finished.recommendation
    assert rec.effective_date == ongoing.recommendation.effective_date
    assert rec.effective_date > rec.notice_date
    assert rec.notice_days >= 30
    assert "court_matter_keeps_work_open" in rec.fired_rules
    assert "still before a court" in said_finished.reasons[0]
    assert "Decline further work" not in said_finished.summary
    assert said_finished.message.body == ongoing.message.body


def test_a_finished_job_with_no_court_matter_is_still_only_declined() -> None:
    answers = {**LAWYER_BEFORE_A_COURT, "court_matter_pending": False}
    plan = plan_for(engagement_status="finished", **answers)
    assert plan.recommendation.notice_days == 0
    assert "Decline further work" in plan.summary
    assert "court_matter_keeps_work_open" not in plan.recommendation.fired_rules


def test_a_builder_whose_warning_was_a_reminder_is_told_to_send_the_stop_work_notice() -> None:
    plan = plan_for(
        profession="construction", signals=["payment_problems"], remedies_tried=["written_warning"],
        outstanding_balance=18000, work_in_progress="some", notice_date=dt.date(2026, 12, 8),
    )  # fmt: skip
    assert plan.recommendation.readiness == "proceed"
    warning = next(w for w in plan.warnings if "stood still" in w)
    assert "only a reminder, send that notice first" in warning


SUGGESTED_AND_UNPAID = dict(
    signals=["unethical_request", "payment_problems"], improper_request_insisted=False,
    pattern="recurring", remedies_exhausted="yes", has_contract=True,
    termination_clause="notice", notice_days=14, outstanding_balance=3200,
    notice_date=dt.date(2026, 12, 9),
)  # fmt: skip


def test_unpaid_fees_are_the_reason_when_the_improper_request_was_only_suggested() -> None:
    plan = plan_for(**SUGGESTED_AND_UNPAID)
    assert plan.recommendation.readiness == "proceed"
    body = plan.message.body
    assert "payment for my work has not been made" in body
    assert "professional considerations" not in body


def test_the_refusal_the_notice_refers_to_goes_first_the_day_the_plan_is_made() -> None:
    plan = plan_for(**SUGGESTED_AND_UNPAID)
    assert "except what I have told you I cannot do" in plan.message.body
    refusal = next(s for s in plan.timeline if s.id == "refuse_first")
    assert refusal.date == TODAY < plan.recommendation.notice_date
    item = next(i for g in plan.checklist for i in g.items if i.id == "refuse_in_writing_first")
    assert item.due == TODAY


def test_an_insisted_request_still_gives_only_professional_considerations() -> None:
    plan = plan_for(**{**SUGGESTED_AND_UNPAID, "improper_request_insisted": True})
    assert "professional considerations" in plan.message.body
    assert "payment for my work" not in plan.message.body


def test_deadlines_one_after_another_move_the_end_past_the_first_only() -> None:
    deadlines = [
        ("2027-01-31", "Q4 VAT return"), ("2027-03-10", "Payroll year end"),
        ("2027-04-15", "Annual tax return"), ("2027-05-20", "Accounts filing"),
        ("2027-06-25", "Q2 VAT return"),
    ]  # fmt: skip
    plan = plan_for(
        profession="accounting", signals=["goal_misalignment"], pattern="recurring",
        remedies_exhausted="yes", has_contract=True, termination_clause="notice", notice_days=30,
        relationship_months=30, notice_date=dt.date(2026, 12, 9),
        key_deadlines=[{"date": dt.date.fromisoformat(d), "what": w} for d, w in deadlines],
    )  # fmt: skip
    # The Sunday deadline moves the end to the next working day after it, and no further.
    assert plan.recommendation.effective_date == dt.date(2027, 2, 1)
    assert "deadline_near_end" in plan.recommendation.warning_ids
    assert any("Payroll year end (Wednesday 10 March 2027)" in w for w in plan.warnings)


def test_a_stop_work_day_moved_off_christmas_day_is_named_in_the_holiday_warning() -> None:
    plan = plan_for(
        profession="construction", jurisdiction="GB", signals=["payment_problems"],
        pattern="recurring", has_contract=True, termination_clause="notice", notice_days=7,
        outstanding_balance=18000, currency="GBP", work_in_progress="some",
        notice_date=dt.date(2026, 12, 18),
    )  # fmt: skip
    stop = next(s for s in plan.timeline if s.id == "stop_work")
    assert stop.date == dt.date(2026, 12, 29)
    assert "holiday_moved" in plan.recommendation.warning_ids
    warning = next(w for w in plan.warnings if "Christmas Day" in w)
    assert "The day work stops" in warning
    assert "Tuesday 29 December 2026" in warning


def test_work_made_for_the_client_is_handed_over_on_a_dated_step_of_the_timeline() -> None:
    common = dict(
        signals=["goal_misalignment"], pattern="recurring", remedies_exhausted="yes",
        has_contract=True, termination_clause="notice", notice_days=30, work_in_progress="some",
        client_assets=["work_product"], notice_date=dt.date(2026, 12, 9),
    )  # fmt: skip
    paid = plan_for(**common)
    step = next(s for s in paid.timeline if s.id == "hand_over_work")
    item = next(i for g in paid.checklist for i in g.items if i.id == "hand_over_work")
    assert step.date == item.due < paid.recommendation.effective_date
    unpaid = plan_for(outstanding_balance=900, **common)
    step = next(s for s in unpaid.timeline if s.id == "hand_over_work_once_paid")
    assert step.date > unpaid.recommendation.effective_date
    assert [s for s in unpaid.timeline if s.id == "hand_over_work"] == []


@pytest.mark.parametrize(
    ("profession", "words"), [("therapy", "Our sessions"), ("healthcare", "Your appointments")]
)
def test_a_payment_plan_letter_in_care_says_the_care_goes_on_meanwhile(
    profession: str, words: str
) -> None:
    plan = plan_for(
        profession=profession, signals=["payment_problems"], pattern="recurring",
        remedies_exhausted="no", outstanding_balance=640, relationship_months=10,
        notice_date=dt.date(2026, 12, 9),
    )  # fmt: skip
    assert plan.recommendation.next_remedy == "payment_plan"
    body = plan.message.body
    assert f"{words} continue as usual" in body
    assert "help you keep your care going" in body
