"""No-fault endings and the notice the plan gives (expert review: provider's own change,
the client's business moving on, the reason naming the final notice, the professional floor
as the minimum, and the long-relationship reason only when it lengthened the notice)."""

from __future__ import annotations

import datetime as dt

from wizard.answers import Answers
from wizard.content import load_content
from wizard.engine import recommend
from wizard.plan import build_plan

TODAY = dt.date(2026, 2, 20)


def rec_for(**answers):
    return recommend(Answers(**answers), load_content(), today=TODAY)


def plan_for(**answers):
    return build_plan(Answers(**answers), load_content(), today=TODAY)


# --- the provider's own change leaves the client nothing to fix ------------------------

PROVIDER_AND_SCOPE = dict(
    signals=["provider_changes", "scope_creep"],
    pattern="one_off",
    remedies_tried=[],
    remedies_exhausted="no",
    conversation_outlook="likely",
    relationship_months=20,
    notice_date=dt.date(2026, 3, 2),
)


def test_provider_change_is_not_sent_to_repair_first():
    rec = rec_for(**PROVIDER_AND_SCOPE)
    assert rec.readiness == "proceed"
    assert rec.next_remedy is None
    assert rec.notice_date == dt.date(2026, 3, 2)
    text = " ".join(rec.reasons)
    assert "nothing for them to fix" in text
    assert "Talk it through first" not in text
    assert "not raised the problem" not in text


def test_scope_creep_alone_still_tries_a_fix_first():
    answers = {**PROVIDER_AND_SCOPE, "signals": ["scope_creep"]}
    assert rec_for(**answers).readiness == "repair_first"


# --- the reason names the notice the plan actually gives -------------------------------

# 90 days from Monday 2 March 2026 is Sunday 31 May, so the end moves to Monday 1 June.
LONG_CLOSE_CONTRACT = dict(
    signals=["goal_misalignment"],
    termination_clause="notice",
    notice_days=30,
    relationship_months=48,
    relationship_depth="close",
    client_depends_on_you=True,
    notice_date=dt.date(2026, 3, 2),
)


def test_extended_reason_names_the_final_notice():
    plan = plan_for(**LONG_CLOSE_CONTRACT)
    rec = plan.recommendation
    assert rec.effective_date == dt.date(2026, 6, 1)
    assert rec.notice_days == 91
    extended = [r for r in rec.reasons if "floor, not a target" in r]
    assert len(extended) == 1
    assert "gives 91 calendar days" in extended[0]
    assert "90 days" not in extended[0]


# --- the professional floor is the minimum even when more is given --------------------


def test_clinical_floor_is_the_minimum_without_a_contract():
    rec = rec_for(
        profession="therapy",
        signals=["provider_changes"],
        relationship_months=60,
        relationship_depth="close",
        client_depends_on_you=True,
        has_contract=False,
        termination_clause="none",
        notice_date=dt.date(2026, 3, 2),
    )
    assert rec.notice_days >= 90  # the relationship gives more than the floor
    assert rec.notice_days_minimum == 30


def test_no_floor_no_minimum_without_a_contract():
    rec = rec_for(
        signals=["provider_changes"],
        relationship_months=60,
        has_contract=False,
        termination_clause="none",
        notice_date=dt.date(2026, 3, 2),
    )
    assert rec.notice_days_minimum == 0


# --- the client's business moved on: nobody's fault, help finding someone -------------

BUSINESS_MOVED_ON = dict(
    signals=["business_changes"],
    pattern="one_off",
    remedies_tried=[],
    remedies_exhausted="no",
    conversation_outlook="unknown",
    termination_clause="notice",
    notice_days=30,
    relationship_months=36,
    relationship_depth="ongoing",
    preferred_channel="email",
    notice_date=dt.date(2026, 3, 2),
)


def test_business_moved_on_says_there_is_nothing_to_fix_and_helps_find_someone():
    plan = plan_for(**BUSINESS_MOVED_ON)
    rec = plan.recommendation
    assert rec.readiness == "proceed"
    assert rec.notice_days > 30  # in proportion to three years, beyond the contract's 30
    reasons = " ".join(rec.reasons)
    assert "nothing to fix" in reasons
    if rec.strategy != "transition":
        assert "planned hand-over" not in reasons
    body = plan.message.body
    assert "nothing you need to put right" in body
    assert "let things drift" not in body
    assert "providers who are well placed to help" in body


def test_business_moved_on_talking_points_offer_names():
    plan = plan_for(**{**BUSINESS_MOVED_ON, "preferred_channel": "video"})
    assert "offer the names of two or three providers" in plan.message.body
    letters = " ".join(m.body for m in plan.further_messages)
    assert "let things drift" not in letters
    assert "providers who are well placed to help" in letters


def test_a_client_side_problem_keeps_its_wording():
    plan = plan_for(**{**BUSINESS_MOVED_ON, "signals": ["goal_misalignment"]})
    assert "nothing you need to put right" not in plan.message.body


# --- "time to adjust" only when the relationship gave more time -----------------------

LONG_REASON = "a considered ending with time to adjust is fair"


def test_long_relationship_reason_absent_when_nothing_was_added():
    # Non-payment: the contract's notice is not extended.
    rec = rec_for(
        signals=["payment_problems"],
        pattern="recurring",
        remedies_tried=["written_warning", "payment_plan"],
        remedies_exhausted="yes",
        outstanding_balance=3000,
        termination_clause="notice",
        notice_days=30,
        relationship_months=48,
        relationship_depth="close",
        client_depends_on_you=True,
        notice_date=dt.date(2026, 3, 2),
    )
    assert rec.notice_days == 30
    assert not any(LONG_REASON in r for r in rec.reasons)


def test_long_relationship_reason_kept_when_the_notice_was_lengthened():
    rec = plan_for(**LONG_CLOSE_CONTRACT).recommendation
    assert rec.notice_days > 30
    assert any(LONG_REASON in r for r in rec.reasons)


def test_a_change_of_practice_with_another_signal_still_offers_names() -> None:
    """The provider's change is the reason given; a second signal (scope creep) does not
    take away the help to find someone suitable that the reasons promise."""
    plan = build_plan(
        Answers(
            profession="general",
            signals=["provider_changes", "scope_creep"],
            pattern="one_off",
            has_contract=True,
            notice_days=30,
            notice_date=dt.date(2026, 3, 2),
        ),
        load_content(),
        today=dt.date(2026, 2, 20),
    )
    assert "names of two or three providers" in plan.message.body
