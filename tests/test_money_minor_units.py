"""Amounts are money in the currency's own minor unit.

A balance too small to write (0.004 dollars) is no balance: a letter must never say
"$0.00 is still due". Amounts are rounded to the currency's digits when answers load:
cents for USD, whole yen for JPY, fils (three places) for KWD."""

from __future__ import annotations

import pytest

from tests.test_letters_wording import letters, plan_for
from wizard.answers import Answers


@pytest.mark.parametrize(
    ("currency", "given", "kept"),
    [("USD", 1500.505, 1500.51), ("JPY", 250.4, 250.0), ("KWD", 1.2345, 1.234), ("USD", 0.004, 0)],
)
def test_amounts_load_in_whole_minor_units(currency: str, given: float, kept: float) -> None:
    answers = Answers.model_validate(
        {"currency": currency, "outstanding_balance": given, "unearned_amount": given}
    )
    assert answers.outstanding_balance == kept
    assert answers.unearned_amount == kept


def test_a_balance_too_small_to_write_is_no_balance() -> None:
    plan = plan_for(
        engagement_status="finished", signals=["needs_beyond_expertise"], outstanding_balance=0.004
    )
    text = letters(plan)
    assert "0.00" not in text
    assert "final_invoice" not in plan.recommendation.constraints
