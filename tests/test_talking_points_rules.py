"""Told in a meeting or a call, the ending keeps the rules the letter keeps.

Before a court, the lawyer keeps acting until the court allows the withdrawal (Model Rule
1.16(c)); after an insisted improper request, the improper work is never done meanwhile.
Neither is "finish or hand over the open work"."""

from __future__ import annotations

import pytest

from tests.test_letters_wording import plan_for


@pytest.mark.parametrize("channel", ["in_person", "phone", "video"])
def test_spoken_notice_before_a_court_keeps_the_lawyer_acting(channel: str) -> None:
    plan = plan_for(
        profession="law",
        signals=["goal_misalignment"],
        court_matter_pending=True,
        relationship_depth="close",
        preferred_channel=channel,
    )
    points = plan.message.body
    assert points.startswith("Talking points")
    assert "keep acting for them until the court allows you to withdraw" in points
    assert "you will finish or hand over the open work" not in points


def test_spoken_notice_after_an_insisted_request_rules_out_the_improper_work() -> None:
    # A lawyer (a general provider, or an accountant, now leaves quietly, in writing:
    # reviews 16 and 18).
    plan = plan_for(
        profession="law",
        signals=["unethical_request"],
        improper_request_insisted=True,
        preferred_channel="phone",
        relationship_depth="close",
    )
    points = plan.message.body
    assert "never what they asked for" in points
    assert "you will finish or hand over the open work" not in points


def test_the_follow_up_call_names_deadlines_only_where_there_are_some() -> None:
    """A freelancer with no client deadlines is not told to walk through 'the deadlines
    they must watch'; a lawyer or accountant always is (filings and court dates)."""
    none_given = plan_for(signals=["goal_misalignment"]).follow_up_script or ""
    given = (
        plan_for(
            signals=["goal_misalignment"],
            key_deadlines=[{"date": "2026-03-20", "what": "Launch"}],
        ).follow_up_script
        or ""
    )
    lawyer = plan_for(profession="law", signals=["goal_misalignment"]).follow_up_script or ""
    assert none_given and "deadlines they must watch" not in none_given
    assert "deadlines they must watch" in given
    assert "deadlines they must watch" in lawyer
