"""Wording of the letters and the plan in the harder cases of the expert review: unpaid
work, no written contract, a stop-work, a finished job, clinical care, zero notice.

Each test builds a plan from answers written out here and reads its words."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from wizard.answers import Answers
from wizard.content import load_content
from wizard.models import Plan
from wizard.plan import build_plan

TODAY = dt.date(2026, 2, 20)


def plan_for(**answers: Any) -> Plan:
    answers.setdefault("notice_date", dt.date(2026, 3, 2))
    return build_plan(Answers(**answers), load_content(), today=TODAY)


def letters(plan: Plan) -> str:
    """Every draft the client may receive, with its subject."""
    drafts = [plan.message, *plan.further_messages]
    return "\n\n".join(f"{d.subject}\n{d.body}" for d in drafts)


def musts(plan: Plan) -> str:
    return "\n".join(c.text for c in plan.constraints)


def checklist(plan: Plan) -> str:
    return "\n".join(item.text for group in plan.checklist for item in group.items)


def timeline(plan: Plan) -> str:
    return "\n".join(f"{step.title} | {step.detail}" for step in plan.timeline)


def everything(plan: Plan) -> str:
    return "\n".join(
        [letters(plan), musts(plan), checklist(plan), timeline(plan)]
        + [f.value for f in plan.facts]
        + plan.reasons
    )


# --- Unpaid work is a fact, not a disagreement ----------------------------------------

MUTUAL = "agree on terms that work for us both"


def test_unpaid_builder_with_a_court_matter_states_the_unpaid_invoices_plainly() -> None:
    plan = plan_for(
        profession="construction",
        signals=["payment_problems"],
        remedies_tried=["written_warning"],
        court_matter_pending=True,
        outstanding_balance=40000,
        work_in_progress="some",
    )
    text = letters(plan)
    assert MUTUAL not in text
    assert "payment for my work has not been made on the terms we agreed" in text
    # A hand-over for unpaid work is not dressed up as a better fit.
    assert "better served by someone whose work fits" not in text


def test_unpaid_general_provider_is_never_told_it_was_a_disagreement() -> None:
    plan = plan_for(
        signals=["payment_problems"],
        remedies_tried=["written_warning"],
        outstanding_balance=1200,
        relationship_depth="close",
        relationship_months=30,
    )
    assert plan.recommendation.strategy == "communicate"
    text = letters(plan)
    assert MUTUAL not in text
    assert "because payment for my work has not been made on the terms we agreed" in text


def test_builder_without_a_contract_cites_no_clause_and_no_contract() -> None:
    plan = plan_for(
        profession="construction",
        signals=["payment_problems"],
        has_contract=False,
        outstanding_balance=18000,
        work_in_progress="some",
        relationship_months=4,
    )
    assert plan.recommendation.readiness == "repair_first"
    text = letters(plan)
    assert "clause [clause number]" not in text
    assert "of our contract" not in text
    assert "Our contract ends" not in text
    assert "written notice that I will stop work seven days" in text
    assert MUTUAL not in text


def test_a_stop_work_notice_is_titled_as_one_not_as_a_point_to_settle_weeks_later() -> None:
    plan = plan_for(
        profession="construction",
        signals=["payment_problems"],
        has_contract=False,
        outstanding_balance=18000,
        work_in_progress="some",
        relationship_months=4,
    )
    assert "stop work seven days from today" in plan.message.body
    subject = plan.message.subject or ""
    assert "work will stop" in subject
    assert "a point to settle by" not in subject


def test_builder_with_a_contract_still_quotes_its_clause_for_the_stop_work() -> None:
    plan = plan_for(
        profession="construction",
        signals=["payment_problems"],
        outstanding_balance=18000,
        work_in_progress="some",
    )
    assert "Under clause [clause number] of our contract, this is written notice" in letters(plan)


def test_a_stopped_site_is_not_told_to_keep_doing_the_work() -> None:
    plan = plan_for(
        profession="construction",
        signals=["payment_problems"],
        remedies_tried=["written_warning"],
        court_matter_pending=True,
        outstanding_balance=40000,
        work_in_progress="some",
    )
    assert "stop_work_notice" in plan.recommendation.constraints
    assert "keep doing the agreed work" not in musts(plan).lower()
    assert "Keep doing the agreed work" not in checklist(plan)
    assert "site safe and secured until the end date" in musts(plan)


# --- Zero notice, and legal review without a contract ---------------------------------


def test_a_contract_asking_for_no_notice_is_worded_naturally() -> None:
    for kind in ("calendar", "business"):
        plan = plan_for(
            signals=["goal_misalignment"],
            termination_clause="notice",
            notice_days=0,
            notice_day_kind=kind,
            relationship_months=48,
            relationship_depth="close",
        )
        assert not re.search(r"(?<!\d)0 (calendar|business) days", everything(plan))
        assert "allows it to end without a notice period" in letters(plan)


def test_a_provider_without_a_contract_is_not_sent_to_read_termination_terms() -> None:
    plan = plan_for(
        profession="law",
        signals=["behaviour_decline"],
        safety_concern=True,
        safety_level="threat",
        has_contract=False,
        court_matter_pending=True,
    )
    assert "legal_review" in plan.recommendation.constraints
    text = everything(plan).lower()
    assert "termination terms" not in text
    assert "check the terms" not in text


# --- Work the provider made, while a balance is unpaid ----------------------------------


def test_work_product_is_never_held_under_a_clause_nobody_said_exists() -> None:
    for has_contract in (True, False):
        plan = plan_for(
            profession="accounting" if has_contract else "general",
            signals=["payment_problems"],
            remedies_tried=["written_warning", "payment_plan"],
            remedies_exhausted="yes",
            has_contract=has_contract,
            outstanding_balance=1500,
            client_assets=["work_product", "files"],
        )
        text = letters(plan)
        assert "of our agreement provides" not in text
        # Review 8: the letter hands the work over by default; holding back the unpaid part
        # is the user's own change, where their agreement allows it.
        assert "once the final invoice is settled" not in text
        assert "theirs once paid" not in musts(plan)
        assert "Hold back only the part covered by invoices still unpaid" in musts(plan)
        assert "hold back the part covered by unpaid invoices" in checklist(plan)


# --- A finished one-off job ------------------------------------------------------------


def test_a_finished_job_gets_a_short_note_declining_further_work() -> None:
    for balance in (0, 3200):
        plan = plan_for(
            profession="accounting",
            engagement_status="finished",
            signals=["payment_problems"] if balance else ["behaviour_decline"],
            outstanding_balance=balance,
            client_assets=["records"],
            notice_days=30,
            relationship_months=3,
            relationship_depth="transactional",
        )
        text = letters(plan)
        assert "I will not be taking on further work for you" in text
        for wrong in ("Notice of termination", "ending our agreement", "takes effect today"):
            assert wrong not in text
        assert ("$3,200.00 already invoiced for the completed work is still due" in text) == bool(
            balance
        )
        assert "Keep doing the agreed work" not in checklist(plan)


# --- Clinical care: care language, records kept, crisis help -------------------------


def test_a_retiring_therapist_words_the_reason_as_care() -> None:
    plan = plan_for(
        profession="therapy",
        signals=["provider_changes"],
        client_assets=["clinical_records"],
        relationship_months=24,
        client_depends_on_you=True,
    )
    text = letters(plan)
    assert "your work" not in text
    assert "I will no longer be able to offer you sessions" in text


def test_a_clinicians_timeline_speaks_of_care_not_of_an_engagement() -> None:
    plan = plan_for(
        profession="therapy",
        signals=["provider_changes"],
        client_assets=["clinical_records"],
        relationship_months=24,
    )
    steps = timeline(plan)
    assert "engagement" not in steps and "invoices" not in steps and "open work" not in steps
    assert "Your care of the client ends today" in steps


def test_a_therapist_refusing_a_suggested_request_keeps_to_care_language() -> None:
    plan = plan_for(
        profession="therapy",
        signals=["unethical_request"],
        client_assets=["clinical_records"],
    )
    assert plan.recommendation.readiness == "repair_first"
    text = letters(plan)
    for wrong in ("a point to settle", "the rest of the work", "our work together"):
        assert wrong not in text.lower()
    assert "continue your care and our sessions as before" in text


def test_a_clinician_holding_only_clinical_records_is_not_told_to_hand_them_back() -> None:
    plan = plan_for(
        profession="therapy",
        signals=["behaviour_decline"],
        safety_concern=True,
        safety_level="threat",
        notice_days=30,
        client_assets=["clinical_records"],
        relationship_months=20,
    )
    own = checklist(plan) + timeline(plan)
    assert "Hand back everything" not in own
    assert "Return the client’s records" not in own
    assert "hand-over notes" not in own
    assert "transfer summary" in own
    # A threatened therapist offers no further sessions, and is not told to keep working.
    assert "I will not be offering further sessions" in letters(plan)
    assert "keep doing the agreed work" not in (musts(plan) + checklist(plan)).lower()


def test_transition_talking_points_name_the_crisis_line_when_crisis_help_applies() -> None:
    plan = plan_for(
        profession="therapy",
        signals=["boundary_violations"],
        remedies_tried=["boundaries_reset"],
        safety_concern=True,
        safety_level="uneasy",
        client_in_crisis=True,
        client_depends_on_you=True,
        relationship_months=60,
        relationship_depth="close",
        has_contract=False,
        preferred_channel="in_person",
        client_assets=["clinical_records"],
    )
    assert "crisis_resources" in plan.recommendation.constraints
    assert plan.message.kind == "talking_points"
    assert "[crisis line and its number]" in plan.message.body
    assert "Keep doing the agreed work" not in checklist(plan)


def test_a_physicians_letter_keeps_urgent_care_and_prescriptions_during_notice() -> None:
    plan = plan_for(
        profession="healthcare",
        signals=["goal_misalignment"],
        relationship_months=30,
        has_contract=True,
        notice_days=14,
    )
    text = letters(plan)
    assert (
        "for anything urgent" in text and "I will make sure it lasts until a new clinician" in text
    )
    assert "sessions" not in text, "a physician sees patients at appointments"


def test_a_therapists_letter_does_not_promise_prescriptions() -> None:
    plan = plan_for(profession="therapy", signals=["provider_changes"], relationship_months=30)
    assert "prescriptions" not in letters(plan)


def test_talking_points_number_the_crisis_line_without_a_gap() -> None:
    """Every talking-points draft that names the crisis line numbers it right after the
    last step before it (no "6." after a "4.")."""
    plan = plan_for(
        profession="therapy",
        signals=["behaviour_decline"],
        client_in_crisis=True,
        preferred_channel="video",
        relationship_months=12,
    )
    assert "where to turn in a crisis" in plan.message.body
    drafts = [plan.message.body, *(m.body for m in plan.further_messages)]
    for body in drafts:
        numbers = [int(n) for n in re.findall(r"^(\d)\. ", body, re.M)]
        assert numbers == list(range(1, len(numbers) + 1)), body
