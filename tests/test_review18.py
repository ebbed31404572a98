"""Defects found by the eighteenth review (the fixes of reviews 16 and 17, tried against each
other and the hard cases), each pinned by the answers that showed it."""

from __future__ import annotations

import datetime as dt

from tests.test_review12 import TODAY, flat, plan_for  # the same plan date and helpers
from wizard.answers import Answers
from wizard.content import load_content
from wizard.plan import build_plan


def test_a_refusal_carried_by_a_fix_for_another_problem_goes_today() -> None:
    plan = plan_for(
        signals=["behaviour_decline", "unethical_request"], pattern="one_off",
        notice_date="2027-01-11",
    )  # fmt: skip
    rec = plan.recommendation
    assert rec.readiness == "repair_first"
    assert plan.timeline[0].id == "try_remedy" and plan.timeline[0].date == TODAY
    assert plan.message.send_on_text == "Mon 7 Dec 2026"
    # The notice that may follow still waits for the date the user planned.
    assert rec.notice_date == dt.date(2027, 1, 11)


def test_a_lawyer_with_a_matter_in_court_is_not_held_back_by_doubt_alone() -> None:
    rec = plan_for(
        profession="law", signals=["payment_problems"], pattern="recurring",
        remedies_tried=["written_warning"], remedies_exhausted="unsure",
        conversation_outlook="likely", outstanding_balance=8000, court_matter_pending=True,
        notice_date="2026-12-08",
    ).recommendation  # fmt: skip
    assert rec.readiness == "proceed"
    assert rec.notice_date == dt.date(2026, 12, 8)


def test_an_accountant_who_must_withdraw_still_owns_the_filings_before_the_end() -> None:
    plan = plan_for(
        profession="accounting", signals=["unethical_request"], improper_request_insisted=True,
        pattern="recurring", notice_date="2026-12-08",
        key_deadlines=[{"date": "2026-12-18", "what": "Quarterly payroll filing"}],
    )  # fmt: skip
    body = flat(plan.message.body)
    assert "fall while our work goes on: I will do my part for them where I properly can" in body


def test_a_hostile_unpaid_accountants_client_may_get_a_short_exit_with_records_and_deadlines() -> (
    None
):
    plan = plan_for(
        profession="accounting", signals=["payment_problems", "behaviour_decline"],
        pattern="recurring", remedies_tried=["written_warning", "payment_plan"],
        remedies_exhausted="yes", conversation_outlook="unlikely", outstanding_balance=1800,
        client_assets=["records"], relationship_depth="transactional",
    )  # fmt: skip
    rec = plan.recommendation
    assert rec.strategy == "quiet_exit"
    assert "return_client_records" in rec.constraints
    body = flat(plan.message.body)
    assert "help them take over" not in body
    assert "whatever the state of the account" in body
    # A dependent client still gets a hand-over.
    dependent = plan_for(
        profession="accounting", signals=["payment_problems", "behaviour_decline"],
        pattern="recurring", remedies_tried=["written_warning", "payment_plan"],
        remedies_exhausted="yes", conversation_outlook="unlikely", outstanding_balance=1800,
        client_depends_on_you=True,
    ).recommendation  # fmt: skip
    assert dependent.strategy != "quiet_exit"


def test_an_uneasy_provider_raises_a_one_off_by_phone_not_in_a_meeting() -> None:
    plan = plan_for(
        signals=["behaviour_decline"], pattern="one_off", relationship_depth="close",
        preferred_channel="in_person", safety_concern=True, safety_level="uneasy",
    )  # fmt: skip
    assert plan.recommendation.readiness == "repair_first"
    step = next(s for s in plan.timeline if s.id == "try_remedy")
    assert "never in person" in step.detail
    assert "talk it through by phone" in flat(plan.message.body)


def test_a_therapists_session_comes_before_the_written_notice_in_the_timeline() -> None:
    plan = plan_for(
        profession="therapy", signals=["boundary_violations"], pattern="recurring",
        remedies_tried=["frank_conversation"], remedies_exhausted="no",
        conversation_outlook="likely", preferred_channel="letter",
    )  # fmt: skip
    ids = [step.id for step in plan.timeline]
    assert ids.index("ending_session") < ids.index("give_notice")


def test_a_set_off_offered_in_a_same_day_letter_is_in_the_plan_too() -> None:
    plan = plan_for(
        signals=["behaviour_decline"], pattern="recurring", remedies_tried=["frank_conversation"],
        termination_clause="none", has_contract=False, outstanding_balance=300,
        unearned_prepayment=True, unearned_amount=900, preferred_channel="letter",
        safety_concern=True, safety_level="threat",
    )  # fmt: skip
    assert "I will then refund you $600.00 within 14 days of your reply" in flat(plan.message.body)
    step = next(s for s in plan.timeline if s.id == "refund_worked_out")
    assert "settle only what is left ($600.00, for you to refund)" in step.detail


def test_a_shared_family_name_is_not_taken_for_one_person_in_the_address_block() -> None:
    firm = plan_for(
        client_name="Studio Rossi", client_contact="Luca Rossi", preferred_channel="letter"
    )
    assert "Luca Rossi\nStudio Rossi\n[postal address]\n" in firm.message.body
    minor = plan_for(
        profession="therapy", signals=["scope_creep"], client_name="Emma Lee",
        client_contact="Sarah Lee", preferred_channel="letter",
    )  # fmt: skip
    letter = next(m for m in (minor.message, *minor.further_messages) if m.channel == "letter")
    assert "Sarah Lee\nEmma Lee\n[postal address]\n" in letter.body


def test_goals_that_drifted_apart_never_raised_with_a_client_who_would_listen_are_raised() -> None:
    for pattern in ("recurring", "one_off"):
        rec = plan_for(
            signals=["goal_misalignment"], pattern=pattern, remedies_exhausted="yes",
            conversation_outlook="likely",
        ).recommendation  # fmt: skip
        assert rec.readiness == "repair_first"


def test_a_plan_that_only_refuses_names_no_moved_notice_or_end_date() -> None:
    # Made on Christmas Day: the notice that is never given would have fallen on 1 January.
    answers = Answers(jurisdiction="US", signals=["unethical_request"], notice_date="2027-01-05")
    plan = build_plan(answers, load_content(), today=dt.date(2026, 12, 25))
    assert plan.recommendation.readiness == "repair_first"
    assert not any("would have been" in w for w in plan.recommendation.warnings)
