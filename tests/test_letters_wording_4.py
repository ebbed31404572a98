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
from tests.test_letters_wording_3 import timeline_step

# --- 2. An improper request only suggested: what changes if the client insists -------------

SUGGESTED = dict(signals=["unethical_request"], improper_request_insisted=False)


def test_suggested_request_reason_says_insisting_changes_the_plan_not_that_it_is_ready() -> None:
    plan = plan_for(**SUGGESTED)
    assert plan.recommendation.readiness == "repair_first"
    reasons = " ".join(plan.reasons)
    assert "ready if they insist" not in reasons
    assert "change your answer to say they insist" in reasons
    assert "required and prompt" in reasons
    assert "without an ordinary notice period" in reasons
    assert "improper work" in reasons


def test_suggested_request_first_step_and_review_point_to_a_new_plan_if_they_insist() -> None:
    plan = plan_for(**SUGGESTED)
    assert plan.first_step is not None
    assert "give notice only if nothing has changed" not in plan.first_step
    assert "do not send the notice below" in plan.first_step
    review = timeline_step(plan, "review_remedy")
    assert "carry on with the steps below" not in review.detail
    assert "make a new plan" in review.detail


def test_other_repairs_keep_the_ordinary_review_wording() -> None:
    plan = plan_for(
        signals=["scope_creep"], remedies_tried=[], remedies_exhausted="no", pattern="recurring"
    )
    assert plan.recommendation.readiness == "repair_first"
    assert plan.first_step is not None
    assert "give notice only if nothing has changed" in plan.first_step
    assert "carry on with the steps below" in timeline_step(plan, "review_remedy").detail


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
