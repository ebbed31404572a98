"""Everyday cases read whole, as the regulated practitioner who would sign them: an
accountant, a lawyer, a physician, a therapist and a builder. Each test names a passage
that practitioner would not sign and checks the plan no longer says it."""

from __future__ import annotations

import pytest

from tests.test_letters_wording import checklist, letters, musts, plan_for


def _reasons(plan: object) -> str:
    return "\n".join(plan.reasons)  # type: ignore[attr-defined]


def _warnings(plan: object) -> str:
    return "\n".join(plan.recommendation.warnings)  # type: ignore[attr-defined]


# --- Lawyer: the file is not held back over fees, and the plan says so -------------------


def test_lawyer_unpaid_must_do_matches_the_letter_on_the_work_product() -> None:
    plan = plan_for(
        profession="law",
        signals=["payment_problems"],
        remedies_tried=["written_warning"],
        outstanding_balance=9000,
        work_in_progress="some",
        client_assets=["records", "work_product"],
    )
    text = letters(plan)
    assert "The work I prepared for you will be handed over with the rest." in text
    # The must-do used to claim the message held the work back until paid.
    assert "proposes to hand over what you made" not in musts(plan)
    assert "with the rest of the file" in musts(plan)


def test_accountant_hands_over_own_work_unless_the_agreement_lets_them_hold_the_unpaid_part() -> (
    None
):
    # Review 8: the draft held back all the work by default, paid for or not; the notes
    # allow keeping it until paid only "if the contract says so".
    plan = plan_for(
        profession="accounting",
        signals=["payment_problems"],
        remedies_tried=["written_warning"],
        outstanding_balance=3400,
        client_assets=["records", "work_product"],
    )
    assert "Hold back only the part covered by invoices still unpaid" in musts(plan)
    assert "once the final invoice is settled" not in letters(plan)
    assert "The work I prepared for you will be handed over with the rest." in letters(plan)


# --- Accountant: a deadline during notice is not a blanket promise -----------------------


def test_accountant_deadline_in_notice_promises_only_the_agreed_part() -> None:
    plan = plan_for(
        profession="accounting",
        signals=["payment_problems"],
        remedies_tried=["written_warning"],
        outstanding_balance=3400,
        relationship_months=36,
        key_deadlines=[{"date": "2026-04-15", "what": "Estimated tax payment"}],
    )
    text = letters(plan)
    assert "Estimated tax payment" in text
    assert "I will see them through for you" not in text
    assert "remain yours to give" in text


# --- Physician: urgent care and prescriptions run to the end date, not open-ended ---------


def test_physician_letter_bridges_prescriptions_to_the_end_date() -> None:
    plan = plan_for(
        profession="healthcare",
        signals=["unresponsive", "behaviour_decline"],
        remedies_tried=["frank_conversation", "written_warning"],
        has_contract=False,
        client_assets=["clinical_records"],
        relationship_months=30,
        client_depends_on_you=True,
    )
    text = letters(plan)
    assert "before your new clinician takes over" not in text
    # Review 8: bridged until a new clinician can see the patient, not only to the end.
    assert "I will make sure it lasts until a new clinician can see you" in text
    assert "until the end date" in checklist(plan)
    assert "until the patient is settled elsewhere" not in _warnings(plan)


def test_no_contract_means_no_contract_address() -> None:
    plan = plan_for(
        profession="healthcare",
        signals=["unresponsive"],
        remedies_tried=["written_warning"],
        has_contract=False,
        client_assets=["clinical_records"],
        relationship_months=30,
    )
    warnings = _warnings(plan)
    assert "address named in the contract" not in warnings
    assert "last known postal address" in warnings


def test_with_a_contract_notice_also_goes_to_its_address() -> None:
    plan = plan_for(
        signals=["unresponsive"],
        remedies_tried=["written_warning"],
        has_contract=True,
        termination_clause="notice",
        notice_days=30,
    )
    assert "address named in the contract" in _warnings(plan)


# --- Therapist: no reason names a shorter notice than the plan gives ----------------------


