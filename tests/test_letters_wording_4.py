"""Wording of the letters and the plan, fourth expert review: a contract that ends only for
cause when the client did nothing wrong (the drafts propose an ending for the client to
agree), an improper request that was only suggested (the reason says what changes if the
client insists), and a finished course of care (care words, not a job's).

Each test builds a plan, or a recommendation, from answers written out here and reads its
words."""

from __future__ import annotations

from typing import Any

import pytest

# The same readers as the earlier reviews' tests: one way to build a plan and read its words.
from tests.test_letters_wording import checklist, letters, plan_for, timeline
from tests.test_letters_wording_3 import timeline_step
from wizard.dates import long_date
from wizard.models import Plan

# --- 1. A cause-only contract, and nothing the client did ---------------------------------

# A contract that can be ended only for cause, with a cure period, and no cause to rely on.
CAUSE_ONLY = dict(
    pattern="one_off",
    remedies_tried=[],
    remedies_exhausted="unsure",
    termination_clause="cause_only",
    cure_days=14,
)

NO_BREACH: dict[str, dict[str, Any]] = {
    "provider_retiring": dict(signals=["provider_changes"], relationship_months=40),
    "client_business_moved_on": dict(
        signals=["business_changes"],
        work_in_progress="some",
        client_assets=["files", "domains_hosting"],
        outstanding_balance=500,
    ),
    "needs_beyond_skills": dict(
        profession="accounting", signals=["needs_beyond_expertise"], client_assets=["records"]
    ),
    # Talked about once already: a one-off drift with nothing tried is talked about first
    # (review 18), and this case is about the proposal that follows.
    "goals_apart_lawyer": dict(
        profession="law", signals=["goal_misalignment"], remedies_tried=["frank_conversation"]
    ),
}

# What a unilateral notice says; none of it belongs in a request to agree an ending.
DECIDED = [
    "I have decided to end",
    "have decided to end the work",
    "This letter is to let you know that I am ending",
    "I will end our work together",
    "I will therefore end our work together",
    "I am ending our",
    "notice that I am ending",
    "formal notice",
    "Notice of termination",
    "The decision is made",
    "repeat the decision",
]


def no_breach_plan(case: str, channel: str, **more: Any) -> Plan:
    return plan_for(**{**CAUSE_ONLY, **NO_BREACH[case]}, preferred_channel=channel, **more)


def drafts_and_script(plan: Plan) -> str:
    return letters(plan) + "\n\n" + (plan.follow_up_script or "")


@pytest.mark.parametrize("channel", ["email", "letter", "phone"])
@pytest.mark.parametrize("case", sorted(NO_BREACH))
def test_no_breach_drafts_propose_an_agreed_ending_instead_of_giving_notice(
    case: str, channel: str
) -> None:
    plan = no_breach_plan(case, channel)
    assert "cure_period" not in plan.recommendation.constraints
    text = drafts_and_script(plan)
    for phrase in DECIDED:
        assert phrase not in text, phrase
    # No clause is quoted as a right to end.
    assert "clause" not in text.lower()


@pytest.mark.parametrize("channel", ["email", "letter", "phone"])
@pytest.mark.parametrize("case", sorted(NO_BREACH))
def test_no_breach_written_drafts_ask_for_written_agreement_on_the_plans_end_date(
    case: str, channel: str
) -> None:
    plan = no_breach_plan(case, channel)
    end = long_date(plan.recommendation.effective_date)
    # The written draft: the message itself, or the confirmation after a call.
    written = [d for d in [plan.message, *plan.further_messages] if d.kind != "talking_points"]
    assert written
    for draft in written:
        body = draft.body
        assert "ask whether you would agree to bring our work together to an end" in body
        assert "It is not about anything you have done" in body
        assert "I am not saying that you have broken our agreement" in body
        assert f"I propose that our work together ends on {end}" in body
        assert f"please confirm in writing that you agree to end our agreement on {end}" in body
        # Until it is agreed, the work goes on.
        assert "Until we have agreed, our agreement carries on as it is" in body
        assert "keep doing the agreed work" in body
        # No farewell while the client has not agreed.
        assert "I wish you well" not in body
        assert "by agreement" in (draft.subject or "") or "hand it over" in (draft.subject or "")


def test_no_breach_draft_still_gives_the_reason_in_general_terms_and_offers_help() -> None:
    body = no_breach_plan("provider_retiring", "email", relationship_depth="ongoing").message.body
    assert "because my practice is changing" in body
    assert "names of two or three providers" in body


