"""Notice in proportion: closeness or reliance deserves more than a month before the
relationship reaches three years, when nothing argues for speed."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from wizard.answers import Answers
from wizard.content import load_content
from wizard.engine import decide


def rec_for(**answers: Any):
    answers.setdefault("notice_date", dt.date(2026, 12, 8))
    return decide(Answers(**answers), load_content(), today=dt.date(2026, 12, 7)).recommendation


@pytest.mark.parametrize(
    "closeness", [dict(relationship_depth="close"), dict(client_depends_on_you=True)]
)
def test_a_close_or_reliant_client_of_two_years_gets_more_than_the_contract_month(closeness):
    rec = rec_for(
        profession="therapy", signals=["provider_changes"], notice_days=30,
        relationship_months=26, **closeness,
    )  # fmt: skip
    assert rec.notice_days_minimum == 30
    assert rec.notice_days >= 45


def test_an_ordinary_client_of_two_years_gets_the_contract_month() -> None:
    rec = rec_for(signals=["provider_changes"], notice_days=30, relationship_months=26)
    assert rec.notice_days == 30


def test_speed_still_wins_over_closeness() -> None:
    rec = rec_for(
        signals=["payment_problems"], remedies_tried=["written_warning"], notice_days=14,
        relationship_months=26, relationship_depth="close", outstanding_balance=5000,
    )  # fmt: skip
    assert rec.notice_days < 45
