"""A finished job: declined by phone or in person, a short conversation, not a note, in
the checklist and at a glance alike; and the facts say why no notice period applies."""

from __future__ import annotations

from tests.test_letters_wording import plan_for
from wizard.models import Plan

FINISHED = dict(engagement_status="finished", signals=["goal_misalignment"])


def _by_phone() -> Plan:
    return plan_for(**FINISHED, preferred_channel="phone", relationship_depth="close")


def _notice_fact(plan: Plan) -> str:
    return next(f.value for f in plan.facts if f.label == "Notice the plan gives")


def test_a_finished_job_declined_by_phone_is_a_conversation_not_a_note() -> None:
    plan = _by_phone()
    step = next(i.text for g in plan.checklist for i in g.items if i.id == "give_notice")
    assert plan.recommendation.channel == "phone"
    assert step == "Decline further work by phone, in a short, courteous conversation."


def test_a_finished_job_declined_by_phone_is_not_a_note_at_a_glance() -> None:
    labels = [row.label for row in _by_phone().at_a_glance]
    assert "Tell them on" in labels and "Send your note on" not in labels


def test_the_facts_say_why_a_finished_job_needs_no_notice() -> None:
    given = _notice_fact(plan_for(**FINISHED))
    assert given.startswith("None: the work is complete, and the note goes on ")
    assert ", from " not in given


def test_the_facts_of_a_finished_job_told_by_phone() -> None:
    assert _notice_fact(_by_phone()).startswith("None: the work is complete, and you tell them on ")
