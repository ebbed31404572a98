"""A finished job declined by phone or in person: a short conversation, not a note, in
the checklist and at a glance alike."""

from __future__ import annotations

from tests.test_letters_wording import plan_for


def test_a_finished_job_declined_by_phone_is_a_conversation_not_a_note() -> None:
    plan = plan_for(
        engagement_status="finished",
        signals=["goal_misalignment"],
        preferred_channel="phone",
        relationship_depth="close",
    )
    step = next(i.text for g in plan.checklist for i in g.items if i.id == "give_notice")
    assert plan.recommendation.channel == "phone"
    assert step == "Decline further work by phone, in a short, courteous conversation."


def test_a_finished_job_declined_by_phone_is_not_a_note_at_a_glance() -> None:
    plan = plan_for(
        engagement_status="finished",
        signals=["goal_misalignment"],
        preferred_channel="phone",
        relationship_depth="close",
    )
    labels = [row.label for row in plan.at_a_glance]
    assert "Tell them on" in labels and "Send your note on" not in labels
