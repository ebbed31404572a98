"""End dates on working days, a court's permission before the file is handed over, and
deadlines that pass before notice is given (expert review items 4, 2 and 5)."""

from __future__ import annotations

import datetime as dt

import pytest

from wizard.answers import Answers
from wizard.content import load_content
from wizard.exports.calendar_file import render_ics
from wizard.plan import build_plan
from wizard.workdays import Workdays

TODAY = dt.date(2026, 2, 20)


def plan_for(**answers):
    return build_plan(Answers(**answers), load_content(), today=TODAY)


def bodies(plan) -> str:
    return "\n\n".join([plan.message.body, *(m.body for m in plan.further_messages)])


def timeline_step(plan, step_id):
    return next(step for step in plan.timeline if step.id == step_id)


def checklist_items(plan):
    return {item.id: item for group in plan.checklist for item in group.items}


# --- (4) the end date is a working day, and every view names the same one ---------------

# 90 days from Monday 2 March 2026 is Sunday 31 May; 30 days from Friday 6 March is Easter
# Sunday 5 April, and Easter Monday is a public holiday in Bavaria.
WEEKEND_END = dict(
    profession="general",
    signals=["goal_misalignment"],
    notice_days=0,
    relationship_months=48,
    relationship_depth="close",
    notice_date=dt.date(2026, 3, 2),
)
EASTER_END = dict(
    profession="general",
    jurisdiction="DE-BY",
    signals=["goal_misalignment"],
    notice_days=30,
    relationship_months=6,
    currency="EUR",
    notice_date=dt.date(2026, 3, 6),
)


@pytest.mark.parametrize(
    ("answers", "expected_end"),
    [(WEEKEND_END, dt.date(2026, 6, 1)), (EASTER_END, dt.date(2026, 4, 7))],
    ids=["sunday", "easter"],
)
def test_end_date_moves_on_to_the_next_working_day(answers, expected_end):
    plan = plan_for(**answers)
    end = plan.recommendation.effective_date
    assert end == expected_end
    assert Workdays(answers.get("jurisdiction", "")).is_business_day(end)


@pytest.mark.parametrize("answers", [WEEKEND_END, EASTER_END], ids=["sunday", "easter"])
def test_letter_timeline_checklist_and_calendar_agree_on_the_end(answers):
    plan = plan_for(**answers)
    end = plan.recommendation.effective_date
    end_text = f"{end:%A} {end.day} {end:%B %Y}"
    assert timeline_step(plan, "effective").date == end
    assert f"ends on {end_text}" in bodies(plan) or f"end date: {end_text}" in bodies(plan)
    assert end_text in checklist_items(plan)["give_notice"].text
    assert f"DTSTART;VALUE=DATE:{end:%Y%m%d}" in render_ics(plan).decode()


def test_moving_the_end_never_shortens_the_notice():
    plan = plan_for(**EASTER_END)
    rec = plan.recommendation
    assert rec.notice_days >= 30
    assert rec.notice_days_minimum == 30
    assert "holiday_moved" in rec.warning_ids


# --- (2) with a matter before the court, nothing is handed over before the court allows --

COURT_THREAT = dict(
    profession="law",
    signals=["behaviour_decline"],
    safety_concern=True,
    safety_level="threat",
    court_matter_pending=True,
    has_contract=False,
    unearned_prepayment=True,
    unearned_amount=2500,
    client_assets=["files"],
    key_deadlines=[{"date": dt.date(2026, 3, 20), "what": "Hearing on motion to dismiss"}],
    notice_date=dt.date(2026, 3, 2),
)
COURT_INSISTED = dict(
    profession="law",
    signals=["unethical_request"],
    improper_request_insisted=True,
    court_matter_pending=True,
    has_contract=False,
    client_assets=["files", "work_product"],
    outstanding_balance=5000,
    relationship_months=30,
    notice_date=dt.date(2026, 3, 2),
)


@pytest.mark.parametrize("answers", [COURT_THREAT, COURT_INSISTED], ids=["threat", "insisted"])
def test_court_letter_hands_the_file_over_only_once_the_court_allows(answers):
    plan = plan_for(**answers)
    assert plan.recommendation.effective_condition == "court_permission"
    end = plan.recommendation.effective_date
    end_text = f"{end:%A} {end.day} {end:%B %Y}"
    text = bodies(plan)
    assert f"By {end_text} I will return" not in text
    assert "Once the court allows me to withdraw, I will promptly hand over" in text
    assert "to you or to your new lawyer" in text and "as the court directs" in text
    assert "Until the court allows me to withdraw, I remain your lawyer" in text


def test_court_letter_sets_no_fixed_date_for_the_refund_or_the_final_invoice():
    text = bodies(plan_for(**COURT_THREAT))
    # The advance the work has not used by then: today's figure, not a fixed sum (review 17).
    assert "advance payment that the work up to then has not used (today $2,500.00)" in text
    assert "promptly once my withdrawal takes effect" in text
    assert "by Monday 2 March 2026." not in text
    text = bodies(plan_for(**COURT_INSISTED))
    assert "covering the work up to the day my withdrawal takes effect" in text


@pytest.mark.parametrize("answers", [COURT_THREAT, COURT_INSISTED], ids=["threat", "insisted"])
def test_court_timeline_and_checklist_hand_over_the_file_no_earlier_than_the_end(answers):
    plan = plan_for(**answers)
    end = plan.recommendation.effective_date
    ids = {step.id for step in plan.timeline}
    assert "return_records" not in ids
    assert "return_records" not in checklist_items(plan)
    step = timeline_step(plan, "hand_over_file")
    assert step.date >= end and "court" in step.title
    item = checklist_items(plan)["hand_over_file"]
    assert item.due >= end and "court allows" in item.text


