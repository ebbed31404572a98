"""The notice the plan gives is one figure: the recommendation's notice_days, the plan's
facts and the letter all count it from the day the client has the notice (a posted letter:
the day it arrives), as the contract's minimum is counted."""

from __future__ import annotations

import re

from tests.test_review12 import flat, plan_for
from wizard.workdays import Workdays


def _given(plan) -> str:
    return next(row.value for row in plan.facts if row.label == "Notice the plan gives")


def test_a_posted_notice_counts_its_days_from_arrival_everywhere() -> None:
    plan = plan_for(
        profession="general", jurisdiction="GB-ENG", signals=["scope_creep"], pattern="recurring",
        remedies_tried=["frank_conversation"], remedies_exhausted="yes", has_contract=True,
        termination_clause="notice", notice_days=30, preferred_channel="letter",
        relationship_months=6, relationship_depth="transactional", client_name="Ana Ruiz",
    )  # fmt: skip
    rec = plan.recommendation
    assert rec.channel == "letter"
    arrives = re.search(r"from (\w+ \d+ \w+ \d{4}) \(when the letter reaches them\)", _given(plan))
    assert arrives, _given(plan)
    start = next(e.date for e in plan.timeline if e.id == "give_notice")
    assert start == rec.notice_date
    from_posting = Workdays("GB-ENG").count(rec.notice_date, rec.effective_date, "calendar")
    assert rec.notice_days < from_posting  # the days in the post are not added on
    assert _given(plan).startswith(f"{rec.notice_days} calendar days")
    assert rec.notice_days >= rec.notice_days_minimum == 30
    letter = flat(plan.message.body)
    assert f"{rec.notice_days} calendar days" in letter or "30 calendar days" in letter
