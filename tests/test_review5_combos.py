"""Fifth expert review: several things true at once. A no-fault signal next to a problem the
client could put right, needs beyond the provider's skills next to a problem the client
could fix, a builder who must withdraw or was threatened while also unpaid, a contract whose
terms the user has not checked, and a threat with a call or meeting preferred.

Each test builds a recommendation from answers written out here and reads its fields and
words."""

from __future__ import annotations

import datetime as dt

import pytest

from wizard.answers import Answers
from wizard.content import load_content
from wizard.engine import recommend

TODAY = dt.date(2026, 12, 7)
NOTICE = dt.date(2026, 12, 14)


def rec_for(**answers):
    answers.setdefault("notice_date", NOTICE)
    return recommend(Answers(**answers), load_content(), today=TODAY)


# --- 1. The client's business changed, and the client also creeps the scope ----------------

# The user says something is still worth trying and nothing has been tried: the plan sends
# them to renegotiate first, so no reason may tell them the client has nothing to fix.
BUSINESS_AND_SCOPE = dict(
    signals=["business_changes", "scope_creep"],
    remedies_tried=[],
    remedies_exhausted="no",
)


def test_business_change_with_scope_creep_does_not_say_there_is_nothing_to_fix():
    rec = rec_for(**BUSINESS_AND_SCOPE)
    assert rec.readiness == "repair_first"
    text = " ".join(rec.reasons)
    assert "nothing to fix" not in text, rec.reasons


def test_business_change_alone_still_says_there_is_nothing_to_fix():
    rec = rec_for(**{**BUSINESS_AND_SCOPE, "signals": ["business_changes"]})
    assert rec.readiness == "proceed"
    assert any("nothing to fix" in r for r in rec.reasons), rec.reasons


# --- 2. Needs beyond the provider's skills, and a problem the client could fix ------------

# The client needs skills the provider does not offer, so the ending comes whatever the
# client does about the other problem: a repair attempt first only delays the hand-over.
# (As with the provider's own change, there is nothing the client could fix to keep it.)
BEYOND_AND = {
    "silent": dict(signals=["needs_beyond_expertise", "unresponsive"], remedies_exhausted="unsure"),
    "scope_once": dict(
        signals=["needs_beyond_expertise", "scope_creep"],
        pattern="one_off",
        remedies_exhausted="no",
        conversation_outlook="likely",
    ),
    "late_payer": dict(
        signals=["needs_beyond_expertise", "payment_problems"], remedies_exhausted="no"
    ),
    "crossed_lines": dict(
        profession="therapy",
        signals=["needs_beyond_expertise", "boundary_violations"],
        remedies_exhausted="unsure",
    ),
}


@pytest.mark.parametrize("case", sorted(BEYOND_AND))
def test_needs_beyond_skills_hands_over_without_a_repair_attempt(case):
    rec = rec_for(remedies_tried=[], **BEYOND_AND[case])
    assert rec.strategy != "quiet_exit"
    assert rec.readiness == "proceed", rec.reasons
    assert rec.next_remedy is None
    assert rec.notice_date == NOTICE
    text = " ".join(rec.reasons)
    assert "Talk it through first" not in text
    assert "not raised the problem" not in text


def test_a_problem_the_client_can_fix_alone_still_tries_a_fix_first():
    rec = rec_for(remedies_tried=[], **{**BEYOND_AND["scope_once"], "signals": ["scope_creep"]})
    assert rec.readiness == "repair_first"


def test_a_lawyer_still_warns_before_withdrawing_over_unpaid_fees():
    # Model Rule 1.16(b)(5): where the withdrawal rests on the fees, the warning comes first.
    rec = rec_for(
        profession="law",
        remedies_tried=[],
        signals=["payment_problems", "scope_creep"],
        remedies_exhausted="yes",
    )
    assert rec.readiness == "repair_first" and rec.next_remedy == "written_warning"


# --- 3. A contract the user has not read yet -----------------------------------------------


@pytest.mark.parametrize("months", [1, 6, 18, 40])
def test_unchecked_terms_give_a_notice_reason_that_reads_as_a_sentence(months):
    rec = rec_for(
        signals=["goal_misalignment"],
        remedies_tried=["frank_conversation"],
        termination_clause="unsure",
        relationship_months=months,
    )
    reason = next(r for r in rec.reasons if "we suggest" in r or "a week is" in r)
    # Not "Until you have checked what your contract says, so we suggest ...".
    assert not reason.startswith("Until"), reason
    assert "contract" in reason


