"""Fixes from a second round of practitioners' full-plan reads (law, accounting, care,
building, general work). Each test names the case it comes from."""

from __future__ import annotations

import datetime as dt
from typing import Any

from wizard.answers import Answers
from wizard.content import load_content
from wizard.plan import build_plan

TODAY = dt.date(2026, 12, 7)


def plan_for(**answers: Any):
    answers.setdefault("notice_date", dt.date(2026, 12, 8))
    return build_plan(Answers(**answers), load_content(), today=TODAY)


def warning(plan, warning_id: str) -> str:
    rec = plan.recommendation
    return rec.warnings[rec.warning_ids.index(warning_id)]


def constraint(plan, cid: str) -> str:
    return next(c.text for c in plan.constraints if c.id == cid)


def items(plan) -> dict[str, str]:
    return {i.id: i.text for g in plan.checklist for i in g.items}


# --- law and accounting ---------------------------------------------------------------


def test_a_same_day_withdrawal_before_a_court_still_says_the_court_decides() -> None:
    plan = plan_for(
        profession="law", signals=["unethical_request"], improper_request_insisted=True,
        has_contract=False, termination_clause="none", court_matter_pending=True,
    )  # fmt: skip
    assert "ending the same day at the earliest, if the court allows" in plan.summary


def test_an_insisted_request_before_a_court_asks_for_leave_at_once() -> None:
    plan = plan_for(
        profession="law", signals=["unethical_request"], improper_request_insisted=True,
        court_matter_pending=True, notice_days=30,
    )  # fmt: skip
    step = next(s for s in plan.timeline if s.id == "court_application")
    # Applied for at once, for the end the letter names (review 6: it asked for leave "as
    # soon as the court allows" while the letter gave the contract's date).
    end = plan.recommendation.effective_date
    assert f"withdraw on {end:%A} {end.day} {end:%B %Y}, when your notice runs out" in step.detail
    assert "or as soon after as the court allows" in step.detail
    assert step.date < end


def test_dates_before_notice_after_an_insisted_request_keep_the_limit() -> None:
    plan = plan_for(
        profession="accounting", signals=["unethical_request"], improper_request_insisted=True,
        notice_date=dt.date(2026, 12, 18),
        key_deadlines=[{"date": dt.date(2026, 12, 15), "what": "Payroll filing"}],
    )  # fmt: skip
    # Notice no longer waits past the filing for the planned date (review 6): it goes on the
    # next working day, and the filing falls in the notice period, still never the improper
    # part.
    assert plan.recommendation.notice_date < dt.date(2026, 12, 15)
    assert "deadline_before_notice" not in plan.recommendation.warning_ids
    assert "Payroll filing" in plan.message.body


def test_unpaid_fees_do_not_stretch_an_accountants_end_past_a_later_deadline() -> None:
    plan = plan_for(
        profession="accounting", signals=["payment_problems"], outstanding_balance=6200,
        remedies_tried=["written_warning", "payment_plan"], notice_days=30,
        key_deadlines=[{"date": dt.date(2027, 2, 1), "what": "W-2 filing"}],
    )  # fmt: skip
    assert plan.recommendation.effective_date < dt.date(2027, 2, 1)


def test_a_trial_weeks_after_a_withdrawal_is_warned_about() -> None:
    plan = plan_for(
        profession="law", signals=["business_changes"], notice_days=30,
        court_matter_pending=True,
        key_deadlines=[{"date": dt.date(2027, 1, 25), "what": "Bench trial begins"}],
    )  # fmt: skip
    assert "Bench trial begins" in warning(plan, "deadline_near_end")


def test_a_client_in_crisis_outside_care_has_the_crisis_rule_but_no_hotline_letter() -> None:
    plan = plan_for(
        profession="law", signals=["behaviour_decline"], client_in_crisis=True,
        client_in_crisis_until=dt.date(2027, 1, 20),
    )  # fmt: skip
    assert "crisis_resources" in plan.recommendation.constraints
    assert "crisis line" not in plan.message.body


# --- building and general work --------------------------------------------------------


