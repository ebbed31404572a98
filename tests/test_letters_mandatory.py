"""Mandatory withdrawal (an improper request the client insists on) and for-cause endings
with no cure period: the letter, the timeline and the checklist say the same thing.

notes.md, "Improper requests": the end is prompt, the stated reason is only "professional
considerations", and no confidential detail goes in the letter. "Ending for cause": the
cure period is the one the contract allows, so with none the termination is immediate.
"""

from __future__ import annotations

import datetime as dt

import pytest

from wizard.answers import Answers, load_answers
from wizard.content import load_content
from wizard.plan import build_plan

TODAY = dt.date(2026, 2, 20)
BREACH = "Client insists I present the backdated invoices as genuine in discovery"
PROFESSIONS = ["law", "accounting", "general", "construction", "healthcare", "therapy"]


@pytest.fixture(scope="module")
def content():
    return load_content()


def _letters(plan) -> str:
    """Every draft the client may receive, and the talking points, as one text."""
    return "\n".join([plan.message.body, *(m.body for m in plan.further_messages)])


def _insisted_cause_only(profession: str) -> Answers:
    return Answers(
        profession=profession,
        signals=["unethical_request"],
        improper_request_insisted=True,
        termination_clause="cause_only",
        cure_days=30,
        breach_summary=BREACH,
        notice_date=dt.date(2026, 3, 2),
    )


@pytest.mark.parametrize("profession", PROFESSIONS)
def test_insisted_improper_request_is_not_a_breach_with_a_cure_period(content, profession):
    plan = build_plan(_insisted_cause_only(profession), content, today=TODAY)
    rec = plan.recommendation
    assert "cure_period" not in rec.constraints
    assert "mandatory_withdrawal" in rec.constraints
    # Prompt: no cure period holds the end back; in care, the 30-day floor still does
    # (review 6: care goes on, without the improper part, while the client finds someone).
    floor = {"healthcare": 30, "therapy": 30}.get(profession, 0)
    assert rec.notice_date == dt.date(2026, 3, 2)
    assert rec.effective_date == dt.date(2026, 3, 2) + dt.timedelta(days=floor)
    text = _letters(plan)
    assert BREACH.lower() not in text.lower()
    assert "backdated" not in text
    assert "breach" not in text.lower()
    assert "put right" not in text
    assert "30 days" not in text
    assert "professional considerations" in text
    # Nothing in the plan calls the end prompt while dating it weeks away, and the breach
    # is not listed as the ground relied on.
    assert all(f.label != "Breach relied on" for f in plan.facts)
    assert all("breach set out" not in r for r in rec.reasons)
    assert all(item.id != "name_breach" for group in plan.checklist for item in group.items)


def test_lawyer_insisted_cause_only_letter_reads_as_prompt_withdrawal(content):
    plan = build_plan(_insisted_cause_only("law"), content, today=TODAY)
    body = plan.message.body
    assert "Because professional considerations require it, I will end our work together." in body
    assert "This takes effect today, Monday 2 March 2026." in body
    assert "Until then I will keep working" not in body


def _cure_zero(**extra) -> Answers:
    fields = {
        "profession": "general",
        "signals": ["scope_creep"],
        "remedies_tried": ["frank_conversation", "written_warning"],
        "termination_clause": "cause_only",
        "cure_days": 0,
        "breach_summary": "Invoices 14 and 15 unpaid for 60 days",
        "conversation_outlook": "unlikely",
        "notice_date": dt.date(2026, 3, 2),
    }
    return Answers(**{**fields, **extra})


@pytest.mark.parametrize("channel", ["email", "letter"])
def test_no_cure_period_is_an_immediate_termination_for_cause(content, channel):
    plan = build_plan(_cure_zero(preferred_channel=channel), content, today=TODAY)
    rec = plan.recommendation
    # A posted letter ends it the day it arrives, two working days on (review 13).
    arrives = {"email": rec.notice_date, "letter": dt.date(2026, 3, 4)}[channel]
    assert rec.effective_date == arrives
    body = plan.message.body
    assert "If it is not put right" not in body
    assert "unless the breach" not in body
    assert "Until then" not in body
    # A posted letter takes effect when it arrives, not on the day it is written (review 6).
    effect = {
        "email": "with immediate effect, today, Monday 2 March 2026",
        "letter": "with immediate effect, from the day this letter reaches you",
    }[channel]
    assert effect in body.replace("\n", " ")
    assert "Invoices 14 and 15 unpaid for 60 days" in body
    items = {item.id for group in plan.checklist for item in group.items}
    assert "keep_working" not in items
    assert "name_breach" in items


