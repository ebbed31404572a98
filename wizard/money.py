"""How an amount is written, in the plan and on the review screen alike (one function, so
the two never disagree). Babel's CLDR data decides the symbol, the decimals and the
grouping; nothing here decides anything about the plan."""

from __future__ import annotations

import functools

from babel import localedata
from babel.core import parse_locale
from babel.numbers import (
    UnknownCurrencyError,
    format_currency,
    get_currency_symbol,
    get_territory_currencies,
)

# Where a home currency is grouped differently from the international English default:
# rupees in lakhs and crores ("₹12,34,567.50"). country -> (those currencies, that locale)
GROUPED_AT_HOME = {"IN": (("INR",), "en_IN")}
# The international English whose US dollar is "US$", for a place where "$" is local money.
WORLD_ENGLISH = "en_001"


@functools.cache
def _locales_of(country: str) -> tuple[str, ...]:
    """Every CLDR locale of a country ("es_MX"; "zh_Hant_TW", "trv_TW")."""
    return tuple(
        name for name in localedata.locale_identifiers() if parse_locale(name)[1] == country
    )


@functools.cache
def dollar_homes(country: str) -> frozenset[str]:
    """The country's own currencies that are written with a dollar sign there: a bare "$"
    (MXN in Mexico, SGD in Singapore, TWD in Taiwan) or one people there shorten to "$"
    ("HK$", "R$"). Where there is one, a bare "$" reads as local money."""
    if not country.isalpha() or len(country) != 2:
        return frozenset()
    places = (*_locales_of(country), "en")
    return frozenset(
        code
        for code in get_territory_currencies(country, tender=True)
        if any("$" in get_currency_symbol(code, locale=place) for place in places)
    )


def _locale(code: str, country: str) -> str:
    grouped = GROUPED_AT_HOME.get(country)
    if grouped and code in grouped[0]:
        return grouped[1]
    homes = dollar_homes(country)
    if not homes:
        return "en"
    english_here = f"en_{country}"
    has_english = localedata.exists(english_here)
    if code in homes:  # as people there write it: "$" in Canada, "HK$" in Hong Kong
        return english_here if has_english else "en"
    if get_currency_symbol(code, locale="en") != "$":
        return "en"  # already unambiguous: "CA$", "€", "¥"
    # Another dollar in a "$" country: "US$" (or "USD" where that is the local usage).
    if has_english and get_currency_symbol(code, locale=english_here) != "$":
        return english_here
    return WORLD_ENGLISH


def money(amount: float, currency: str, jurisdiction: str = "") -> str:
    """An amount as the currency writes it (Babel's CLDR data): "$1,250.50", "¥250,000",
    "CHF 1,250.50" (a lettered symbol keeps a non-breaking space before the figure).
    Where the jurisdiction's own currency is written with a "$" (Canada, Mexico, Hong Kong,
    Singapore...), its own money is written as people there write it and a US dollar is
    marked as such ("US$1,250.00"); in the US and with no jurisdiction it is "$". In India
    rupees are grouped in lakhs."""
    code = currency.strip().upper()
    country = jurisdiction.strip().upper().split("-")[0]
    try:
        locale = _locale(code, country)
        symbol = get_currency_symbol(code, locale=locale)
        pattern = "\u00a4\u00a0#,##0.00" if symbol[-1:].isalpha() else None
        return format_currency(amount, code, format=pattern, locale=locale)
    except (UnknownCurrencyError, ValueError):
        return f"{code}\u00a0{amount:,.2f}"
