"""Working days for one jurisdiction: its weekend (Saturday and Sunday unless its calendar
says otherwise) and, when a jurisdiction is given, its public holidays (from the well-kept
`holidays` package, not a hand-made list).

Every date the engine works out goes through one `Workdays`, so notice and end dates,
business-day counts and checklist dates agree about which days are working days.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

ONE_DAY = dt.timedelta(days=1)
# The answers contract keeps dates between 2000 and 2100; a plan may run past 2100 by
# its longest notice and holds. Beyond that no arithmetic is needed, and none may crash.
LAST_DAY = dt.date(2199, 12, 31)


# Countries whose public holidays differ by nation and whose package calendar, with no
# subdivision named, holds only the days common to all of them: the UK's leaves out Easter
# Monday (a bank holiday in England, Wales and Northern Ireland). "GB" alone then means
# every nation's holidays, so a date is never treated as a working day where it is not.
NATIONS_UNITED = {"GB": ("ENG", "NIR", "SCT", "WLS"), "UK": ("ENG", "NIR", "SCT", "WLS")}
# A holiday of only some nations is named with them, so the plan does not tell a provider in
# England that Saint Patrick's Day is a holiday where they work.
NATION_NAMES = {"ENG": "England", "NIR": "Northern Ireland", "SCT": "Scotland", "WLS": "Wales"}
# The plan is in British English. A country whose calendar has only US English names keeps
# them, spelt the British way ("Labour Day" in France); the US keeps its own "Labor Day".
BRITISH_SPELLING = {"Labor": "Labour", "Honor": "Honour"}


@functools.lru_cache(maxsize=256)
def _calendar(jurisdiction: str, year: int) -> dict[dt.date, str]:
    """Public holidays of one year and their names (public data, shared by all sessions)."""
    import holidays  # the calendars load only when a jurisdiction is given

    country, _, subdivision = jurisdiction.partition("-")
    parts = (subdivision,) if subdivision else NATIONS_UNITED.get(country, ("",))
    days: dict[dt.date, str] = {}
    kept_by: dict[dt.date, list[str]] = {}
    language = _english(country)
    for part in parts:
        calendar = holidays.country_holidays(
            country, subdiv=part or None, years=year, language=language
        )
        for day, name in sorted(calendar.items()):
            days.setdefault(day, _british(str(name)) if language == "en_US" else str(name))
            kept_by.setdefault(day, []).append(part)
    if len(parts) > 1:
        for day, where in kept_by.items():
            if len(where) < len(parts):
                names = [NATION_NAMES.get(part, part) for part in where]
                nations = " and ".join([", ".join(names[:-1]), names[-1]] if names[:-1] else names)
                name = days[day]
                # "New Year Holiday (observed, in Scotland only)": one bracket, not two.
                days[day] = (
                    f"{name[:-1]}, in {nations} only)"
                    if name.endswith(")")
                    else f"{name} (in {nations} only)"
                )
    return days


def _british(name: str) -> str:
    return " ".join(BRITISH_SPELLING.get(word, word) for word in name.split(" "))


@functools.lru_cache(maxsize=256)
def _english(country: str) -> str | None:
    """The country's own English for its holiday names (en_GB, en_CA...), else US English;
    None (the calendar's own language) when it has no English: the plan is in English."""
    import holidays

    calendar = holidays.country_holidays(country)
    languages = getattr(calendar, "supported_languages", ())
    if str(getattr(calendar, "default_language", "")).startswith("en"):
        return None
    own = [lang for lang in languages if lang.startswith("en_") and lang != "en_US"]
    if own:
        return own[0]
    return "en_US" if "en_US" in languages else None


@functools.lru_cache(maxsize=256)
def _holidays_in(jurisdiction: str, year: int) -> frozenset[dt.date]:
    return frozenset(_calendar(jurisdiction, year))


SATURDAY_SUNDAY = frozenset({5, 6})


@functools.lru_cache(maxsize=256)
def _weekend(jurisdiction: str) -> frozenset[int]:
    """The weekdays (Monday = 0) that are the weekend where the provider works: Saturday and
    Sunday unless the jurisdiction's calendar says otherwise (Friday and Saturday in Israel
    or Saudi Arabia, for instance)."""
    if not jurisdiction:
        return SATURDAY_SUNDAY
    import holidays

    country, _, subdivision = jurisdiction.partition("-")
    calendar = holidays.country_holidays(country, subdiv=subdivision or None)
    return frozenset(calendar.weekend) or SATURDAY_SUNDAY


def _clamp(day: dt.date) -> dt.date:
    return min(day, LAST_DAY)


def plus_days(day: dt.date, days: int) -> dt.date:
    """`day` moved by whole days, never past the last day the planner handles."""
    try:
        return _clamp(day + dt.timedelta(days=days))
    except OverflowError:
        return LAST_DAY if days > 0 else dt.date.min


@dataclass(frozen=True)
class Workdays:
    jurisdiction: str = ""

    def is_holiday(self, day: dt.date) -> bool:
        return bool(self.jurisdiction) and day in _holidays_in(self.jurisdiction, day.year)

    def holiday_name(self, day: dt.date) -> str:
        if not self.is_holiday(day):
            return ""
        return _calendar(self.jurisdiction, day.year).get(day, "")

    @property
    def weekend(self) -> frozenset[int]:
        """The weekdays (Monday = 0) that are the weekend here."""
        return _weekend(self.jurisdiction)

    def is_business_day(self, day: dt.date) -> bool:
        return day.weekday() not in self.weekend and not self.is_holiday(day)

    def on_or_after(self, day: dt.date) -> dt.date:
        """The first business day on or after `day`."""
        while not self.is_business_day(day) and day < LAST_DAY:
            day += ONE_DAY
        return day

    def after(self, day: dt.date) -> dt.date:
        return self.on_or_after(plus_days(day, 1))

    def holiday_between(self, start: dt.date, end: dt.date) -> bool:
        """Whether a public holiday falls on `start` or after it, before `end`: a date moved
        from `start` on to `end` moved past a holiday, not only a weekend."""
        return bool(self.holidays_between(start, end))

    def holidays_between(self, start: dt.date, end: dt.date) -> tuple[tuple[dt.date, str], ...]:
        """The public holidays on `start` or after it, before `end`, with their names."""
        days = (plus_days(start, i) for i in range((end - start).days))
        return tuple((day, self.holiday_name(day)) for day in days if self.is_holiday(day))

    def on_or_before(self, day: dt.date) -> dt.date:
        while not self.is_business_day(day) and day > dt.date.min:
            day -= ONE_DAY
        return day

    def add(self, start: dt.date, days: int, kind: str) -> dt.date:
        """`days` calendar days after `start`, or `days` business days counted after it."""
        if kind == "calendar":
            return plus_days(start, days)
        day = start
        while days > 0 and day < LAST_DAY:
            day += ONE_DAY
            if self.is_business_day(day):
                days -= 1
        return day

    def count(self, start: dt.date, end: dt.date, kind: str) -> int:
        """How many days of notice `start` -> `end` gives, counted as `add` counts."""
        if end <= start:
            return 0
        if kind == "calendar":
            return (end - start).days
        days, day = 0, start
        while day < end:
            day += ONE_DAY
            days += self.is_business_day(day)
        return days

    def offset(self, anchor: dt.date, offset: int) -> dt.date:
        """`anchor` moved by `offset` days, landing on a business day on the same side of
        the anchor: a task due before it moves back, one due after it moves on. The anchor
        itself (offset 0) is kept as it is."""
        day = plus_days(anchor, offset)
        if offset < 0:
            return self.on_or_before(day)
        if offset > 0:
            return self.on_or_after(day)
        return day