def test_no_breach_draft_makes_returns_and_the_final_invoice_follow_the_agreement() -> None:
    plan = no_breach_plan("client_business_moved_on", "email")
    body = plan.message.body
    end = long_date(plan.recommendation.effective_date)
    assert f"I will return your files and data by {end}" in body
    # What the client gave is theirs whatever is agreed (review 6): only the invoice waits.
    assert "Once we have agreed the ending, I will return your files" in body
    assert "Once we have agreed the ending, my final invoice" in body
    assert "My final invoice" not in body


def test_no_breach_talking_points_propose_and_promise_the_proposal_in_writing() -> None:
    # A retiring provider's close client is handed over unless the user expects an open talk
    # to go well (everyday review): that expectation is what makes this the open-talk case.
    plan = no_breach_plan(
        "provider_retiring", "phone", relationship_depth="close", conversation_outlook="likely"
    )
    assert plan.recommendation.strategy == "communicate"
    assert plan.message.kind == "talking_points"
    points = plan.message.body
    assert "would like to agree an ending with them" in points
    assert "I would like us to agree to bring our work together to an end" in points
    assert "Propose the end date" in points
    assert "nothing ends until you both agree" in points
    assert "send the proposal in writing today" in points
    confirmation = plan.further_messages[0].body
    assert "This puts in writing what I proposed when we spoke" in confirmation
    assert "This confirms in writing what I told you" not in confirmation


def test_no_breach_hand_over_talking_points_propose_too() -> None:
    plan = no_breach_plan("provider_retiring", "phone")
    assert plan.recommendation.strategy == "transition"
    points = plan.message.body
    assert "I would like us to agree to bring our work together to an end" in points
    assert "Propose the end date" in points
    assert "send the proposal in writing today" in points


def test_no_breach_follow_up_call_asks_for_agreement_rather_than_restating_a_decision() -> None:
    plan = no_breach_plan("needs_beyond_skills", "email")
    assert plan.follow_up_script is not None
    assert "The decision is made" not in plan.follow_up_script
    assert "ask whether they agree" in plan.follow_up_script


def test_no_breach_lawyer_before_a_court_asks_for_counsel_once_the_client_agrees() -> None:
    plan = no_breach_plan("goals_apart_lawyer", "email", court_matter_pending=True)
    text = letters(plan)
    assert "Please engage new counsel now" not in text
    assert "If you agree, please engage new counsel soon" in text
    assert "I will apply for it once you agree" in text
    assert "I will apply for it after this letter" not in text


def test_no_breach_suggested_request_is_not_called_blameless() -> None:
    plan = plan_for(
        **{**CAUSE_ONLY, "remedies_tried": ["frank_conversation"]},
        signals=["unethical_request", "goal_misalignment"],
        preferred_channel="email",
    )
    body = plan.message.body
    assert "I am not saying that you have broken our agreement" in body
    assert "It is not about anything you have done" not in body
    assert "I have decided to end" not in body


@pytest.mark.parametrize("channel", ["email", "letter", "phone"])
def test_no_breach_plan_presents_a_proposal_not_a_notice(channel: str) -> None:
    plan = no_breach_plan("provider_retiring", channel)
    end = long_date(plan.recommendation.effective_date)
    assert "Propose an agreed ending on" in plan.summary
    assert f"if the client agrees in writing, the relationship ends on {end}" in plan.summary
    assert "Give notice on" not in plan.summary
    items = checklist(plan)
    assert "Quote the clause" not in items
    assert "Give notice" not in items
    assert "Confirm the notice" not in items
    assert "Re-read the termination clause, the notice period" not in items
    assert "Get the client’s agreement to the ending in writing" in items
    steps = timeline(plan)
    assert "Give notice" not in steps
    assert "Get the ending agreed in writing" in steps
    assert timeline_step(plan, "give_notice").title.startswith("Propose an agreed ending")
    end_step = timeline_step(plan, "effective")
    assert end_step.title == "The relationship ends, if the client agreed"
    assert "without the client’s written agreement the contract carries on" in end_step.detail
    log = "\n".join(row.what for row in plan.documentation_log)
    assert "Give notice" not in log
    assert "written agreement to the ending" in log
    glance = {row.label for row in plan.at_a_glance}
    assert {"Propose the ending on", "Ends, if the client agrees"} <= glance, glance
    assert "Give notice on" not in glance
    headings = [group.title for group in plan.checklist]
    assert not any("notice" in heading for heading in headings), headings
    assert "give notice" not in plan.readiness_explanation, plan.readiness_explanation


