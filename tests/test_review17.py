"""Defects found by the seventeenth review (money, records and the letter as the client
receives it), each pinned by the answers that showed it."""

from __future__ import annotations

from typing import Any

from tests.test_review12 import flat, plan_for  # the same plan date and helpers

MONEY_BOTH_WAYS: dict[str, Any] = dict(
    jurisdiction="FR", currency="EUR", signals=["scope_creep", "payment_problems"],
    pattern="recurring", remedies_tried=["frank_conversation"], remedies_exhausted="yes",
    termination_clause="notice", notice_days=30, unearned_prepayment=True,
    client_assets=["files"], notice_date="2026-12-07",
)  # fmt: skip


def test_a_balance_and_a_refund_are_set_off_the_right_way_round_with_the_net_figure() -> None:
    owed = flat(
        plan_for(**MONEY_BOTH_WAYS, outstanding_balance=800, unearned_amount=300).message.body
    )
    assert "set it against the refund" not in owed
    assert "that leaves €500.00 for you to pay" in owed
    assert (
        "please pay the €800.00 by [date] to [payment details], and I will refund the €300.00"
        in owed
    )
    refunded = flat(
        plan_for(**MONEY_BOTH_WAYS, outstanding_balance=100, unearned_amount=1000).message.body
    )
    assert "I will then refund you €900.00" in refunded
    even = flat(
        plan_for(**MONEY_BOTH_WAYS, outstanding_balance=300, unearned_amount=300).message.body
    )
    assert "neither of us owes the other anything" in even


def test_a_call_names_the_money_and_records_that_its_written_confirmation_sets_out() -> None:
    plan = plan_for(
        jurisdiction="US-NY", signals=["scope_creep"], pattern="recurring",
        remedies_tried=["frank_conversation"], remedies_exhausted="yes",
        termination_clause="notice", notice_days=30, outstanding_balance=2400,
        client_assets=["files"], relationship_months=60, relationship_depth="close",
        preferred_channel="phone", notice_date="2026-12-07",
    )  # fmt: skip
    assert plan.message.kind == "talking_points"
    script = flat(plan.message.body)
    assert "Mention what the written confirmation will set out: the balance of $2,400.00" in script
    assert "$2,400.00" in plan.further_messages[0].body


def test_a_patient_is_named_once_in_the_address_block_with_a_postal_address_to_fill_in() -> None:
    plan = plan_for(
        profession="healthcare", jurisdiction="US-NY", signals=["provider_changes"],
        termination_clause="notice", notice_days=30, client_assets=["clinical_records"],
        relationship_months=120, relationship_depth="close", preferred_channel="letter",
        client_name="Ruth Klein", client_contact="Ms Klein", notice_date="2026-12-07",
    )  # fmt: skip
    letter = next(m for m in (plan.message, *plan.further_messages) if m.channel == "letter")
    head = letter.body.split("Delivered by:")[0]
    assert "Ms Klein\n" not in head
    assert "Ruth Klein\n[postal address]\n" in head
    # Two people (a company and the person there) are both named.
    firm = plan_for(
        client_name="Northwind Ltd", client_contact="Alex Chen", preferred_channel="letter"
    )
    assert "Alex Chen\nNorthwind Ltd\n[postal address]\n" in firm.message.body


def test_a_care_letter_says_plainly_that_the_clinician_will_help_with_the_move() -> None:
    plan = plan_for(
        profession="healthcare", signals=["provider_changes"], has_contract=False,
        preferred_channel="letter",
    )  # fmt: skip
    body = flat(plan.message.body)
    assert ", and to help you move" not in body
    assert "I will help you move to a clinician who can continue your care." in body


def test_a_balance_in_a_breach_notice_or_an_agreed_ending_comes_with_how_to_pay_it() -> None:
    breach = plan_for(
        jurisdiction="US-NY", signals=["payment_problems"], pattern="recurring",
        remedies_tried=["written_warning"], remedies_exhausted="yes",
        termination_clause="cause_only", cure_days=14, outstanding_balance=6400,
        breach_summary="Invoices 14 and 15 are unpaid 60 days past due.",
    )  # fmt: skip
    body = flat(breach.message.body)
    assert (
        "To put the breach right, please pay it by Tuesday 22 December 2026 to [payment details]"
        in body
    )
    agreed = plan_for(
        jurisdiction="US-NY", signals=["provider_changes"], termination_clause="cause_only",
        outstanding_balance=1800,
    )  # fmt: skip
    assert "please pay it by [date] to [payment details]" in flat(agreed.message.body)


def test_a_finished_jobs_refund_is_promised_within_14_days_not_by_the_day_it_is_sent() -> None:
    plan = plan_for(
        jurisdiction="US-NY", signals=["scope_creep"], engagement_status="finished",
        unearned_prepayment=True, unearned_amount=250, notice_date="2026-12-07",
    )  # fmt: skip
    body = flat(plan.message.body)
    assert "I will refund it to you within 14 days." in body
    facts = {f.label: f.value for f in plan.facts}
    assert facts["Refund due"] == "$250.00, within 14 days"


def test_a_lawyer_still_acting_until_the_court_decides_promises_the_unused_advance() -> None:
    plan = plan_for(
        profession="law", jurisdiction="US-NY", signals=["goal_misalignment"],
        remedies_tried=["frank_conversation"], remedies_exhausted="yes",
        termination_clause="notice", notice_days=30, unearned_prepayment=True,
        unearned_amount=3500, court_matter_pending=True,
    )  # fmt: skip
    body = flat(plan.message.body)
    assert "the part of your advance payment that the work up to then has not used" in body
    assert "(today $3,500.00)" in body


BUILDER_OWED: dict[str, Any] = dict(
    profession="construction", signals=["payment_problems"], pattern="recurring",
    remedies_tried=["written_warning"], remedies_exhausted="yes", termination_clause="notice",
    notice_days=7, outstanding_balance=20000, work_in_progress="some",
)  # fmt: skip


def test_a_builder_whose_warning_stopped_no_work_sends_the_stop_work_notice_first() -> None:
    reminder = plan_for(**BUILDER_OWED, work_stopped_by_notice="no")
    assert reminder.recommendation.readiness == "repair_first"
    assert reminder.timeline[0].title == "Try: A written stop-work notice"
    # A saved file without the answer plans as it always did, and says what it assumed.
    unsure = plan_for(**BUILDER_OWED)
    assert unsure.recommendation.readiness == "proceed"
    assert any(
        w.startswith("This plan takes your earlier written warning")
        for w in unsure.recommendation.warnings
    )
    stopped = plan_for(**BUILDER_OWED, work_stopped_by_notice="yes")
    assert stopped.recommendation.readiness == "proceed"
    assert not any(w.startswith("This plan takes") for w in stopped.recommendation.warnings)
