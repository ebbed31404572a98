"""Fixes from a third round of full-plan reads (everyday freelance work, and every section of
one plan checked against the others)."""

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


def test_a_trial_weeks_after_a_withdrawal_over_fees_is_still_warned_about() -> None:
    plan = plan_for(
        profession="law", signals=["payment_problems"], remedies_tried=["written_warning"],
        outstanding_balance=9000, court_matter_pending=True, notice_days=30,
        key_deadlines=[{"date": dt.date(2027, 1, 25), "what": "Jury trial begins"}],
    )  # fmt: skip
    rec = plan.recommendation
    assert rec.effective_date == dt.date(2027, 1, 7)  # not moved: the fees argue for speed
    assert "deadline_near_end" in rec.warning_ids


def test_a_threatened_builder_gives_no_money_ground_in_the_letter() -> None:
    plan = plan_for(
        profession="construction", signals=["payment_problems"], safety_concern=True,
        safety_level="threat", outstanding_balance=31000, work_in_progress="some",
    )  # fmt: skip
    assert "payment for my work has not been made" not in plan.message.body


def test_a_hand_over_letter_gives_the_reason_a_hand_over_fits() -> None:
    plan = plan_for(
        signals=["behaviour_decline", "needs_beyond_expertise"], relationship_months=20,
        remedies_tried=["frank_conversation"],
    )  # fmt: skip
    assert plan.recommendation.strategy == "transition"
    assert "your needs have grown beyond the services I offer" in plan.message.body


def test_no_warm_sign_off_after_a_threat() -> None:
    plan = plan_for(
        signals=["behaviour_decline"], safety_concern=True, safety_level="threat", tone="warm"
    )
    assert "With warm wishes" not in plan.message.body


def test_a_finished_job_for_a_client_in_crisis_says_why_the_answer_does_not_wait() -> None:
    plan = plan_for(profession="accounting", signals=["scope_creep"], engagement_status="finished",
                    client_in_crisis=True)  # fmt: skip
    assert any("the answer does not wait" in r for r in plan.reasons)


def test_referrals_the_must_do_promises_are_offered_in_the_letter() -> None:
    plan = plan_for(signals=["scope_creep"], work_in_progress="critical",
                    remedies_tried=["frank_conversation", "boundaries_reset"])  # fmt: skip
    assert "no_abandonment" in plan.recommendation.constraints
    assert plan.recommendation.strategy == "communicate"
    assert "names of two or three" in plan.message.body


def test_a_no_fault_ending_does_not_end_on_the_clients_relaunch() -> None:
    plan = plan_for(
        signals=["provider_changes"], notice_days=30,
        key_deadlines=[{"date": dt.date(2027, 1, 7), "what": "Website relaunch"}],
    )  # fmt: skip
    assert plan.recommendation.effective_date > dt.date(2027, 1, 7)


def test_the_follow_up_call_is_not_promised_for_this_week() -> None:
    # Notice on a Friday: the follow-up call two working days on falls next week.
    plan = plan_for(signals=["business_changes"], remedies_tried=["frank_conversation"],
                    notice_date=dt.date(2026, 12, 11))  # fmt: skip
    assert plan.recommendation.follow_up_call
    assert "speak briefly in the next few days" in plan.message.body
    assert "this week" not in plan.message.body
