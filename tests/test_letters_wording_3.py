"""Wording of the letters and the plan, third expert review: ending for cause while the cure
period runs, a court matter with a cure period, an improper request only suggested, the
builder's stop-work and lien steps, a finished job with money to refund, a client in crisis,
a no-fault talking point, and work product a lawyer never holds back.

Each test builds a plan from answers written out here and reads its words."""

from __future__ import annotations

from typing import Any

import pytest

# The same readers as the earlier reviews' tests: one way to build a plan and read its words.
from tests.test_letters_wording import checklist, letters, plan_for
from wizard.models import Plan


def timeline_step(plan: Plan, step_id: str) -> Any:
    return next(step for step in plan.timeline if step.id == step_id)


# --- 1. For cause with a cure period: nothing has ended yet ------------------------------

CURE = dict(
    signals=["payment_problems"],
    termination_clause="cause_only",
    cure_days=14,
    breach_summary="Invoices 14 and 15 unpaid 60 days past due",
    remedies_tried=["written_warning", "payment_plan"],
    outstanding_balance=4200,
    client_assets=["files"],
    work_in_progress="some",
)


@pytest.mark.parametrize("channel", ["email", "letter"])
def test_cure_notice_names_the_date_to_put_it_right_and_what_happens_if_it_is(
    channel: str,
) -> None:
    plan = plan_for(**CURE, preferred_channel=channel)
    text = letters(plan)
    # 14 days from the day the client has it: an email on 2 March, a letter posted then
    # arrives on 4 March (review 13).
    last_day = {"email": "Monday 16 March 2026", "letter": "Wednesday 18 March 2026"}[channel]
    assert f"please do so by {last_day}" in text
    assert "If it is put right by then, our agreement carries on as before" in text


@pytest.mark.parametrize("channel", ["email", "letter"])
def test_cure_notice_promises_nothing_for_after_an_end_that_may_not_come(channel: str) -> None:
    text = letters(plan_for(**CURE, preferred_channel=channel))
    assert "The balance due today is $4,200.00" in text
    assert "If the agreement ends, my final invoice" in text
    assert "My final invoice" not in text
    assert "If the agreement ends, I will return your files and data" in text
    # No farewell while the client can still put things right.
    assert "I wish you well with what comes next" not in text
    assert "If I can help in future" not in text


def test_cure_notice_is_titled_as_a_breach_notice_not_as_the_end() -> None:
    plan = plan_for(**CURE)
    assert plan.message.subject.startswith("Notice of breach")
    assert "Ending our work together" not in plan.message.subject


def test_cure_follow_up_call_does_not_say_the_decision_is_made() -> None:
    plan = plan_for(**CURE)
    assert plan.follow_up_script is not None
    assert "The decision is made" not in plan.follow_up_script
    assert "Monday 16 March 2026" in plan.follow_up_script


def test_cure_plan_checks_the_cure_before_treating_the_agreement_as_ended() -> None:
    plan = plan_for(**CURE)
    end = timeline_step(plan, "effective")
    assert "unless the breach was put right" in end.title
    assert "carries on" in end.detail
    assert "unless the client puts the breach right" in plan.summary


def test_cure_period_shorter_than_the_notice_gives_both_dates() -> None:
    # A long, close relationship: the end comes well after the cure period runs out.
    plan = plan_for(
        signals=["unresponsive"],
        termination_clause="cause_only",
        cure_days=30,
        breach_summary="No approvals or materials supplied since 1 January",
        remedies_tried=["frank_conversation", "written_warning"],
        relationship_months=36,
        relationship_depth="close",
    )
    assert plan.recommendation.effective_date.isoformat() > "2026-04-01"
    text = letters(plan)
    assert "please do so by Wednesday 1 April 2026" in text
    assert "by Wednesday 1 April 2026" in plan.summary


def test_therapy_cure_notice_does_not_say_care_is_ending_outright() -> None:
    plan = plan_for(
        profession="therapy",
        signals=["boundary_violations"],
        termination_clause="cause_only",
        cure_days=7,
        breach_summary="Repeated late cancellations",
        remedies_tried=["frank_conversation", "written_warning"],
    )
    text = letters(plan)
    assert "I will be ending your care with me" not in text
    assert "Unless it is put right in time, your care with me will end" in text
    # "Formal notice of a breach" is said once, in the paragraph that names it.
    assert text.count("formal notice of a breach") == 1


