"""Everyday cases of freelancers, agencies and consultants (profession: general): the
strategy and the reasons given for it must agree with the readiness and with each other."""

from __future__ import annotations

import datetime as dt

import pytest

from wizard.answers import Answers
from wizard.content import load_content
from wizard.engine import recommend

TODAY = dt.date(2026, 12, 7)

PLAIN = dict(
    profession="general",
    pattern="recurring",
    remedies_tried=[],
    remedies_exhausted="unsure",
    conversation_outlook="unknown",
    has_contract=True,
    termination_clause="notice",
    notice_days=30,
    relationship_months=18,
    relationship_depth="ongoing",
    preferred_channel="email",
    notice_date=dt.date(2026, 12, 8),
)


def rec_for(**changes):
    return recommend(Answers(**{**PLAIN, **changes}), load_content(), today=TODAY)


@pytest.mark.parametrize("signal", ["behaviour_decline", "boundary_violations"])
@pytest.mark.parametrize("pattern", ["one_off", "occasional", "recurring"])
@pytest.mark.parametrize("exhausted", ["no", "unsure"])
def test_untried_conduct_problem_is_talked_through_not_left_quietly(signal, pattern, exhausted):
    rec = rec_for(signals=[signal], pattern=pattern, remedies_exhausted=exhausted)
    assert rec.readiness == "repair_first"
    # Talking has neither failed nor been ruled unsafe, so no quiet exit...
    assert rec.strategy == "communicate"
    assert rec.follow_up_call
    # ...and no reason says talking is pointless while another says to talk first.
    assert not any("rarely fixed by debating" in r for r in rec.reasons)


def test_conduct_problem_after_failed_talks_may_still_end_quietly():
    rec = rec_for(
        signals=["behaviour_decline"],
        remedies_tried=["frank_conversation", "boundaries_reset"],
        remedies_exhausted="yes",
        conversation_outlook="unlikely",
    )
    assert rec.readiness == "proceed"
    assert rec.strategy == "quiet_exit"


def test_conduct_problem_with_safety_concern_is_not_forced_into_a_talk():
    rec = rec_for(signals=["behaviour_decline"], safety_concern=True, safety_level="uneasy")
    assert not any("You have not raised the problem" in r for r in rec.reasons)


@pytest.mark.parametrize(
    "relationship",
    [
        dict(relationship_months=18, relationship_depth="ongoing"),
        dict(relationship_months=40, relationship_depth="close"),
        dict(relationship_months=72, relationship_depth="close", preferred_channel="phone"),
        dict(relationship_months=4, relationship_depth="transactional", has_contract=False),
    ],
)
def test_provider_change_hands_the_client_over_however_long_or_close(relationship):
    rec = rec_for(signals=["provider_changes"], pattern="one_off", **relationship)
    assert rec.strategy == "transition"
    assert rec.readiness == "proceed"
    if relationship["relationship_depth"] == "close":
        # A long, close client hears it in a conversation first.
        assert rec.channel == "phone"
        assert rec.notice_days > 30
