"""Defects found by the sixth round of expert reviews (letters, harder cases, dates, money),
each pinned by the answers that showed it."""

from __future__ import annotations

import datetime as dt
import re

from tests.test_letters_wording import plan_for

FOR_CAUSE = dict(
    signals=["payment_problems"], remedies_tried=["written_warning"],
    termination_clause="cause_only",
    breach_summary="Invoices 14 and 15 unpaid 60 days past due", outstanding_balance=9000,
    notice_date=dt.date(2026, 12, 8),
)  # fmt: skip


def test_a_for_cause_ending_comes_the_day_after_the_cure_period_not_on_its_last_day() -> None:
    plan = plan_for(cure_days=14, **FOR_CAUSE)
    body = plan.message.body.replace("\n", " ")
    assert "please do so by Tuesday 22 December 2026" in body
    assert "the agreement ends on Wednesday 23 December 2026" in body
    assert plan.recommendation.effective_date == dt.date(2026, 12, 23)
    assert re.search(r"ends on Tuesday 22 December", body) is None


def test_no_cure_period_still_ends_the_day_notice_is_given() -> None:
    plan = plan_for(cure_days=0, **FOR_CAUSE)
    assert plan.recommendation.effective_date == plan.recommendation.notice_date
