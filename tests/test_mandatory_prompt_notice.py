"""A withdrawal the rules require is prompt: a later notice date the user planned gives way
to the next working day, and the reasons say so. Nothing else moves a planned date forward."""

from __future__ import annotations

import datetime as dt
from typing import Any

from wizard.answers import Answers
from wizard.content import load_content
from wizard.engine import decide

TODAY = dt.date(2026, 12, 7)  # a Monday
INSISTED: dict[str, Any] = dict(
    profession="accounting",
    jurisdiction="US-NY",
    signals=["unethical_request"],
    improper_request_insisted=True,
    notice_days=30,
    key_deadlines=[{"date": dt.date(2027, 3, 15), "what": "Form 1120-S"}],
)


def rec_for(**answers: Any):
    return decide(Answers(**answers), load_content(), today=TODAY).recommendation


def test_an_insisted_request_does_not_wait_for_a_notice_date_months_away() -> None:
    rec = rec_for(**INSISTED, notice_date=dt.date(2027, 3, 16))
    assert rec.notice_date == dt.date(2026, 12, 8)
    assert rec.effective_date == dt.date(2027, 1, 7)
    assert (
        "Ending is required, so notice cannot wait for the date you planned (Tuesday 16 March "
        "2027): the plan gives it on Tuesday 8 December 2026, the next working day."
    ) in rec.reasons


def test_an_insisted_request_keeps_an_earlier_date_the_user_chose() -> None:
    rec = rec_for(**INSISTED, notice_date=TODAY)
    assert rec.notice_date == TODAY
    assert not any("cannot wait for the date you planned" in r for r in rec.reasons)


def test_other_endings_keep_the_date_the_user_planned() -> None:
    # (A request only suggested is refused at once instead: see test_review6.)
    for answers in (
        dict(signals=["behaviour_decline"], safety_concern=True, safety_level="threat"),
        dict(signals=["business_changes"]),
    ):
        rec = rec_for(**{**INSISTED, **answers}, notice_date=dt.date(2027, 3, 16))
        assert rec.notice_date >= dt.date(2027, 3, 16), answers
