"""Defects found by the eleventh review (the recommendation against the answers contract),
each pinned by the answers that showed it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from wizard.answers import Answers
from wizard.content import load_content
from wizard.engine import decide

TODAY = dt.date(2026, 3, 2)
EVERY_FIX = [
    "frank_conversation", "written_warning", "boundaries_reset", "scope_or_price_change",
    "payment_plan",
]  # fmt: skip


def recommend(**answers: Any) -> Any:
    return decide(Answers(**answers), load_content(), today=TODAY).recommendation


@pytest.mark.parametrize("signal", ["behaviour_decline", "scope_creep", "boundary_violations"])
def test_repair_first_never_names_a_fix_already_tried(signal: str) -> None:
    # Every fix tried, yet "not exhausted": the plan fell back to the last fix on its list.
    rec = recommend(
        signals=[signal], remedies_tried=EVERY_FIX, remedies_exhausted="no",
        conversation_outlook="likely",
    )  # fmt: skip
    assert rec.readiness == "proceed"
    assert rec.next_remedy is None
    assert rec.notice_date == dt.date(2026, 3, 3)
    assert any("already tried every fix this plan would suggest" in r for r in rec.reasons)


def test_a_fix_still_untried_is_the_one_named() -> None:
    tried = [r for r in EVERY_FIX if r != "boundaries_reset"]
    rec = recommend(
        signals=["boundary_violations"], remedies_tried=tried, remedies_exhausted="no",
        conversation_outlook="likely",
    )  # fmt: skip
    assert rec.readiness == "repair_first"
    assert rec.next_remedy == "boundaries_reset"


def test_goals_apart_with_a_fix_the_user_believes_in_are_talked_through_first() -> None:
    rec = recommend(
        signals=["goal_misalignment"], pattern="one_off", remedies_exhausted="no",
        conversation_outlook="likely",
    )  # fmt: skip
    assert rec.readiness == "repair_first"
    assert rec.next_remedy == "frank_conversation"
    # Already talked through, and the user has done what they can: no further fix. (Nothing
    # tried at all is talked about first: notes, Before deciding; review 18.)
    settled = recommend(
        signals=["goal_misalignment"], pattern="one_off", remedies_exhausted="yes",
        remedies_tried=["frank_conversation"],
    )  # fmt: skip
    assert settled.readiness == "proceed"