def test_therapist_short_relationship_reason_does_not_suggest_14_days() -> None:
    plan = plan_for(
        profession="therapy",
        signals=["boundary_violations"],
        remedies_tried=["boundaries_reset"],
        has_contract=False,
        client_assets=["clinical_records"],
        referral_available=True,
        relationship_months=10,
        relationship_depth="close",
    )
    assert plan.recommendation.notice_days == 30
    reasons = _reasons(plan)
    assert "we suggest 14 days" not in reasons
    assert "about 30 days' notice" in reasons


# --- Builder: no invented professional code; a cure notice while work is stopped ---------


def test_builder_is_not_told_of_professional_rules_to_refer_on() -> None:
    plan = plan_for(
        profession="construction",
        signals=["scope_creep"],
        remedies_tried=["frank_conversation", "scope_or_price_change"],
        has_contract=True,
        termination_clause="notice",
        notice_days=14,
        work_in_progress="some",
    )
    text = _reasons(plan) + musts(plan)
    assert "professional rules for contractors" not in text
    assert "Your professional rules expect" not in text
    assert "abandoned the contract" in text


def test_builder_cure_notice_while_stopped_does_not_promise_to_keep_working() -> None:
    plan = plan_for(
        profession="construction",
        signals=["payment_problems"],
        remedies_tried=["written_warning"],
        has_contract=True,
        termination_clause="cause_only",
        cure_days=7,
        breach_summary="Progress payment 3, due 2026-02-10, has not been paid.",
        outstanding_balance=18000,
        work_in_progress="some",
    )
    text = letters(plan)
    assert "has not been paid.." not in text
    assert "has not been paid. The agreement gives you 7 days" in text
    assert "I will keep working under our agreement as usual" not in text
    assert "the work stays stopped" in text


# --- Physician: the records heading does not tell a clinician to hand the chart back -----


RETURN_TITLE = "Return the client's records and property"
KEEP_TITLE = "Keep the clinical records, and send copies on request"


@pytest.mark.parametrize(
    ("profession", "held", "title", "not_title"),
    [
        # A clinician keeps the chart and sends copies; a lawyer hands records back.
        ("healthcare", "clinical_records", KEEP_TITLE, RETURN_TITLE),
        ("law", "records", RETURN_TITLE, KEEP_TITLE),
    ],
)
def test_the_records_must_do_is_titled_for_what_is_held(profession, held, title, not_title):
    plan = plan_for(
        profession=profession,
        signals=["goal_misalignment"],
        remedies_tried=["frank_conversation"],
        client_assets=[held],
    )
    titles = [c.title for c in plan.constraints]
    assert title in titles and not_title not in titles, titles


# --- Lawyer: the plan says introduce other counsel, so the letter offers names -----------


def test_lawyer_letter_offers_other_counsel_when_none_is_named() -> None:
    plan = plan_for(
        profession="law",
        signals=["goal_misalignment", "behaviour_decline"],
        remedies_tried=["frank_conversation", "boundaries_reset"],
        client_assets=["records"],
    )
    assert "two or three lawyers" in checklist(plan)
    text = letters(plan)
    assert "Please engage new counsel now" in text
    assert "names of other lawyers" in text


def test_a_care_letter_without_a_crisis_still_says_where_to_turn_in_an_emergency() -> None:
    for profession in ("healthcare", "therapy"):
        plan = plan_for(
            profession=profession,
            jurisdiction="GB",
            signals=["goal_misalignment"],
            remedies_tried=["frank_conversation"],
            remedies_exhausted="yes",
        )
        assert "crisis_resources" not in plan.recommendation.constraints
        text = letters(plan)
        assert "urgent help" in text and "999" in text, (profession, text[:400])


def test_a_commercial_letter_has_no_emergency_line() -> None:
    plan = plan_for(signals=["goal_misalignment"], remedies_tried=["frank_conversation"])
    assert "emergency department" not in letters(plan)


def test_a_clinicians_own_questions_speak_of_care_not_vetting_or_contracts() -> None:
    plan = plan_for(
        profession="healthcare",
        signals=["behaviour_decline", "payment_problems", "boundary_violations"],
        remedies_tried=["frank_conversation"],
        remedies_exhausted="yes",
    )
    words = " ".join(plan.reflection) + " " + " ".join(step.detail for step in plan.timeline)
    for commercial in ("vetting", "deposit", "write contracts", "contacts?"):
        assert commercial not in words, commercial
    assert "intake" in words