# --- 4. A builder who is unpaid, and must withdraw or was threatened -----------------------

# The end rests on the withdrawal or the threat, not on the non-payment, so the plan must not
# tell the builder to hold the notice back until the work has stood still for 30 days.
BUILDER_UNPAID = dict(
    profession="construction",
    outstanding_balance=40000,
    work_in_progress="some",
    remedies_tried=["written_warning"],
)


@pytest.mark.parametrize(
    "urgent",
    [
        dict(signals=["payment_problems", "unethical_request"], improper_request_insisted=True),
        dict(signals=["payment_problems", "behaviour_decline"], safety_concern=True),
    ],
    ids=["insisted_improper", "threatened"],
)
def test_an_urgent_builder_is_not_told_to_move_the_notice_date(urgent):
    rec = rec_for(**BUILDER_UNPAID, **urgent)
    assert rec.readiness == "proceed"
    assert "stop_work_notice" in rec.constraints
    assert "construction_stoppage_first" not in rec.warning_ids
    assert not any("move the notice date" in w for w in rec.warnings), rec.warnings


def test_an_unpaid_builder_alone_is_still_told_the_work_must_have_stood_still():
    rec = rec_for(**BUILDER_UNPAID, signals=["payment_problems"])
    assert "construction_stoppage_first" in rec.warning_ids


@pytest.mark.parametrize(
    "urgent",
    [
        dict(signals=["payment_problems", "unethical_request"], improper_request_insisted=True),
        dict(signals=["payment_problems", "behaviour_decline"], safety_concern=True),
    ],
    ids=["insisted_improper", "threatened"],
)
def test_an_urgent_builder_without_a_contract_is_not_held_to_the_non_payment_steps(urgent):
    # With no contract, a withdrawal or a threat ends the work when notice is given; the
    # further notice a building contract asks before ending over non-payment does not apply.
    rec = rec_for(**BUILDER_UNPAID, has_contract=False, **urgent)
    assert rec.effective_date == rec.notice_date, rec.reasons
    assert not any("over non-payment" in r for r in rec.reasons), rec.reasons


# --- 5. A threat, with a call, video or meeting preferred ----------------------------------


# After a threat the reason for writing is the user's safety, whatever else would also have
# moved the channel (a quiet exit, a silent client, a transactional relationship).
@pytest.mark.parametrize("channel", ["phone", "video", "in_person"])
@pytest.mark.parametrize(
    "case",
    [
        dict(signals=["behaviour_decline"]),
        dict(signals=["behaviour_decline", "unresponsive"], profession="law"),
        dict(
            signals=["boundary_violations"],
            profession="therapy",
            relationship_depth="transactional",
        ),
    ],
    ids=["quiet_exit", "silent_client", "transactional"],
)
def test_after_a_threat_the_channel_reason_is_safety(case, channel):
    rec = rec_for(
        safety_concern=True,
        safety_level="threat",
        preferred_channel=channel,
        remedies_tried=["frank_conversation"],
        **case,
    )
    assert rec.channel in ("email", "letter")
    text = " ".join(rec.reasons)
    assert "unsafe" in text or "threat" in text, rec.reasons
    assert "invites the debate" not in text, rec.reasons
    assert "has not been answering" not in text, rec.reasons
    assert "transactional relationship an email is enough" not in text, rec.reasons


# --- 6. A finished course of care or job, and a client in crisis --------------------------


# Nothing is running to be ended: the client asked for more and is in crisis. Waiting two
# weeks to answer leaves them without a reply; the answer goes now, with crisis help and
# referrals (the crisis_resources constraint), and no step tells the user to keep care going.
@pytest.mark.parametrize("profession", ["therapy", "healthcare", "general"])
def test_a_finished_engagement_is_not_held_for_a_crisis(profession):
    from wizard.plan import build_plan

    answers = Answers(
        profession=profession,
        engagement_status="finished",
        signals=["goal_misalignment"],
        client_in_crisis=True,
        has_contract=False,
        notice_date=NOTICE,
    )
    plan = build_plan(answers, load_content(), today=TODAY)
    rec = plan.recommendation
    assert rec.readiness == "proceed", rec.reasons
    assert rec.notice_date == NOTICE
    assert "crisis_end_unknown" not in rec.warning_ids
    assert not any("notice waits" in r for r in rec.reasons), rec.reasons
    assert not any("going as agreed" in step.detail for step in plan.timeline)
    if profession != "general":
        assert "crisis_resources" in rec.constraints


