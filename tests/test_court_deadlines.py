"""A lawyer before a court: the court decides when a withdrawal takes effect, so the plan
never moves the end to the day after a trial begins (it would fall mid-trial); the warning
names only the dates near the end and says a court may refuse so late a withdrawal; the
application asks for no end sooner than the notice promised; and after an insisted request
the letter's promise to keep acting keeps its limit."""

from __future__ import annotations

import datetime as dt
from typing import Any

from wizard.answers import Answers
from wizard.content import load_content
from wizard.plan import build_plan

TODAY = dt.date(2026, 12, 7)
UNPAID_BEFORE_COURT: dict[str, Any] = dict(
    profession="law",
    signals=["payment_problems"],
    remedies_tried=["written_warning"],
    notice_days=30,
    outstanding_balance=42000,
    court_matter_pending=True,
    notice_date=dt.date(2026, 12, 8),
)


def plan_for(**answers: Any):
    return build_plan(Answers(**answers), load_content(), today=TODAY)


def warning(plan, warning_id: str) -> str:
    rec = plan.recommendation
    return rec.warnings[rec.warning_ids.index(warning_id)]


def test_a_trial_just_after_the_end_does_not_move_the_end_into_the_trial() -> None:
    trial = {"date": dt.date(2027, 1, 19), "what": "Jury trial begins"}
    plan = plan_for(**UNPAID_BEFORE_COURT, key_deadlines=[trial])
    rec = plan.recommendation
    assert rec.effective_date == dt.date(2027, 1, 7)  # the contract's 30 days, not 20 January
    assert not any("the end moves past it" in reason for reason in rec.reasons)
    text = warning(plan, "deadline_near_end")
    assert text.startswith("Jury trial begins (Tuesday 19 January 2027): this falls")
    assert "A court may refuse a withdrawal this close to a hearing or a trial" in text


def test_the_warning_names_only_the_dates_near_the_end() -> None:
    deadlines = [
        {"date": dt.date(2027, 6, 1), "what": "Trial date"},
        {"date": dt.date(2027, 1, 7), "what": "Mediation session"},
    ]
    plan = plan_for(**UNPAID_BEFORE_COURT, key_deadlines=deadlines)
    text = warning(plan, "deadline_near_end")
    assert "Mediation session (Thursday 7 January 2027): this falls" in text
    assert "Trial date" not in text


def test_the_application_asks_for_no_end_sooner_than_the_notice_gives() -> None:
    plan = plan_for(**UNPAID_BEFORE_COURT)
    step = next(s for s in plan.timeline if s.id == "court_application")
    assert "take effect no earlier than Thursday 7 January 2027" in step.detail
    item = next(i for g in plan.checklist for i in g.items if i.id == "court_application")
    assert "no earlier than Thursday 7 January 2027" in item.text


def test_an_insisted_request_before_a_court_keeps_the_limit_on_acting() -> None:
    plan = plan_for(
        profession="law",
        signals=["unethical_request"],
        improper_request_insisted=True,
        court_matter_pending=True,
        notice_days=30,
        key_deadlines=[{"date": dt.date(2027, 1, 11), "what": "Jury trial begins"}],
        notice_date=dt.date(2026, 12, 8),
    )
    body = plan.message.body
    assert "I remain your lawyer and will protect your interests, except in what I have" in body
    assert "keep acting for you on them, within what I have told you I can properly do" in body