def test_transition_for_cause_is_not_dressed_as_a_better_fit() -> None:
    plan = plan_for(
        profession="accounting",
        signals=["unresponsive"],
        termination_clause="cause_only",
        cure_days=0,
        breach_summary="No records supplied for the year-end accounts since 1 September",
        remedies_tried=["frank_conversation", "written_warning"],
    )
    text = letters(plan)
    assert "better served by someone whose work fits" not in text
    assert "better suited to what you need now" not in text
    assert "because of the breach set out below" in text.lower()


@pytest.mark.parametrize(
    ("profession", "signal", "channel"),
    [
        ("general", "payment_problems", "in_person"),
        ("general", "payment_problems", "phone"),
        ("therapy", "boundary_violations", "video"),
    ],
)
def test_cure_talking_points_give_the_breach_and_both_dates_not_a_decision(
    profession: str, signal: str, channel: str
) -> None:
    plan = plan_for(
        **{**CURE, "signals": [signal]},
        profession=profession,
        preferred_channel=channel,
        tone="warm",
        relationship_months=40,
        relationship_depth="close",
    )
    points = plan.message
    assert points.kind == "talking_points"
    assert "set out below" not in points.body
    assert "I have decided to end our work together" not in points.body
    assert "notice of a breach: Invoices 14 and 15 unpaid 60 days past due." in points.body
    assert "put right by Monday 16 March 2026" in points.body


# --- 2. A court matter and a cure period: no application before the cure runs out ---------

COURT_CURE = dict(
    profession="law",
    signals=["payment_problems"],
    termination_clause="cause_only",
    cure_days=10,
    breach_summary="Retainer top-up not paid",
    remedies_tried=["written_warning"],
    court_matter_pending=True,
    outstanding_balance=3000,
)


def test_lawyer_applies_to_the_court_only_once_the_cure_period_has_run() -> None:
    plan = plan_for(**COURT_CURE)
    ids = [step.id for step in plan.timeline]
    assert "court_application" not in ids
    step = timeline_step(plan, "court_application_after_cure")
    assert step.date == plan.recommendation.effective_date
    text = letters(plan)
    assert "I will apply for it after this letter" not in text
    assert "only if the breach has not been put right by Thursday 12 March 2026" in text
    assert "File the application to withdraw; keep acting" not in checklist(plan)


def test_court_matter_without_a_cure_period_still_applies_straight_after_notice() -> None:
    plan = plan_for(
        profession="law",
        signals=["payment_problems"],
        remedies_tried=["written_warning"],
        court_matter_pending=True,
        outstanding_balance=3000,
    )
    step = timeline_step(plan, "court_application")
    assert step.date > plan.recommendation.notice_date
    assert "court_application_after_cure" not in [s.id for s in plan.timeline]


def test_court_summary_says_the_end_is_the_earliest() -> None:
    plan = plan_for(
        profession="law",
        signals=["payment_problems"],
        remedies_tried=["written_warning"],
        court_matter_pending=True,
        outstanding_balance=12500,
    )
    assert "at the earliest, if the court allows" in plan.summary


def test_court_deadlines_are_ones_the_lawyer_still_acts_on_until_permission() -> None:
    plan = plan_for(
        profession="law",
        signals=["payment_problems"],
        remedies_tried=["written_warning"],
        court_matter_pending=True,
        outstanding_balance=12500,
        key_deadlines=[{"date": "2026-03-20", "what": "Reply brief due"}],
    )
    text = letters(plan)
    assert "Reply brief due" in text
    assert "until the court allows me to withdraw I will keep acting for you on them" in text


# --- 3. An improper request only suggested ------------------------------------------------

SUGGESTED = dict(
    signals=["unethical_request"],
    improper_request_insisted=False,
    remedies_exhausted="no",
    pattern="one_off",
)


def test_refusal_is_titled_and_opened_as_a_refusal_not_a_point_to_settle() -> None:
    plan = plan_for(**SUGGESTED, profession="accounting")
    assert plan.recommendation.readiness == "repair_first"
    assert plan.message.subject == "Your recent request"
    assert "I am writing about what you recently asked me to do." in plan.message.body
    assert "point to settle" not in plan.message.subject


@pytest.mark.parametrize("channel", ["email", "letter"])
def test_refusal_goes_in_writing_even_when_the_first_fix_is_about_something_else(
    channel: str,
) -> None:
    plan = plan_for(
        **{**SUGGESTED, "signals": ["unethical_request", "scope_creep"]},
        profession="law",
        preferred_channel=channel,
    )
    assert plan.recommendation.next_remedy != "written_warning"
    assert "I am not able to do what you recently asked of me" in plan.message.body
    assert "raise the other problem" in timeline_step(plan, "try_remedy").detail


