"""Defects found by the fifteenth review (today's timing and channel changes, tried against
each other), each pinned by the answers that showed it."""

from __future__ import annotations

import datetime as dt

from tests.test_review12 import TODAY, flat, plan_for  # the same plan date and helpers


def test_a_call_confirmed_by_post_counts_the_contracts_notice_from_the_letters_arrival() -> None:
    # Called on Tuesday 8 December, confirmed by a letter that arrives on Thursday 10th:
    # 30 days from then fall on Saturday 9 January, so the end is Monday 11 January.
    plan = plan_for(
        preferred_channel="letter", relationship_depth="close", signals=["payment_problems"],
        remedies_tried=["written_warning"], remedies_exhausted="yes", outstanding_balance=1200,
        notice_days=30, notice_date="2026-12-08",
    )  # fmt: skip
    rec = plan.recommendation
    assert rec.channel == "phone"
    assert rec.effective_date == dt.date(2027, 1, 11)
    letter = flat(plan.further_messages[0].body)
    assert "30 calendar days of notice, counted from the day this letter reaches you" in letter
    facts = {f.label: f.value for f in plan.facts}
    assert facts["Notice the plan gives"].startswith("32 calendar days, from Thursday 10 December")


def test_a_refusal_beside_a_fix_goes_today_and_in_writing() -> None:
    plan = plan_for(
        signals=["unethical_request", "scope_creep"], remedies_exhausted="no",
        preferred_channel="phone", notice_date="2026-12-20",
    )  # fmt: skip
    items = {i.id: i for g in plan.checklist for i in g.items}
    assert items["refuse_in_writing"].due == TODAY
    only = plan_for(signals=["unethical_request"], preferred_channel="phone")
    assert only.recommendation.channel == "email"
    assert only.message.kind == "email"
    assert "quiet_exit_clarity" not in only.recommendation.warning_ids


def test_a_threatened_builders_invoice_stops_at_the_same_day_in_every_view() -> None:
    plan = plan_for(
        profession="construction", signals=["behaviour_decline"], safety_concern=True,
        safety_level="threat", notice_days=30, work_in_progress="some",
        outstanding_balance=8000, notice_date="2026-12-08",
    )  # fmt: skip
    step = next(s for s in plan.timeline if s.id == "final_invoice")
    assert "up to the day you left the site" in step.detail
    assert "covering the work up to Tuesday 8 December 2026" in flat(plan.message.body)


def test_the_talking_points_promise_no_open_work_when_there_is_none() -> None:
    plan = plan_for(
        has_contract=False, termination_clause="none", relationship_depth="transactional",
        preferred_channel="phone", signals=["goal_misalignment"], remedies_exhausted="yes",
        work_in_progress="none",
    )  # fmt: skip
    assert plan.message.kind == "talking_points"
    assert "open work" not in plan.message.body


def test_care_notice_arriving_in_the_year_end_holidays_is_warned_about() -> None:
    # Posted on Tuesday 22 December, it reaches the patient on Thursday 24th.
    plan = plan_for(
        profession="healthcare", signals=["needs_beyond_expertise"], has_contract=False,
        termination_clause="none", preferred_channel="letter", notice_date="2026-12-22",
    )  # fmt: skip
    assert "year_end_notice" in plan.recommendation.warning_ids
