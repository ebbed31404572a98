"""Calendar arithmetic for notice periods."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wizard.dates import (
    add_days,
    is_business_day,
    long_date,
    next_business_day_after,
    next_business_day_on_or_after,
    offset_working_day,
    short_date,
)

MON, TUE, FRI, SAT, SUN = (dt.date(2026, 3, d) for d in (2, 3, 6, 7, 8))


def test_weekdays_used_below():
    assert [d.strftime("%a") for d in (MON, TUE, FRI, SAT, SUN)] == [
        "Mon",
        "Tue",
        "Fri",
        "Sat",
        "Sun",
    ]


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        (MON, 0, MON),
        (MON, 1, TUE),
        (MON, 30, dt.date(2026, 4, 1)),
        (FRI, 1, SAT),
        (dt.date(2026, 2, 27), 2, dt.date(2026, 3, 1)),  # across the end of February
        (dt.date(2028, 2, 28), 1, dt.date(2028, 2, 29)),  # leap year
        (dt.date(2026, 12, 31), 1, dt.date(2027, 1, 1)),
        (MON, 365, dt.date(2027, 3, 2)),
    ],
)
def test_calendar_days(start, days, expected):
    assert add_days(start, days, "calendar") == expected


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        (MON, 0, MON),
        (MON, 1, TUE),
        (MON, 4, FRI),
        (MON, 5, dt.date(2026, 3, 9)),
        (FRI, 0, FRI),
        (FRI, 1, dt.date(2026, 3, 9)),
        (FRI, 5, dt.date(2026, 3, 13)),
        (FRI, 10, dt.date(2026, 3, 20)),
        (dt.date(2026, 3, 4), 3, dt.date(2026, 3, 9)),  # Wednesday + 3 -> Monday
        # Counting from a weekend starts from the Friday before.
        (SAT, 1, dt.date(2026, 3, 9)),
        (SUN, 1, dt.date(2026, 3, 9)),
        (SUN, 5, dt.date(2026, 3, 13)),
        (SAT, 10, dt.date(2026, 3, 20)),
    ],
)
def test_business_days(start, days, expected):
    assert add_days(start, days, "business") == expected


def test_zero_business_days_from_a_weekend_never_goes_back():
    assert add_days(SAT, 0, "business") == SAT
    assert add_days(SUN, 0, "business") == SUN


def _slow_business(start: dt.date, days: int) -> dt.date:
    day = start
    while not is_business_day(day):
        day -= dt.timedelta(days=1)
    while days:
        day += dt.timedelta(days=1)
        if is_business_day(day):
            days -= 1
    return max(day, start)


@settings(max_examples=300, deadline=None, database=None)
@given(st.dates(dt.date(2000, 1, 1), dt.date(2100, 1, 1)), st.integers(0, 365))
def test_business_days_match_a_day_by_day_count(start, days):
    end = add_days(start, days, "business")
    assert end == _slow_business(start, days)
    assert end >= start
    if days:
        assert is_business_day(end)
    assert add_days(start, days, "calendar") - start == dt.timedelta(days=days)


@pytest.mark.parametrize(
    ("day", "on_or_after", "after"),
    [
        (MON, MON, TUE),
        (FRI, FRI, dt.date(2026, 3, 9)),
        (SAT, dt.date(2026, 3, 9), dt.date(2026, 3, 9)),
        (SUN, dt.date(2026, 3, 9), dt.date(2026, 3, 9)),
        (dt.date(2026, 12, 31), dt.date(2026, 12, 31), dt.date(2027, 1, 1)),
    ],
)
def test_next_business_day(day, on_or_after, after):
    assert next_business_day_on_or_after(day) == on_or_after
    assert next_business_day_after(day) == after


def test_is_business_day():
    assert [is_business_day(MON + dt.timedelta(days=i)) for i in range(7)] == [
        True,
        True,
        True,
        True,
        True,
        False,
        False,
    ]


def test_date_formats_are_unambiguous():
    assert long_date(dt.date(2026, 12, 1)) == "Tuesday 1 December 2026"
    assert short_date(dt.date(2026, 12, 1)) == "Tue 1 Dec 2026"


@pytest.mark.parametrize(
    ("anchor", "offset", "expected"),
    [
        (MON, -1, dt.date(2026, 2, 27)),  # Sunday before -> the Friday before
        (MON, -2, dt.date(2026, 2, 27)),  # Saturday before -> the Friday before
        (FRI, 1, dt.date(2026, 3, 9)),  # Saturday after -> the Monday after
        (FRI, 2, dt.date(2026, 3, 9)),  # Sunday after -> the Monday after
        (TUE, 1, dt.date(2026, 3, 4)),  # a weekday stays
        (SAT, 0, SAT),  # the anchor itself is kept, weekend or not
    ],
)
def test_offset_working_day_stays_on_its_side_of_the_anchor(anchor, offset, expected):
    assert offset_working_day(anchor, offset) == expected
