"""A request the client only suggested: refuse it in writing, then see. If they drop it
nothing ends; if they insist, ending becomes required and prompt, which is another plan.
So the plan drafts no notice, dates no ending and stops at the review of the refusal; and
a request already refused in writing (and not insisted on) is not refused again."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from wizard.answers import Answers
from wizard.content import load_content
from wizard.plan import build_plan

TODAY = dt.date(2026, 12, 7)
SUGGESTED: dict[str, Any] = dict(
    signals=["unethical_request"],
    improper_request_insisted=False,
    pattern="one_off",
    remedies_exhausted="no",
    notice_days=14,
    client_assets=["records"],
    notice_date=dt.date(2026, 12, 8),
)


def plan_for(**answers: Any):
    return build_plan(Answers(**answers), load_content(), today=TODAY)


@pytest.mark.parametrize("profession", ["law", "accounting", "therapy", "healthcare", "general"])
def test_a_suggested_request_plans_a_refusal_and_no_ending(profession: str) -> None:
    plan = plan_for(**SUGGESTED, profession=profession)
    assert plan.recommendation.readiness == "repair_first"
    assert plan.further_messages == []  # no "if the fix does not work: the notice"
    assert [step.id for step in plan.timeline] == ["try_remedy", "review_remedy"]
    assert plan.timeline[0].title == "Refuse the request in writing"
    items = [item.id for group in plan.checklist for item in group.items]
    assert items == ["refuse_in_writing"]
    assert "give notice on" not in plan.summary
    assert "ends on" not in plan.summary
    # Today, not the next working day (review 14): "at once".
    assert plan.summary.startswith("Refuse the request in writing on Monday 7 December 2026")
    labels = [row.label for row in plan.at_a_glance]
    assert labels == ["Recommended way out", "Timing", "First step", "How to tell them"]
    assert {"Notice the plan gives", "End date"}.isdisjoint(row.label for row in plan.facts)
    assert "do not send the notice below" not in (plan.first_step or "")
    assert "I am not able to do what you" in plan.message.body
    assert "the rest of this plan is ready to use" not in plan.readiness_explanation
    assert plan.constraints == []  # an ending's must-dos: none until it comes to one
    assert plan.strategy_explanation.startswith("Only if the client insists after your refusal.")


def test_a_suggested_request_with_unpaid_fees_still_keeps_the_notice_ready() -> None:
    # The fees are a ground of their own: if they stay unpaid, notice follows.
    plan = plan_for(
        **{**SUGGESTED, "signals": ["unethical_request", "payment_problems"]},
        profession="law",
        outstanding_balance=2400,
    )
    assert plan.recommendation.readiness == "repair_first"
    assert [m.role for m in plan.further_messages] == ["exit_later"]
    assert any(step.id == "give_notice" for step in plan.timeline)


def test_a_request_already_refused_in_writing_still_needs_no_ending() -> None:
    # Refused and not insisted on: if the client dropped it nothing ends; no notice drafted.
    plan = plan_for(**SUGGESTED, profession="accounting", remedies_tried=["written_warning"])
    assert plan.further_messages == []
    assert not any(step.id == "give_notice" for step in plan.timeline)
    assert (plan.first_step or "").startswith("You have refused the request in writing already")


def test_a_payment_warning_is_no_refusal_of_the_request() -> None:
    plan = plan_for(
        **{**SUGGESTED, "signals": ["unethical_request", "payment_problems"]},
        profession="general", outstanding_balance=900, remedies_tried=["written_warning"],
    )  # fmt: skip
    items = [item.id for group in plan.checklist for item in group.items]
    assert "refuse_in_writing" in items


def test_an_insisted_request_still_gets_its_prompt_ending() -> None:
    plan = plan_for(**{**SUGGESTED, "improper_request_insisted": True}, profession="law")
    rec = plan.recommendation
    assert rec.readiness == "proceed"
    assert "mandatory_withdrawal" in rec.constraints
    assert any(step.id == "give_notice" for step in plan.timeline)
