"""Before a court, the plan's top lines say the end date is the earliest, as the summary,
the facts and the timeline do: the label at a glance never calls it plainly the end."""

from __future__ import annotations

from tests.test_letters_wording import plan_for


def test_the_glance_says_the_end_waits_for_the_court() -> None:
    plan = plan_for(profession="law", court_matter_pending=True, signals=["goal_misalignment"])
    labels = [row.label for row in plan.at_a_glance]
    assert "Earliest end, if the court allows" in labels
    assert "Relationship ends" not in labels
    steps = [step.title for step in plan.timeline]
    assert "Earliest end, if the court allows" in steps


def test_without_a_court_the_end_is_plain() -> None:
    plan = plan_for(profession="law", signals=["goal_misalignment"])
    assert "Relationship ends" in [row.label for row in plan.at_a_glance]
