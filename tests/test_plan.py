"""The plan builder words and dates what the engine decided, and decides nothing again."""

from __future__ import annotations

import datetime as dt

import pytest

from wizard.answers import Answers
from wizard.content import load_content
from wizard.engine import decide
from wizard.plan import build_plan

TODAY = dt.date(2026, 2, 20)


@pytest.fixture(scope="module")
def content():
    return load_content()


def test_a_held_repair_first_plan_shows_the_hold(content):
    """A critical period holds the notice although readiness stays repair_first: the plan
    must still say to hold off (it used to guess 'held' from readiness == 'wait')."""
    answers = Answers(
        pattern="one_off",
        remedies_tried=[],
        critical_period=True,
        critical_period_ends=dt.date(2026, 5, 29),
        notice_date=dt.date(2026, 3, 2),
    )
    decision = decide(answers, content, today=TODAY)
    assert decision.recommendation.readiness == "repair_first"
    assert decision.held and decision.hold_ids == ("critical_period",)
    assert decision.recommendation.notice_date == dt.date(2026, 6, 1)
    plan = build_plan(answers, content, decision=decision)
    assert "hold" in [step.id for step in plan.timeline]


def test_an_unheld_plan_has_no_hold_step(content):
    plan = build_plan(Answers(notice_date=dt.date(2026, 3, 2)), content, today=TODAY)
    assert "hold" not in [step.id for step in plan.timeline]


@pytest.mark.parametrize("channel", ["phone", "video", "in_person"])
def test_spoken_first_contact_has_no_subject_line(content, channel):
    answers = Answers(
        relationship_depth="ongoing", preferred_channel=channel, notice_date=dt.date(2026, 3, 2)
    )
    plan = build_plan(answers, content, today=TODAY)
    assert plan.message.kind == "talking_points"
    assert plan.message.subject_line is None


@pytest.mark.parametrize("channel", ["email", "letter"])
def test_written_first_contact_has_a_subject_line(content, channel):
    answers = Answers(preferred_channel=channel, notice_date=dt.date(2026, 3, 2))
    plan = build_plan(answers, content, today=TODAY)
    assert plan.message.subject_line == f"Subject: {plan.message.subject}"


def test_no_client_name_gives_one_title_for_every_view(content):
    plan = build_plan(Answers(notice_date=dt.date(2026, 3, 2)), content, today=TODAY)
    assert plan.title == "Exit plan for your client"
    assert plan.running_header.endswith(plan.title)
    assert "[client name]" not in plan.title


def test_plan_date_is_the_decision_date(content):
    plan = build_plan(Answers(), content, today=TODAY)
    assert plan.prepared_on == TODAY
    # A missing notice date is the next business day after the plan date.
    assert plan.recommendation.notice_date == dt.date(2026, 2, 23)


def test_every_glance_date_is_worded_by_the_plan(content):
    plan = build_plan(Answers(notice_date=dt.date(2026, 3, 2)), content, today=TODAY)
    values = [row.value for row in plan.at_a_glance]
    assert "Mon 2 Mar 2026" in values
    assert all(step.date_text for step in plan.timeline)
    assert all(item.due_text for group in plan.checklist for item in group.items)