def test_a_builder_ending_for_cause_leaves_the_site_only_if_the_breach_stays() -> None:
    plan = plan_for(
        profession="construction", signals=["behaviour_decline"], work_in_progress="some",
        termination_clause="cause_only", cure_days=10, breach_summary="No site access given",
        remedies_tried=["written_warning"],
    )  # fmt: skip
    assert "Only if the breach was not put right" in items(plan)["site_handover"]


def test_a_threatened_builder_owed_money_ends_on_safety_not_on_the_debt() -> None:
    plan = plan_for(
        profession="construction", signals=["payment_problems"], safety_concern=True,
        safety_level="threat", notice_days=14, outstanding_balance=31000,
        work_in_progress="some",
    )  # fmt: skip
    text = constraint(plan, "stop_work_notice")
    assert "rests on your safety" in text and "commonly 30 days" not in text


def test_a_wait_after_a_stop_work_notice_already_sent_keeps_the_work_stopped() -> None:
    plan = plan_for(
        profession="construction", signals=["payment_problems"], outstanding_balance=9000,
        work_in_progress="some", remedies_tried=["written_warning"], client_in_crisis=True,
        client_in_crisis_until=dt.date(2027, 1, 20),
    )  # fmt: skip
    hold = next(s for s in plan.timeline if s.id == "hold")
    assert "Keep to your stop-work notice" in hold.detail


def test_a_cure_period_after_a_stop_work_notice_keeps_the_stop_not_the_work() -> None:
    plan = plan_for(
        profession="construction", signals=["payment_problems"], outstanding_balance=9000,
        work_in_progress="some", remedies_tried=["written_warning"],
        termination_clause="cause_only", cure_days=7, breach_summary="Invoice 14 unpaid",
    )  # fmt: skip
    text = constraint(plan, "cure_period")
    assert "keep the stop lawful" in text and "keep performing" not in text


def test_a_finished_job_for_a_client_in_crisis_points_them_to_help() -> None:
    plan = plan_for(
        profession="construction", signals=["scope_creep"], engagement_status="finished",
        client_in_crisis=True,
    )  # fmt: skip
    assert any(s.id == "crisis_pointers" for s in plan.timeline)
    assert "part-done" not in constraint(plan, "no_abandonment")


def test_nothing_tried_but_fixes_ruled_out_gives_one_consistent_reason() -> None:
    plan = plan_for(signals=["payment_problems"], outstanding_balance=5200)
    assert not any("Nothing in your answers calls for" in r for r in plan.reasons)
    assert any("You told us no fix is worth trying first" in r for r in plan.reasons)


def test_a_notice_date_pulled_forward_names_the_date_the_user_chose() -> None:
    plan = plan_for(
        jurisdiction="US-NY", signals=["unethical_request"], improper_request_insisted=True,
        notice_date=dt.date(2026, 12, 25),
    )  # fmt: skip
    assert any("the date you planned (Friday 25 December 2026)" in r for r in plan.reasons)


def test_an_end_moved_past_a_deadline_and_a_holiday_says_so() -> None:
    plan = plan_for(
        profession="law", jurisdiction="US-NY", signals=["business_changes"], notice_days=30,
        key_deadlines=[{"date": dt.date(2027, 1, 15), "what": "Closing"}],
    )  # fmt: skip
    assert plan.recommendation.effective_date == dt.date(2027, 1, 19)
    assert "Martin Luther King Jr. Day" in warning(plan, "holiday_moved")


# --- care -------------------------------------------------------------------------------


def test_a_repair_in_care_is_named_in_care_words_everywhere() -> None:
    plan = plan_for(
        profession="therapy", signals=["scope_creep"], remedies_exhausted="no",
        conversation_outlook="likely",
    )  # fmt: skip
    words = " ".join([plan.summary, plan.first_step or "", *plan.reasons])
    words += " ".join(s.title for s in plan.timeline)
    assert "scope or price" not in words.lower()
    assert "what your care covers" in plan.summary


def test_a_client_who_went_quiet_is_told_the_true_reason_and_that_care_stays_open() -> None:
    plan = plan_for(
        profession="therapy", signals=["unresponsive"], remedies_tried=["written_warning"]
    )
    body = plan.message.body
    assert "no longer the right person" not in body
    assert "we have not been in touch for some time" in body
    assert "stays open until" in body and "go on as planned" not in body
