"""An accountant does not leave a client a few weeks before a filing deadline: a return due
within 45 days of the planned end moves the end past it (a new accountant needs weeks to
take it over); other professions keep the two weeks."""

from __future__ import annotations

import datetime as dt
from typing import Any

from wizard.answers import Answers
from wizard.content import load_content
from wizard.engine import decide

RETIRING: dict[str, Any] = dict(
    signals=["provider_changes"],
    notice_days=60,
    notice_date=dt.date(2026, 12, 8),
    key_deadlines=[{"date": dt.date(2027, 3, 15), "what": "Form 1040 for 2026"}],
)


def rec_for(**answers: Any):
    return decide(Answers(**answers), load_content(), today=dt.date(2026, 12, 7)).recommendation


def test_an_accountant_does_not_leave_five_weeks_before_a_return_is_due() -> None:
    rec = rec_for(profession="accounting", **RETIRING)  # 60 days: 6 February, 37 days before
    assert rec.effective_date > dt.date(2027, 3, 15)
    assert any(
        "Form 1040 for 2026) fell on or soon after the planned end" in r for r in rec.reasons
    )


def test_other_professions_keep_two_weeks() -> None:
    rec = rec_for(profession="law", **RETIRING)  # regulated too, with the usual two weeks
    assert rec.effective_date < dt.date(2027, 3, 15)
