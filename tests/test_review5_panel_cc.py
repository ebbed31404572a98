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
    "therapist_insisted_client_in_crisis": dict(
        profession="therapy",
        signals=["unethical_request"],
        improper_request_insisted=True,
        client_in_crisis=True,
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


def test_care_with_notice_still_offers_the_referrals_over_the_notice_period() -> None:
    plan = plan_for(**CLINICAL, profession="therapy", signals=["goal_misalignment"])
    assert "[name and contact of a clinician]" not in letters(plan)


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
