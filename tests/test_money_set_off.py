"""A client who owes a balance and also paid in advance for work that will not be done: the
plan shows both amounts on one final statement and does not set one against the other on
its own (that needs the contract or the client's written agreement). A lawyer's advance in
the client trust account leaves it only as earned, and a disputed part stays there (ABA
Model Rules 1.15(c) and 1.15(e))."""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_letters_wording import letters, plan_for
from tests.test_review5_money import must

OWES_AND_PREPAID: dict[str, Any] = dict(
    signals=["payment_problems"],
    outstanding_balance=2000,
    unearned_prepayment=True,
    remedies_tried=["written_warning"],
    remedies_exhausted="yes",
    work_in_progress="some",
)
SET_OFF = "set one against the other only where your contract allows it"
TRUST = "client trust account"


@pytest.mark.parametrize("profession", ["general", "accounting", "therapy", "construction"])
def test_both_amounts_are_stated_and_not_netted_without_agreement(profession: str) -> None:
    plan = plan_for(profession=profession, **OWES_AND_PREPAID)
    refund = must(plan, "refund_unearned")
    assert SET_OFF in refund
    assert "$2,000.00" in refund
    assert TRUST not in refund  # the trust-account rule is a lawyer's
    # The letter does not net them either: it still promises the refund.
    assert "refund" in letters(plan).lower()


def test_a_lawyer_is_reminded_of_the_trust_account() -> None:
    refund = must(plan_for(profession="law", **OWES_AND_PREPAID), "refund_unearned")
    assert SET_OFF in refund
    assert TRUST in refund and "disputes stays there" in refund


def test_no_set_off_sentence_when_nothing_is_owed() -> None:
    answers = {**OWES_AND_PREPAID, "outstanding_balance": 0, "signals": ["scope_creep"]}
    for profession in ("general", "law"):
        refund = must(plan_for(profession=profession, **answers), "refund_unearned")
        assert SET_OFF not in refund
        # The trust account's rule holds for a lawyer's advance whatever is owed (review 6).
        assert (TRUST in refund) == (profession == "law")
