"""Uneasy is not threatened: the wording never speaks of threats that did not happen."""

from __future__ import annotations

from tests.test_letters_wording import plan_for


def test_an_uneasy_provider_is_not_told_of_threatening_messages() -> None:
    """Uneasy means nothing was said or done: the checklist keeps notes, not 'threats'."""
    uneasy = plan_for(signals=["boundary_violations"], safety_concern=True, safety_level="uneasy")
    threatened = plan_for(signals=["behaviour_decline"], safety_concern=True)
    items = {
        name: next(i.text for g in plan.checklist for i in g.items if i.id == "safety_copies")
        for name, plan in (("uneasy", uneasy), ("threatened", threatened))
    }
    assert "threatening" not in items["uneasy"] and "worried you" in items["uneasy"]
    assert "threatening" in items["threatened"]
