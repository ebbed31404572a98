"""Calendar arithmetic for notice periods. Weekends are not business days; public
holidays vary by place and are left to the user (the plan says so)."""

from __future__ import annotations

import datetime as dt

ONE_DAY = dt.timedelta(days=1)


class DateRangeError(ValueError):
    """A date moved past what the calendar can hold (year 1 to 9999).

    The answers model keeps dates within 2000-2100, so this should never happen; if it
    does, callers get one plain ValueError instead of Python's OverflowError."""

    def __init__(self) -> None:
        super().__init__("a date in this plan falls outside the calendar Partways can use")


def _shift(day: dt.date, delta: dt.timedelta) -> dt.date:
    try:
        return day + delta
    except OverflowError:
        raise DateRangeError() from None


def is_business_day(day: dt.date) -> bool:
    return day.weekday() < 5


def next_business_day_on_or_after(day: dt.date) -> dt.date:
    while not is_business_day(day):
        day = _shift(day, ONE_DAY)
    return day


def next_business_day_after(day: dt.date) -> dt.date:
    return next_business_day_on_or_after(_shift(day, ONE_DAY))


def add_days(start: dt.date, days: int, kind: str) -> dt.date:
    """`days` calendar days, or `days` business days counted after `start`."""
    if kind == "calendar":
        return _shift(start, dt.timedelta(days=days))
    # Whole weeks first, so a 365-business-day notice is not a 365-step loop.
    # Counting from a Saturday or Sunday is the same as counting from the Friday before.
    day = start
    while not is_business_day(day):
        day = _shift(day, -ONE_DAY)
    weeks, rest = divmod(days, 5)
    day = _shift(day, dt.timedelta(weeks=weeks))
    while rest:
        day = _shift(day, ONE_DAY)
        if is_business_day(day):
            rest -= 1
    return max(day, start)


def long_date(day: dt.date) -> str:
    """'Tuesday 1 December 2026' -- unambiguous across locales."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def short_date(day: dt.date) -> str:
    return f"{day:%a} {day.day} {day:%b %Y}"


def offset_working_day(anchor: dt.date, offset: int) -> dt.date:
    """`anchor` moved by `offset` days, landing on a business day on the same side of the
    anchor: a task due before it moves back to the Friday, one due after it on to Monday.
    The anchor itself (offset 0) is kept as it is."""
    day = _shift(anchor, dt.timedelta(days=offset))
    step = -ONE_DAY if offset < 0 else ONE_DAY
    while offset and not is_business_day(day):
        day = _shift(day, step)
    return day
