"""Fifth review. A finished one-off job, declined for further work: a short, courteous note
(domain notes, "Finished one-off jobs"), not a talk and a follow-up call, and a letter that
does not name the client twice. A breach notice after a threat: contact in writing."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.test_letters_wording import letters, plan_for
from wizard.answers import Answers
from wizard.content import load_content
from wizard.engine import recommend

TODAY = dt.date(2026, 12, 7)
FINISHED = dict(engagement_status="finished", notice_date=dt.date(2026, 12, 8))


def rec_for(**answers):
    return recommend(Answers(**{**FINISHED, **answers}), load_content(), today=TODAY)


@pytest.mark.parametrize("signals", [["scope_creep"], ["goal_misalignment"], ["business_changes"]])
def test_an_ordinary_delivered_job_is_declined_with_a_short_note(signals):
    # Before: scope creep or diverging goals tied with the finished job's short note, and
    # the tie went to an open talk with a follow-up call.
    rec = rec_for(signals=signals, pattern="one_off", remedies_exhausted="no")
    assert (rec.strategy, rec.readiness, rec.notice_days) == ("quiet_exit", "proceed", 0)
    assert rec.follow_up_call is False


def test_a_long_close_client_is_still_told_in_person():
    rec = rec_for(signals=["scope_creep"], relationship_depth="close", relationship_months=36)
    assert rec.strategy == "communicate" and rec.channel == "phone"


@pytest.mark.parametrize("signals", [["needs_beyond_expertise"], ["provider_changes"]])
def test_a_client_who_needs_someone_else_is_still_handed_over(signals):
    assert rec_for(signals=signals).strategy == "transition"


@pytest.mark.parametrize(
    ("names", "thanks"),
    [
        # The greeting already names them: the thanks does not say it again.
        (dict(client_name="Lena Fischer"), "Thank you for the opportunity to work with you."),
        # A contact: greeted by name and thanked as "you" (a name alone cannot tell a
        # business from a person: "Greg Mills" with the contact "Greg").
        (
            dict(client_name="Northwind Ltd", client_contact="Mark Ode"),
            "Thank you for the opportunity to work with you.",
        ),
    ],
)
def test_the_finished_job_note_names_the_client_once(names, thanks):
    plan = plan_for(engagement_status="finished", signals=["scope_creep"], **names)
    text = letters(plan)
    assert thanks in text, text
    assert "work with you, " not in text


# --- A breach notice after a threat -----------------------------------------------------


def test_a_breach_notice_after_a_threat_keeps_contact_in_writing_not_as_usual():
    """Ending for cause lets the cure period run and keeps performing; after a threat the
    letter says every contact is in writing, not that work goes on "as usual"."""
    plan = plan_for(
        signals=["behaviour_decline"],
        safety_concern=True,
        safety_level="threat",
        termination_clause="cause_only",
        cure_days=14,
        breach_summary="Threatening messages to our staff",
    )
    text = letters(plan)
    assert "Notice of breach" in text
    assert "as usual" not in text, text
    assert "all contact between us will be in writing" in text


# --- The door left open only where it is meant --------------------------------------------


@pytest.mark.parametrize(
    "answers",
    [
        dict(signals=["payment_problems"], outstanding_balance=2300),
        dict(
            signals=["boundary_violations"],
            relationship_depth="close",
            relationship_months=40,
            pattern="occasional",
            remedies_tried=["frank_conversation"],
        ),
        dict(signals=["goal_misalignment"], tone="firm"),
    ],
)
def test_no_invitation_to_come_back_after_unpaid_bills_crossed_lines_or_in_a_firm_letter(answers):
    """A door is left open "where appropriate": not to a client who would not pay or kept
    crossing lines, and not in a letter the user wants firm."""
    plan = plan_for(**{"remedies_tried": ["written_warning"], **answers})
    # The open letter, where the door sentence lives.
    assert plan.recommendation.strategy == "communicate"
    text = letters(plan)
    assert "I wish you well" in text, text
    assert "If I can help in future" not in text


def test_a_no_fault_ending_still_leaves_the_door_open():
    plan = plan_for(signals=["goal_misalignment"], tone="neutral")
    assert "If I can help in future, you are welcome to get in touch." in letters(plan)


# --- A first silence, and an unclear contract -------------------------------------------


def test_a_first_silence_with_nothing_tried_gets_a_written_request_not_a_talk():
    """A client who has stopped answering cannot be talked round: the first step is a dated
    request in writing (the record that they were told), even the first time."""
    rec = rec_for(
        engagement_status="ongoing",
        signals=["unresponsive"],
        pattern="one_off",
        remedies_tried=[],
        remedies_exhausted="no",
    )
    assert rec.readiness == "repair_first"
    text = " ".join(rec.reasons)
    assert "Write to them instead" in text and "Talk it through first" not in text, text


def test_an_unclear_contract_reason_reads_as_a_sentence():
    rec = rec_for(
        engagement_status="ongoing", signals=["goal_misalignment"], termination_clause="unsure"
    )
    reason = next(r for r in rec.reasons if "we suggest" in r)
    opening = "You have not yet checked whether your contract sets a notice period, so "
    assert reason.startswith(opening), reason


@pytest.mark.parametrize("channel", ["email", "letter"])
@pytest.mark.parametrize("tried", [[], ["frank_conversation"]])
def test_the_written_request_to_a_silent_client_says_what_reply_is_needed_and_by_when(
    channel, tried
):
    """Not "I have raised this with you before" when nothing was tried, and not a vague
    "something that has been affecting our work": the reply needed, and its date."""
    plan = plan_for(
        signals=["unresponsive"],
        pattern="recurring" if tried else "one_off",
        remedies_tried=tried,
        remedies_exhausted="no",
        preferred_channel=channel,
    )
    assert plan.recommendation.readiness == "repair_first"
    body = plan.message.body
    assert "I have not heard back from you" in body
    assert "I need a reply from you by " in body
    assert "I have raised this with you before" not in body
    assert ("My earlier messages have gone unanswered" in body) == bool(tried)


# --- The client moves to someone in their field --------------------------------------------


# (An accountant's unpaid client is no longer a hand-over by default: review 16 found no
# source for it, and the accountant's duties are the records and the deadlines.)
@pytest.mark.parametrize(
    ("profession", "noun"),
    [
        ("law", "another lawyer"),
        ("construction", "another contractor"),
    ],
)
@pytest.mark.parametrize("channel", ["email", "letter", "phone"])
def test_the_client_is_helped_to_another_professional_of_their_field(profession, noun, channel):
    """A lawyer's client is helped to "another lawyer", not "another provider"."""
    plan = plan_for(
        profession=profession,
        signals=["payment_problems"],
        outstanding_balance=900,
        remedies_tried=["written_warning"],
        preferred_channel=channel,
    )
    assert plan.recommendation.strategy == "transition"
    text = letters(plan)
    assert noun in text, text
    assert "another provider" not in text and "three providers" not in text


