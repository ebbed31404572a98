"""Defects left from the seventh and eighth reviews and found by the ninth, each pinned by
the answers that showed it."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

from wizard.answers import Answers
from wizard.content import CONTENT_DIR, load_content
from wizard.models import Plan
from wizard.plan import build_plan

TODAY = dt.date(2026, 12, 7)  # a Monday
WEDNESDAY = dt.date(2026, 12, 9)


def plan_for(**answers: Any) -> Plan:
    return build_plan(Answers(**answers), load_content(), today=TODAY)


def step_date(plan: Plan, step_id: str) -> dt.date:
    return next(s.date for s in plan.timeline if s.id == step_id)


def checklist_due(plan: Plan) -> dict[str, dt.date]:
    return {i.id: i.due for g in plan.checklist for i in g.items}


LAWYER_IN_COURT = dict(
    profession="law", jurisdiction="GB-ENG", signals=["payment_problems"], pattern="recurring",
    remedies_tried=["written_warning"], remedies_exhausted="yes", termination_clause="notice",
    notice_days=14, outstanding_balance=3000, currency="GBP", court_matter_pending=True,
    notice_date=WEDNESDAY,
)  # fmt: skip


def test_a_posted_notice_reaches_the_client_before_the_court_is_asked() -> None:
    # Posted on Wednesday, the letter is taken to arrive on Friday (two working days): the
    # application "now that the client knows" is filed after that, not on Thursday.
    plan = plan_for(**LAWYER_IN_COURT, preferred_channel="letter")
    assert step_date(plan, "court_application") > dt.date(2026, 12, 11)
    assert checklist_due(plan)["court_application"] > dt.date(2026, 12, 11)
    step = next(s for s in plan.timeline if s.id == "court_application")
    assert "your letter has reached the client" in step.detail


def test_a_notice_by_email_still_goes_to_the_court_the_next_working_day() -> None:
    plan = plan_for(**LAWYER_IN_COURT, preferred_channel="email")
    assert step_date(plan, "court_application") == dt.date(2026, 12, 10)


def test_a_handover_letter_says_in_its_subject_that_the_work_ends() -> None:
    # "Handing over your work" read as a courtesy, not as the notice the letter gives.
    lawyer = plan_for(**LAWYER_IN_COURT, client_name="Bob Smith")
    assert lawyer.recommendation.strategy == "transition"
    assert lawyer.message.subject == (
        "Withdrawal from your matter: Bob Smith (subject to the court’s permission)"
    )
    designer = plan_for(
        signals=["needs_beyond_expertise"], pattern="recurring", remedies_exhausted="yes",
        referral_available=True, notice_date=WEDNESDAY,
    )  # fmt: skip
    assert designer.recommendation.strategy == "transition"
    assert designer.message.subject == "Ending our work together and handing it over"


def accountant_with_deadline(date: str, what: str) -> Plan:
    return plan_for(
        profession="accounting", jurisdiction="GB", signals=["scope_creep"], pattern="recurring",
        remedies_tried=["written_warning"], remedies_exhausted="yes", termination_clause="notice",
        notice_days=60, currency="GBP", notice_date=WEDNESDAY,
        key_deadlines=[{"date": date, "what": what}],
    )  # fmt: skip


def test_a_promise_to_meet_a_deadline_before_the_end_is_dated() -> None:
    # "I will finish my part in time" named no date for what the client must send, and the
    # plan had no step for it.
    plan = accountant_with_deadline("2027-01-31", "Self assessment return")
    body = plan.message.body.replace("\n", " ")
    assert "anything I still need from you for them by Thursday 21 January 2027" in body
    step = next(s for s in plan.timeline if s.id == "served_deadlines")
    assert WEDNESDAY < step.date < dt.date(2027, 1, 31)
    assert "Self assessment return (Sunday 31 January 2027)" in step.detail


def test_a_deadline_days_after_the_notice_asks_for_what_is_needed_at_once() -> None:
    plan = accountant_with_deadline("2026-12-14", "VAT return")
    body = plan.message.body.replace("\n", " ")
    assert "anything I still need from you for them as soon as you can" in body


def test_payment_problems_with_no_balance_say_why_the_letter_names_no_amount() -> None:
    answers = dict(
        signals=["payment_problems"], pattern="recurring", remedies_exhausted="yes",
        remedies_tried=["written_warning"], notice_date=WEDNESDAY,
    )  # fmt: skip
    assert "payment_no_balance" in plan_for(**answers).recommendation.warning_ids
    owed = plan_for(**answers, outstanding_balance=500)
    assert "payment_no_balance" not in owed.recommendation.warning_ids


def test_amounts_in_another_currency_than_where_the_user_works_are_pointed_out() -> None:
    # A file saved without a currency reads as US dollars: a British client got "US$" in
    # the letter with no word about it.
    answers = dict(
        jurisdiction="GB", signals=["payment_problems"], pattern="recurring",
        remedies_exhausted="yes", remedies_tried=["written_warning"], outstanding_balance=900,
        notice_date=WEDNESDAY,
    )  # fmt: skip
    dollars = plan_for(**answers)
    assert "currency_elsewhere" in dollars.recommendation.warning_ids
    said = " ".join(dollars.warnings)
    assert "in USD, but the currency where you work (United Kingdom) is GBP" in said
    pounds = plan_for(**answers, currency="GBP")
    assert "currency_elsewhere" not in pounds.recommendation.warning_ids


def test_holiday_names_borrowed_from_us_english_are_spelt_the_british_way() -> None:
    from wizard.workdays import Workdays

    assert Workdays("FR").holiday_name(dt.date(2027, 5, 1)) == "Labour Day"
    assert Workdays("US").holiday_name(dt.date(2027, 9, 6)) == "Labor Day"


def test_a_capped_hold_does_not_claim_the_notice_covers_the_rest_of_the_busy_time() -> None:
    # Held six months, then 30 days' notice: the end falls four months before the critical
    # period is over, and the reason said the notice period "has to carry them through" it.
    plan = build_plan(
        Answers(
            signals=["goal_misalignment"], remedies_tried=["frank_conversation"], notice_days=30,
            critical_period=True, critical_period_ends=dt.date(2027, 1, 1),
        ),
        load_content(),
        today=dt.date(2026, 2, 2),
    )  # fmt: skip
    assert "hold_capped" in plan.recommendation.warning_ids
    assert plan.recommendation.effective_date < dt.date(2027, 1, 1)
    reasons = " ".join(plan.reasons)
    assert "carry them through" not in reasons
    assert "plan the hand-over so that the rest of it is covered" in reasons


def test_a_lawyers_closing_letter_says_it_does_not_act_on_an_appeal() -> None:
    plan = plan_for(
        profession="law", engagement_status="finished", signals=["goal_misalignment"],
        client_assets=["records"], notice_date=WEDNESDAY,
        key_deadlines=[{"date": "2027-01-06", "what": "Deadline to file a notice of appeal"}],
    )  # fmt: skip
    body = plan.message.body.replace("\n", " ")
    assert "I am not acting for you on any further step in this matter" in body
    assert "please speak to another lawyer straight away" in body
    assert plan.message.subject == "Further work after your completed matter"


def test_a_contract_silent_on_ending_is_checked_for_a_fixed_term_first() -> None:
    plan = plan_for(
        signals=["goal_misalignment"], remedies_tried=["frank_conversation"],
        termination_clause="none", notice_date=WEDNESDAY,
    )  # fmt: skip
    assert "legal_review" in plan.recommendation.constraints
    must_do = next(c.text for c in plan.constraints if c.id == "legal_review")
    assert "fixed term" in must_do


def test_a_threat_under_a_long_contract_notice_says_the_contract_may_end_sooner() -> None:
    plan = plan_for(
        profession="therapy", signals=["boundary_violations"], safety_concern=True,
        safety_level="threat", termination_clause="notice", notice_days=60, notice_date=WEDNESDAY,
    )  # fmt: skip
    assert "threat_contract_notice" in plan.recommendation.warning_ids
    said = " ".join(plan.warnings)
    assert "can entitle you to end the contract sooner: ask a lawyer" in said


def test_a_required_withdrawal_under_a_notice_clause_says_the_clause_may_not_hold() -> None:
    # The plan keeps the contract's notice (spec: a required withdrawal shortens only a period
    # no contract fixes), so the lawyer is told to ask whether the clause binds them at all.
    plan = plan_for(
        **{**LAWYER_IN_COURT, "signals": ["unethical_request"], "outstanding_balance": 0},
        improper_request_insisted=True,
        key_deadlines=[{"date": "2026-12-16", "what": "Trial begins"}],
    )
    assert "mandatory_withdrawal" in plan.recommendation.constraints
    said = " ".join(plan.warnings)
    assert "whether the notice clause holds you that long" in said
    assert "ask the court for leave to withdraw as soon as it allows" in said


def test_records_go_back_before_the_deadline_they_are_needed_for() -> None:
    # Withdrawal required on Wednesday, the return due on Friday: the records went back the
    # Monday after, too late to file with.
    plan = plan_for(
        profession="accounting", jurisdiction="IE", signals=["unethical_request"],
        improper_request_insisted=True, remedies_tried=["frank_conversation"], notice_days=30,
        client_assets=["records"], currency="EUR", notice_date=WEDNESDAY,
        key_deadlines=[{"date": "2026-12-11", "what": "Income tax return"}],
    )  # fmt: skip
    assert step_date(plan, "return_records_promptly") < dt.date(2026, 12, 11)
    assert checklist_due(plan)["return_records_promptly"] < dt.date(2026, 12, 11)
    assert checklist_due(plan)["export_data_promptly"] < dt.date(2026, 12, 11)
    assert "by Thursday 10 December 2026" in plan.message.body.replace("\n", " ")


def test_a_lawyer_free_to_wait_is_told_a_trial_inside_the_notice_argues_for_after_it() -> None:
    plan = plan_for(
        **{**LAWYER_IN_COURT, "signals": ["goal_misalignment"], "outstanding_balance": 0},
        key_deadlines=[{"date": "2026-12-18", "what": "Trial"}],
    )
    said = " ".join(plan.warnings)
    assert "giving notice afterwards is often kinder to the client" in said
    owed = plan_for(**LAWYER_IN_COURT, key_deadlines=[{"date": "2026-12-18", "what": "Trial"}])
    assert "giving notice afterwards" not in " ".join(owed.warnings)


def test_a_warning_may_use_any_name_wizard_check_accepts(tmp_path: Path) -> None:
    # `court` is a plan text that `wizard check` accepted in a warning, while the engine
    # rendered warnings without it: the plan failed for the user instead of at load time.
    target = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, target)
    rules = target / "rules.yaml"
    text = rules.read_text("utf-8")
    old = "Send notice to {{"
    assert old in text
    rules.write_text(text.replace(old, "{{ 'In court. ' if court }}Send notice to {{", 1))
    content = load_content(target)
    answers = Answers(**{**LAWYER_IN_COURT, "signals": ["unresponsive"]})
    plan = build_plan(answers, content, today=TODAY)
    assert any(w.startswith("In court. Send notice to") for w in plan.warnings)