def test_a_suggested_request_drafts_a_refusal_and_no_notice_or_better_fit_story() -> None:
    plan = plan_for(**SUGGESTED, profession="accounting")
    text = letters(plan)
    assert plan.further_messages == []  # dropped: nothing ends; insisted: a prompt ending
    assert "I am not able to do what you" in text
    assert "better served by someone whose work fits" not in text


# --- 4. Construction: a dated stop-work notice, and the lien deadline on the checklist -----

BUILDER = dict(
    profession="construction",
    signals=["payment_problems"],
    outstanding_balance=18000,
    work_in_progress="some",
)


@pytest.mark.parametrize("channel", ["email", "letter"])
def test_stop_work_notice_names_the_day_work_stops_and_when_payment_was_due(
    channel: str,
) -> None:
    plan = plan_for(**BUILDER, preferred_channel=channel)
    assert plan.recommendation.readiness == "repair_first"
    stop = timeline_step(plan, "stop_work")
    assert stop.date_text.split()[-3:] == ["9", "Mar", "2026"]
    assert "on Monday 9 March 2026, unless the balance is paid by then" in plan.message.body
    assert "which was due on [date it was due]" in plan.message.body


def test_builder_plan_dates_the_lien_deadline_check() -> None:
    plan = plan_for(**BUILDER)
    assert "deadline for a lien or payment claim" in checklist(plan)


# --- 5. A finished job with an unearned prepayment ---------------------------------------


def test_finished_job_with_a_prepayment_refunds_it_rather_than_saying_all_is_settled() -> None:
    plan = plan_for(
        signals=["behaviour_decline"],
        engagement_status="finished",
        pattern="occasional",
        unearned_prepayment=True,
        unearned_amount=500,
        currency="CHF",
    )
    text = letters(plan)
    assert "nothing more to settle" not in text
    assert "CHF\u00a0500.00" in text
    # Within 14 days, not "by" the day the note is sent (review 17).
    assert "refund it to you within 14 days" in text


def test_finished_job_with_nothing_owed_either_way_still_says_so() -> None:
    plan = plan_for(
        signals=["behaviour_decline"], engagement_status="finished", pattern="occasional"
    )
    assert "nothing more to settle" in letters(plan)


# --- 6. A client in crisis: crisis help is a dated step before notice ---------------------


@pytest.mark.parametrize("profession", ["therapy", "healthcare"])
def test_crisis_help_is_on_the_timeline_before_notice_and_the_hold_speaks_of_care(
    profession: str,
) -> None:
    plan = plan_for(
        profession=profession,
        signals=["needs_beyond_expertise"],
        client_in_crisis=True,
        has_contract=False,
    )
    assert plan.recommendation.readiness == "wait"
    step = timeline_step(plan, "crisis_help")
    assert step.date < plan.recommendation.notice_date
    assert "crisis line" in step.detail
    hold = timeline_step(plan, "hold")
    assert "care going" in hold.detail
    assert "Keep working as agreed" not in hold.detail
    assert plan.first_step is not None and "care going" in plan.first_step


# --- 7. No-fault: the spoken hand-over says so too -----------------------------------------


def test_transition_talking_points_say_it_is_no_reflection_on_the_client() -> None:
    plan = plan_for(signals=["provider_changes"], preferred_channel="video")
    assert plan.recommendation.strategy == "transition"
    assert plan.message.kind == "talking_points"
    assert "This is no reflection on you" in plan.message.body


# --- 8. A lawyer's file is never held back for fees ----------------------------------------


def test_lawyer_plan_does_not_suggest_holding_back_work_product() -> None:
    plan = plan_for(
        profession="law",
        signals=["payment_problems"],
        remedies_tried=["written_warning"],
        outstanding_balance=12500,
        client_assets=["files", "work_product"],
    )
    assert "The work I prepared for you will be handed over with the rest" in letters(plan)
    assert "may keep work until it is paid" not in checklist(plan)


def test_designer_plan_still_checks_the_contract_before_holding_work_product() -> None:
    plan = plan_for(
        signals=["payment_problems"],
        remedies_tried=["written_warning"],
        outstanding_balance=1200,
        client_assets=["work_product"],
    )
    assert "may keep work until it is paid" in checklist(plan)
