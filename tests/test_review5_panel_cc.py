"""Blind-panel review of therapy, medicine and building: cases written from the professional
rules before reading the engine, then run.

- A care letter that ends care the same day (a threat, or a withdrawal that cannot wait)
  names the clinicians to turn to in the letter itself: there is no later session or call
  in which to hand them over (APA Ethics Code 10.10, ACA Code A.11, AMA Opinion 1.1.5).
- A physician's letter speaks of appointments, never of a therapist's sessions.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_letters_wording import letters, plan_for

CLINICAL: dict[str, Any] = dict(
    has_contract=False,
    termination_clause="none",
    notice_days=0,
    client_assets=["clinical_records"],
)

SAME_DAY: dict[str, dict[str, Any]] = {
    "therapist_threatened": dict(
        profession="therapy",
        signals=["behaviour_decline"],
        safety_concern=True,
        safety_level="threat",
    ),
    "physician_threatened": dict(
        profession="healthcare",
        signals=["behaviour_decline"],
        safety_concern=True,
        safety_level="threat",
    ),
    # (An ongoing client who insists keeps the 30-day floor since review 6; after a
    # finished course of care there is no notice to give.)
    "therapist_insisted_client_in_crisis": dict(
        profession="therapy",
        signals=["unethical_request"],
        improper_request_insisted=True,
        client_in_crisis=True,
        engagement_status="finished",
    ),
    "therapist_threatened_with_a_referral": dict(
        profession="therapy",
        signals=["behaviour_decline"],
        safety_concern=True,
        safety_level="threat",
        referral_available=True,
    ),
}


@pytest.mark.parametrize("case", SAME_DAY)
def test_care_ended_the_same_day_names_the_referrals_in_the_letter(case: str) -> None:
    plan = plan_for(**CLINICAL, **SAME_DAY[case])
    assert plan.recommendation.effective_date == plan.recommendation.notice_date
    text = letters(plan)
    # No promise of names to come: care ends today, and after a threat no further contact.
    assert "I will give you the names" not in text
    assert "[name and contact of a clinician]" in text


def test_care_with_notice_names_the_referrals_in_the_letter() -> None:
    # Review 5 had the letter promise names over the notice period; review 19 (the notes:
    # therapy letters give "at least a few referrals") has them in the letter itself, for
    # the clinician to fill in, so a client who stops answering still has them.
    plan = plan_for(**CLINICAL, profession="therapy", signals=["goal_misalignment"])
    assert "I will give you the names" not in letters(plan)
    assert letters(plan).count("[name and contact of a clinician]") >= 2


def test_a_retiring_physician_offers_appointments_not_sessions() -> None:
    plan = plan_for(
        **CLINICAL,
        profession="healthcare",
        signals=["provider_changes"],
        client_depends_on_you=True,
        relationship_months=120,
    )
    text = letters(plan) + "\n" + "\n".join(p.body for p in [plan.message])
    assert "sessions" not in text
    assert "no longer be able to offer you appointments" in text


# --- A builder leaving a part-done job for any reason gives written notice first -----------
# The spec's `stop_work_notice` is "written notice before stopping work" on a building job;
# walking off a part-done job, whatever the reason, invites a claim that the contract was
# abandoned (AIA A201-2017 §9.7 and §14; the contractor's duty to leave the site safe).
# Only an unpaid builder follows the stop-work-then-terminate steps over non-payment.

BUILDER: dict[str, Any] = dict(
    profession="construction",
    has_contract=True,
    termination_clause="notice",
    notice_days=7,
    work_in_progress="some",
)

PART_DONE: dict[str, dict[str, Any]] = {
    "threatened_on_site": dict(
        signals=["behaviour_decline"], safety_concern=True, safety_level="threat"
    ),
    "builder_closing_down": dict(
        signals=["provider_changes"],
        work_in_progress="critical",
        notice_days=30,
        pattern="one_off",
        remedies_exhausted="no",
    ),
    "owner_insists_on_skipping_inspection": dict(
        signals=["unethical_request"], improper_request_insisted=True
    ),
    "goals_apart_with_a_deposit": dict(
        signals=["goal_misalignment"],
        remedies_tried=["frank_conversation"],
        unearned_prepayment=True,
        unearned_amount=8000,
    ),
}


@pytest.mark.parametrize("case", PART_DONE)
def test_a_builder_leaving_a_part_done_job_gives_written_notice_before_stopping(
    case: str,
) -> None:
    plan = plan_for(**{**BUILDER, **PART_DONE[case]})
    rec = plan.recommendation
    assert "stop_work_notice" in rec.constraints
    assert rec.written_notice
    # Not the non-payment steps: nothing is overdue, so no stop-work-until-paid wording, no
    # stoppage before termination, and no extra seven days for a termination notice.
    assert "construction_stoppage_first" not in rec.warning_ids
    text = letters(plan) + "\n" + "\n".join(c.text for c in plan.constraints)
    assert "overdue" not in text and "once the payment is made" not in text
    assert "is overdue" not in "\n".join(s.detail for s in plan.timeline)


def test_a_builder_closing_down_keeps_working_through_the_notice() -> None:
    plan = plan_for(**{**BUILDER, **PART_DONE["builder_closing_down"]})
    ids = [item.id for group in plan.checklist for item in group.items]
    assert "keep_working" in ids
    assert "site_secured" not in ids
    assert plan.recommendation.notice_days == 30


def test_a_finished_building_job_has_nothing_left_to_stop() -> None:
    plan = plan_for(
        **{**BUILDER, "work_in_progress": "none", "engagement_status": "finished"},
        signals=["behaviour_decline"],
        outstanding_balance=5000,
    )
    assert "stop_work_notice" not in plan.recommendation.constraints
    assert "construction_lien_deadline" in plan.recommendation.warning_ids


def test_a_builder_ending_with_nothing_on_site_needs_no_stop_work_notice() -> None:
    plan = plan_for(**{**BUILDER, "work_in_progress": "none"}, signals=["goal_misalignment"])
    assert "stop_work_notice" not in plan.recommendation.constraints


# --- The follow-up call after care that ended the same day ------------------------------


def test_follow_up_call_after_care_ended_today_speaks_of_no_care_until_an_end_date() -> None:
    plan = plan_for(**CLINICAL, **SAME_DAY["therapist_insisted_client_in_crisis"])
    assert plan.recommendation.follow_up_call
    script = plan.follow_up_script or ""
    assert "Follow-up call" in script
    assert "until the end date" not in script
    assert "the next weeks" not in script
    assert "urgent help" in script


# --- A finished course of care is not a commercial termination ----------------------------


@pytest.mark.parametrize("profession", ["therapy", "healthcare"])
def test_a_finished_course_of_care_is_not_headed_as_a_notice_of_termination(
    profession: str,
) -> None:
    plan = plan_for(
        **CLINICAL,
        profession=profession,
        signals=["goal_misalignment"],
        engagement_status="finished",
        pattern="one_off",
        remedies_exhausted="no",
    )
    assert plan.recommendation.strategy == "quiet_exit"
    assert "termination" not in plan.message.subject.lower()
    assert "care" in plan.message.subject.lower()
