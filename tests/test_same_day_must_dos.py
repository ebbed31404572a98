"""When the end comes the day notice is given, no must-do speaks of a time before it.

"Keep care going until the end date" or "even during the notice period" cannot be
followed when there is no notice period: the must-dos say what still applies that day
instead (urgent help in writing, a site kept safe until it is handed over)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_letters_wording import plan_for

SAME_DAY: dict[str, dict[str, Any]] = {
    # (Insisting alone keeps care's 30-day floor since review 6; a threat ends it at once.)
    "therapist_threatened_client_insists": dict(
        profession="therapy",
        signals=["unethical_request"],
        improper_request_insisted=True,
        safety_concern=True,
        safety_level="threat",
        has_contract=False,
        termination_clause="none",
    ),
    "contract_with_no_notice": dict(signals=["scope_creep"], notice_days=0),
    "builder_client_insists_mid_job": dict(
        profession="construction",
        signals=["unethical_request", "payment_problems"],
        improper_request_insisted=True,
        outstanding_balance=4000,
        has_contract=False,
        termination_clause="none",
        work_in_progress="some",
        client_depends_on_you=True,
    ),
    "accountant_declines_after_finished_job": dict(
        profession="accounting", engagement_status="finished", signals=["scope_creep"]
    ),
}
BEFORE_THE_END = ("until the end date", "during the notice period", "notice period runs")


@pytest.mark.parametrize("case", SAME_DAY)
def test_no_must_do_needs_a_notice_period(case: str) -> None:
    plan = plan_for(**SAME_DAY[case])
    rec = plan.recommendation
    assert rec.effective_date == rec.notice_date
    texts = [c.text for c in plan.constraints]
    texts += [item.text for group in plan.checklist for item in group.items]
    for text in texts:
        assert not any(words in text for words in BEFORE_THE_END), text


def test_an_uneasy_therapist_whose_client_insists_keeps_care_going_for_30_days() -> None:
    """Review 6: insisting makes the ending required, not immediate; without a threat the
    care floor holds and care goes on, never the improper part (it used to end that day)."""
    plan = plan_for(
        profession="therapy", signals=["unethical_request"], improper_request_insisted=True,
        safety_concern=True, safety_level="uneasy", has_contract=False, termination_clause="none",
    )  # fmt: skip
    assert plan.recommendation.notice_days == 30
    stranded = next(c.text for c in plan.constraints if c.id == "no_abandonment")
    assert "keep care going until the end date" in stranded


def test_a_same_day_site_stays_safe_until_handed_over() -> None:
    plan = plan_for(**SAME_DAY["builder_client_insists_mid_job"])
    stranded = next(c.text for c in plan.constraints if c.id == "no_abandonment")
    assert "until it is handed over" in stranded


def test_a_builder_who_must_withdraw_is_not_told_to_wait_for_the_stoppage() -> None:
    """The late-payment steps (7 days, then 30 days stood still) are for an ending over
    the money; a withdrawal that must be prompt keeps the written notice and the secured
    site, not the waits."""
    plan = plan_for(**SAME_DAY["builder_client_insists_mid_job"])
    stop = next(c.text for c in plan.constraints if c.id == "stop_work_notice")
    assert "30 days" not in stop
    assert "does not rest on the unpaid balance" in stop
    assert "in writing" in stop and "secure the site" in stop


@pytest.mark.parametrize(
    "answers",
    [
        dict(profession="therapy", engagement_status="finished", signals=["goal_misalignment"]),
        dict(
            profession="therapy",
            signals=["unethical_request"],
            improper_request_insisted=True,
            has_contract=False,
            termination_clause="none",
            engagement_status="finished",
        ),
    ],
    ids=["course_complete", "must_withdraw_after_the_course"],
)
def test_no_closing_session_is_promised_when_care_ends_today(answers: dict[str, Any]) -> None:
    """The letter offers no closing session when care ends the day it goes; neither does
    the warning beside it: the referrals go in the letter itself."""
    plan = plan_for(**answers)
    rec = plan.recommendation
    assert rec.effective_date == rec.notice_date
    warning = rec.warnings[rec.warning_ids.index("therapy_letter")]
    assert "Offer a closing session" not in warning
    assert "in the letter itself" in warning
    assert "closing session" not in plan.message.body
    # Nor does the hand-over step on the timeline.
    assert not any("closing session" in step.detail for step in plan.timeline)
