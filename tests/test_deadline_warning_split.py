"""The deadline warning tells the user what the letter tells the client.

A date before the end falls while the provider still serves the client: the letter says
the provider will see to it, so the warning must not tell the user to hand it over. A
date after the end is the client's to meet. With a court deciding the end, the lawyer
keeps acting on every date until it allows the withdrawal (Model Rule 1.16(c)); after an
insisted improper request, never on the improper part. In care, dates go to the new
clinician, in care words."""

from __future__ import annotations

import datetime as dt

from tests.test_letters_wording import letters, plan_for
from wizard.models import Plan

SERVED = {"date": dt.date(2026, 3, 12), "what": "Quarterly return"}
LATER = {"date": dt.date(2026, 6, 1), "what": "Annual accounts"}


def _deadline_warning(plan: Plan) -> str:
    rec = plan.recommendation
    return rec.warnings[rec.warning_ids.index("deadline_near_end")]


def test_a_date_before_the_end_is_the_providers_to_see_to() -> None:
    plan = plan_for(profession="accounting", signals=["provider_changes"], key_deadlines=[SERVED])
    warning = _deadline_warning(plan)
    assert "while you still work for the client" in warning
    assert "hand over" not in warning
    # The letter makes the same promise.
    assert "I will finish my part of the agreed work" in letters(plan)


def test_dates_on_both_sides_of_the_end_are_split() -> None:
    plan = plan_for(
        profession="accounting", signals=["provider_changes"], key_deadlines=[SERVED, LATER]
    )
    warning = _deadline_warning(plan)
    served, later = warning.split("Annual accounts")
    assert "Quarterly return" in served and "before the end" in served
    assert "after the end" in later and "hand over" in later


def test_with_a_court_the_lawyer_keeps_acting_on_every_date() -> None:
    plan = plan_for(
        profession="law",
        signals=["unethical_request"],
        improper_request_insisted=True,
        court_matter_pending=True,
        key_deadlines=[SERVED],
    )
    warning = _deadline_warning(plan)
    assert "until the court lets you withdraw" in warning
    assert "never on the improper part" in warning


def test_in_care_later_dates_go_to_the_new_clinician() -> None:
    plan = plan_for(
        profession="therapy", signals=["goal_misalignment"], key_deadlines=[SERVED, LATER]
    )
    warning = _deadline_warning(plan)
    assert "still in your care" in warning
    assert "new clinician" in warning
    assert "hand over" not in warning
