"""Told in a meeting or a call, a lawyer's withdrawal before a court is still one that
waits for the court: the talking points say the lawyer keeps acting until it is allowed
(Model Rule 1.16(c)), not that the open work will simply be finished or handed over."""

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
