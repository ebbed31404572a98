"""Defects found by the eighth review (money, records and dates), each pinned by the answers
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


def checklist(plan: Plan) -> dict[str, str]:
    return {i.id: i.text for g in plan.checklist for i in g.items}


def test_work_made_for_an_unpaid_client_is_handed_over_by_default() -> None:
    plan = plan_for(
        profession="accounting", signals=["payment_problems"], remedies_exhausted="yes",
        remedies_tried=["written_warning"], outstanding_balance=3400,
        client_assets=["work_product"], notice_date=dt.date(2026, 12, 9),
    )  # fmt: skip
    assert "once the final invoice is settled" not in plan.message.body
    assert "I will hand over the work I prepared for you" in plan.message.body
    assert "hold back the part covered by unpaid invoices" in checklist(plan)["check_work_product"]


def test_a_builders_letter_after_a_stoppage_says_when_and_why_work_stopped() -> None:
    plan = plan_for(
        profession="construction", signals=["payment_problems"], remedies_tried=["written_warning"],
        outstanding_balance=25000, work_in_progress="some", notice_date=dt.date(2026, 12, 9),
    )  # fmt: skip
    body = plan.message.body.replace("\n", " ")
    assert "work on the site stopped on [date work stopped]" in body
    assert "I will send you a record of its state, with photographs" in body


def test_a_same_day_ending_by_post_gives_the_refund_one_date_everywhere() -> None:
    plan = plan_for(
        signals=["behaviour_decline"], pattern="recurring", remedies_tried=["written_warning"],
        remedies_exhausted="yes", termination_clause="notice", notice_days=0,
        outstanding_balance=300, currency="GBP", jurisdiction="GB", unearned_prepayment=True,
        unearned_amount=120, preferred_channel="letter", notice_date=TODAY,
    )  # fmt: skip
    assert "within 14 days" in plan.message.body
    facts = {f.label: f.value for f in plan.facts}
    assert facts["Refund due"] == "£120.00, within 14 days"
    assert "within 14 days" in checklist(plan)["state_refund"]
    step = next(s for s in plan.timeline if s.id == "refund_worked_out")
    assert TODAY < step.date <= TODAY + dt.timedelta(days=14)
    assert [s for s in plan.timeline if s.id == "refund"] == []


def test_the_final_invoice_does_not_bill_again_what_was_invoiced_already() -> None:
    plan = plan_for(
        signals=["payment_problems"], pattern="recurring", remedies_tried=["written_warning"],
        remedies_exhausted="yes", outstanding_balance=1200, currency="GBP",
        notice_date=dt.date(2026, 12, 9),
    )  # fmt: skip
    item = checklist(plan)["final_invoice"]
    assert "including the £1,200.00 outstanding" not in item
    assert "statement of account listing the £1,200.00 already invoiced and unpaid" in item
    assert "Please pay it by [date] to [payment details]." in plan.message.body


def test_a_doctor_bridges_prescriptions_until_a_new_doctor_takes_over() -> None:
    plan = plan_for(profession="healthcare", signals=["provider_changes"], notice_date=TODAY)
    assert "I will make sure it lasts until a new clinician can see you" in plan.message.body
    assert "until a new doctor takes over" in checklist(plan)["emergency_care"]
