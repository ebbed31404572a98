"""Defects found by the thirteenth review (timing and channel), each pinned by the answers
that showed it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from wizard.answers import Answers
from wizard.content import load_content
from wizard.models import Plan
from wizard.plan import build_plan

TODAY = dt.date(2026, 12, 7)  # a Monday


def plan_for(**answers: Any) -> Plan:
    return build_plan(Answers(**answers), load_content(), today=TODAY)


def flat(text: str) -> str:
    return " ".join(text.split())


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
