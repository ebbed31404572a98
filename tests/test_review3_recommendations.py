"""Third expert review of the recommendations: for-cause contracts with no breach to rely
on, a threat under a cure period, the cure period as a floor when a long relationship
lengthens it, a silent client's next remedy, a reason that promised the planned date while
a hold moved it, and the improper-work warning when there is no notice period."""

from __future__ import annotations

import datetime as dt

import pytest

from wizard.answers import Answers
from wizard.content import load_content
from wizard.engine import decide, recommend
from wizard.plan import build_plan

TODAY = dt.date(2026, 11, 20)
NOTICE = dt.date(2026, 12, 1)


def rec_for(**answers):
    answers.setdefault("notice_date", NOTICE)
    return recommend(Answers(**answers), load_content(), today=TODAY)


def decision_for(**answers):
    answers.setdefault("notice_date", NOTICE)
    return decide(Answers(**answers), load_content(), today=TODAY)


# --- a contract that ends only for cause, and nothing the client did ------------------

NO_BREACH = {
    "provider_retiring": dict(signals=["provider_changes"], relationship_months=40),
    "client_business_moved_on": dict(signals=["business_changes"], relationship_months=18),
    "needs_beyond_skills": dict(
        profession="accounting", signals=["needs_beyond_expertise"], relationship_months=18
    ),
    "goals_apart_lawyer": dict(
        profession="law",
        signals=["goal_misalignment"],
        remedies_tried=["frank_conversation"],
        relationship_months=12,
    ),
    "suggested_only_and_goals": dict(
        signals=["unethical_request", "goal_misalignment"], relationship_months=12
    ),
}


@pytest.mark.parametrize("case", sorted(NO_BREACH))
def test_cause_only_contract_without_a_breach_names_no_breach(case):
    answers = dict(
        pattern="one_off",
        remedies_tried=[],
        remedies_exhausted="unsure",
        termination_clause="cause_only",
        cure_days=14,
    )
    answers.update(NO_BREACH[case])
    decision = decision_for(**answers)
    rec = decision.recommendation
    # No breach to name, no cure period to wait for, no "ending for cause" reason.
    assert "cure_period" not in rec.constraints
    assert not any("breach plainly" in r for r in rec.reasons)
    assert not any("put the breach right" in r for r in rec.reasons)
    # The lawyer's read stays, and it says to seek an agreed ending instead.
    assert "legal_review" in rec.constraints
    review = decision.constraint_texts["legal_review"]
    assert "no cause to rely on" in review and "agree an ending" in review
    # The notice follows the relationship, with wording that fits the contract.
    assert rec.effective_date > rec.notice_date
    assert any("no notice for an ending without cause" in r for r in rec.reasons)


def test_cause_only_without_a_breach_is_not_a_same_day_end_for_a_regulated_provider():
    rec = rec_for(
        profession="accounting",
        signals=["needs_beyond_expertise"],
        pattern="occasional",
        remedies_tried=[],
        remedies_exhausted="unsure",
        termination_clause="cause_only",
        cure_days=0,
        relationship_months=18,
    )
    # It used to end the same day, as a "for-cause" ending with no cure period.
    assert rec.effective_date == dt.date(2026, 12, 31)
    assert rec.notice_days == 30


def test_cause_only_letter_without_a_breach_sets_out_no_breach():
    plan = build_plan(
        Answers(
            signals=["provider_changes"],
            pattern="one_off",
            remedies_tried=[],
            remedies_exhausted="unsure",
            termination_clause="cause_only",
            cure_days=14,
            relationship_months=40,
            preferred_channel="letter",
            notice_date=NOTICE,
        ),
        load_content(),
        today=TODAY,
    )
    body = plan.message.body
    assert "breach" not in body.lower()


def test_a_real_breach_under_a_cause_only_contract_still_runs_the_cure_period():
    rec = rec_for(
        signals=["payment_problems"],
        remedies_tried=["written_warning", "payment_plan"],
        termination_clause="cause_only",
        cure_days=30,
        outstanding_balance=4200,
    )
    assert {"cure_period", "legal_review"} <= set(rec.constraints)
    # 30 days to put it right, to Thursday 31 December; the end is the day after.
    assert rec.effective_date == dt.date(2027, 1, 1)


# --- a threat under a cure period: no "keep performing" in person -------------------


def test_threat_under_a_cure_period_keeps_contact_in_writing():
    decision = decision_for(
        profession="therapy",
        signals=["behaviour_decline"],
        safety_concern=True,
        safety_level="threat",
        termination_clause="cause_only",
        cure_days=30,
        relationship_months=20,
    )
    text = decision.constraint_texts["cure_period"]
    assert "keep performing" not in text
    assert "in writing" in text and "crisis contacts" in text


# --- the cure period is a floor: the reason must not quote a notice clause -------------


