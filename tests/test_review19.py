"""Review 19: a fix that only counts in writing (a written warning; a builder's stop-work
notice, AIA A201 §9.7) is drafted as a written message whatever channel the user prefers,
and a close client's "call first" does not turn it into a conversation. Late payment with a
payment plan already offered: a written warning next, not a talk about working hours."""

from __future__ import annotations

import pytest

from tests.test_review12 import flat, plan_for

BUILDER = dict(
    profession="construction", jurisdiction="US-NY", signals=["payment_problems"],
    pattern="recurring", remedies_tried=["written_warning"], remedies_exhausted="yes",
    work_stopped_by_notice="no", has_contract=True, termination_clause="notice",
    notice_days=7, outstanding_balance=9000, work_in_progress="some",
    relationship_months=5, relationship_depth="ongoing", client_name="Helen Price",
)  # fmt: skip

PAYER = dict(
    profession="general", signals=["payment_problems"], pattern="recurring",
    remedies_tried=["frank_conversation", "payment_plan"], remedies_exhausted="no",
    conversation_outlook="likely", relationship_depth="close", relationship_months=30,
    outstanding_balance=3000, client_name="Kim Vale",
)  # fmt: skip


@pytest.mark.parametrize("channel", ["in_person", "phone", "video"])
def test_a_builders_stop_work_notice_is_written_whatever_channel_is_preferred(channel):
    plan = plan_for(**BUILDER, preferred_channel=channel)
    rec = plan.recommendation
    assert rec.readiness == "repair_first" and rec.channel == "email"
    assert plan.message.kind == "email"
    assert "this is written notice that I will stop work" in flat(plan.message.body)
    assert any("only counts in writing" in r for r in rec.reasons)


def test_a_builder_who_prefers_letters_sends_the_stop_work_notice_by_letter():
    plan = plan_for(**BUILDER, preferred_channel="letter")
    assert plan.recommendation.channel == "letter" and plan.message.kind == "letter"


@pytest.mark.parametrize("channel", ["email", "phone"])
def test_a_close_client_gets_the_written_warning_in_writing(channel):
    plan = plan_for(**PAYER, preferred_channel=channel)
    rec = plan.recommendation
    assert rec.next_remedy == "written_warning"
    assert rec.channel == "email" and plan.message.kind == "email"
    assert "working hours" not in flat(plan.message.body)


@pytest.mark.parametrize("stopped", ["yes", "no", "unsure"])
def test_a_builder_ending_over_money_has_the_steps_checked_by_a_lawyer(stopped):
    plan = plan_for(**{**BUILDER, "work_stopped_by_notice": stopped}, preferred_channel="email")
    rec = plan.recommendation
    assert "legal_review" in rec.constraints
    must = next(c for c in plan.constraints if c.id == "legal_review")
    assert "ending for cause" in flat(must.text)


def test_a_breach_notice_does_not_promise_work_the_breach_may_prevent():
    # The breach may be the very thing that stops the work (a builder refused access to the
    # site): the notice promises to keep to the agreement, not to keep working.
    plan = plan_for(
        profession="construction", signals=["boundary_violations"], pattern="recurring",
        remedies_tried=["written_warning"], remedies_exhausted="yes", has_contract=True,
        termination_clause="cause_only", cure_days=10, work_in_progress="some",
        breach_summary="the owner has refused access to the site since 16 November",
        client_name="Helen Price",
    )  # fmt: skip
    assert "cure_period" in plan.recommendation.constraints
    body = flat(plan.message.body)
    assert "keep working" not in body
    assert "Until then I will keep to my side of our agreement as usual." in body


@pytest.mark.parametrize("contract", [True, False])
def test_a_finished_building_job_keeps_its_warranty_in_the_closing_note(contract):
    plan = plan_for(
        profession="construction", engagement_status="finished", signals=["goal_misalignment"],
        has_contract=contract, client_name="Helen Price",
    )  # fmt: skip
    body = flat(plan.message.body)
    assert "nothing more to settle" not in body
    assert "if a defect appears, please tell me in writing" in body


@pytest.mark.parametrize("profession", ["general", "law", "therapy"])
def test_a_refund_after_a_notice_period_is_the_part_not_used_with_todays_figure(profession):
    # Work (or care) goes on until the end date, so the advance is still being used: the
    # letter, the facts and the timeline promise what is unused by then, with today's figure.
    plan = plan_for(
        profession=profession, signals=["goal_misalignment"], remedies_tried=["frank_conversation"],
        remedies_exhausted="yes", pattern="recurring", has_contract=True,
        termination_clause="notice", notice_days=30, unearned_prepayment=True,
        unearned_amount=2500, client_name="Kim Vale",
    )  # fmt: skip
    assert plan.recommendation.effective_date != plan.recommendation.notice_date
    letters = flat("\n".join([plan.message.body, *(m.body for m in plan.further_messages)]))
    assert "(today $2,500.00)" in letters
    assert "refund $2,500.00" not in letters and "$2,500.00 of their advance" not in letters
    due = next(row.value for row in plan.facts if row.label == "Refund due")
    assert due.startswith("The part not used by then ($2,500.00 today)")
    if profession == "therapy":
        assert "the work up to then" not in letters  # care words, not commercial ones


def test_a_refusal_keeps_its_own_reason_for_going_in_writing():
    plan = plan_for(
        profession="general", signals=["unethical_request"], improper_request_insisted=False,
        pattern="recurring", remedies_tried=["frank_conversation"], remedies_exhausted="yes",
        conversation_outlook="likely", relationship_depth="ongoing", preferred_channel="phone",
    )  # fmt: skip
    rec = plan.recommendation
    assert rec.readiness == "repair_first" and rec.channel == "email"
    assert not any("only counts in writing" in r for r in rec.reasons)


def test_a_silent_client_s_domains_do_not_lapse_while_waiting_for_a_reply():
    plan = plan_for(
        profession="general", signals=["unresponsive"], pattern="recurring",
        remedies_tried=["frank_conversation", "written_warning"], remedies_exhausted="yes",
        client_assets=["domains_hosting"], client_name="Kim Vale",
    )  # fmt: skip
    letters = flat("\n".join([plan.message.body, *(m.body for m in plan.further_messages)]))
    assert "please tell me before" in letters and "I will keep them renewed and working" in letters
    step = next(e.detail for e in plan.timeline if e.id == "transfer_assets")
    assert "If the client has not replied, do not let anything lapse" in step
    quiet = plan_for(
        profession="general", signals=["scope_creep"], client_assets=["domains_hosting"]
    )
    assert "renewed" not in flat(quiet.message.body)
