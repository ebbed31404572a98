"""More fixes from the third round of full-plan reads."""

from __future__ import annotations

import datetime as dt
from typing import Any

from wizard.answers import Answers
from wizard.content import load_content
from wizard.plan import build_plan

TODAY = dt.date(2026, 12, 7)


def plan_for(**answers: Any):
    answers.setdefault("notice_date", dt.date(2026, 12, 8))
    return build_plan(Answers(**answers), load_content(), today=TODAY)


def test_a_first_talk_about_late_payment_names_what_is_owed() -> None:
    plan = plan_for(signals=["payment_problems"], pattern="one_off", remedies_exhausted="no",
                    outstanding_balance=1200)  # fmt: skip
    assert plan.recommendation.readiness == "repair_first"
    assert "The balance of $1,200.00 is overdue." in plan.message.body


def test_deadlines_given_that_all_fall_before_notice_are_not_called_missing() -> None:
    plan = plan_for(
        profession="law", signals=["business_changes"], critical_period=True,
        critical_period_ends=dt.date(2027, 1, 15),
        key_deadlines=[{"date": dt.date(2026, 12, 18), "what": "Closing of the sale"}],
    )  # fmt: skip
    rec = plan.recommendation
    text = rec.warnings[rec.warning_ids.index("law_deadlines")]
    assert "You gave no deadlines" not in text
    assert "all fall before the notice" in text


def test_the_final_invoice_before_a_court_waits_for_its_permission() -> None:
    plan = plan_for(profession="law", signals=["business_changes"], court_matter_pending=True,
                    work_in_progress="some")  # fmt: skip
    step = next(s for s in plan.timeline if s.id == "final_invoice")
    assert step.detail.startswith("Once the court allows the withdrawal")


def test_an_ending_for_cause_is_not_called_a_parting_without_blame() -> None:
    plan = plan_for(
        signals=["goal_misalignment", "scope_creep"], termination_clause="cause_only",
        cure_days=10, breach_summary="Change requests outside the agreed scope",
        remedies_tried=["frank_conversation", "written_warning"],
    )  # fmt: skip
    assert "cure_period" in plan.recommendation.constraints
    assert not any("lets you part without blame" in r for r in plan.reasons)


def test_a_same_day_end_returns_records_today_not_by_today() -> None:
    plan = plan_for(
        signals=["behaviour_decline"], safety_concern=True, safety_level="threat",
        has_contract=False, termination_clause="none", client_assets=["files"],
    )  # fmt: skip
    body = plan.message.body
    assert plan.recommendation.effective_date == plan.recommendation.notice_date
    assert "By Tuesday 8 December 2026 I will return" not in body
    assert "Today I will return your files and data" in body


def test_a_finished_job_hands_nothing_over_it_points_to_other_providers() -> None:
    plan = plan_for(
        profession="construction", signals=["scope_creep"], engagement_status="finished",
        work_in_progress="some", client_depends_on_you=True,
    )  # fmt: skip
    items = [i.id for g in plan.checklist for i in g.items]
    assert "handover_docs" not in items
    assert plan.recommendation.strategy == "transition"
    step = next(s for s in plan.timeline if s.id == "handover")
    assert "nothing is handed over" in step.detail


def test_a_notice_kept_ready_for_a_call_stands_on_its_own() -> None:
    # Review 10: it said "This confirms ... when we spoke on", but the plan scripts no such
    # call, and a user who sends it as it stands reports a conversation that never happened.
    plan = plan_for(
        signals=["behaviour_decline"], pattern="recurring", remedies_exhausted="no",
        conversation_outlook="likely", relationship_depth="close", relationship_months=30,
        preferred_channel="phone",
    )  # fmt: skip
    rec = plan.recommendation
    assert rec.readiness == "repair_first" and rec.channel == "phone"
    later = plan.further_messages[0]
    assert "when we spoke on" not in later.body
    assert "I am writing to let you know" in " ".join(later.body.split())


def test_crisis_contacts_in_care_find_the_clinicians_before_giving_their_names() -> None:
    plan = plan_for(profession="therapy", signals=["provider_changes"], client_in_crisis=True,
                    client_in_crisis_until=dt.date(2027, 1, 20))  # fmt: skip
    text = next(i.text for g in plan.checklist for i in g.items if i.id == "crisis_contacts")
    assert text.startswith("Find two or three clinicians the client can turn to, then")


def test_a_breach_the_user_wrote_down_is_relied_on_not_denied() -> None:
    plan = plan_for(
        signals=["goal_misalignment"], termination_clause="cause_only", cure_days=10,
        breach_summary="Brief not supplied by the agreed date of 1 November",
    )  # fmt: skip
    assert "cure_period" in plan.recommendation.constraints
    assert "I am not saying that you have broken our agreement" not in plan.message.body
    assert "Brief not supplied by the agreed date of 1 November" in plan.message.body
