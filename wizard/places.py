"""Places by name: the countries and regions whose public holidays the plan knows, with the
names people know them by, and the currency each country uses.

The answers keep the place as its code (`jurisdiction`: "GB", "US-NY", the contract's
format); this module only puts names to those codes, so the wizard can offer "United
Kingdom" and "Scotland" and still store "GB-SCT". Country names are Babel's (CLDR, in
English); region names are the `holidays` package's own. Nothing here decides anything.
"""

from __future__ import annotations

import datetime as dt
import functools
import unicodedata


def _sort_key(name: str) -> str:
    """Alphabetical the way a reader expects it: "Åland Islands" among the A's."""
    plain = unicodedata.normalize("NFKD", name)
    return "".join(c for c in plain if not unicodedata.combining(c)).casefold()


@functools.cache
def _supported() -> dict[str, list[str]]:
    import holidays  # imported on use: the calendars are large

    return dict(holidays.list_supported_countries())


@functools.cache
def _territory_names() -> dict[str, str]:
    from babel import Locale  # imported on use: start-up time

    return dict(Locale("en").territories)


@functools.cache
def countries() -> dict[str, str]:
    """Two-letter code -> English name of every country the holiday calendars know, in
    alphabetical order of the names."""
    names = _territory_names()
    found = {code: names[code] for code in _supported() if len(code) == 2 and code in names}
    return dict(sorted(found.items(), key=lambda item: _sort_key(item[1])))


@functools.cache
def canonical(country: str) -> str | None:
    """The two-letter code of a country code the calendars know under another name ("UK",
    "GBR" -> "GB"), or None when they do not know it."""
    if country in countries():
        return country
    if country not in _supported():
        return None
    import holidays

    code = str(holidays.country_holidays(country).country)
    return code if code in countries() else None


def country_name(country: str) -> str | None:
    """The English name of a country code the calendars know (under any of its codes)."""
    code = canonical(country)
    return None if code is None else countries()[code]


@functools.cache
def regions(country: str) -> dict[str, str]:
    """Region code -> name, for a country whose holidays differ by region, in alphabetical
    order of the names; {} for any other country (or a code the calendars do not know).
    A region the calendars do not name is shown by its code. Only codes the answers can
    hold: the contract writes a place in capitals, so a calendar's mixed-case group
    ("Flemish", "Augsburg") is not a region one can choose."""
    codes = [code for code in _supported().get(country, []) if code == code.upper()]
    if not codes:
        return {}
    import holidays

    aliases = getattr(holidays.country_holidays(country), "subdivisions_aliases", {}) or {}
    named: dict[str, str] = {}
    for name, code in aliases.items():
        # The first name that reads as a name, not a second code ("GP" for Guadeloupe).
        if code in codes and code not in named and not (name.isupper() and len(name) <= 3):
            named[code] = name
    found = {code: named.get(code, code) for code in codes}
    return dict(sorted(found.items(), key=lambda item: _sort_key(item[1])))


# Other names people type for a place, so that the searchable lists find it: the English
# name where the list shows another ("Türkiye", "Bayern"), older or shorter names, and the
# nations of the UK. Shown after the name in the list, never stored (the answers keep codes).
COUNTRY_ALSO = {
    "GB": "Britain, Great Britain, UK, England, Scotland, Wales, Northern Ireland",
    "US": "America, USA", "NL": "Holland", "DE": "Deutschland", "TR": "Turkey",
    "CZ": "Czech Republic", "CI": "Ivory Coast", "CH": "Schweiz, Suisse", "AT": "Österreich",
    "ES": "España", "MK": "Macedonia", "SZ": "Swaziland", "CV": "Cabo Verde",
    "AE": "UAE", "KR": "Korea", "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo", "BA": "Bosnia and Herzegovina",
}  # fmt: skip
REGION_ALSO = {
    "DE": {
        "BY": "Bavaria", "HE": "Hesse", "MV": "Mecklenburg-Western Pomerania",
        "NI": "Lower Saxony", "NW": "North Rhine-Westphalia", "RP": "Rhineland-Palatinate",
        "SN": "Saxony", "ST": "Saxony-Anhalt", "TH": "Thuringia",
    },
    "AT": {
        "2": "Carinthia", "3": "Lower Austria", "4": "Upper Austria", "6": "Styria",
        "7": "Tyrol", "9": "Vienna",
    },
    "CH": {"GE": "Geneva", "LU": "Lucerne", "SG": "St. Gallen", "ZH": "Zurich", "FR": "Fribourg"},
}  # fmt: skip


def country_label(code: str) -> str:
    """A country as the list shows it: its name, with the other names people type for it."""
    name = countries()[code]
    also = COUNTRY_ALSO.get(code)
    return f"{name} ({also})" if also else name


def region_label(country: str, region: str) -> str:
    """A region as the list shows it: its name, with its English name where that differs."""
    name = regions(country)[region]
    also = REGION_ALSO.get(country, {}).get(region)
    return f"{name} ({also})" if also else name


def split(jurisdiction: str) -> tuple[str, str]:
    """("GB", "SCT") for "GB-SCT"; ("GB", "") for "GB"; ("", "") for ""."""
    country, _, region = jurisdiction.strip().upper().partition("-")
    return country, region


def names(jurisdiction: str) -> tuple[str, str]:
    """(country, region) by name: ("United Kingdom", "England") for "GB-ENG", ("Germany", "")
    for "DE", ("", "") for a place not given or not known to the calendars."""
    country, region = split(jurisdiction)
    code = canonical(country)
    if code is None:
        return "", ""
    return countries()[code], regions(code).get(region, "")


def currency_for(jurisdiction: str, today: dt.date | None = None) -> str | None:
    """The currency of the country in `jurisdiction` (legal tender there now), or None when
    the place is not given or not known."""
    from babel.numbers import get_territory_currencies

    from wizard.answers import current_currencies

    country = canonical(split(jurisdiction)[0])
    if country is None:
        return None
    held = get_territory_currencies(country, today or dt.date.today(), tender=True)
    return next((code for code in held if code in current_currencies()), None)
