"""Defects found by the tenth review (the messages as the client reads them), each pinned by
the answers that showed it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from wizard.answers import Answers
from wizard.content import load_content
from wizard.models import Plan
from wizard.plan import build_plan

TODAY = dt.date(2026, 12, 7)  # a Monday
NAMES = dict(your_name="Sam Patel", client_name="Northwind Ltd", client_contact="Alex Moore")


def plan_for(**answers: Any) -> Plan:
    return build_plan(Answers(**NAMES, **answers), load_content(), today=TODAY)


def flat(text: str | None) -> str:
    return " ".join((text or "").split())


def all_words(plan: Plan) -> str:
    drafts = [plan.message.body] + [m.body for m in plan.further_messages]
    return flat(" ".join(drafts + [plan.follow_up_script or ""]))


def test_a_notice_kept_for_after_a_failed_fix_confirms_no_unscripted_call() -> None:
    plan = plan_for(
        signals=["boundary_violations"], remedies_exhausted="no", preferred_channel="phone",
        relationship_months=18,
    )  # fmt: skip
    assert plan.recommendation.readiness == "repair_first"
    later = [m for m in plan.further_messages if m.role == "exit_later"]
    assert len(later) == 1
    assert "when we spoke" not in later[0].body
    assert "I am writing to let you know" in flat(later[0].body)


def test_a_health_letter_promises_prescriptions_only_to_a_patient_who_has_them() -> None:
    plan = plan_for(
        profession="healthcare", signals=["payment_problems"], outstanding_balance=450,
        currency="GBP", jurisdiction="GB-ENG", remedies_tried=["written_warning", "payment_plan"],
        has_contract=False, client_assets=["clinical_records"], relationship_months=30,
    )  # fmt: skip
    body = flat(plan.message.body)
    assert "I will make sure your prescriptions last" not in body
    assert "if you take medicine I prescribe, I will make sure it lasts" in body
    # The balance is owed already: not "at present", and not an invoice still to come.
    assert "at present" not in body
    assert "A balance of £450.00 remains for your care" in body


def test_a_posted_ending_for_breach_keeps_working_until_the_letter_arrives() -> None:
    plan = plan_for(
        jurisdiction="US-TX", signals=["payment_problems"], termination_clause="cause_only",
        cure_days=0, breach_summary="Fees unpaid since 1 May 2026, contrary to clause 5.",
        outstanding_balance=3000, preferred_channel="letter", remedies_tried=["written_warning"],
    )  # fmt: skip
    body = flat(plan.message.body)
    assert "From today I will do no further work" not in body
    assert "From the day this letter reaches you, I will do no further work" in body


def crisis_step(plan: Plan) -> str:
    return next(s.detail for s in plan.timeline if s.id == "crisis_help")


def test_crisis_help_after_a_threat_goes_in_the_notice_itself() -> None:
    plan = plan_for(
        profession="healthcare", jurisdiction="AU-NSW", signals=["behaviour_decline"],
        safety_concern=True, safety_level="threat", has_contract=False,
        client_assets=["clinical_records"],
    )  # fmt: skip
    assert "in your written notice itself, with no separate contact" in crisis_step(plan)


def test_crisis_help_while_notice_waits_still_refers_before_notice() -> None:
    # Review 10 asked to keep the names for the notice; review 12 and the notes ("a client in
    # crisis is pointed to crisis help and referred before notice") say otherwise.
    plan = plan_for(
        profession="healthcare", jurisdiction="US-IL", signals=["boundary_violations"],
        remedies_tried=["boundaries_reset", "written_warning"], client_in_crisis=True,
        client_in_crisis_until=dt.date(2027, 1, 15), has_contract=False,
        client_assets=["clinical_records"],
    )  # fmt: skip
    assert plan.recommendation.readiness == "wait"
    step = crisis_step(plan)
    assert step.startswith("Before any notice")
    assert "names of clinicians they can turn to" in step


def test_an_ending_not_yet_agreed_hands_nothing_over_until_it_is() -> None:
    plan = plan_for(
        jurisdiction="DE-BE", currency="EUR", signals=["goal_misalignment"],
        remedies_tried=["frank_conversation"], termination_clause="cause_only", cure_days=30,
        client_assets=["files", "work_product"],
    )  # fmt: skip
    words = all_words(plan)
    assert "Whatever we agree" not in words
    assert "Once we have agreed the ending, I will return your files and data" in words
    steps = {s.id: s.detail for s in plan.timeline}
    assert steps["return_records"].startswith("Once the ending is agreed in writing")
    assert steps["hand_over_work"].startswith("Once the ending is agreed in writing")


def test_a_builders_notice_of_breach_promises_help_and_a_safe_site_only_if_it_ends() -> None:
    plan = plan_for(
        profession="construction", jurisdiction="CA-ON", currency="CAD",
        signals=["behaviour_decline"], remedies_tried=["written_warning"],
        termination_clause="cause_only", cure_days=10, work_in_progress="some",
        breach_summary="Site access refused on 12 working days, contrary to clause 7.",
    )  # fmt: skip
    body = flat(plan.message.body)
    assert "Until the end date I will help them take over" not in body
    assert "I will then help the one you choose to take over" in body
    assert "If the agreement ends, then before I leave the site" in body


def test_a_balance_owed_beside_a_larger_refund_may_be_set_off_if_the_client_agrees() -> None:
    plan = plan_for(
        signals=["needs_beyond_expertise"], outstanding_balance=800, unearned_prepayment=True,
        unearned_amount=2500, notice_days=14,
    )  # fmt: skip
    body = flat(plan.message.body)
    # Worded with the net figure since review 17 (the balance is set against the refund).
    assert "If you agree in writing, I will set one against the other" in body
    assert "I will then refund you $1,700.00" in body


def test_a_required_withdrawal_says_the_same_thing_on_the_phone_and_in_writing() -> None:
    # A lawyer (a general provider, or an accountant, now leaves quietly, in writing:
    # reviews 16 and 18).
    plan = plan_for(
        profession="law", signals=["unethical_request"], improper_request_insisted=True,
        remedies_tried=["frank_conversation"], preferred_channel="phone", tone="warm",
        relationship_months=30, relationship_depth="close", confidentiality_terms=True,
        client_assets=["files", "work_product"],
    )  # fmt: skip
    assert plan.message.kind == "talking_points"
    words = all_words(plan)
    assert "carry on only with the agreed work you can properly do" in words
    assert "carry on only with the agreed work I can properly do" in words
    assert "I will do only what protects your interests" not in words


def test_a_sole_traders_letter_under_their_own_name_keeps_to_i() -> None:
    plan = plan_for(
        jurisdiction="FR", currency="EUR", signals=["needs_beyond_expertise"],
        preferred_channel="letter", your_business="Sam Patel",
    )  # fmt: skip
    assert "the services I offer" in flat(plan.message.body)


def test_a_business_letter_speaks_of_our_invoice_and_our_work() -> None:
    plan = plan_for(
        jurisdiction="GB-ENG", currency="GBP", signals=["payment_problems"],
        remedies_tried=["written_warning", "payment_plan"], outstanding_balance=4200,
        preferred_channel="letter", your_business="Brightline Studio",
    )  # fmt: skip
    body = flat(plan.message.body)
    assert "payment for our work" in body
    assert "Our final invoice" in body
    assert "My final invoice" not in body


def test_a_first_notice_does_not_claim_to_confirm_anything() -> None:
    plan = plan_for(
        signals=["payment_problems"], remedies_tried=["written_warning"], outstanding_balance=900,
        preferred_channel="letter",
    )  # fmt: skip
    body = flat(plan.message.body)
    assert "This letter confirms" not in body
    assert "writing to confirm" not in body


def test_an_australian_lawyer_asks_for_a_new_solicitor_and_names_lawyers() -> None:
    plan = plan_for(
        profession="law", jurisdiction="AU-QLD", currency="AUD", signals=["unethical_request"],
        improper_request_insisted=True, remedies_tried=["frank_conversation"],
        preferred_channel="phone", client_assets=["records"],
    )  # fmt: skip
    words = all_words(plan)
    assert "new counsel" not in words
    assert "a new solicitor" in words
    assert "a short list of providers" not in words


def test_an_english_solicitor_does_not_point_to_a_bar_association() -> None:
    plan = plan_for(
        profession="law", jurisdiction="GB-ENG", currency="GBP", signals=["provider_changes"],
        court_matter_pending=True, preferred_channel="letter",
    )  # fmt: skip
    body = flat(plan.message.body)
    assert "bar association" not in body
    assert "the law society where you live may be able to refer you" in body


def test_uneasy_therapy_sessions_go_on_by_video_or_telephone_not_in_writing() -> None:
    plan = plan_for(
        profession="therapy", jurisdiction="US-WA", signals=["boundary_violations"],
        safety_concern=True, safety_level="uneasy", notice_days=14,
        remedies_tried=["boundaries_reset", "written_warning"], client_assets=["clinical_records"],
    )  # fmt: skip
    words = all_words(plan)
    assert "by telehealth or in writing" not in words
    assert "by video or telephone rather than in person" in words


def test_a_finished_jobs_refund_is_for_what_the_work_did_not_need() -> None:
    plan = plan_for(
        engagement_status="finished", signals=["scope_creep"], unearned_prepayment=True,
        unearned_amount=500, relationship_months=2, relationship_depth="transactional",
    )  # fmt: skip
    body = flat(plan.message.body)
    assert "work I did not carry out" not in body
    assert "was not needed for the completed work" in body


def test_a_lawyers_closing_note_mentions_no_new_lawyer() -> None:
    plan = plan_for(
        profession="law", jurisdiction="US-WA", engagement_status="finished",
        signals=["goal_misalignment"], client_assets=["records"], relationship_months=5,
    )  # fmt: skip
    assert "new lawyer" not in plan.message.body