def test_without_a_court_the_records_still_go_back_before_the_end():
    answers = {**COURT_THREAT, "court_matter_pending": False}
    plan = plan_for(**answers)
    end = plan.recommendation.effective_date
    assert "hand_over_file" not in {step.id for step in plan.timeline}
    # After the threat the end comes the day the letter goes: the records go back that day.
    assert end == plan.recommendation.notice_date
    assert "Today I will return your files and data" in bodies(plan)


# --- (5) a deadline that passes while notice is held is not an upcoming one -------------

# Notice waits for the critical period to end (20 March), so it goes on Monday 23 March:
# the trial on 16 March has passed by then, the hearing on 15 April has not.
HELD_FOR_TRIAL = dict(
    profession="law",
    signals=["goal_misalignment"],
    court_matter_pending=True,
    critical_period=True,
    critical_period_ends=dt.date(2026, 3, 20),
    key_deadlines=[
        {"date": dt.date(2026, 3, 16), "what": "Trial"},
        {"date": dt.date(2026, 4, 15), "what": "Costs hearing"},
    ],
    notice_days=30,
    relationship_months=14,
    notice_date=dt.date(2026, 3, 2),
)


def test_a_deadline_before_the_notice_is_not_listed_in_the_letter():
    plan = plan_for(**HELD_FOR_TRIAL)
    assert plan.recommendation.notice_date == dt.date(2026, 3, 23)
    text = bodies(plan)
    assert "Trial" not in text
    assert "Costs hearing \u2013 Wednesday 15 April 2026" in text


def test_a_deadline_before_the_notice_is_not_named_in_the_notice_step():
    plan = plan_for(**HELD_FOR_TRIAL)
    item = checklist_items(plan)["name_deadlines"]
    assert "Costs hearing" in item.text and "Trial" not in item.text
    only_trial = {**HELD_FOR_TRIAL, "key_deadlines": HELD_FOR_TRIAL["key_deadlines"][:1]}
    assert "name_deadlines" not in checklist_items(plan_for(**only_trial))


def test_the_provider_is_told_to_see_a_deadline_in_the_hold_through():
    plan = plan_for(**HELD_FOR_TRIAL)
    assert "deadline_before_notice" in plan.recommendation.warning_ids
    note = next(w for w in plan.warnings if w.startswith("Trial (Monday 16 March 2026)"))
    assert "before you give notice" in note and "acting for the client" in note
    # The provider's own record of the facts keeps every deadline.
    facts = {row.label: row.value for row in plan.facts}
    assert "Trial" in facts["The client\u2019s deadlines"]


# --- "GB" alone counts every UK nation's bank holidays ------------------------------------


def test_gb_without_a_nation_keeps_easter_monday_a_holiday():
    """The package's UK calendar without a nation holds only the days common to all four,
    which leaves out Easter Monday (a bank holiday in England, Wales and Northern Ireland).
    Counted as a working day, 10 business days from Friday 20 March 2026 would end on it."""
    easter_monday = dt.date(2026, 4, 6)
    assert not Workdays("GB").is_business_day(easter_monday)
    assert Workdays("GB").holiday_name(easter_monday) == (
        "Easter Monday (in England, Northern Ireland and Wales only)"
    )
    assert Workdays("GB-SCT").is_business_day(easter_monday), "not a holiday in Scotland"
    plan = plan_for(
        profession="general",
        jurisdiction="GB",
        signals=["goal_misalignment"],
        notice_days=10,
        notice_day_kind="business",
        relationship_months=6,
        currency="GBP",
        notice_date=dt.date(2026, 3, 20),
    )
    end = plan.recommendation.effective_date
    assert end is not None and end != easter_monday
    assert Workdays("GB-ENG").is_business_day(end)


# --- a deadline before the end is the provider's to meet -----------------------------------


def test_a_deadline_before_the_end_is_one_the_provider_sees_through():
    """Notice on 2 March, the end moved past a deadline on 15 April: the lawyer still acts
    then, so the letter says they will deal with it, not that the client must arrange it;
    a deadline after the end is still the client's to keep."""
    plan = plan_for(
        profession="law",
        jurisdiction="US-IL",
        signals=["provider_changes"],
        relationship_months=24,
        notice_date=dt.date(2026, 3, 2),
        key_deadlines=[
            {"date": dt.date(2026, 4, 15), "what": "Response to discovery requests"},
            {"date": dt.date(2026, 9, 1), "what": "Trial"},
        ],
    )
    end = plan.recommendation.effective_date
    assert end is not None and end > dt.date(2026, 4, 15)
    text = bodies(plan)
    served, _, rest = text.partition("I will deal with them for you:")
    assert rest, text
    kept_by_me, _, for_client = rest.partition("They do not move because I am withdrawing:")
    assert "Response to discovery requests" in kept_by_me
    assert "Trial" in for_client and "Response to discovery" not in for_client


def test_with_a_court_every_deadline_stays_the_clients_to_watch():
    plan = plan_for(
        profession="law",
        signals=["goal_misalignment"],
        court_matter_pending=True,
        notice_date=dt.date(2026, 3, 2),
        key_deadlines=[{"date": dt.date(2026, 3, 20), "what": "Hearing"}],
    )
    text = bodies(plan)
    assert "I will deal with them for you" not in text
    assert "They do not move because I am withdrawing" in text
