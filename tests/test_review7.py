"""Defects left open by the sixth round of expert reviews, fixed in the seventh stop, each
pinned by the answers that showed it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from wizard.answers import Answers
from wizard.content import load_content
from wizard.models import Plan
from wizard.plan import build_plan

TODAY = dt.date(2026, 12, 7)  # a Monday


def plan_for(**answers: Any) -> Plan:
    return build_plan(Answers(**answers), load_content(), today=TODAY)


LAWYER_BEFORE_A_COURT = dict(
    profession="law", signals=["goal_misalignment"], has_contract=True,
    termination_clause="notice", notice_days=30, court_matter_pending=True,
    relationship_months=40, notice_date=dt.date(2026, 12, 9),
)  # fmt: skip


def test_a_lawyer_whose_matter_is_before_a_court_has_not_finished_the_work() -> None:
    said_finished = plan_for(engagement_status="finished", **LAWYER_BEFORE_A_COURT)
    ongoing = plan_for(engagement_status="ongoing", **LAWYER_BEFORE_A_COURT)
    rec = said_finished.recommendation
    assert rec.effective_date == ongoing.recommendation.effective_date
    assert rec.effective_date > rec.notice_date
    assert rec.notice_days >= 30
    assert "court_matter_keeps_work_open" in rec.fired_rules
    assert "still before a court" in said_finished.reasons[0]
    assert "Decline further work" not in said_finished.summary
    assert said_finished.message.body == ongoing.message.body


def test_a_finished_job_with_no_court_matter_is_still_only_declined() -> None:
    answers = {**LAWYER_BEFORE_A_COURT, "court_matter_pending": False}
    plan = plan_for(engagement_status="finished", **answers)
    assert plan.recommendation.notice_days == 0
    assert "Decline further work" in plan.summary
    assert "court_matter_keeps_work_open" not in plan.recommendation.fired_rules


def test_a_builder_whose_warning_was_a_reminder_is_told_to_send_the_stop_work_notice() -> None:
    plan = plan_for(
        profession="construction", signals=["payment_problems"], remedies_tried=["written_warning"],
        outstanding_balance=18000, work_in_progress="some", notice_date=dt.date(2026, 12, 8),
    )  # fmt: skip
    assert plan.recommendation.readiness == "proceed"
    warning = next(w for w in plan.warnings if "stood still" in w)
    assert "only a reminder, send that notice first" in warning


SUGGESTED_AND_UNPAID = dict(
    signals=["unethical_request", "payment_problems"], improper_request_insisted=False,
    pattern="recurring", remedies_exhausted="yes", has_contract=True,
    termination_clause="notice", notice_days=14, outstanding_balance=3200,
    notice_date=dt.date(2026, 12, 9),
)  # fmt: skip


def test_unpaid_fees_are_the_reason_when_the_improper_request_was_only_suggested() -> None:
    plan = plan_for(**SUGGESTED_AND_UNPAID)
    assert plan.recommendation.readiness == "proceed"
    body = plan.message.body
    assert "payment for my work has not been made" in body
    assert "professional considerations" not in body


def test_the_refusal_the_notice_refers_to_goes_first_the_day_the_plan_is_made() -> None:
    plan = plan_for(**SUGGESTED_AND_UNPAID)
    assert "except what I have told you I cannot do" in plan.message.body
    refusal = next(s for s in plan.timeline if s.id == "refuse_first")
    assert refusal.date == TODAY < plan.recommendation.notice_date
    item = next(i for g in plan.checklist for i in g.items if i.id == "refuse_in_writing_first")
    assert item.due == TODAY


def test_an_insisted_request_still_gives_only_professional_considerations() -> None:
    plan = plan_for(**{**SUGGESTED_AND_UNPAID, "improper_request_insisted": True})
    assert "professional considerations" in plan.message.body
    assert "payment for my work" not in plan.message.body


def test_deadlines_one_after_another_move_the_end_past_the_first_only() -> None:
    deadlines = [
        ("2027-01-31", "Q4 VAT return"), ("2027-03-10", "Payroll year end"),
        ("2027-04-15", "Annual tax return"), ("2027-05-20", "Accounts filing"),
        ("2027-06-25", "Q2 VAT return"),
    ]  # fmt: skip
    plan = plan_for(
        profession="accounting", signals=["goal_misalignment"], pattern="recurring",
        remedies_exhausted="yes", has_contract=True, termination_clause="notice", notice_days=30,
        relationship_months=30, notice_date=dt.date(2026, 12, 9),
        key_deadlines=[{"date": dt.date.fromisoformat(d), "what": w} for d, w in deadlines],
    )  # fmt: skip
    # The Sunday deadline moves the end to the next working day after it, and no further.
    assert plan.recommendation.effective_date == dt.date(2027, 2, 1)
    assert "deadline_near_end" in plan.recommendation.warning_ids
    assert any("Payroll year end (Wednesday 10 March 2027)" in w for w in plan.warnings)


def test_a_stop_work_day_moved_off_christmas_day_is_named_in_the_holiday_warning() -> None:
    plan = plan_for(
        profession="construction", jurisdiction="GB", signals=["payment_problems"],
        pattern="recurring", has_contract=True, termination_clause="notice", notice_days=7,
        outstanding_balance=18000, currency="GBP", work_in_progress="some",
        notice_date=dt.date(2026, 12, 18),
    )  # fmt: skip
    stop = next(s for s in plan.timeline if s.id == "stop_work")
    assert stop.date == dt.date(2026, 12, 29)
    assert "holiday_moved" in plan.recommendation.warning_ids
    warning = next(w for w in plan.warnings if "Christmas Day" in w)
    assert "The day work stops" in warning
    assert "Tuesday 29 December 2026" in warning


def test_work_made_for_the_client_is_handed_over_on_a_dated_step_of_the_timeline() -> None:
    common = dict(
        signals=["goal_misalignment"], pattern="recurring", remedies_exhausted="yes",
        has_contract=True, termination_clause="notice", notice_days=30, work_in_progress="some",
        client_assets=["work_product"], notice_date=dt.date(2026, 12, 9),
    )  # fmt: skip
    paid = plan_for(**common)
    step = next(s for s in paid.timeline if s.id == "hand_over_work")
    item = next(i for g in paid.checklist for i in g.items if i.id == "hand_over_work")
    assert step.date == item.due < paid.recommendation.effective_date
    # Owed money or not, the work goes over by the same date (review 8): holding the unpaid
    # part back is the user's choice where their agreement allows it.
    unpaid = plan_for(outstanding_balance=900, **common)
    assert next(s for s in unpaid.timeline if s.id == "hand_over_work").date == step.date
    assert "I will hand over the work I prepared for you" in unpaid.message.body


@pytest.mark.parametrize(
    ("profession", "words"), [("therapy", "Our sessions"), ("healthcare", "Your appointments")]
)
def test_a_payment_plan_letter_in_care_says_the_care_goes_on_meanwhile(
    profession: str, words: str
) -> None:
    plan = plan_for(
        profession=profession, signals=["payment_problems"], pattern="recurring",
        remedies_exhausted="no", outstanding_balance=640, relationship_months=10,
        notice_date=dt.date(2026, 12, 9),
    )  # fmt: skip
    assert plan.recommendation.next_remedy == "payment_plan"
    body = plan.message.body
    assert f"{words} continue as usual" in body
    assert "help you keep your care going" in body


# --- The seventh review: letters as the client reads them ------------------------------

SAME_DAY_BY_POST = dict(
    signals=["behaviour_decline"], pattern="recurring", remedies_tried=["written_warning"],
    remedies_exhausted="yes", termination_clause="notice", notice_days=0,
    outstanding_balance=250, currency="GBP", unearned_prepayment=True, unearned_amount=100,
    client_assets=["files"], jurisdiction="GB", preferred_channel="letter",
    notice_date=TODAY,
)  # fmt: skip


def test_a_posted_letter_ending_on_the_day_of_notice_takes_effect_when_it_arrives() -> None:
    plan = plan_for(**SAME_DAY_BY_POST)
    body = plan.message.body.replace("\n", " ")
    assert plan.recommendation.channel == "letter"
    assert "This takes effect on the day this letter reaches you." in body
    assert "takes effect today" not in body
    assert "within 14 days" in body
    assert "by Monday 7 December 2026" not in body
    assert "I am returning your files and data." in body


def test_an_email_ending_on_the_day_of_notice_still_says_today() -> None:
    plan = plan_for(**{**SAME_DAY_BY_POST, "preferred_channel": "email"})
    body = plan.message.body.replace("\n", " ")
    assert "This takes effect today, Monday 7 December 2026." in body
    # The refund sits beside the balance (review 17: one statement of both, net of set-off).
    assert "and I will refund the £100.00 today." in body


def test_a_therapy_letter_after_a_threat_ends_care_when_it_arrives() -> None:
    plan = plan_for(
        profession="therapy", signals=["behaviour_decline"], safety_concern=True,
        safety_level="threat", has_contract=False, preferred_channel="letter",
        notice_date=TODAY,
    )  # fmt: skip
    assert "Your care with me ends on the day this letter reaches you" in plan.message.body


def test_a_withdrawal_that_the_court_decides_names_no_end_on_the_day_of_the_letter() -> None:
    plan = plan_for(
        profession="law", signals=["unethical_request"], improper_request_insisted=True,
        court_matter_pending=True, has_contract=False, notice_date=TODAY,
    )  # fmt: skip
    body = plan.message.body.replace("\n", " ")
    assert plan.recommendation.effective_date == plan.recommendation.notice_date
    assert "the court will decide when my withdrawal takes effect" in body
    assert "is the earliest date it can take effect" not in body
    assert "after this letter" not in body


def test_an_ending_by_agreement_hands_over_only_once_the_client_agrees() -> None:
    plan = plan_for(
        signals=["needs_beyond_expertise"], termination_clause="cause_only",
        notice_date=dt.date(2026, 12, 9),
    )  # fmt: skip
    assert "Once we have agreed the ending, I will send you the names" in plan.message.body
    agreed = next(s for s in plan.timeline if s.id == "written_agreement")
    handover = next(s for s in plan.timeline if s.id == "handover_agreed")
    assert handover.date > agreed.date
    assert [s for s in plan.timeline if s.id == "handover"] == []


def test_a_client_in_crisis_has_a_dated_check_that_care_has_passed_on() -> None:
    plan = plan_for(
        profession="therapy", signals=["provider_changes"], client_in_crisis=True,
        client_in_crisis_until=dt.date(2027, 9, 1), has_contract=False,
        notice_date=dt.date(2026, 12, 9),
    )  # fmt: skip
    check = next(s for s in plan.timeline if s.id == "care_taken_over")
    assert check.date < plan.recommendation.effective_date
    assert "move the end date until someone has" in check.detail


def test_a_letter_from_a_business_speaks_of_the_services_we_offer() -> None:
    plan = plan_for(
        signals=["needs_beyond_expertise"], your_business="Rivera Studio",
        notice_date=dt.date(2026, 12, 9),
    )  # fmt: skip
    assert "services we offer" in plan.message.body
    assert "services I offer" not in plan.message.body


def test_a_client_in_england_is_asked_to_instruct_a_new_solicitor() -> None:
    common = dict(profession="law", signals=["goal_misalignment"], court_matter_pending=True)
    assert "instruct a new solicitor now" in plan_for(jurisdiction="GB", **common).message.body
    assert "engage new counsel now" in plan_for(jurisdiction="US-NY", **common).message.body


# --- The seventh review: the harder cases ------------------------------------------------

BREACH_IN_BUSY_SEASON = dict(
    signals=["boundary_violations"], pattern="recurring", remedies_tried=["written_warning"],
    termination_clause="cause_only", cure_days=30,
    breach_summary="Contacted our subcontractors directly, against clause 9",
    critical_period=True, critical_period_ends=dt.date(2027, 2, 15),
    notice_date=dt.date(2026, 12, 8),
)  # fmt: skip


def test_a_notice_of_breach_is_not_held_back_for_the_clients_busy_season() -> None:
    rec = plan_for(**BREACH_IN_BUSY_SEASON).recommendation
    assert "cure_period" in rec.constraints
    assert rec.notice_date == dt.date(2026, 12, 8)
    assert rec.readiness == "proceed"


@pytest.mark.parametrize("outlook", ["unknown", "unlikely"])
def test_an_ending_for_cause_over_behaviour_is_open_not_quiet(outlook: str) -> None:
    rec = plan_for(**{**BREACH_IN_BUSY_SEASON, "conversation_outlook": outlook}).recommendation
    # Said openly: not a quiet exit, and not a hand-over "to a better fit" either.
    assert rec.strategy == "communicate"
    assert "quiet_exit_clarity" not in rec.warning_ids


@pytest.mark.parametrize(
    ("answers", "when"),
    [
        (dict(signals=["behaviour_decline"], safety_concern=True, safety_level="threat",
              has_contract=False), "Work on the site stops today."),
        (dict(signals=["unethical_request"], improper_request_insisted=True,
              outstanding_balance=12000), "Before I leave the site on"),
    ],
)  # fmt: skip
def test_a_builder_ending_mid_job_puts_the_state_of_the_site_in_writing(
    answers: dict[str, Any], when: str
) -> None:
    plan = plan_for(
        profession="construction", work_in_progress="some", notice_date=TODAY, **answers
    )
    body = plan.message.body.replace("\n", " ")
    assert when in body
    assert "record its state in photographs" in body
    assert "The materials you have paid for stay on the site." in body


def everything_in(plan: Plan) -> str:
    steps = [f"{s.title} {s.detail}" for s in plan.timeline]
    items = [i.text for g in plan.checklist for i in g.items]
    return " ".join([*steps, *items, *(m.body for m in plan.messages)]).replace("\n", " ")


def test_a_care_letter_ending_over_payments_passes_no_judgement_on_fit() -> None:
    plan = plan_for(
        profession="therapy", signals=["payment_problems"], pattern="recurring",
        remedies_tried=["payment_plan"], remedies_exhausted="yes", outstanding_balance=640,
        preferred_channel="letter", notice_date=dt.date(2026, 12, 9),
    )  # fmt: skip
    assert "suits you better" not in everything_in(plan)
    # A session first, then the letter (review 13): the letter is the written confirmation.
    assert "a clinician who can continue" in plan.further_messages[0].body


def test_property_goes_back_by_courier_or_post_when_the_provider_feels_unsafe() -> None:
    plan = plan_for(
        signals=["behaviour_decline"], safety_concern=True, safety_level="uneasy",
        client_assets=["physical_property"], notice_date=dt.date(2026, 12, 9),
    )  # fmt: skip
    step = next(s for s in plan.timeline if s.id == "return_records")
    assert "by courier or recorded post, not in person" in step.detail
    item = next(i for g in plan.checklist for i in g.items if i.id == "return_records")
    assert "not in person" in item.text


def test_a_doctors_letter_does_not_say_until_then_twice() -> None:
    plan = plan_for(
        profession="healthcare", signals=["provider_changes"], notice_date=dt.date(2026, 12, 9)
    )
    body = plan.message.body.replace("\n", " ")
    assert "until then. Until then" not in body
    assert "Meanwhile I remain your clinician for anything urgent" in body


def test_a_letter_ending_for_a_breach_neither_thanks_the_client_nor_repeats_formal_notice() -> None:
    plan = plan_for(
        signals=["boundary_violations"], pattern="recurring", termination_clause="cause_only",
        cure_days=0, breach_summary="Shared our confidential pricing with a competitor",
        preferred_channel="letter", notice_date=dt.date(2026, 12, 9),
    )  # fmt: skip
    body = plan.message.body.replace("\n", " ")
    assert "Thank you" not in body
    assert "I wish you well" not in body
    assert body.count("formal notice") == 1


def test_a_posted_stop_work_notice_invites_no_discussion_and_names_its_subject() -> None:
    plan = plan_for(
        profession="construction", signals=["payment_problems"], pattern="recurring",
        outstanding_balance=12000, work_in_progress="some", preferred_channel="letter",
        notice_date=dt.date(2026, 12, 9),
    )  # fmt: skip
    body = plan.message.body.replace("\n", " ")
    assert "this is written notice that I will stop work" in body
    assert "I am writing about a payment under our agreement." in body
    assert "free to discuss it" not in body


def test_a_posted_notice_comes_with_a_check_on_how_the_contract_counts_delivery() -> None:
    plan = plan_for(
        signals=["goal_misalignment"], preferred_channel="letter", notice_date=dt.date(2026, 12, 9)
    )
    item = next(i for g in plan.checklist for i in g.items if i.id == "posted_notice_counts")
    assert item.due < plan.recommendation.notice_date


def test_a_clinicians_referral_list_is_of_clinicians_and_not_asked_for_twice() -> None:
    crisis = plan_for(
        profession="healthcare", signals=["provider_changes"], client_in_crisis=True,
        notice_date=dt.date(2026, 12, 9),
    )  # fmt: skip
    ids = [i.id for g in crisis.checklist for i in g.items]
    assert "crisis_contacts" in ids
    assert "referrals" not in ids
    calm = plan_for(
        profession="healthcare", signals=["provider_changes"], notice_date=dt.date(2026, 12, 9)
    )
    item = next(i for g in calm.checklist for i in g.items if i.id == "referrals")
    assert "two or three clinicians" in item.text


def test_a_holiday_of_one_uk_nation_is_named_as_such_when_no_nation_was_given() -> None:
    plan = plan_for(
        jurisdiction="GB", signals=["goal_misalignment"], notice_date=dt.date(2027, 3, 17)
    )
    warning = next(w for w in plan.warnings if "Saint Patrick" in w)
    assert "Saint Patrick's Day (in Northern Ireland only)" in warning
    assert "in part of the country you gave" in warning
    assert plan.recommendation.notice_date == dt.date(2027, 3, 18)
    england = plan_for(
        jurisdiction="GB-ENG", signals=["goal_misalignment"], notice_date=dt.date(2027, 3, 17)
    )
    assert england.recommendation.notice_date == dt.date(2027, 3, 17)


def test_names_of_other_providers_promised_in_the_letter_have_a_dated_step() -> None:
    plan = plan_for(
        profession="construction", signals=["scope_creep"], pattern="recurring",
        remedies_exhausted="yes", work_in_progress="some", notice_date=dt.date(2026, 12, 9),
    )  # fmt: skip
    assert plan.recommendation.strategy != "transition"
    assert "names of two or three contractors" in plan.message.body
    step = next(s for s in plan.timeline if s.id == "handover")
    assert "two or three contractors" in step.detail
    assert plan.recommendation.notice_date <= step.date <= plan.recommendation.effective_date


def test_accounts_are_transferred_to_the_client_in_a_sentence_that_reads_in_order() -> None:
    plan = plan_for(
        signals=["goal_misalignment"], client_assets=["domains_hosting", "accounts_billing"],
        notice_date=dt.date(2026, 12, 9),
    )  # fmt: skip
    body = plan.message.body.replace("\n", " ")
    assert "I will transfer to you, in your own name, your domains and hosting" in body
    assert "for you to you" not in body


@pytest.mark.parametrize("signal", ["business_changes", "needs_beyond_expertise"])
def test_a_reduced_service_is_suggested_when_the_clients_needs_moved_on(signal: str) -> None:
    plan = plan_for(signals=[signal], notice_date=dt.date(2026, 12, 9))
    assert "reduced_service" in plan.recommendation.warning_ids


def test_a_builder_who_must_withdraw_keeps_the_site_keys_until_leaving_the_site() -> None:
    plan = plan_for(
        profession="construction", signals=["unethical_request"], improper_request_insisted=True,
        has_contract=True, termination_clause="notice", notice_days=30, work_in_progress="some",
        client_assets=["physical_property"], notice_date=TODAY,
    )  # fmt: skip
    end = plan.recommendation.effective_date
    assert end > TODAY
    ids = [s.id for s in plan.timeline]
    assert "return_records_promptly" not in ids
    step = next(s for s in plan.timeline if s.id == "return_records")
    leave = next(i for g in plan.checklist for i in g.items if i.id == "site_handover")
    assert TODAY < step.date <= leave.due <= end
    assert "promptly" not in plan.message.body
