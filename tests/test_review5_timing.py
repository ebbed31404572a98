"""Fifth review, dates: every date the plan produces, read as a careful practitioner reads
them. A planned date on a weekend or a public holiday moves on to the next working day
before anything is dated from it (the first step, the repair letter's send-on date, the
timeline and the checklist then agree, and the move is warned about); a cure period's last
day is a working day; and a builder's 30 days of stoppage run from the day work actually
stops, even when a holiday moves the stop."""

from __future__ import annotations

import datetime as dt
from typing import Any

from wizard.answers import Answers
from wizard.content import load_content
from wizard.engine import decide
from wizard.plan import build_plan
from wizard.workdays import Workdays

TODAY = dt.date(2026, 12, 7)


def plan_for(today: dt.date = TODAY, **answers: Any):
    answers.setdefault("notice_date", dt.date(2026, 12, 14))
    return build_plan(Answers(**answers), load_content(), today=today)


def step(plan, step_id: str):
    return next(s for s in plan.timeline if s.id == step_id)


def item(plan, item_id: str):
    return next(i for i in plan.recommendation.checklist if i.id == item_id)


# --- 1. A planned date on a weekend or a holiday ----------------------------------------

# The scope keeps outgrowing the agreement and the client may respond: try a fix first,
# starting on the planned date.
REPAIR = dict(signals=["scope_creep"], remedies_exhausted="no", conversation_outlook="likely")


def test_a_repair_planned_for_boxing_day_starts_on_the_next_working_day():
    # Saturday 26 December 2026 is Boxing Day; in England Monday 28 December is its
    # substitute bank holiday, so the first working day is Tuesday 29 December.
    plan = plan_for(jurisdiction="GB", notice_date=dt.date(2026, 12, 26), **REPAIR)
    rec = plan.recommendation
    assert rec.readiness == "repair_first"
    assert plan.message.send_on_text == "Tue 29 Dec 2026"
    assert "Tuesday 29 December 2026" in (plan.first_step or "")
    assert "Saturday" not in (plan.first_step or "")
    assert step(plan, "try_remedy").date == dt.date(2026, 12, 29)
    assert item(plan, "try_remedy").due == dt.date(2026, 12, 29)
    assert "holiday_moved" in rec.warning_ids


def test_a_repair_planned_for_a_plain_saturday_starts_on_monday_without_a_holiday_warning():
    plan = plan_for(notice_date=dt.date(2026, 12, 12), **REPAIR)
    assert plan.message.send_on_text == "Mon 14 Dec 2026"
    assert step(plan, "try_remedy").date == dt.date(2026, 12, 14)
    assert "holiday_moved" not in plan.recommendation.warning_ids


def test_a_past_notice_date_planned_on_a_holiday_moves_and_says_so():
    # Made on Christmas Day for a notice date already past: notice goes on the first working
    # day, Tuesday 29 December, and both the past date and the holiday are warned about.
    rec = decide(
        Answers(jurisdiction="GB", notice_date=dt.date(2026, 12, 1)),
        load_content(),
        today=dt.date(2026, 12, 25),
    ).recommendation
    assert rec.notice_date == dt.date(2026, 12, 29)
    assert {"past_notice_date", "holiday_moved"} <= set(rec.warning_ids)


def test_a_notice_date_on_a_working_day_moves_nothing_and_warns_of_nothing():
    rec = plan_for(jurisdiction="GB", notice_date=dt.date(2026, 12, 14)).recommendation
    assert rec.notice_date == dt.date(2026, 12, 14)
    assert "holiday_moved" not in rec.warning_ids


# --- 2. A cure period's last day ------------------------------------------------------------

# A contract that ends only for cause; the client has not paid, and the contract gives days
# to put that right.
FOR_CAUSE = dict(
    termination_clause="cause_only",
    breach_summary="Invoices unpaid for 90 days",
    signals=["payment_problems"],
    remedies_tried=["written_warning", "payment_plan"],
    notice_date=dt.date(2026, 12, 7),
)


def test_a_cure_period_ending_on_christmas_day_runs_to_the_next_working_day():
    # 18 days from Monday 7 December is Friday 25 December: no client is asked to pay on
    # Christmas Day; in England the next working day is Tuesday 29 December.
    plan = plan_for(jurisdiction="GB", cure_days=18, **FOR_CAUSE)
    rec = plan.recommendation
    assert "by Tuesday 29 December 2026" in plan.message.body.replace("\n", " ")
    assert "25 December" not in plan.message.body
    assert "holiday_moved" in rec.warning_ids
    # What the contract asks is still 18 days to put it right, so the end on day 19 at the
    # earliest; the plan gives more, and ends the day after the moved last day.
    assert rec.notice_days_minimum == 19
    assert rec.effective_date == dt.date(2026, 12, 30)
    assert Workdays("GB").is_business_day(rec.effective_date)


def test_a_cure_period_ending_on_a_saturday_runs_to_monday():
    plan = plan_for(cure_days=5, **FOR_CAUSE)
    body = plan.message.body.replace("\n", " ")
    assert "by Monday 14 December 2026" in body
    assert "Saturday" not in body
    assert "holiday_moved" not in plan.recommendation.warning_ids


