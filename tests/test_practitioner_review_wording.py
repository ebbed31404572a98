"""Wording that practitioners reading whole plans objected to, each checked where it arises:
a same-day notice leaves no "next morning" to reread the draft; a clinical ending over
unpaid fees says so gently instead of "I am no longer the right person"; a threatened
physician still bridges prescriptions, in writing; the letter's care dates are the user's
words, so the user is asked to keep treatment out of them; a no-fault ending asks no
fault-finding question; and the deadline warnings say what the letter actually does."""

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


def item_text(plan, item_id: str) -> str:
    return next(i.text for g in plan.checklist for i in g.items if i.id == item_id)


def test_a_notice_sent_today_is_reread_before_it_goes_not_the_next_morning() -> None:
    today = plan_for(signals=["scope_creep"], remedies_exhausted="yes", notice_date=TODAY)
    assert "before you send it" in item_text(today, "finish_draft")
    tomorrow = plan_for(signals=["scope_creep"], remedies_exhausted="yes")
    assert "the next morning" in item_text(tomorrow, "finish_draft")


def test_a_clinical_ending_over_unpaid_fees_gives_a_true_reason() -> None:
    plan = plan_for(
        profession="therapy", signals=["payment_problems"], outstanding_balance=1450,
        remedies_tried=["frank_conversation", "payment_plan", "written_warning"],
    )  # fmt: skip
    body = plan.message.body
    assert "no longer the right person" not in body
    assert "payment arrangements for your care" in body


def test_a_threatened_physician_still_bridges_prescriptions_in_writing() -> None:
    plan = plan_for(
        profession="healthcare", signals=["behaviour_decline"], safety_concern=True,
        safety_level="threat", has_contract=False, termination_clause="none",
    )  # fmt: skip
    assert "Without meeting the patient" in item_text(plan, "emergency_care")
    assert "that it lasts until a new clinician takes over" in plan.message.body


def test_care_dates_the_user_typed_come_with_a_reminder_to_keep_treatment_out() -> None:
    plan = plan_for(
        profession="healthcare", signals=["provider_changes"],
        key_deadlines=[{"date": dt.date(2026, 12, 28), "what": "Knee surgery"}],
    )  # fmt: skip
    assert "care_dates_wording" in plan.recommendation.warning_ids


def test_a_no_fault_ending_asks_no_fault_finding_question() -> None:
    plan = plan_for(profession="therapy", signals=["provider_changes"])
    assert not any("act on sooner" in q for q in plan.reflection)


def test_the_deadline_warning_says_what_the_letter_does() -> None:
    none_given = plan_for(profession="accounting", signals=["business_changes"])
    rec = none_given.recommendation
    warning = rec.warnings[rec.warning_ids.index("accounting_deadlines")]
    assert "the letter only promises a list" in warning
    assert "I will send you a list of the deadlines" in none_given.message.body


def test_a_breach_notice_in_care_keeps_every_ending_sentence_conditional() -> None:
    plan = plan_for(
        profession="therapy", signals=["payment_problems"], remedies_tried=["written_warning"],
        termination_clause="cause_only", cure_days=14, outstanding_balance=1200,
        breach_summary="Fees for eight sessions since August remain unpaid.",
    )  # fmt: skip
    body = plan.message.body
    assert "Your care with me continues until" not in body
    assert "if the breach is not put right, your care with me continues until" in body
    assert "If your care with me does end, I would like to offer you a closing session" in body
    assert "will follow separately" not in body
    assert "The amount now due is $1,200.00." in body
