"""A physician's drafts speak of care and appointments, never of a therapist's sessions,
whatever else the answers say (repair messages, refusals and notices alike)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from tests.strategies import answers
from tests.test_letters_wording import plan_for
from wizard.answers import Answers
from wizard.content import load_content
from wizard.models import Plan
from wizard.plan import build_plan

TODAY = dt.date(2026, 12, 7)
ONE_OFF = dict(pattern="one_off", remedies_tried=[], remedies_exhausted="no")


def _words(plan: Plan) -> str:
    drafts = [plan.message, *plan.further_messages]
    return " ".join(f"{d.subject} {d.body}" for d in drafts) + (plan.follow_up_script or "")


@pytest.mark.parametrize(
    "answers_given",
    [
        dict(signals=["boundary_violations"], **ONE_OFF),
        dict(signals=["unethical_request"], **ONE_OFF),
        dict(signals=["unethical_request", "scope_creep"], **ONE_OFF),
    ],
    ids=["repair", "refusal", "refusal_with_repair"],
)
def test_a_physicians_repair_message_speaks_of_care(answers_given: dict[str, Any]) -> None:
    plan = plan_for(profession="healthcare", **answers_given)
    assert plan.recommendation.readiness == "repair_first"
    assert "session" not in _words(plan).lower()
    assert "your care" in plan.message.body


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)
@given(answers())
def test_no_sessions_in_any_physicians_drafts(a: Answers) -> None:
    a = a.model_copy(update={"profession": "healthcare"})
    user_text = " ".join(
        [a.client_name, a.your_name, a.your_business, a.client_contact, a.breach_summary]
        + [d.what for d in a.key_deadlines]
    )
    plan = build_plan(a, load_content(), today=TODAY)
    if "session" not in user_text.lower():
        assert "session" not in _words(plan).lower()


def test_a_physicians_own_plan_speaks_of_care_too() -> None:
    """The must-dos, reasons and checklist: appointments and care, not sessions."""
    plan = plan_for(
        profession="healthcare",
        engagement_status="finished",
        signals=["goal_misalignment"],
        unearned_prepayment=True,
        safety_concern=True,
        safety_level="uneasy",
    )
    texts = [c.text for c in plan.constraints] + list(plan.recommendation.reasons)
    texts += [item.text for group in plan.checklist for item in group.items]
    assert not [t for t in texts if "session" in t.lower()]
    assert any("appointments that will not now take place" in t for t in texts)


def test_a_physicians_talking_points_for_a_new_scope_speak_of_appointments() -> None:
    """Found by the property test above: the talking points said 'between sessions'."""
    plan = plan_for(
        profession="healthcare", pattern="one_off", remedies_tried=["frank_conversation"],
        remedies_exhausted="no", conversation_outlook="likely", has_contract=False,
        termination_clause="none", relationship_depth="close",
    )  # fmt: skip
    assert plan.recommendation.readiness == "repair_first"
    assert plan.message.body.startswith("Talking points")
    assert "between appointments" in plan.message.body
    assert "session" not in _words(plan).lower()
