"""Wording of the letters and the plan, fourth expert review: a contract that ends only for
cause when the client did nothing wrong (the drafts propose an ending for the client to
agree), an improper request that was only suggested (the reason says what changes if the
client insists), and a finished course of care (care words, not a job's).

Each test builds a plan, or a recommendation, from answers written out here and reads its
words."""

from __future__ import annotations

import pytest

# The same readers as the earlier reviews' tests: one way to build a plan and read its words.
from tests.test_letters_wording import plan_for

# --- 3. A finished course of care: care words, not a job's --------------------------------


@pytest.mark.parametrize("profession", ["therapy", "healthcare"])
def test_finished_clinical_work_is_a_course_of_care_not_a_job(profession: str) -> None:
    plan = plan_for(
        profession=profession,
        engagement_status="finished",
        signals=["goal_misalignment"],
        pattern="one_off",
    )
    reasons = " ".join(plan.reasons)
    assert "job" not in reasons.lower()
    assert "further work" not in reasons
    assert "The course of care has ended" in reasons
    assert "decline to resume sessions" in reasons


@pytest.mark.parametrize("profession", ["general", "construction"])
def test_finished_commercial_work_keeps_the_job_wording(profession: str) -> None:
    plan = plan_for(
        profession=profession,
        engagement_status="finished",
        signals=["goal_misalignment"],
        pattern="one_off",
    )
    reasons = " ".join(plan.reasons)
    assert "The job is finished" in reasons
    assert "course of care" not in reasons
