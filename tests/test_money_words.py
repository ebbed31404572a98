"""Sixth review, money: a currency code must be a real currency in use, a US dollar is
marked as such wherever "$" is local money, and the review screen writes an amount
exactly as the plan does (the same function, given the jurisdiction too)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from tests.test_review_page import review_page
from wizard.answers import Answers, AnswersError, load_answers
from wizard.content import load_content
from wizard.context import money
from wizard.examples import example_answers
from wizard.plan import build_plan
from wizard.ui import kinds
from wizard.ui.safe import md

CONTENT = load_content()
TODAY = dt.date(2026, 12, 7)
HEAD = "schema_version: 1\nanswers:\n"


def _currency_error(code: str) -> str:
    with pytest.raises(AnswersError) as caught:
        load_answers(f"{HEAD}  outstanding_balance: 1250.5\n  currency: {code}\n")
    return str(caught.value)


# --- 1. a currency code must be a currency in use ----------------------------------------


@pytest.mark.parametrize(
    "code",
    [
        "XXX",  # "no currency": printed as the generic sign "¤1,250.50"
        "EUX",  # a typo, printed as "EUX 1,250.50"
        "XTS",  # reserved for testing
        "XAU",  # gold, silver, platinum and palladium are not money one is paid in
        "XAG",
        "XPT",
        "XPD",
        "XDR",  # an accounting unit
        "HRK",  # gone: Croatia pays in euros since 2023
    ],
)
def test_a_code_that_is_not_a_currency_in_use_is_refused_by_name(code: str) -> None:
    message = _currency_error(code)
    assert "'currency' must be a three-letter code such as USD, EUR or GBP" in message
    assert f"'{code}' is not the code of a currency in use" in message


@pytest.mark.parametrize(
    "code",
    [
        *kinds.COMMON_CURRENCIES,
        *("KWD", "HKD", "TWD", "MXN", "ARS", "CLP", "COP", "JMD", "LRD", "XAF", "XOF"),
        *("XCD", "XPF", "XCG", "VES", "ZWG", "SLE", "BTN", "CUP", "KPW"),
    ],
)
def test_every_real_currency_still_loads(code: str) -> None:
    loaded = load_answers(f"{HEAD}  outstanding_balance: 10\n  currency: {code}\n")
    assert loaded.currency == code


@pytest.mark.parametrize("code", ["EUX", "XXX", "XAU"])
def test_the_wizard_refuses_the_same_codes_and_names_the_question(code: str) -> None:
    question = CONTENT.question_by_id["currency"]
    error = kinds.check(question, code, CONTENT.screens.checks)
    assert error is not None
    assert error.startswith(f"“{question.label}”")


def test_the_wizard_takes_another_real_code() -> None:
    question = CONTENT.question_by_id["currency"]
    assert kinds.check(question, "HKD", CONTENT.screens.checks) is None


# --- 2. "$" is local money in many places: a US dollar says so --------------------------


@pytest.mark.parametrize(
    "jurisdiction", ["MX", "AR", "CL", "CO", "HK", "SG", "TW", "JM", "LR", "BR", "MX-CMX"]
)
def test_us_dollars_are_marked_where_dollar_sign_is_local_money(jurisdiction: str) -> None:
    assert money(1250, "USD", jurisdiction) == "US$1,250.00"


@pytest.mark.parametrize(
    ("amount", "currency", "jurisdiction", "expected"),
    [
        (1250, "USD", "US", "$1,250.00"),  # at home, the dollar is plain "$"
        (1250, "USD", "US-NY", "$1,250.00"),
        (1250, "USD", "", "$1,250.00"),
        (1250, "USD", "GB", "$1,250.00"),
        (1250, "USD", "CA", "US$1,250.00"),  # as before
        (1250, "USD", "NZ", "US$1,250.00"),
        (1250, "USD", "AU", "USD\u00a01,250.00"),
        (1234567.5, "USD", "IN", "$1,234,567.50"),
        (1250, "CAD", "CA", "$1,250.00"),
        (1250, "SGD", "SG", "$1,250.00"),  # each place's own money as people there write it
        (1250, "JMD", "JM", "$1,250.00"),
        (1250, "LRD", "LR", "$1,250.00"),
        (1250, "HKD", "HK", "HK$1,250.00"),
        (1250, "MXN", "MX", "MX$1,250.00"),  # no English of Mexico in CLDR: unambiguous
        (1250, "TWD", "TW", "NT$1,250.00"),
        (1250, "CAD", "MX", "CA$1,250.00"),  # another place's dollar is already marked
        (1250, "EUR", "MX", "€1,250.00"),
    ],
)
def test_each_amount_reads_unambiguously_where_it_is_read(
    amount: float, currency: str, jurisdiction: str, expected: str
) -> None:
    assert money(amount, currency, jurisdiction) == expected


def test_a_mexican_client_letter_says_us_dollars() -> None:
    answers = Answers(
        jurisdiction="MX", currency="USD", outstanding_balance=1250,
        signals=["payment_problems"], remedies_tried=["written_warning"],
    )  # fmt: skip
    text = build_plan(answers, CONTENT, today=TODAY).model_dump_json()
    assert "US$1,250.00" in text
    assert re.search(r"(?<!US)\$1,250", text) is None


# --- 3. the review screen writes the plan's amount -------------------------------------


@pytest.mark.parametrize(
    ("amount", "currency", "jurisdiction", "expected"),
    [
        (1250.567, "KWD", "", "KWD\u00a01,250.567"),  # three decimals, not "1,250.57"
        (250000, "JPY", "", "¥250,000"),  # none, not "250,000.00"
        (1234567.5, "INR", "IN", "₹12,34,567.50"),  # lakhs in India
        (1250, "USD", "MX", "US$1,250.00"),
        (1250.5, "EUR", "DE", "€1,250.50"),
    ],
)
def test_the_review_screen_writes_an_amount_as_the_plan_does(
    amount: float, currency: str, jurisdiction: str, expected: str
) -> None:
    words = CONTENT.screens.answers
    for field in ("outstanding_balance", "unearned_amount"):
        question = CONTENT.question_by_id[field]
        shown = kinds.answer_text(question, amount, words, currency, jurisdiction)
        assert shown == money(amount, currency, jurisdiction) == expected


def test_the_review_page_groups_rupees_in_lakhs_in_india() -> None:
    answers = example_answers("late_payer").model_copy(
        update={"jurisdiction": "IN", "currency": "INR", "outstanding_balance": 1234567.5}
    )
    at = review_page(answers)
    page = " ".join(m.value for m in at.markdown)
    assert md("₹12,34,567.50") in page
    assert "INR 1,234,567.50" not in page