@pytest.mark.parametrize("channel", ["email", "letter", "phone"])
@pytest.mark.parametrize("profession", ["therapy", "healthcare"])
def test_no_breach_clinical_drafts_propose_an_end_to_care_in_care_language(
    profession: str, channel: str
) -> None:
    plan = plan_for(
        **CAUSE_ONLY,
        profession=profession,
        signals=["provider_changes"],
        relationship_months=30,
        preferred_channel=channel,
    )
    end = long_date(plan.recommendation.effective_date)
    text = letters(plan)
    for phrase in DECIDED:
        assert phrase not in text, phrase
    assert "clause" not in text.lower()
    written = [d.body for d in [plan.message, *plan.further_messages] if d.kind != "talking_points"]
    for body in written:
        assert "ask whether you would agree to bring your care with me to an end" in body
        assert "It is not about anything you have done" in body
        assert f"I propose that your care with me ends on {end}" in body
        assert f"confirm in writing that you agree to end your care with me on {end}" in body
        assert "Until we have agreed, your care with me continues" in body
        assert "sessions" in body or "appointments" in body
        assert "clinician" in body
        # Care language, not commercial language.
        for word in ["our work together", "engagement", "invoice", "hand-over notes"]:
            assert word not in body, word
    assert "Keep care going until the end date." in checklist(plan)


def test_a_real_breach_under_a_cause_only_contract_still_names_the_clause_and_breach() -> None:
    plan = plan_for(
        signals=["payment_problems"],
        termination_clause="cause_only",
        cure_days=14,
        remedies_tried=["written_warning", "payment_plan"],
        outstanding_balance=4200,
        preferred_channel="email",
    )
    body = plan.message.body
    assert "Under clause [clause number] of our agreement" in body
    assert "ask whether you would agree" not in body
    assert "Propose an agreed ending" not in plan.summary


# --- 2. An improper request only suggested: what changes if the client insists -------------

SUGGESTED = dict(signals=["unethical_request"], improper_request_insisted=False)


def test_suggested_request_reason_says_insisting_changes_the_plan_not_that_it_is_ready() -> None:
    plan = plan_for(**SUGGESTED)
    assert plan.recommendation.readiness == "repair_first"
    reasons = " ".join(plan.reasons)
    assert "ready if they insist" not in reasons
    assert "change your answer to say they insist" in reasons
    assert "required and prompt" in reasons
    assert "no waiting for a better moment" in reasons
    assert "improper work" in reasons


def test_suggested_request_first_step_and_review_point_to_a_new_plan_if_they_insist() -> None:
    plan = plan_for(**SUGGESTED)
    assert plan.first_step is not None
    assert "give notice only if nothing has changed" not in plan.first_step
    # No notice is drafted to send "below": if they insist, the ending is a different one.
    assert "do not send the notice below" not in plan.first_step
    assert "change your answer to say they insist" in plan.first_step
    assert plan.further_messages == []
    review = timeline_step(plan, "review_remedy")
    assert "carry on with the steps below" not in review.detail
    assert "make a new plan" in review.detail


def test_other_repairs_keep_the_ordinary_review_wording() -> None:
    plan = plan_for(
        signals=["scope_creep"], remedies_tried=[], remedies_exhausted="no", pattern="recurring"
    )
    assert plan.recommendation.readiness == "repair_first"
    assert plan.first_step is not None
    assert "give notice only if nothing has changed" in plan.first_step
    assert "carry on with the steps below" in timeline_step(plan, "review_remedy").detail


# --- 3. A finished course of care: care words, not a job's --------------------------------


@pytest.mark.parametrize(
    ("profession", "said", "not_said"),
    [
        ("therapy", ["The course of care has ended", "decline to resume sessions"], ["job"]),
        (
            "healthcare",
            ["The course of care has ended", "decline to resume care"],
            ["job", "session"],
        ),
        ("general", ["The job is finished"], ["course of care"]),
        ("construction", ["The job is finished"], ["course of care"]),
    ],
)
def test_finished_work_is_worded_for_the_profession(profession, said, not_said) -> None:
    plan = plan_for(
        profession=profession,
        engagement_status="finished",
        signals=["goal_misalignment"],
        pattern="one_off",
    )
    reasons = " ".join(plan.reasons)
    assert all(words in reasons for words in said), reasons
    assert not any(words in reasons.lower() for words in not_said), reasons
