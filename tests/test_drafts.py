"""The drafts carry out the plan, and the user's own lists never speak to the client."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from wizard.answers import Answers, KeyDeadline, load_answers
from wizard.content import load_content
from wizard.examples import all_example_answers
from wizard.plan import build_plan

CONTENT = load_content()
TODAY = dt.date(2026, 11, 20)
SCENARIOS = sorted(
    p for p in (Path(__file__).parent / "scenarios").glob("*.yaml") if p.name != "expected.yaml"
)


def plan_for(**answers):
    return build_plan(Answers(**answers), CONTENT, today=TODAY)


def _all_plans():
    for path in SCENARIOS:
        yield path.stem, build_plan(load_answers(path.read_bytes()), CONTENT, today=TODAY)
    for number, answers in enumerate(all_example_answers()):
        yield f"example{number}", build_plan(answers, CONTENT, today=TODAY)


# Phrases addressed to the client, which must never reach the user's own lists.
CLIENT_VOICE = re.compile(
    r"you gave me|held for you|for you\b|my name|\byour (files|domains|keys|records)\b"
    r"|\bI hold\b|(?<![A-Za-z.])i(?![A-Za-z’'])"
)


@pytest.mark.parametrize(("name", "plan"), list(_all_plans()), ids=lambda v: str(v)[:40])
def test_the_users_own_lists_never_speak_to_the_client(name, plan):
    lines = [item.text for group in plan.checklist for item in group.items]
    lines += [f"{step.title} {step.detail}" for step in plan.timeline]
    lines += [f"{row.channel} {row.what}" for row in plan.documentation_log]
    lines += [f"{row.label} {row.value}" for row in plan.facts]
    for line in lines:
        assert not CLIENT_VOICE.search(line), line


def test_the_voice_test_catches_the_old_slips():
    for slip in (
        "List everything of the client's you hold: the records you gave me",
        "the accounts and billing held in my name",
        "skills i don't offer",
    ):
        assert CLIENT_VOICE.search(slip), slip


def test_transfer_step_lists_only_what_can_be_transferred():
    plan = plan_for(client_assets=["records", "files", "domains_hosting", "credentials"])
    step = next(s for s in plan.timeline if s.id == "transfer_assets")
    assert "domains" in step.detail and "logins" in step.detail
    assert "records" not in step.detail and "files" not in step.detail


@pytest.mark.parametrize(("name", "plan"), list(_all_plans()), ids=lambda v: str(v)[:40])
def test_no_score_reaches_the_reader(name, plan):
    for alt in plan.alternatives:
        assert len(alt.why_lower) == 1
        assert not re.search(r"\d", alt.why_lower[0]), alt.why_lower
        assert "score" not in alt.why_lower[0].lower()
    assert "score" not in type(plan.alternatives[0]).model_fields


def test_lawyer_letter_names_clause_court_deadlines_file_and_refund():
    plan = plan_for(
        profession="law",
        signals=["goal_misalignment"],
        court_matter_pending=True,
        unearned_prepayment=True,
        unearned_amount=2500,
        client_assets=["records"],
        key_deadlines=[KeyDeadline(date=dt.date(2027, 3, 4), what="Trial")],
        preferred_channel="letter",
        notice_date=dt.date(2026, 12, 1),
    )
    body = plan.message.body
    assert "[clause number]" in body
    assert "subject to the court’s permission" in body
    assert "Trial – Thursday 4 March 2027" in body
    assert "$2,500.00" in body and "refund" in body
    assert "your file" in body.lower() and "new counsel" in body


def test_clinical_drafts_use_care_language_with_crisis_help():
    plan = plan_for(
        profession="therapy",
        signals=["behaviour_decline"],
        safety_concern=True,
        safety_level="threat",
        client_in_crisis=True,
        outstanding_balance=300,
        client_assets=["clinical_records"],
    )
    body = plan.message.body
    for word in ("engagement", "hand-over notes", "invoice"):
        assert word not in body.lower(), word
    assert "care" in body and "[crisis line and its number]" in body
    assert "asking me in writing" in body
    # Money comes last, after care, crisis help and records.
    assert body.index("$300.00") > body.index("crisis")
    # A threat closes the door: no invitation to come back.
    assert "get in touch" not in body


def test_care_continues_until_the_end_date():
    plan = plan_for(
        profession="healthcare", signals=["provider_changes"], preferred_channel="email"
    )
    rec = plan.recommendation
    end = f"{rec.effective_date:%A} {rec.effective_date.day} {rec.effective_date:%B %Y}"
    assert f"Your care with me continues until {end}" in plan.message.body


def test_mandatory_withdrawal_says_only_professional_considerations():
    plan = plan_for(
        profession="accounting",
        signals=["unethical_request", "payment_problems"],
        improper_request_insisted=True,
    )
    body = plan.message.body
    assert "mandatory_withdrawal" in plan.recommendation.constraints
    assert "professional considerations" in body
    for detail in ("improper", "unlawful", "unethical", "request", "terms that work"):
        assert detail not in body.lower(), detail
    assert "get in touch" not in body


def test_spoken_notice_comes_with_its_written_confirmation():
    plan = plan_for(
        signals=["needs_beyond_expertise"],
        relationship_depth="close",
        relationship_months=48,
        preferred_channel="in_person",
    )
    rec = plan.recommendation
    assert rec.written_notice and plan.message.kind == "talking_points"
    assert [m.role for m in plan.messages] == ["main", "confirmation"]
    confirmation = plan.further_messages[0]
    assert confirmation.kind == "email" and "This confirms in writing" in confirmation.body


def test_repair_first_holds_the_repair_message_and_the_exit_notice_for_later():
    plan = plan_for(
        signals=["scope_creep"], remedies_exhausted="no", notice_date=dt.date(2026, 12, 1)
    )
    rec = plan.recommendation
    assert rec.readiness == "repair_first"
    later = plan.further_messages[0]
    assert later.role == "exit_later"
    assert (
        later.send_on_text == f"{rec.notice_date:%a} {rec.notice_date.day} {rec.notice_date:%b %Y}"
    )
    assert "scope" in plan.message.body and " by " in plan.message.body


def test_for_cause_draft_names_breach_and_cure_period():
    plan = plan_for(
        has_contract=True,
        termination_clause="cause_only",
        cure_days=14,
        breach_summary="Invoice 14 unpaid for 60 days",
        signals=["payment_problems"],
    )
    body = plan.message.body
    assert "Invoice 14 unpaid for 60 days" in body and "14 days to put it right" in body
    assert "[clause number]" in body and "terms that work for us both" not in body


def test_message_override_replaces_the_draft():
    plan = plan_for(message_override="My own words, <b>exactly</b> {{ as typed }}.")
    assert plan.message.body == "My own words, <b>exactly</b> {{ as typed }}."


@pytest.mark.parametrize(("name", "plan"), list(_all_plans())[:20], ids=lambda v: str(v)[:40])
def test_product_text_uses_typographic_quotes_and_one_bullet(name, plan):
    texts = [m.body for m in plan.messages] + [s.detail for s in plan.timeline]
    texts += [item.text for group in plan.checklist for item in group.items]
    for text in texts:
        assert '"' not in text and "'" not in text, text
        assert not re.search(r"^\s*[-*] ", text, re.M), text


def test_postal_wording_follows_the_jurisdiction():
    def delivery(jurisdiction):
        plan = plan_for(preferred_channel="letter", jurisdiction=jurisdiction)
        return next(line for line in plan.message.body.splitlines() if "Delivered by" in line)

    assert "Certified mail" in delivery("US-NY")
    assert "Recorded delivery" in delivery("GB")
    assert "Registered post" in delivery("DE")
