"""The holiday warning names what moved and why: which date, the public holidays by name (in
English), and the working day it moved to, so the user can check it against their own
calendar. A weekend holiday that moved nothing a weekend had not already moved is not
warned about."""

from __future__ import annotations

import datetime as dt
from typing import Any

from wizard.answers import Answers
from wizard.content import load_content
from wizard.plan import build_plan

TODAY = dt.date(2026, 12, 7)


def holiday_warning(**answers: Any) -> str | None:
    plan = build_plan(Answers(**answers), load_content(), today=TODAY)
    rec = plan.recommendation
    if "holiday_moved" not in rec.warning_ids:
        return None
    return rec.warnings[rec.warning_ids.index("holiday_moved")]


def test_an_end_date_on_christmas_day_names_the_holiday_and_both_dates():
    # 18 calendar days from Monday 7 December is Friday 25 December.
    text = holiday_warning(
        jurisdiction="US-NY", signals=["business_changes"], notice_days=18,
        notice_date=dt.date(2026, 12, 7),
    )  # fmt: skip
    assert text == (
        "The end date would have been Friday 25 December 2026. Christmas Day is a public "
        "holiday where you work, so the plan moves it on to Monday 28 December 2026, the "
        "next working day."
    )


def test_a_start_on_boxing_day_in_england_names_the_substitute_day_too():
    # Saturday 26 December is Boxing Day; Monday 28 December is its substitute bank holiday.
    text = holiday_warning(
        jurisdiction="GB", signals=["scope_creep"], remedies_exhausted="no",
        conversation_outlook="likely", notice_date=dt.date(2026, 12, 26),
    )  # fmt: skip
    assert text is not None
    assert text.startswith(
        "The plan would have started on Saturday 26 December 2026. Boxing Day that day and Boxing "
        "Day (observed) on Monday 28 December 2026 are public holidays where you work, so it "
        "starts on Tuesday 29 December 2026, the next working day."
    )


def test_a_cure_period_ending_on_christmas_day_moves_in_one_sentence():
    text = holiday_warning(
        jurisdiction="GB", termination_clause="cause_only", cure_days=18,
        breach_summary="Invoices unpaid for 90 days", signals=["payment_problems"],
        remedies_tried=["written_warning", "payment_plan"], notice_date=dt.date(2026, 12, 7),
    )  # fmt: skip
    # The end is the day after the period's last day, so only the period moves.
    assert text == (
        "The last day to put the breach right would have been Friday 25 December 2026. "
        "Christmas Day that day and Boxing Day (observed) on Monday 28 December 2026 are "
        "public holidays where you work, so the period runs to Tuesday 29 December 2026, the "
        "next working day."
    )


def test_holiday_names_are_in_english_wherever_the_user_works():
    text = holiday_warning(
        jurisdiction="DE-BY", signals=["business_changes"], notice_days=18,
        notice_date=dt.date(2026, 12, 7),
    )  # fmt: skip
    assert text is not None
    assert "Christmas Day is a public holiday where you work" in text
    assert "DE-BY" not in text


def test_a_holiday_on_a_later_weekend_day_is_not_a_holiday_move():
    # In Sweden Whit Sunday (16 May 2027) is a public holiday and Whit Monday is not: a
    # start planned for Saturday 15 May moves to Monday 17 May because of the weekend alone.
    plan = build_plan(
        Answers(jurisdiction="SE", notice_date=dt.date(2027, 5, 15)), load_content(), today=TODAY
    )
    assert plan.recommendation.notice_date == dt.date(2027, 5, 17)
    assert "holiday_moved" not in plan.recommendation.warning_ids


def test_two_holidays_on_one_day_and_one_on_the_date_itself_read_apart():
    # New York: Lincoln's Birthday on Friday 12 February 2027; Susan B. Anthony Day and
    # Washington's Birthday both on Monday 15 February.
    text = holiday_warning(
        jurisdiction="US-NY", signals=["business_changes"], notice_days=67,
        notice_date=dt.date(2026, 12, 7),
    )  # fmt: skip
    assert text is not None
    assert (
        "Lincoln's Birthday that day and Susan B. Anthony Day / Washington's Birthday on "
        "Monday 15 February 2027 are public holidays"
    ) in text
