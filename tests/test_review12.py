"""Defects found by the twelfth review (care and building work), each pinned by the answers
that showed it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from wizard.answers import Answers
from wizard.content import load_content
from wizard.models import Plan
from wizard.plan import build_plan

TODAY = dt.date(2026, 12, 7)  # a Monday


def plan_for(**answers: Any) -> Plan:
    return build_plan(Answers(**answers), load_content(), today=TODAY)


def flat(text: str) -> str:
    return " ".join(text.split())


def test_a_threat_under_a_cure_period_ends_care_only_if_not_put_right() -> None:
    # The cure period is the contract's (spec: safety shortens only a period no contract
    # fixes), so the letter may not also say, unconditionally, that care ends on that date.
    plan = plan_for(
        profession="therapy", jurisdiction="AU-NSW", currency="AUD",
        signals=["behaviour_decline"], safety_concern=True, safety_level="threat",
        termination_clause="cause_only", cure_days=14, client_assets=["clinical_records"],
        breach_summary="Threatening messages sent to the practice on 1 December 2026.",
    )  # fmt: skip
    body = flat(plan.message.body)
    assert "days to put it right" in body
    assert "Your care with me ends on" not in body
    assert "If it is not put right, your care with me ends on" in body
    assert "all contact between us will be in writing" in body


def test_a_threatened_builder_leaves_the_site_on_the_day_of_notice() -> None:
    plan = plan_for(
        profession="construction", jurisdiction="GB-ENG", currency="GBP",
        signals=["behaviour_decline"], safety_concern=True, safety_level="threat",
        notice_days=14, work_in_progress="some", outstanding_balance=6500,
        client_assets=["physical_property"],
    )  # fmt: skip
    items = {i.id: i for g in plan.checklist for i in g.items}
    assert items["site_leave_now"].due == plan.recommendation.notice_date
    assert "site_handover" not in items
    body = flat(plan.message.body)
    assert "I will not work on the site in the meantime" in body
    assert "Today, before I leave the site" in body


def test_a_finished_jobs_overdue_balance_is_asked_for_not_invoiced_again() -> None:
    plan = plan_for(
        profession="construction", jurisdiction="US-NY", engagement_status="finished",
        signals=["payment_problems"], remedies_tried=["written_warning"],
        outstanding_balance=9800,
    )  # fmt: skip
    body = flat(plan.message.body)
    assert "final invoice, with the payment details, will follow" not in body
    assert "already invoiced for the completed work is still due. Please pay it by [date]" in body


def test_a_retiring_clinician_says_who_will_keep_the_records() -> None:
    plan = plan_for(
        profession="therapy", jurisdiction="GB-ENG", currency="GBP",
        signals=["provider_changes"], client_assets=["clinical_records"],
    )  # fmt: skip
    # Talked through in a session, then confirmed in writing: the letter names the keeper.
    assert plan.recommendation.channel == "in_person"
    body = flat(plan.further_messages[0].body)
    assert "[name and address of who will keep your records] will hold them" in body
    items = {i.id for g in plan.checklist for i in g.items}
    assert "records_custodian" in items


def test_a_builders_refusal_only_plan_gives_no_advice_about_stopping() -> None:
    plan = plan_for(
        profession="construction", jurisdiction="GB-ENG", currency="GBP",
        signals=["unethical_request"], improper_request_insisted=False, work_in_progress="some",
    )  # fmt: skip
    assert plan.recommendation.readiness == "repair_first"
    assert "construction_stop_work" not in plan.recommendation.warning_ids
    ended = plan_for(
        profession="construction", signals=["behaviour_decline"], work_in_progress="some"
    )
    assert "construction_stop_work" in ended.recommendation.warning_ids


def test_a_builder_leaving_mid_job_settles_the_permit_and_the_warranty() -> None:
    plan = plan_for(
        profession="construction", jurisdiction="AU-WA", currency="AUD",
        signals=["provider_changes"], work_in_progress="some",
    )  # fmt: skip
    items = {i.id: i for g in plan.checklist for i in g.items}
    assert "permit can pass to the next builder" in items["permit_and_warranty"].text
    assert items["permit_and_warranty"].due < plan.recommendation.effective_date