# --- 7. A client who has stopped answering, with nothing tried yet --------------------------

SILENT = dict(signals=["unresponsive"], remedies_tried=[])


def test_a_silent_client_once_is_written_to_not_talked_to():
    # "A client who does not answer cannot hold a conversation": the first step is a dated
    # request in writing, not "talk it through first".
    rec = rec_for(**SILENT, pattern="one_off", remedies_exhausted="no")
    assert rec.readiness == "repair_first"
    assert rec.next_remedy == "written_warning"
    assert not any("Talk it through first" in r for r in rec.reasons), rec.reasons


@pytest.mark.parametrize("channel", ["email", "letter"])
@pytest.mark.parametrize("pattern", ["one_off", "recurring"])
def test_the_first_written_request_to_a_silent_client_says_what_is_needed_and_claims_no_history(
    pattern, channel
):
    from wizard.plan import build_plan

    answers = Answers(
        **SILENT,
        pattern=pattern,
        remedies_exhausted="unsure",
        preferred_channel=channel,
        notice_date=NOTICE,
    )
    plan = build_plan(answers, load_content(), today=TODAY)
    assert plan.recommendation.next_remedy == "written_warning"
    body = plan.message.body
    # Nothing was raised before, so the message may not say it was.
    assert "raised this with you before" not in body, body
    # It says what is missing (a reply) and by when.
    assert "reply" in body and " by " in body


# --- 8. A one-off with nothing tried, and a conversation the user expects to go badly -------


def test_a_one_off_talked_first_despite_a_poor_outlook_says_why():
    # The plan still talks first (a one-off with nothing tried), next to a reason that the
    # user expects an open conversation to go badly: the readiness reason must meet that,
    # not simply say "talk it through" as if the outlook were good.
    rec = rec_for(
        signals=["behaviour_decline"],
        pattern="one_off",
        remedies_tried=[],
        remedies_exhausted="no",
        conversation_outlook="unlikely",
    )
    assert rec.readiness == "repair_first"
    text = " ".join(rec.reasons)
    assert "go badly" in text
    reason = next(r for r in rec.reasons if "happened once" in r)
    assert "expect" in reason and "briefly" in reason, reason


def test_a_threatened_physician_offers_no_further_appointments_not_sessions():
    from wizard.plan import build_plan

    answers = Answers(
        profession="healthcare",
        signals=["behaviour_decline"],
        safety_concern=True,
        client_in_crisis=True,
        has_contract=False,
        notice_date=NOTICE,
    )
    body = build_plan(answers, load_content(), today=TODAY).message.body
    assert "further appointments" in body and "sessions" not in body, body


# --- 9. A close client, and a withdrawal whose reason stays unsaid -------------------------


def test_a_close_client_in_a_mandatory_withdrawal_is_not_promised_the_reasons():
    # The reason stays "professional considerations" (Model Rule 1.16 comment [3]); no
    # reason may tell the user that the client deserves to hear the reasons.
    rec = rec_for(
        profession="accounting",
        signals=["unethical_request"],
        improper_request_insisted=True,
        relationship_depth="close",
        relationship_months=50,
        preferred_channel="phone",
    )
    assert "mandatory_withdrawal" in rec.constraints
    assert not any("hear the reasons" in r for r in rec.reasons), rec.reasons


def test_a_close_client_otherwise_still_hears_the_reasons():
    rec = rec_for(
        signals=["goal_misalignment"],
        remedies_tried=["frank_conversation"],
        relationship_depth="close",
    )
    assert any("hear the reasons" in r for r in rec.reasons), rec.reasons


# --- 10. A finished course of care: the letter declines to resume it ------------------------