# --- 3. A builder's stop-work notice, then 30 days stopped ----------------------------------

# A builder owed money, no stop-work notice sent yet: the stop-work notice first, work stops
# seven days later, and the notice to end comes once the work has stood still 30 days.
UNPAID_BUILDER = dict(
    profession="construction",
    signals=["payment_problems"],
    outstanding_balance=18000,
    work_in_progress="some",
    notice_days=14,
)


def test_a_stop_moved_past_christmas_still_leaves_30_days_stopped_before_notice_to_end():
    # Seven days from Friday 18 December is Christmas Day; in Victoria the 26th and the
    # Monday after are holidays too, so work stops on Tuesday 29 December, and the notice
    # to end may follow only once it has stood still 30 days from then.
    plan = plan_for(jurisdiction="AU-VIC", notice_date=dt.date(2026, 12, 18), **UNPAID_BUILDER)
    rec = plan.recommendation
    stop = step(plan, "stop_work").date
    assert stop == dt.date(2026, 12, 29)
    assert rec.notice_date >= stop + dt.timedelta(days=30)
    body = plan.message.body.replace("\n", " ")
    assert "Tuesday 29 December 2026" in body
    assert "seven days from today, on Tuesday 29 December" not in body


def test_a_stop_on_an_ordinary_day_keeps_the_usual_dates_and_words():
    plan = plan_for(notice_date=dt.date(2026, 12, 14), **UNPAID_BUILDER)
    rec = plan.recommendation
    assert step(plan, "stop_work").date == dt.date(2026, 12, 21)
    assert rec.notice_date == dt.date(2027, 1, 20)
    assert "stop work seven days from today, on Monday 21 December 2026" in plan.message.body


# --- 4. A clinician's letter names the client's dates too -----------------------------------

CARE_WITH_DATES = dict(
    signals=["boundary_violations"],
    remedies_tried=["boundaries_reset", "written_warning"],
    notice_date=dt.date(2026, 12, 8),
    key_deadlines=[
        {"date": dt.date(2026, 12, 18), "what": "Benefit claim form due"},
        {"date": dt.date(2027, 3, 1), "what": "Insurance authorisation renewal"},
    ],
)


def test_a_care_letter_names_the_dates_the_plan_says_to_name():
    for profession in ("healthcare", "therapy"):
        plan = plan_for(profession=profession, **CARE_WITH_DATES)
        assert "name_deadlines" in [i.id for i in plan.recommendation.checklist]
        body = plan.message.body
        assert "Benefit claim form due – Friday 18 December 2026" in body, profession
        assert "Insurance authorisation renewal – Monday 1 March 2027" in body, profession
        # Care words, not a job's.
        assert "agreed work" not in body and "approvals" not in body


# --- 5. Two things going on at once are waited out together, not one after the other -------


def test_a_crisis_and_a_critical_period_of_unknown_length_are_waited_out_together():
    # Both are going on now: the crisis is assumed to pass in about two weeks and the
    # critical period to end in about a month, so notice waits about a month from the
    # planned date, not two weeks and then a month more.
    rec = plan_for(
        client_in_crisis=True, critical_period=True, notice_date=dt.date(2026, 12, 8)
    ).recommendation
    assert rec.readiness == "wait"
    assert rec.notice_date == dt.date(2027, 1, 7)
    assert {"crisis_end_unknown", "critical_end_unknown"} <= set(rec.warning_ids)


def test_a_critical_period_of_unknown_length_is_not_counted_from_the_end_of_a_known_crisis():
    # The crisis passes on 15 January; the critical period, going on now, is assumed to
    # end about a month from the planned date, well before. Notice follows the crisis.
    rec = plan_for(
        client_in_crisis=True,
        client_in_crisis_until=dt.date(2027, 1, 15),
        critical_period=True,
        notice_date=dt.date(2026, 12, 8),
    ).recommendation
    assert rec.notice_date == dt.date(2027, 1, 18)


# --- 6. A fix is reviewed when its window ends, not after a hold -----------------------------

# A payment plan to offer first, and the client's busy season holding notice until April.
# A late payer who owes nothing today: one who owes money now no longer holds the notice
# back over the client's busy time (tests/test_review5_money.py), whatever the profession.
HELD_REPAIR: dict[str, Any] = dict(
    profession="accounting",
    jurisdiction="US",
    signals=["payment_problems"],
    outstanding_balance=0,
    remedies_exhausted="no",
    critical_period=True,
    critical_period_ends=dt.date(2027, 4, 15),
    notice_date=dt.date(2026, 12, 8),
)


