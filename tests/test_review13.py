"""Defects found by the thirteenth review (timing and channel), each pinned by the answers
that showed it."""

from __future__ import annotations

import datetime as dt

from tests.test_review12 import flat, plan_for  # the same plan date (a Monday) and helpers
from wizard.answers import Answers
from wizard.content import load_content
from wizard.plan import build_plan


def test_a_posted_notice_runs_from_the_day_the_letter_arrives() -> None:
    # Posted Wednesday 23 December (US): it arrives on the second working day after, Monday
    # 28 December (25 December is a holiday), and the contract's 30 days run from then.
    plan = plan_for(
        jurisdiction="US", preferred_channel="letter", notice_days=30,
        signals=["goal_misalignment"], remedies_exhausted="yes", notice_date="2026-12-23",
    )  # fmt: skip
    rec = plan.recommendation
    assert rec.notice_date == dt.date(2026, 12, 23)
    assert rec.effective_date == dt.date(2027, 1, 27)
    assert rec.notice_days_minimum == 30
    assert rec.notice_days >= rec.notice_days_minimum
    body = flat(plan.message.body)
    assert "30 calendar days of notice, counted from the day this letter reaches you" in body
    assert "ends on Wednesday 27 January 2027" in body


def test_a_posted_ending_with_no_notice_ends_the_day_it_arrives_in_every_view() -> None:
    plan = plan_for(
        preferred_channel="letter", notice_days=0, signals=["goal_misalignment"],
        remedies_exhausted="yes", notice_date="2026-12-07",
    )  # fmt: skip
    assert plan.recommendation.effective_date == dt.date(2026, 12, 9)
    assert "This takes effect on the day this letter reaches you." in flat(plan.message.body)
    facts = {f.label: f.value for f in plan.facts}
    assert "it ends on Wednesday 9 December 2026, the day the letter reaches them" in str(facts)
    steps = {s.id: s for s in plan.timeline}
    assert steps["effective"].date == dt.date(2026, 12, 9)


def test_an_email_notice_still_runs_from_the_day_it_is_sent() -> None:
    plan = plan_for(
        preferred_channel="email", notice_days=30, signals=["goal_misalignment"],
        remedies_exhausted="yes", notice_date="2026-12-09",
    )  # fmt: skip
    assert plan.recommendation.effective_date == dt.date(2027, 1, 8)
    assert "reaches you" not in flat(plan.message.body)


def test_an_uneasy_provider_still_talks_to_a_close_client() -> None:
    # Safety rules out a meeting, not a conversation.
    for preferred in ("in_person", "email"):
        plan = plan_for(
            signals=["needs_beyond_expertise"], remedies_exhausted="yes",
            relationship_depth="close", relationship_months=30, safety_concern=True,
            safety_level="uneasy", preferred_channel=preferred, referral_available=True,
        )  # fmt: skip
        assert plan.recommendation.channel == "phone", preferred
        assert plan.recommendation.written_notice


def test_the_spoken_script_and_its_written_confirmation_agree_on_who_meets_a_deadline() -> None:
    plan = plan_for(
        profession="accounting", preferred_channel="in_person", relationship_depth="close",
        signals=["business_changes"], remedies_exhausted="yes", notice_date="2026-12-30",
        key_deadlines=[{"date": "2027-01-15", "what": "Q4 estimated tax payment"}],
    )  # fmt: skip
    script = flat(plan.message.body)
    confirmation = flat(plan.further_messages[0].body)
    assert "I will finish my part of the agreed work for them in time" in confirmation
    assert (
        "Name the dates before the end, which you will finish your part of the work for" in script
    )
    assert "Name the dates they must keep" not in script


def test_a_call_after_a_chosen_letter_is_confirmed_by_letter() -> None:
    plan = plan_for(
        preferred_channel="letter", relationship_depth="close", signals=["goal_misalignment"],
        remedies_exhausted="yes", notice_date="2026-12-09",
    )  # fmt: skip
    assert plan.recommendation.channel == "phone"
    assert [m.kind for m in plan.further_messages] == ["letter"]


def test_a_notice_given_by_phone_is_confirmed_in_writing_even_with_nothing_at_stake() -> None:
    plan = plan_for(
        has_contract=False, termination_clause="none", relationship_depth="transactional",
        preferred_channel="phone", signals=["goal_misalignment"], remedies_exhausted="yes",
    )  # fmt: skip
    assert plan.recommendation.channel == "phone"
    assert plan.recommendation.written_notice
    assert len(plan.further_messages) == 1