def test_lengthened_for_cause_ending_does_not_quote_a_notice_clause():
    rec = rec_for(
        signals=["scope_creep", "boundary_violations"],
        remedies_tried=["frank_conversation", "boundaries_reset"],
        termination_clause="cause_only",
        cure_days=0,
        relationship_months=30,
        relationship_depth="close",
    )
    # Close, after 30 months: 45 days (close_or_relied_on), none of them a clause's.
    assert rec.notice_days == 45 and rec.notice_days_minimum == 0
    # The hidden notice_days answer (30 by default) is no clause of this contract.
    assert not any("asks for at least" in r for r in rec.reasons), rec.reasons
    assert any("only the least you may give" in r for r in rec.reasons)


# --- a client who does not answer: the next remedy is in writing ----------------------


@pytest.mark.parametrize("exhausted", ["no", "unsure"])
def test_silent_client_is_written_to_not_talked_round(exhausted):
    rec = rec_for(
        signals=["unresponsive"],
        pattern="recurring",
        remedies_tried=[],
        remedies_exhausted=exhausted,
    )
    assert rec.readiness == "repair_first"
    assert rec.next_remedy == "written_warning"


def test_silent_client_already_warned_in_writing_can_be_given_notice():
    rec = rec_for(
        signals=["unresponsive"],
        pattern="recurring",
        remedies_tried=["written_warning"],
        remedies_exhausted="yes",
    )
    assert rec.readiness == "proceed"


# --- a held notice date is not "your planned date" ----------------------------------


@pytest.mark.parametrize(
    "hold",
    [
        dict(client_in_crisis=True),
        dict(client_in_crisis=True, client_in_crisis_until=dt.date(2026, 12, 20)),
        dict(critical_period=True, critical_period_ends=dt.date(2027, 1, 15)),
    ],
)
def test_held_plan_does_not_promise_the_planned_date(hold):
    rec = rec_for(signals=["goal_misalignment"], remedies_tried=["frank_conversation"], **hold)
    assert rec.readiness == "wait" and rec.notice_date > NOTICE
    assert not any("go ahead on your planned date" in r for r in rec.reasons), rec.reasons


def test_unheld_plan_still_says_go_ahead():
    rec = rec_for(signals=["goal_misalignment"], remedies_tried=["frank_conversation"])
    assert any("go ahead on your planned date" in r for r in rec.reasons)


# --- insisted improper request with no notice period ----------------------------------


def test_same_day_withdrawal_warning_speaks_of_no_notice_period():
    rec = rec_for(
        signals=["unethical_request"],
        improper_request_insisted=True,
        has_contract=False,
        profession="accounting",  # (in care the 30-day floor now holds: review 6)
    )
    assert rec.notice_days == 0
    text = rec.warnings[rec.warning_ids.index("improper_request")]
    assert "notice period" not in text


def test_lawyer_awaiting_the_court_is_told_not_to_do_the_improper_work_meanwhile():
    rec = rec_for(
        profession="law",
        signals=["unethical_request"],
        improper_request_insisted=True,
        has_contract=False,
        court_matter_pending=True,
    )
    assert rec.effective_condition == "court_permission"
    text = rec.warnings[rec.warning_ids.index("improper_request")]
    assert "while the court decides" in text


# --- no contract: unpaid work or feeling unsafe does not earn a longer notice ---------


@pytest.mark.parametrize(
    "reason",
    [
        dict(
            signals=["payment_problems"],
            remedies_tried=["written_warning", "payment_plan"],
            outstanding_balance=9000,
        ),
        dict(
            signals=["behaviour_decline"],
            safety_concern=True,
            safety_level="uneasy",
            remedies_tried=["frank_conversation"],
        ),
    ],
)
def test_no_contract_speed_reasons_cap_the_relationship_notice_at_a_month(reason):
    rec = rec_for(has_contract=False, relationship_months=60, relationship_depth="close", **reason)
    # It used to be 90 days, where the same client under a contract got the contract's 30.
    assert rec.notice_days == 30
    assert any("does not stretch it further" in r for r in rec.reasons), rec.reasons
    # ... and no reason promises the time to adjust that a long relationship would earn.
    assert not any("time to adjust" in r for r in rec.reasons), rec.reasons


def test_no_contract_long_close_without_a_speed_reason_keeps_ninety_days():
    rec = rec_for(
        has_contract=False,
        relationship_months=60,
        relationship_depth="close",
        signals=["goal_misalignment"],
        remedies_tried=["frank_conversation"],
    )
    assert rec.notice_days == 90