def test_a_fix_tried_before_a_long_hold_is_reviewed_at_the_end_of_its_own_window():
    # A payment plan offered on Tuesday 8 December is reviewed when its three weeks run out
    # (two days before Tuesday 29 December: back past the weekend and Christmas Day, to
    # Thursday 24 December), not in April after the client's busy season has held the
    # notice back.
    plan = plan_for(**HELD_REPAIR)
    rec = plan.recommendation
    assert rec.readiness == "repair_first" and rec.notice_date == dt.date(2027, 4, 16)
    assert step(plan, "review_remedy").date == dt.date(2026, 12, 24)
    assert "2027" not in (plan.message.subject or "")
    assert "by Thursday 24 December 2026" in plan.message.body.replace("\n", " ")
    # The notice kept ready is still for the date the hold gives.
    assert plan.further_messages[0].send_on_text == "Fri 16 Apr 2027"


def test_without_a_hold_the_review_is_two_working_days_before_notice_as_before():
    plan = plan_for(
        signals=["payment_problems"],
        outstanding_balance=3000,
        remedies_exhausted="no",
        notice_date=dt.date(2026, 12, 8),
    )
    assert plan.recommendation.notice_date == dt.date(2026, 12, 29)
    assert step(plan, "review_remedy").date == dt.date(2026, 12, 25)


# --- 7. "Soon after the end" counts from the end the plan gives ------------------------------


def test_a_deadline_soon_after_an_end_moved_past_christmas_is_warned_about():
    # 30 days from Wednesday 25 November is Christmas Day; in England the end moves to
    # Tuesday 29 December, and a relaunch on Monday 11 January is then 13 days after it.
    rec = plan_for(
        today=dt.date(2026, 11, 20),
        jurisdiction="GB",
        notice_date=dt.date(2026, 11, 25),
        key_deadlines=[{"date": dt.date(2027, 1, 11), "what": "Website relaunch"}],
    ).recommendation
    assert rec.effective_date == dt.date(2026, 12, 29)
    assert "deadline_near_end" in rec.warning_ids


def test_a_deadline_well_after_the_end_is_not_warned_about():
    rec = plan_for(
        jurisdiction="GB",
        notice_date=dt.date(2026, 12, 8),
        key_deadlines=[{"date": dt.date(2027, 1, 25), "what": "Website relaunch"}],
    ).recommendation
    assert rec.effective_date == dt.date(2027, 1, 7)
    assert "deadline_near_end" not in rec.warning_ids


def test_the_first_step_reviews_the_fix_on_the_same_day_as_the_timeline():
    plan = plan_for(**HELD_REPAIR)
    first = plan.first_step or ""
    assert "Review the result by Thursday 24 December 2026" in first
    assert "Notice is planned for Friday 16 April 2027" in first


# --- 8. A contract with no notice period does not make a regulated ending same-day ---------


def test_a_lawyer_or_accountant_gives_reasonable_notice_even_when_the_contract_asks_none():
    # ABA Model Rule 1.16(d): reasonable notice and time to find other counsel, whatever the
    # engagement letter says; an accountant likewise does not leave a client stranded.
    for profession in ("law", "accounting"):
        rec = plan_for(
            profession=profession, notice_days=0, notice_date=dt.date(2026, 12, 8)
        ).recommendation
        assert rec.effective_date == dt.date(2027, 1, 7), profession
        assert rec.notice_days_minimum == 0
        assert "professional rules still expect reasonable notice" in " ".join(rec.reasons)


def test_a_freelancer_whose_contract_asks_no_notice_may_still_end_the_same_day():
    rec = plan_for(notice_days=0, notice_date=dt.date(2026, 12, 8)).recommendation
    assert rec.effective_date == dt.date(2026, 12, 8)


# --- 9. Where the weekend is Friday and Saturday -------------------------------------------


def test_in_israel_friday_is_not_a_working_day_and_sunday_is():
    wd = Workdays("IL")
    assert not wd.is_business_day(dt.date(2026, 12, 11))  # a Friday
    assert wd.is_business_day(dt.date(2026, 12, 13))  # a Sunday
    # Notice planned for a Friday is given on the Sunday; ten business days count Sunday to
    # Thursday.
    rec = plan_for(
        jurisdiction="IL",
        notice_date=dt.date(2026, 12, 11),
        notice_days=10,
        notice_day_kind="business",
    ).recommendation
    assert rec.notice_date == dt.date(2026, 12, 13)
    assert rec.effective_date == dt.date(2026, 12, 27)


def test_without_a_jurisdiction_the_weekend_is_saturday_and_sunday():
    wd = Workdays("")
    assert wd.is_business_day(dt.date(2026, 12, 11))
    assert not wd.is_business_day(dt.date(2026, 12, 13))


# --- 10. While the client may still put a breach right, money moves only if it ends -------


def test_a_refund_and_final_invoice_wait_for_the_cure_period_like_the_letter_says():
    plan = plan_for(
        cure_days=14,
        unearned_prepayment=True,
        unearned_amount=800,
        work_in_progress="some",
        **{**FOR_CAUSE, "notice_date": dt.date(2026, 12, 8)},
    )
    note = "Only if the breach was not put right by Tuesday 22 December 2026."
    # After "If the agreement ends, … final invoice … will follow." (review 19: one "if"
    # for both, not the same opening twice in a row).
    assert "In that case I will also refund" in plan.message.body
    assert note in step(plan, "refund").detail
    assert note in item(plan, "refund_unearned").text
    assert note in item(plan, "final_invoice").text
