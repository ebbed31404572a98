"""A lawyer's notice of breach while a court matter is pending.

The client may still put the breach right, and if not, the end comes only with the court's
permission (Model Rule 1.16(c)). So the letter never states a flat end date, does not
tell the client to replace their lawyer while the agreement may yet carry on, and does not
speak of the withdrawal as already decided."""

from __future__ import annotations

import datetime as dt

from tests.test_letters_wording import plan_for

BREACH = dict(
    profession="law",
    court_matter_pending=True,
    signals=["payment_problems"],
    remedies_tried=["written_warning"],
    termination_clause="cause_only",
    cure_days=14,
    breach_summary="Invoices unpaid since August",
    outstanding_balance=5200,
    key_deadlines=[{"date": dt.date(2026, 4, 20), "what": "Trial"}],
)


def test_the_end_waits_for_the_cure_and_the_court() -> None:
    plan = plan_for(**BREACH)
    body = plan.message.body
    assert plan.recommendation.effective_condition == "court_permission"
    assert "the agreement ends on" not in body
    assert "if it is not, I will end it" in body
    assert "court’s permission" in body


def test_new_counsel_only_if_the_breach_stays() -> None:
    body = plan_for(**BREACH).message.body
    assert "Please engage new counsel now" not in body
    assert "If the breach has not been put right by" in body


def test_deadlines_do_not_presume_the_withdrawal() -> None:
    body = plan_for(**BREACH).message.body
    assert "because I am withdrawing" not in body
    assert "They do not move if I withdraw" in body


def test_without_a_breach_notice_the_withdrawal_is_stated() -> None:
    body = plan_for(**{**BREACH, "termination_clause": "notice", "cure_days": 0}).message.body
    assert "Please engage new counsel now" in body
    assert "because I am withdrawing" in body
