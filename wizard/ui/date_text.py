"""A date at the start of a line, written the ways people write dates: 2027-01-31,
31/01/2027 (also with dots or dashes), 01/31/2027 when the day cannot be a month,
31 Jan 2027, 31st January 2027, Jan 31, 2027. Numbers that read as a day and a month
either way round (01/02/2027) are ambiguous: the caller asks again rather than guessing.

The answers keep ISO dates (the contract); this only reads what was typed."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sept", "sep"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}  # fmt: skip

_END = r"(?=$|[\s,:;–—-])"  # the date ends here: the line ends, or a space or separator
_ORDINAL = r"(?:st|nd|rd|th)?"
_PATTERNS = {
    "ymd": re.compile(rf"(\d{{4}})[-/.](\d{{1,2}})[-/.](\d{{1,2}}){_END}"),
    "numeric": re.compile(rf"(\d{{1,2}})[-/.](\d{{1,2}})[-/.](\d{{4}}){_END}"),
    "day_month": re.compile(rf"(\d{{1,2}}){_ORDINAL}\s+([a-z]+)\.?,?\s+(\d{{4}}){_END}", re.I),
    "month_day": re.compile(rf"([a-z]+)\.?\s+(\d{{1,2}}){_ORDINAL},?\s+(\d{{4}}){_END}", re.I),
}
_SEPARATORS = " \t,:;–—-"


@dataclass(frozen=True)
class LeadingDate:
    """What a line starts with: its date (None when there is none, it does not exist, or it
    is ambiguous), the rest of the line, the date as typed, and for an ambiguous one the two
    dates it could be (day first, then month first)."""

    date: dt.date | None
    rest: str
    typed: str = ""
    either: tuple[dt.date, dt.date] | None = None


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def leading_date(line: str) -> LeadingDate:
    """Read the date a line starts with; the rest of the line follows it."""
    text = line.strip()
    for form, pattern in _PATTERNS.items():
        found = pattern.match(text)
        if found is None:
            continue
        typed, rest = found.group(0), text[found.end() :].lstrip(_SEPARATORS)
        a, b, c = found.groups()
        if form == "ymd":
            return LeadingDate(_day(int(a), int(b), int(c)), rest, typed)
        if form in ("day_month", "month_day"):
            day, month = (a, b) if form == "day_month" else (b, a)
            number = MONTHS.get(month.lower())
            if number is None:
                continue
            return LeadingDate(_day(int(c), number, int(day)), rest, typed)
        first, second, year = int(a), int(b), int(c)
        day_first, month_first = _day(year, second, first), _day(year, first, second)
        if day_first and month_first and day_first != month_first:
            return LeadingDate(None, rest, typed, (day_first, month_first))
        return LeadingDate(day_first or month_first, rest, typed)
    return LeadingDate(None, text)
