"""Wording of the letters and the plan, second expert review: letters after a threat,
channels named in a sentence, a therapist's closing session and referrals, a reduced
service, durations in years, one voice, and a repair email that names the issue.

Each test builds a plan from answers written out here and reads its words."""

from __future__ import annotations

import pytest

# The same readers as the first review's tests: one way to build a plan and read its words.
from tests.test_letters_wording import checklist, letters, plan_for, timeline
from wizard.models import Plan


def warnings(plan: Plan) -> str:
    return "\n".join(plan.warnings)


# --- 5. After a threat: factual, brief, no warmth, no "work as usual" ------------------

THREAT = dict(
    signals=["behaviour_decline"],
    safety_concern=True,
    safety_level="threat",
    pattern="one_off",
    remedies_exhausted="no",
    relationship_months=120,
    relationship_depth="close",
    client_depends_on_you=True,
    preferred_channel="in_person",
    has_contract=True,
    termination_clause="notice",
    notice_days=30,
)


@pytest.mark.parametrize("tone", ["warm", "neutral", "firm"])
def test_threatened_letter_does_not_promise_work_as_usual(tone: str) -> None:
    plan = plan_for(**THREAT, tone=tone)
    text = letters(plan)
    assert "as usual" not in text
    assert "without meeting" in text
    assert "in writing" in text


@pytest.mark.parametrize("tone", ["warm", "neutral", "firm"])
def test_threatened_letter_keeps_warmth_out(tone: str) -> None:
    text = letters(plan_for(**THREAT, tone=tone))
    for warm in ("easy for you", "better served", "would be glad", "so that nothing is lost"):
        assert warm not in text, warm
    assert "rather say so openly" not in text


def test_threatened_transition_with_referral_stays_factual() -> None:
    plan = plan_for(**THREAT, referral_available=True)
    text = letters(plan)
    assert "glad" not in text
    assert "well suited" not in text


# --- 6. Channels named in a sentence -------------------------------------------------

CLOSE = dict(
    signals=["provider_changes"],
    pattern="one_off",
    remedies_exhausted="no",
    relationship_months=60,
    relationship_depth="close",
    client_depends_on_you=True,
    has_contract=False,
    termination_clause="none",
)


@pytest.mark.parametrize(
    ("channel", "by", "noun"),
    [
        ("in_person", "in person", "meeting"),
        ("phone", "by phone", "phone call"),
        ("video", "by video call", "video call"),
    ],
)
def test_channel_is_worded_as_a_phrase(channel: str, by: str, noun: str) -> None:
    plan = plan_for(**CLOSE, preferred_channel=channel)
    assert plan.recommendation.channel == channel
    everything = "\n".join([plan.summary, checklist(plan), timeline(plan), plan.message.body])
    assert "by in person" not in everything
    assert "by phone call" not in everything
    assert f"2026 {by}" in plan.summary
    assert f"Give notice {by}" in checklist(plan)
    assert f"Give notice {by}" in timeline(plan)
    assert plan.message.body.startswith(f"Talking points for your {noun} with")
    assert plan.message_intro.startswith(f"A draft for your {noun}.")
    assert "your in person" not in plan.message.body + plan.message_intro


def test_written_channels_read_naturally() -> None:
    plan = plan_for(**{**CLOSE, "relationship_depth": "ongoing"}, preferred_channel="letter")
    assert plan.recommendation.channel == "letter"
    assert "by letter" in plan.summary
    assert "A draft for your letter." in plan.message_intro


# --- 11. Therapy: a closing session and three referrals ------------------------------

THERAPY = dict(
    profession="therapy",
    jurisdiction="US-NY",
    signals=["provider_changes"],
    pattern="one_off",
    remedies_exhausted="no",
    relationship_months=60,
    relationship_depth="close",
    client_depends_on_you=True,
    client_assets=["clinical_records"],
    preferred_channel="in_person",
    tone="warm",
    has_contract=False,
    termination_clause="none",
)