def test_a_therapist_talks_an_ending_through_in_a_session_before_writing() -> None:
    # APA 10.10(c): pre-termination counselling. By video when the therapist feels uneasy.
    for extra, channel in (
        ({}, "in_person"),
        ({"safety_concern": True, "safety_level": "uneasy"}, "video"),
    ):
        plan = plan_for(
            profession="therapy", signals=["needs_beyond_expertise"], has_contract=False,
            termination_clause="none", preferred_channel="email", **extra,
        )  # fmt: skip
        assert plan.recommendation.channel == channel, extra
        assert plan.recommendation.written_notice
        assert any("talked through in a session first" in r for r in plan.reasons)


def test_a_physician_still_writes_first() -> None:
    plan = plan_for(
        profession="healthcare", signals=["needs_beyond_expertise"], has_contract=False,
        termination_clause="none", preferred_channel="letter",
    )  # fmt: skip
    assert plan.recommendation.channel == "letter"


def test_care_does_not_end_in_the_year_end_holidays() -> None:
    # 30 days from Tuesday 24 November is Thursday 24 December: care ends on the first
    # working day after 1 January instead, and the plan says why.
    plan = build_plan(
        Answers(
            profession="healthcare", jurisdiction="US", signals=["needs_beyond_expertise"],
            has_contract=False, termination_clause="none", preferred_channel="email",
            notice_date="2026-11-24",
        ),
        load_content(),
        today=dt.date(2026, 11, 20),
    )  # fmt: skip
    assert plan.recommendation.effective_date == dt.date(2027, 1, 4)
    assert any("in the year-end holidays" in r for r in plan.reasons)
    assert "Monday 4 January 2027" in plan.message.body


def test_a_threatened_clinicians_end_is_not_held_past_the_holidays() -> None:
    plan = build_plan(
        Answers(
            profession="therapy", signals=["behaviour_decline"], safety_concern=True,
            safety_level="threat", has_contract=False, termination_clause="none",
            notice_date="2026-12-28",
        ),
        load_content(),
        today=dt.date(2026, 12, 28),
    )  # fmt: skip
    assert plan.recommendation.effective_date == dt.date(2026, 12, 28)


def test_care_notice_in_the_year_end_holidays_is_warned_about() -> None:
    plan = build_plan(
        Answers(
            profession="healthcare", jurisdiction="GB-SCT", signals=["needs_beyond_expertise"],
            has_contract=False, termination_clause="none", preferred_channel="email",
        ),
        load_content(),
        today=dt.date(2026, 12, 23),
    )  # fmt: skip
    assert plan.recommendation.notice_date == dt.date(2026, 12, 24)
    assert "year_end_notice" in plan.recommendation.warning_ids


def test_a_cure_period_in_business_days_runs_its_full_length() -> None:
    # Ten business days from Friday 18 December in Bavaria skip the weekends, Christmas,
    # St Stephen's Day and New Year's Day: the last day is Tuesday 5 January; 6 January is
    # Epiphany, so the earliest end is Thursday 7 January.
    plan = plan_for(
        jurisdiction="DE-BY", currency="EUR", signals=["payment_problems"],
        remedies_tried=["written_warning"], termination_clause="cause_only", cure_days=10,
        cure_day_kind="business", breach_summary="Invoices 3 and 4 unpaid for 60 days",
        outstanding_balance=5000, notice_date="2026-12-18",
    )  # fmt: skip
    assert plan.recommendation.effective_date == dt.date(2027, 1, 7)
    body = flat(plan.message.body)
    assert (
        "gives you 10 business days to put it right, so please do so by Tuesday 5 January 2027"
        in body
    )


def test_a_saved_file_without_the_cure_count_still_counts_calendar_days() -> None:
    plan = plan_for(
        jurisdiction="DE-BY", currency="EUR", signals=["payment_problems"],
        remedies_tried=["written_warning"], termination_clause="cause_only", cure_days=10,
        breach_summary="Invoices 3 and 4 unpaid for 60 days", outstanding_balance=5000,
        notice_date="2026-12-18",
    )  # fmt: skip
    assert "so please do so by Monday 28 December 2026" in flat(plan.message.body)