def test_no_contract_clinical_floor_still_applies_when_unsafe_but_not_threatened():
    rec = rec_for(
        profession="therapy",
        has_contract=False,
        relationship_months=6,
        signals=["boundary_violations"],
        safety_concern=True,
        safety_level="uneasy",
        remedies_tried=["boundaries_reset"],
    )
    assert rec.notice_days_minimum == 30
    # 30 days from 1 December end on 31 December, in the year-end holidays: care ends on the
    # first working day after them, Monday 4 January (review 13).
    assert rec.effective_date == dt.date(2027, 1, 4)


# --- a builder owed money on a finished job: the lien clock, not the walk-off -------


def test_finished_building_job_with_money_owed_warns_of_the_lien_deadline():
    rec = rec_for(
        profession="construction",
        signals=["payment_problems"],
        engagement_status="finished",
        remedies_tried=["written_warning"],
        outstanding_balance=30000,
        relationship_months=6,
    )
    assert "construction_lien_deadline" in rec.warning_ids
    # Nobody is on site any more: the walk-off warning does not apply.
    assert "construction_stop_work" not in rec.warning_ids


def test_running_stop_work_steps_already_name_the_lien_deadline():
    rec = rec_for(
        profession="construction",
        signals=["payment_problems"],
        remedies_tried=[],
        outstanding_balance=18000,
        work_in_progress="some",
        notice_days=14,
    )
    assert "stop_work_notice" in rec.constraints
    assert "construction_lien_deadline" not in rec.warning_ids
    assert "construction_stop_work" in rec.warning_ids


# --- A builder going straight to the notice to end: the stoppage must have run first -----

BUILDER_UNPAID = dict(
    profession="construction",
    signals=["payment_problems"],
    outstanding_balance=40000,
    work_in_progress="some",
    notice_days=7,
)


def test_builder_already_warned_is_told_the_work_must_have_stood_still_first():
    rec = rec_for(**BUILDER_UNPAID, remedies_tried=["frank_conversation", "written_warning"])
    assert rec.readiness == "proceed"
    assert "construction_stoppage_first" in rec.warning_ids
    text = rec.warnings[rec.warning_ids.index("construction_stoppage_first")]
    assert "stood still" in text and "30 days" in text


def test_builder_still_to_send_the_stop_work_notice_gets_the_stoppage_in_the_plan_instead():
    rec = rec_for(**BUILDER_UNPAID, remedies_tried=["frank_conversation"])
    assert rec.readiness == "repair_first"
    assert "construction_stoppage_first" not in rec.warning_ids


# --- A hold cut short says so, not "after it ends" ------------------------------------------


def test_a_capped_critical_period_hold_does_not_claim_notice_waits_until_it_ends():
    # A critical period of more than about six months (a long programme) is not waited out.
    rec = rec_for(
        profession="accounting",
        signals=["payment_problems"],
        pattern="recurring",
        remedies_tried=["written_warning", "payment_plan"],
        critical_period=True,
        critical_period_ends=dt.date(2027, 9, 30),
        notice_date=dt.date(2026, 12, 1),
    )
    assert rec.readiness == "wait" and rec.effective_date < dt.date(2027, 9, 30)
    assert "hold_capped" in rec.warning_ids
    reason = next(r for r in rec.reasons if "critical period" in r)
    assert "after it ends" not in reason
    assert "too long to wait" in reason and "about six months" in reason


def test_an_accountant_does_not_leave_a_week_before_the_busy_season_ends():
    """AICPA practice: avoid disengaging right before a filing deadline. A tax season to
    15 April, seen in December, is waited out (notice after it), not cut at three months so
    that the client loses their accountant a week before the deadline."""
    rec = rec_for(
        profession="accounting",
        signals=["needs_beyond_expertise"],
        critical_period=True,
        critical_period_ends=dt.date(2027, 4, 15),
        notice_date=dt.date(2026, 12, 8),
    )
    assert rec.readiness == "wait" and "hold_capped" not in rec.warning_ids
    assert rec.notice_date > dt.date(2027, 4, 15) and rec.effective_date > dt.date(2027, 4, 15)
    reason = next(r for r in rec.reasons if "critical period" in r)
    assert "after it ends" in reason


@pytest.mark.parametrize(
    ("crisis_until", "said", "not_said"),
    [
        # Past about three months: cut short, so care must pass to someone before the end.
        (dt.date(2027, 5, 1), "taken over their care before the end", "until the crisis has"),
        # Within it: notice waits for the crisis to pass.
        (dt.date(2027, 1, 10), "until the crisis has passed", "taken over their care"),
    ],
)
def test_a_crisis_hold_says_how_long_it_waits(crisis_until, said, not_said):
    rec = rec_for(
        profession="healthcare",
        signals=["goal_misalignment"],
        client_in_crisis=True,
        client_in_crisis_until=crisis_until,
        remedies_tried=["frank_conversation"],
    )
    reason = next(r for r in rec.reasons if "crisis" in r)
    assert said in reason and not_said not in reason, reason
