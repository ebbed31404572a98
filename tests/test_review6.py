"""Defects found by the sixth round of expert reviews (letters, harder cases, dates, money),
each pinned by the answers that showed it."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from wizard.answers import Answers
from wizard.content import load_content
from wizard.models import Plan
from wizard.plan import build_plan

TODAY = dt.date(2026, 12, 7)  # a Monday


def plan_for(**answers: Any) -> Plan:
    return build_plan(Answers(**answers), load_content(), today=TODAY)


FOR_CAUSE = dict(
    signals=["payment_problems"], remedies_tried=["written_warning"],
    termination_clause="cause_only",
    breach_summary="Invoices 14 and 15 unpaid 60 days past due", outstanding_balance=9000,
    notice_date=dt.date(2026, 12, 8),
)  # fmt: skip


def test_a_for_cause_ending_comes_the_day_after_the_cure_period_not_on_its_last_day() -> None:
    plan = plan_for(cure_days=14, **FOR_CAUSE)
    body = plan.message.body.replace("\n", " ")
    assert "please do so by Tuesday 22 December 2026" in body
    assert "the agreement ends on Wednesday 23 December 2026" in body
    assert plan.recommendation.effective_date == dt.date(2026, 12, 23)
    assert re.search(r"ends on Tuesday 22 December", body) is None


def test_no_cure_period_still_ends_the_day_notice_is_given() -> None:
    plan = plan_for(cure_days=0, **FOR_CAUSE)
    assert plan.recommendation.effective_date == plan.recommendation.notice_date


INSISTED_BEFORE_TRIAL = dict(
    profession="law", jurisdiction="US-NY", signals=["unethical_request"],
    improper_request_insisted=True, court_matter_pending=True,
    key_deadlines=[{"date": dt.date(2026, 12, 14), "what": "Trial"}],
    notice_date=dt.date(2026, 12, 18),
)  # fmt: skip


def test_a_mandatory_withdrawal_does_not_wait_past_a_trial_for_the_planned_date() -> None:
    plan = plan_for(**INSISTED_BEFORE_TRIAL)
    assert plan.recommendation.notice_date == dt.date(2026, 12, 8)
    assert any("after Trial (Monday 14 December 2026)" in r for r in plan.recommendation.reasons)


def test_a_mandatory_withdrawal_asks_the_court_for_the_end_the_letter_names() -> None:
    plan = plan_for(**INSISTED_BEFORE_TRIAL)
    end = "Thursday 7 January 2027"
    assert f"{end} is the earliest date" in plan.message.body.replace("\n", " ")
    step = next(s for s in plan.timeline if s.id == "court_application")
    assert f"withdraw on {end}, when your notice runs out" in step.detail


def test_a_suggested_improper_request_is_refused_at_once_not_on_the_planned_notice_date() -> None:
    plan = plan_for(
        profession="law", jurisdiction="US-NY", signals=["unethical_request"],
        improper_request_insisted=False, notice_date=dt.date(2026, 12, 25),
    )  # fmt: skip
    # "At once" is the plan date itself, a working day (review 14).
    refusal = next(s for s in plan.timeline if "Refuse" in s.title)
    assert refusal.date == dt.date(2026, 12, 7)
    assert plan.message.send_on_text == "Mon 7 Dec 2026"
    reasons = plan.recommendation.reasons
    assert any("A refusal cannot wait for the date you planned" in r for r in reasons)


def test_a_patient_who_insists_on_something_improper_keeps_30_days_of_proper_care() -> None:
    plan = plan_for(
        profession="healthcare", signals=["unethical_request"], improper_request_insisted=True,
        has_contract=False, relationship_months=48,
    )  # fmt: skip
    rec = plan.recommendation
    assert "mandatory_withdrawal" in rec.constraints
    assert rec.notice_date == dt.date(2026, 12, 8)
    assert rec.notice_days == 30
    assert "Your care with me continues until Thursday 7 January 2027" in plan.message.body


def test_an_agreed_ending_before_a_court_is_applied_for_only_once_the_client_agrees() -> None:
    plan = plan_for(
        profession="law", signals=["goal_misalignment"], termination_clause="cause_only",
        court_matter_pending=True, notice_date=dt.date(2026, 12, 8),
    )  # fmt: skip
    assert "I will apply for it once you agree" in plan.message.body.replace("\n", " ")
    steps = {s.id: s for s in plan.timeline}
    assert "court_application" not in steps
    assert steps["court_application_agreed"].date > steps["written_agreement"].date


def test_an_accountant_returns_the_clients_records_on_request_before_the_ending_is_agreed() -> None:
    # Review 10: "Whatever we agree" promised the return even if the work carried on; the
    # records go back once the ending is agreed, and sooner whenever the client asks.
    plan = plan_for(
        profession="accounting", signals=["provider_changes"], termination_clause="cause_only",
        client_assets=["records"], notice_date=dt.date(2026, 12, 8),
    )  # fmt: skip
    body = plan.message.body.replace("\n", " ")
    assert "Once we have agreed the ending, I will return the documents and records" in body
    assert "or sooner if you ask: they are yours" in body


def test_days_added_only_to_reach_a_working_day_are_not_presented_as_time_given() -> None:
    # 30 days from Thursday 10 December is Saturday 9 January: the end is Monday 11 January.
    plan = plan_for(
        signals=["scope_creep"], remedies_tried=["scope_or_price_change"],
        notice_date=dt.date(2026, 12, 10),
    )  # fmt: skip
    assert plan.recommendation.notice_days == 32
    body = plan.message.body.replace("\n", " ")
    assert "which asks for 30 calendar days of notice." in body
    assert "I am giving 32" not in body


def test_notice_lengthened_for_a_long_close_client_still_says_why() -> None:
    plan = plan_for(
        signals=["provider_changes"], relationship_months=72, relationship_depth="ongoing",
        notice_days=14, notice_date=dt.date(2026, 12, 8), preferred_channel="email",
    )  # fmt: skip
    assert "so that you have time to make other arrangements" in plan.message.body.replace(
        "\n", " "
    )


def test_crisis_help_is_dated_today_not_on_a_later_notice_day() -> None:
    plan = plan_for(
        profession="therapy", signals=["goal_misalignment"], client_in_crisis=True,
        client_in_crisis_until=dt.date(2026, 12, 20), notice_date=dt.date(2027, 1, 11),
    )  # fmt: skip
    step = next(s for s in plan.timeline if s.id == "crisis_help")
    assert step.date == TODAY
    assert plan.recommendation.notice_date >= dt.date(2027, 1, 11)


def test_a_builder_checks_the_lien_deadline_now_not_on_the_notice_day() -> None:
    plan = plan_for(
        profession="construction", signals=["payment_problems"], outstanding_balance=20000,
        remedies_tried=["written_warning"], notice_date=dt.date(2027, 2, 15),
    )  # fmt: skip
    item = next(i for g in plan.checklist for i in g.items if i.id == "lien_deadline")
    assert item.due == TODAY


def test_a_refund_still_to_work_out_after_a_same_day_end_is_promised_within_14_days() -> None:
    plan = plan_for(
        signals=["goal_misalignment"], engagement_status="finished", unearned_prepayment=True,
        notice_date=dt.date(2026, 12, 8),
    )  # fmt: skip
    assert "refund it to you within 14 days" in plan.message.body.replace("\n", " ")
    step = next(s for s in plan.timeline if s.id == "refund_worked_out")
    assert dt.date(2026, 12, 8) < step.date <= dt.date(2026, 12, 22)
    assert all(s.id != "refund" for s in plan.timeline)


def test_a_notice_sent_weeks_later_has_its_amounts_checked_on_the_day() -> None:
    plan = plan_for(
        profession="accounting", signals=["payment_problems"], outstanding_balance=2300,
        remedies_tried=["written_warning", "payment_plan"], notice_date=dt.date(2027, 4, 16),
    )  # fmt: skip
    item = next(i for g in plan.checklist for i in g.items if i.id == "check_amounts")
    assert item.due == plan.recommendation.notice_date
    assert "$2,300.00" in item.text
    soon = plan_for(
        profession="accounting", signals=["payment_problems"], outstanding_balance=2300,
        remedies_tried=["written_warning", "payment_plan"], notice_date=dt.date(2026, 12, 8),
    )  # fmt: skip
    assert all(i.id != "check_amounts" for g in soon.checklist for i in g.items)


def test_a_therapists_no_fault_ending_says_there_is_nothing_to_put_right() -> None:
    for channel in ("email", "letter", "phone"):
        plan = plan_for(
            profession="therapy", signals=["provider_changes"], remedies_exhausted="no",
            relationship_months=36, has_contract=False, preferred_channel=channel,
            notice_date=dt.date(2026, 12, 8),
        )  # fmt: skip
        drafts = " ".join(d.body for d in [plan.message, *plan.further_messages])
        assert "nothing you need to put right" in drafts.replace("\n", " "), channel


def test_a_transition_after_conduct_problems_does_not_say_the_clients_needs_moved_on() -> None:
    for channel in ("email", "letter"):
        # A lawyer (an accountant may now leave quietly: review 18).
        plan = plan_for(
            profession="law", signals=["boundary_violations"],
            remedies_tried=["boundaries_reset"], preferred_channel=channel,
            notice_date=dt.date(2026, 12, 8),
        )  # fmt: skip
        assert plan.recommendation.strategy == "transition"
        body = plan.message.body.replace("\n", " ")
        assert "what you need now" not in body, channel
        assert "no longer one I can sustain" in body, channel


def test_a_finished_job_for_a_client_in_crisis_says_help_comes_first() -> None:
    plan = plan_for(
        signals=["goal_misalignment"], engagement_status="finished", client_in_crisis=True,
        notice_date=dt.date(2026, 12, 8),
    )  # fmt: skip
    assert any("once you have pointed them, in writing, to help" in r
               for r in plan.recommendation.reasons)  # fmt: skip
    help_step = next(s for s in plan.timeline if s.id == "crisis_pointers")
    assert help_step.date < plan.recommendation.notice_date


def test_a_plan_made_on_a_saturday_does_not_ask_to_sleep_on_the_draft_before_monday() -> None:
    plan = build_plan(
        Answers(signals=["scope_creep"], notice_date=dt.date(2026, 12, 7)),
        load_content(),
        today=dt.date(2026, 12, 5),
    )
    item = next(i for g in plan.checklist for i in g.items if i.id == "finish_draft")
    assert item.due == plan.recommendation.notice_date
    assert "the next morning" not in item.text


def test_a_deadline_already_past_is_marked_so_in_the_facts() -> None:
    plan = plan_for(
        profession="accounting", signals=["business_changes"],
        key_deadlines=[{"date": dt.date(2026, 12, 1), "what": "Old filing"},
                       {"date": dt.date(2027, 1, 15), "what": "Q4 estimate"}],
    )  # fmt: skip
    fact = next(f.value for f in plan.facts if f.label == "The client’s deadlines")
    assert "Old filing – Tuesday 1 December 2026 (passed)" in fact
    assert "Q4 estimate – Friday 15 January 2027;" in fact + ";"
    assert "(passed)" not in fact.split("Q4 estimate")[1]


def test_a_planned_saturday_is_named_as_moved_where_the_reason_speaks_of_it() -> None:
    plan = plan_for(
        signals=["scope_creep"], remedies_exhausted="yes", pattern="recurring",
        notice_date=dt.date(2026, 12, 12),
    )  # fmt: skip
    assert plan.recommendation.notice_date == dt.date(2026, 12, 14)
    assert any("or rather on Monday 14 December 2026" in r for r in plan.recommendation.reasons)


def test_a_clinician_returns_what_the_client_gave_and_keeps_the_clinical_records() -> None:
    plan = plan_for(
        profession="healthcare", signals=["payment_problems"], remedies_tried=["written_warning"],
        outstanding_balance=200, client_assets=["clinical_records", "records"],
        notice_date=dt.date(2026, 12, 8),
    )  # fmt: skip
    duty = next(c.text for c in plan.constraints if c.id == "return_client_records")
    assert duty.startswith("Give back what the client gave you, even while fees are unpaid.")
    step = next(s for s in plan.timeline if s.id == "return_records")
    assert "Hand back what the client gave you" in step.detail
    assert "Keep the clinical records" in step.detail


def test_a_cure_notice_offers_other_providers_only_if_the_agreement_ends() -> None:
    plan = plan_for(
        profession="construction", signals=["payment_problems"], termination_clause="cause_only",
        cure_days=10, breach_summary="Progress payment 4 unpaid", outstanding_balance=22000,
        work_in_progress="some", remedies_tried=["written_warning"],
        notice_date=dt.date(2026, 12, 8),
    )  # fmt: skip
    drafts = " ".join(d.body for d in [plan.message, *plan.further_messages]).replace("\n", " ")
    assert "our agreement carries on as before" in drafts
    assert "If the agreement ends, I will send you the names" in drafts


def test_referrals_the_letter_promises_after_a_no_fault_ending_are_on_the_plan() -> None:
    plan = plan_for(
        signals=["business_changes"], relationship_depth="close", relationship_months=30,
        preferred_channel="email", notice_date=dt.date(2026, 12, 8),
    )  # fmt: skip
    drafts = " ".join(d.body for d in [plan.message, *plan.further_messages])
    assert "names of two or three providers" in drafts.replace("\n", " ")
    assert any(s.id == "handover" for s in plan.timeline)
    assert any(i.id == "referrals" for g in plan.checklist for i in g.items)


def test_the_deadlines_box_shows_its_format_before_anything_is_typed() -> None:
    """The example in the empty box is itself valid input (UX review 6: the format was shown
    only in the closed help or after an error)."""
    from wizard.ui.kinds import deadlines_from_text

    placeholder = load_content().question_by_id["key_deadlines"].placeholder or ""
    examples = placeholder.splitlines()[1:]
    assert len(examples) == 2
    parsed = deadlines_from_text("\n".join(examples))
    assert [d["date"] for d in parsed] == [dt.date(2027, 1, 31), dt.date(2027, 2, 15)]


def test_a_lawyers_trust_account_duty_is_named_whether_or_not_fees_are_owed() -> None:
    plan = plan_for(
        profession="law", signals=["provider_changes"], unearned_prepayment=True,
        unearned_amount=5000, notice_date=dt.date(2026, 12, 8),
    )  # fmt: skip
    duty = next(c.text for c in plan.constraints if c.id == "refund_unearned")
    assert "client trust account leaves it only as it is earned" in duty
    assert "the unearned part goes back to the client" in duty