def test_no_cure_period_for_a_communicate_plan_is_not_conditional(content):
    answers = _cure_zero(conversation_outlook="likely")
    plan = build_plan(answers, content, today=TODAY)
    assert plan.recommendation.strategy == "communicate"
    body = plan.message.body
    assert "unless the breach set out below is put right" not in body
    assert "I am ending our work together, because of the breach set out below." in body


ACCOUNTANT = """
schema_version: 1
answers:
  profession: accounting
  jurisdiction: US-NY
  signals: [unethical_request]
  improper_request_insisted: true
  critical_period: true
  critical_period_ends: 2026-04-15
  notice_days: 30
  outstanding_balance: 2000
  client_assets: [records, work_product]
  key_deadlines: [{date: 2026-04-15, what: 'Federal income tax return'}]
  relationship_months: 60
  relationship_depth: close
  client_depends_on_you: true
  notice_date: 2026-03-16
"""


def test_accountant_mandatory_withdrawal_returns_records_promptly(content):
    plan = build_plan(load_answers(ACCOUNTANT), content, today=TODAY)
    rec = plan.recommendation
    # The date planned (16 March, in the busy season) gives way: notice on the next working
    # day, and the contract's 30 days from there.
    assert rec.notice_date == dt.date(2026, 2, 23)
    assert rec.effective_date == dt.date(2026, 3, 25)
    letter = plan.further_messages[0].body
    assert "By Wednesday 25 March 2026 I will return" not in letter
    assert (
        "I will return the documents and records you gave me promptly, by Thursday 26 February"
        " 2026, without waiting for the end of our work, whatever the state of the account."
        in letter
    )
    steps = {step.title: step.date for step in plan.timeline}
    assert steps["Return records and property promptly"] == dt.date(2026, 2, 26)
    assert "Return records and property" not in steps
    due = {item.id: item.due for group in plan.checklist for item in group.items}
    assert due["return_records_promptly"] == dt.date(2026, 2, 26)
    assert "return_records" not in due
    assert "export_data" not in due


def test_accountant_mandatory_withdrawal_warnings_do_not_say_wait_for_a_deadline(content):
    plan = build_plan(load_answers(ACCOUNTANT), content, today=TODAY)
    warnings = " ".join(plan.recommendation.warnings)
    assert "avoid leaving just before" not in warnings
    assert "cannot wait for a filing deadline" in warnings
    assert "in time" in warnings
    assert "ends the work promptly" not in " ".join(plan.recommendation.reasons)


def test_insisted_talking_points_do_not_suggest_the_clients_needs_changed(content):
    plan = build_plan(load_answers(ACCOUNTANT), content, today=TODAY)
    points = plan.message.body
    assert plan.message.kind == "talking_points"
    assert "what you need now" not in points
    assert "Professional considerations mean I cannot continue to act for you" in points
    assert "do not discuss the request itself" in points


def test_insisted_transition_letter_does_not_suggest_the_clients_needs_changed(content):
    answers = load_answers(ACCOUNTANT).model_copy(update={"preferred_channel": "letter"})
    answers = answers.model_copy(update={"relationship_depth": "regular"})
    plan = build_plan(answers, content, today=TODAY)
    assert plan.recommendation.strategy == "transition"
    assert plan.message.kind == "letter"
    assert "what you need now" not in plan.message.body
    assert "because professional considerations require it" in plan.message.body


def test_filing_deadline_warning_is_unchanged_when_ending_is_not_mandatory(content):
    answers = Answers(
        profession="accounting",
        signals=["goal_misalignment"],
        remedies_tried=["frank_conversation"],
        notice_date=dt.date(2026, 3, 2),
    )
    plan = build_plan(answers, content, today=TODAY)
    assert any("avoid leaving just before one" in w for w in plan.recommendation.warnings)


def test_a_same_day_mandatory_end_asks_for_nothing_until_an_end_date(content):
    """Ending the day notice is given: no "keep doing the agreed work until the end date"
    in the must-dos; and a lawyer is sent to a colleague, not to "a lawyer"."""
    plan = build_plan(_insisted_cause_only("law"), content, today=TODAY)
    assert plan.recommendation.effective_date == plan.recommendation.notice_date
    musts = "\n".join(c.text for c in plan.constraints)
    assert "until the end date" not in musts
    assert "Ask a lawyer" not in musts and "Have a colleague" in musts
    steps = "\n".join(step.detail for step in plan.timeline)
    assert "Ask a lawyer" not in steps