@pytest.mark.parametrize("referral", [True, False])
def test_therapy_letter_offers_closing_session_and_three_referrals(referral: bool) -> None:
    plan = plan_for(**THERAPY, referral_available=referral)
    assert "closing session and at least three referrals" in warnings(plan)
    text = letters(plan)
    assert "closing session" in text
    assert "three" in text
    assert "names of others too" not in text
    points = plan.message.body
    assert points.startswith("Talking points")
    assert "closing session" in points
    assert "three clinicians" in points
    assert "three clinicians" in timeline(plan)
    assert "closing session" in timeline(plan)


def test_therapy_after_threat_offers_no_closing_session() -> None:
    plan = plan_for(
        **{**THERAPY, "preferred_channel": "email"},
        safety_concern=True,
        safety_level="threat",
        referral_available=True,
    )
    assert "need not offer a closing session" in warnings(plan)
    assert "closing session" not in letters(plan)


# --- 3. A reduced service is a tip on the plan, never a promise in the letter ---------


def test_provider_changes_suggests_a_reduced_service_on_the_plan_only() -> None:
    plan = plan_for(
        signals=["provider_changes"],
        pattern="one_off",
        remedies_exhausted="no",
        relationship_months=18,
        has_contract=True,
        termination_clause="notice",
        notice_days=60,
        tone="firm",
        preferred_channel="letter",
    )
    assert "reduced or modified service" in warnings(plan)
    assert "reduced" not in letters(plan)


def test_no_reduced_service_tip_after_a_threat() -> None:
    plan = plan_for(**{**THREAT, "signals": ["provider_changes", "behaviour_decline"]})
    assert "reduced or modified service" not in warnings(plan)


# --- Durations in years, one voice, a repair email that names the issue --------------


@pytest.mark.parametrize(
    ("months", "said"),
    [
        (96, "over the past eight years"),
        (60, "over the past five years"),
        (30, "over more than two years"),
    ],
)
def test_long_relationships_are_counted_in_years(months: int, said: str) -> None:
    plan = plan_for(**{**CLOSE, "relationship_months": months}, tone="warm")
    text = letters(plan)
    assert f"{months} months" not in text
    assert said in text
    assert "past more than" not in text
    assert f"{months} months" not in "\n".join(plan.reasons)


def test_short_relationships_stay_in_months() -> None:
    plan = plan_for(**{**CLOSE, "relationship_months": 18}, tone="warm")
    assert "over the past 18 months" in letters(plan)


def test_business_letter_keeps_one_voice() -> None:
    plan = plan_for(
        **CLOSE,
        tone="warm",
        preferred_channel="email",
        your_name="Alice Smith",
        your_business="Smith Bookkeeping",
        client_name="Bob Jones",
    )
    text = letters(plan)
    assert "placed in us" in text
    assert "my practice" not in text
    assert "our practice" in text


def test_personal_letter_says_my_practice() -> None:
    plan = plan_for(**CLOSE, tone="warm", preferred_channel="email", your_name="Alice Smith")
    text = letters(plan)
    assert "placed in me" in text
    assert "our practice" not in text


@pytest.mark.parametrize(
    ("signal", "topic"),
    # A silent client is not invited to talk: the first step is a dated written request
    # (tests/test_review5_finished_and_breach.py), so only scope creep is checked here.
    [("scope_creep", "the scope of the work")],
)
def test_frank_conversation_names_the_issue(signal: str, topic: str) -> None:
    plan = plan_for(
        signals=[signal],
        pattern="one_off",
        remedies_tried=[],
        remedies_exhausted="no",
        conversation_outlook="likely",
        preferred_channel="email",
    )
    assert plan.recommendation.readiness == "repair_first"
    body = plan.message.body
    assert "something that has been affecting our work together" not in body
    assert topic in body