def test_a_plan_with_no_notice_period_has_no_notice_period_heading():
    plan = plan_for(engagement_status="finished", signals=["scope_creep"], client_assets=["files"])
    titles = [group.title for group in plan.checklist]
    assert "During the notice period" not in titles and "Straight after" in titles, titles


def test_a_physician_ending_care_after_a_threat_speaks_of_appointments():
    plan = plan_for(
        profession="healthcare",
        signals=["behaviour_decline"],
        safety_concern=True,
        safety_level="threat",
    )
    text = letters(plan)
    assert "further appointments" in text and "sessions" not in text, text


# --- A lawyer owed money, after a warning, in the client's busy time ----------------------


def test_a_lawyer_owed_money_after_a_warning_is_not_held_for_months_by_the_clients_busy_time():
    """Model Rule 1.16(b)(5): once warned, the lawyer may withdraw over unpaid fees; the
    client's busy season does not make them work unpaid for months (a court matter still
    needs the court's permission)."""
    rec = rec_for(
        engagement_status="ongoing",
        profession="law",
        signals=["payment_problems"],
        remedies_tried=["written_warning"],
        outstanding_balance=7000,
        critical_period=True,
        critical_period_ends=dt.date(2027, 4, 30),
        court_matter_pending=True,
    )
    assert rec.readiness == "proceed" and rec.notice_date == dt.date(2026, 12, 8)
    assert rec.effective_condition == "court_permission"


def test_a_silent_client_already_warned_is_to_be_reached_not_asked_to_talk():
    """The user thinks something is still worth trying after a written warning went
    unanswered: the try is to reach the client, not a conversation as if they listened."""
    rec = rec_for(
        engagement_status="ongoing",
        signals=["unresponsive"],
        remedies_tried=["written_warning"],
        remedies_exhausted="no",
    )
    assert rec.readiness == "repair_first"
    text = " ".join(rec.reasons)
    assert "Make one more attempt to reach them" in text, text
    assert "Try a frank conversation" not in text


# --- A finished job's plan speaks of declining further work, not of giving notice --------


@pytest.mark.parametrize(
    ("profession", "act"),
    [("general", "Decline further work"), ("therapy", "Decline to resume care")],
)
def test_a_finished_jobs_plan_declines_further_work_rather_than_giving_notice(profession, act):
    plan = plan_for(
        profession=profession,
        engagement_status="finished",
        signals=["goal_misalignment"],
        has_contract=False,
    )
    assert act.lower() in plan.summary.lower() and "give notice" not in plan.summary.lower()
    assert "ending the same day" not in plan.summary
    titles = [step.title for step in plan.timeline]
    assert f"{act} by email" in titles, titles
    items = [item.text for group in plan.checklist for item in group.items]
    assert not any(text.startswith("Give notice") for text in items), items
    # Care that has already ended is not "kept going until the end date".
    assert "Keep care going until the end date." not in items
    assert "Send your note on" in [row.label for row in plan.at_a_glance]
