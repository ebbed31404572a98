"""Gaps left open by reviews 13 and 15 (dates the plan itself chooses, a letter in the post,
a refusal on a holiday, a therapist's fix-first plan), and defects the sixteenth review
found in the recommendation itself (readiness when unsure, strategy under a mandatory
withdrawal or a threat), each pinned by the answers that showed it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tests.test_review12 import flat, plan_for  # the same plan date and helpers
from wizard.answers import Answers
from wizard.content import load_content
from wizard.models import Plan
from wizard.plan import build_plan


def plan_on(today: dt.date, **answers: Any) -> Plan:
    return build_plan(Answers(**answers), load_content(), today=today)


def test_a_deadline_that_passes_while_the_letter_is_in_the_post_is_not_given_to_the_client() -> (
    None
):
    # Posted Tuesday 8 December, the letter arrives on Thursday 10th: the payroll filing on
    # the 9th is the accountant's to meet, and the letter names only the tax return.
    plan = plan_for(
        profession="accounting", signals=["scope_creep"], notice_date="2026-12-08",
        preferred_channel="letter",
        key_deadlines=[
            {"date": "2026-12-09", "what": "Payroll filing"},
            {"date": "2027-04-15", "what": "Tax return"},
        ],
    )  # fmt: skip
    letter = flat(plan.message.body)
    assert "Tax return" in letter
    assert "Payroll filing" not in letter
    assert "deadline_before_notice" in plan.recommendation.warning_ids


def test_a_written_refusal_goes_on_a_public_holiday_by_email_and_waits_for_the_post_by_letter() -> (
    None
):
    christmas = dt.date(2026, 12, 25)
    answers = dict(jurisdiction="US", signals=["unethical_request"], notice_date="2027-01-05")
    emailed = plan_on(christmas, **answers, preferred_channel="email")
    items = {i.id: i for g in emailed.checklist for i in g.items}
    assert items["refuse_in_writing"].due == christmas
    assert emailed.timeline[0].date == christmas
    posted = plan_on(christmas, **answers, preferred_channel="letter")
    items = {i.id: i for g in posted.checklist for i in g.items}
    assert items["refuse_in_writing"].due == dt.date(2026, 12, 28)


def test_notice_of_ending_care_that_the_plan_dates_after_a_crisis_does_not_fall_at_year_end() -> (
    None
):
    # The crisis passes on 26 December: notice would go on Monday 28th. It waits for the
    # first working day of the new year instead, and the plan says why.
    plan = plan_for(
        profession="healthcare", jurisdiction="US", signals=["goal_misalignment"],
        client_in_crisis=True, client_in_crisis_until="2026-12-26",
        remedies_tried=["frank_conversation"], notice_date="2026-12-08",
    )  # fmt: skip
    rec = plan.recommendation
    assert rec.notice_date == dt.date(2027, 1, 4)
    assert "year_end_notice" not in rec.warning_ids
    assert any("in the year-end holidays" in reason for reason in rec.reasons)
    # A date the user chose is theirs: kept, and warned about.
    chosen = plan_for(
        profession="healthcare", jurisdiction="US", signals=["goal_misalignment"],
        remedies_tried=["frank_conversation"], notice_date="2026-12-29",
    )  # fmt: skip
    assert chosen.recommendation.notice_date == dt.date(2026, 12, 29)
    assert "year_end_notice" in chosen.recommendation.warning_ids


def test_with_no_place_of_work_a_notice_on_christmas_day_is_pointed_out() -> None:
    plan = plan_on(
        dt.date(2026, 12, 23), signals=["scope_creep"], remedies_tried=["frank_conversation"],
        remedies_exhausted="yes", termination_clause="notice", notice_days=30,
        notice_date="2026-12-25",
    )  # fmt: skip
    rec = plan.recommendation
    assert rec.notice_date == dt.date(2026, 12, 25)  # the answers contract: weekends only
    assert "unknown_holiday" in rec.warning_ids
    assert any("Friday 25 December 2026 (Christmas Day)" in w for w in rec.warnings)
    placed = plan_on(
        dt.date(2026, 12, 23), jurisdiction="US", signals=["scope_creep"],
        remedies_tried=["frank_conversation"], remedies_exhausted="yes",
        termination_clause="notice", notice_days=30, notice_date="2026-12-25",
    )  # fmt: skip
    assert "unknown_holiday" not in placed.recommendation.warning_ids


def test_a_therapists_fix_first_plan_talks_the_ending_through_before_the_written_notice() -> None:
    plan = plan_for(
        profession="therapy", jurisdiction="US", signals=["payment_problems"],
        outstanding_balance=600, remedies_exhausted="no", notice_date="2026-12-08",
    )  # fmt: skip
    assert plan.recommendation.readiness == "repair_first"
    steps = {step.id: step.date for step in plan.timeline}
    assert steps["ending_session"] == steps["give_notice"] == plan.recommendation.notice_date
    notice = plan.further_messages[0]
    assert notice.role == "exit_later"
    assert flat(notice.body).startswith("Dear [client name], This confirms in writing what I")
    # A threatened therapist writes; no session is scripted.
    threatened = plan_for(
        profession="therapy", jurisdiction="US", signals=["payment_problems"],
        outstanding_balance=600, remedies_exhausted="no", safety_concern=True,
        safety_level="threat",
    )  # fmt: skip
    assert "ending_session" not in {step.id for step in threatened.timeline}


# Review 16: the recommendation itself.


def test_unsure_after_one_fix_with_a_client_who_would_listen_tries_the_next_fix_first() -> None:
    rec = plan_for(
        signals=["payment_problems"], pattern="one_off", remedies_tried=["frank_conversation"],
        remedies_exhausted="unsure", conversation_outlook="likely", outstanding_balance=1500,
    ).recommendation  # fmt: skip
    assert rec.readiness == "repair_first"
    assert rec.next_remedy == "payment_plan"
    # Unsure, and a client expected to take it badly: the user's doubt is not a fair option.
    doubtful = plan_for(
        signals=["payment_problems"], pattern="recurring", remedies_tried=["frank_conversation"],
        remedies_exhausted="unsure", conversation_outlook="unlikely", outstanding_balance=1500,
    ).recommendation  # fmt: skip
    assert doubtful.readiness == "proceed"


def test_a_one_off_with_nothing_tried_is_talked_about_first_however_the_user_rates_it() -> None:
    rec = plan_for(
        signals=["behaviour_decline"], pattern="one_off", remedies_exhausted="yes",
        conversation_outlook="unlikely",
    ).recommendation  # fmt: skip
    assert rec.readiness == "repair_first"
    assert rec.next_remedy == "frank_conversation"


def test_a_problem_never_raised_with_a_client_who_would_listen_is_raised_first() -> None:
    rec = plan_for(
        signals=["scope_creep"], pattern="recurring", remedies_exhausted="yes",
        conversation_outlook="likely",
    ).recommendation  # fmt: skip
    assert rec.readiness == "repair_first"
    assert not any(r.startswith("You told us no fix is worth trying") for r in rec.reasons)


def test_a_withdrawal_the_client_made_mandatory_is_never_an_open_talk_and_books_no_call() -> None:
    for profession, crisis in (("general", True), ("law", False), ("accounting", False)):
        rec = plan_for(
            profession=profession, signals=["unethical_request"], improper_request_insisted=True,
            client_in_crisis=crisis, remedies_tried=["frank_conversation"],
        ).recommendation  # fmt: skip
        assert rec.strategy != "communicate"
        assert rec.follow_up_call is False


def test_after_a_threat_a_builder_or_lawyer_may_leave_quietly_and_a_therapist_still_refers() -> (
    None
):
    for profession in ("construction", "law"):
        rec = plan_for(
            profession=profession, signals=["behaviour_decline"], safety_concern=True,
            safety_level="threat",
        ).recommendation  # fmt: skip
        assert rec.strategy == "quiet_exit"
        assert "no_abandonment" in rec.constraints  # the hand-over duties still apply
    therapist = plan_for(
        profession="therapy", signals=["behaviour_decline"], safety_concern=True,
        safety_level="threat",
    ).recommendation  # fmt: skip
    assert therapist.strategy == "transition"


def test_no_reason_credits_accountants_with_a_hand_over_rule_the_sources_do_not_give() -> None:
    rec = plan_for(
        profession="accounting", signals=["scope_creep"], pattern="recurring",
        remedies_tried=["frank_conversation", "scope_or_price_change"], remedies_exhausted="yes",
        client_assets=["records"],
    ).recommendation  # fmt: skip
    assert not any("rules for accountants" in r for r in rec.reasons)
    assert rec.strategy == "communicate"


def test_a_crisis_date_already_past_is_read_as_an_unknown_end_not_as_over() -> None:
    # Review 16 read a past date as "the crisis is over"; review 18 found that this drops the
    # crisis help for a client who may still be in it (a file saved weeks ago): the end is
    # now unknown, the notice waits as for an unknown end, and a warning says why.
    rec = plan_for(
        signals=["scope_creep"], pattern="recurring", client_in_crisis=True,
        client_in_crisis_until="2026-11-20",
        remedies_tried=["frank_conversation", "scope_or_price_change"], remedies_exhausted="yes",
    ).recommendation  # fmt: skip
    assert "no_abandonment" in rec.constraints
    assert rec.readiness == "wait"
    assert "crisis_date_passed" in rec.warning_ids
    assert "crisis_end_unknown" not in rec.warning_ids  # one warning says it
    assert any("about two weeks" in r for r in rec.reasons)
    therapist = plan_for(
        profession="therapy", signals=["scope_creep"], pattern="recurring",
        client_in_crisis=True, client_in_crisis_until="2026-11-20",
        remedies_tried=["frank_conversation"], remedies_exhausted="yes",
    ).recommendation  # fmt: skip
    assert "crisis_resources" in therapist.constraints