# The client's course of care is over and they asked for more. The draft may not announce
# that care "will be ending" or "ends today": it has ended; it says it will not be resumed.
@pytest.mark.parametrize("profession", ["therapy", "healthcare"])
@pytest.mark.parametrize("channel", ["email", "letter", "phone"])
@pytest.mark.parametrize(
    "extra",
    [dict(), dict(referral_available=True, reputation_stakes="high", client_in_crisis=True)],
    ids=["plain", "transition"],
)
def test_a_finished_course_of_care_is_not_ended_again(profession, channel, extra):
    from wizard.plan import build_plan

    answers = Answers(
        profession=profession,
        engagement_status="finished",
        signals=["goal_misalignment"],
        pattern="one_off",
        has_contract=False,
        preferred_channel=channel,
        notice_date=NOTICE,
        **extra,
    )
    plan = build_plan(answers, load_content(), today=TODAY)
    text = "\n".join(m.body for m in plan.messages)
    assert "will be ending your care" not in text, text
    assert "ending their care" not in text, text
    assert "ends today" not in text, text
    assert "not be resuming" in text, text


# --- 11. A lawyer leaving for reasons of their own, with fees also unpaid ----------------------


# The warning before withdrawing over unpaid fees (Model Rule 1.16(b)(5)) is for a withdrawal
# that rests on the fees. A lawyer whose practice changed, or whose client now needs skills
# they lack, withdraws on that ground and settles the fees separately.
@pytest.mark.parametrize("other", ["provider_changes", "needs_beyond_expertise"])
def test_a_lawyer_leaving_on_other_grounds_is_not_held_to_the_fee_warning(other):
    rec = rec_for(
        profession="law",
        signals=["payment_problems", other],
        remedies_tried=[],
        outstanding_balance=2000,
    )
    assert rec.readiness == "proceed", rec.reasons
    assert rec.strategy == "transition"


def test_a_builder_leaving_while_unpaid_is_told_the_balance_still_counts():
    # The builder's own change leaves the client nothing to fix to keep the work, but the
    # stop-work notice asks them to pay: the reasons may not say there is simply nothing to fix.
    rec = rec_for(
        profession="construction",
        signals=["payment_problems", "provider_changes"],
        remedies_tried=[],
        outstanding_balance=2000,
    )
    assert rec.readiness == "repair_first" and rec.next_remedy == "written_warning"
    reason = next(r for r in rec.reasons if "nothing for them to fix" in r)
    assert "balance" in reason, reason


# --- 12. Conduct problems with nothing tried, when the exit would still be quiet --------------


# A poor outlook or unease may still make the eventual exit a quiet one; the plan then both
# raises the problem first and explains the quiet exit. No reason may say that talking does
# not help while another says to talk first.
@pytest.mark.parametrize(
    "case",
    [
        dict(
            signals=["behaviour_decline", "goal_misalignment"],
            conversation_outlook="unlikely",
            remedies_exhausted="unsure",
        ),
        dict(
            signals=["boundary_violations", "payment_problems"],
            conversation_outlook="unlikely",
            remedies_exhausted="no",
        ),
        dict(signals=["behaviour_decline"], safety_concern=True, safety_level="uneasy"),
    ],
    ids=["poor_outlook", "poor_outlook_unpaid", "uneasy"],
)
def test_conduct_raised_first_is_not_called_pointless_to_discuss(case):
    rec = rec_for(pattern="one_off", remedies_tried=[], **case)
    assert rec.readiness == "repair_first" and rec.next_remedy == "frank_conversation"
    assert not any("rarely fixed by debating" in r for r in rec.reasons), rec.reasons


def test_with_nothing_tried_the_go_ahead_reason_speaks_of_no_earlier_attempt():
    rec = rec_for(signals=["provider_changes", "payment_problems"], remedies_tried=[])
    assert rec.readiness == "proceed"
    assert not any("another attempt" in r for r in rec.reasons), rec.reasons


# --- 13. A finished job in a regulated profession ------------------------------------------


@pytest.mark.parametrize("profession", ["construction", "law", "accounting"])
def test_a_finished_job_is_not_told_it_stops_part_way(profession):
    # Nothing is running: no reason may speak of stopping part-way or of moving the client
    # to another provider instead of simply stopping.
    rec = rec_for(
        profession=profession,
        engagement_status="finished",
        signals=["payment_problems"],
        outstanding_balance=9000,
    )
    text = " ".join(rec.reasons)
    assert "part-way" not in text, rec.reasons
    assert "rather than simply stop" not in text, rec.reasons
