"""Content files: they load, their checks catch broken copies, and every message renders."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re
import shutil
import typing
from pathlib import Path

import pytest

from tests.cli_runner import run_wizard as _wizard
from wizard.answers import STRATEGIES, Answers, Channel, Tone
from wizard.content import CONTENT_DIR, ContentError, load_content, load_content_uncached
from wizard.engine import decide
from wizard.plan import build_plan, render_message

ROOT = Path(__file__).resolve().parent.parent
CHANNELS = typing.get_args(Channel)
TONES = typing.get_args(Tone)
READINESS = ("proceed", "repair_first", "wait")


@pytest.fixture(scope="module")
def content():
    return load_content()


def test_shipped_content_loads(content):
    assert content.questions.steps
    assert {rule.id for rule in content.rules.constraints} >= {
        "safety_no_meeting",
        "contract_notice",
        "legal_review",
        "court_permission",
        "refund_unearned",
        "final_invoice",
        "return_client_records",
        "transfer_before_revoke",
        "no_abandonment",
        "confidentiality",
    }


def test_every_contract_field_has_exactly_one_question(content):
    ids = [q.id for step in content.questions.steps for q in step.questions]
    assert len(ids) == len(set(ids))
    assert set(ids) == set(Answers.model_fields) - set(content.questions.not_asked)


def test_every_option_is_a_contract_value_and_every_value_has_an_option(content):
    for qid, question in content.question_by_id.items():
        spec = content.schema[qid]
        if spec.kind in ("enum", "multi"):
            options = [option.value for option in question.options]
            assert sorted(options) == sorted(str(v) for v in spec.values), qid
            assert all(option.label.strip() for option in question.options), qid
        assert question.label.strip() and question.why.strip(), qid


def test_show_if_only_looks_back(content):
    seen: set[str] = set()
    for step in content.questions.steps:
        for question in step.questions:
            for test in question.show_if.tests():
                assert test.field in seen, (question.id, test.field)
            seen.add(question.id)


# --- broken copies fail at load, naming the file and the entry ------------------------


def _broken(tmp_path: Path, file: str, old: str, new: str) -> Path:
    target = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, target)
    path = target / file
    text = path.read_text("utf-8")
    assert old in text, f"fixture drifted: {old!r} not in {file}"
    path.write_text(text.replace(old, new, 1), "utf-8")
    return target


# The plan date the draft tests are written for (their notice dates are in March 2026).
TODAY = dt.date(2026, 2, 20)

BROKEN = {
    "bad_yaml": (
        "rules.yaml",
        "definitions:\n",
        "definitions: [\n",
        ["rules.yaml", "not valid YAML", "line"],
    ),
    "unknown_question_in_condition": (
        "rules.yaml",
        "when: {conversation_outlook: likely}",
        "when: {conversation_outlok: likely}",
        ["rules.yaml", "scoring[0]", "outlook_likely", "conversation_outlok"],
    ),
    "condition_value_outside_contract": (
        "rules.yaml",
        "when: {profession: law, court_matter_pending: true}",
        "when: {profession: lawyer, court_matter_pending: true}",
        ["rules.yaml", "court_permission", "lawyer"],
    ),
    "unknown_definition": (
        "rules.yaml",
        "        - {ref: holds_records}\n    text: >-\n      What you learned",
        "        - {ref: keeps_records}\n    text: >-\n      What you learned",
        ["rules.yaml", "confidentiality", "keeps_records"],
    ),
    "option_not_in_contract": (
        "questions.yaml",
        "{value: law, label:",
        "{value: lawyer, label:",
        ["questions.yaml", "profession", "lawyer"],
    ),
    "undefined_template_variable": (
        "messages.yaml",
        'greeting: "Dear {{ contact if contact_given else client }},"',
        'greeting: "Dear {{ contakt }},"',
        ["messages.yaml", "snippets.greeting", "contakt"],
    ),
    "template_syntax_error": (
        "plan.yaml",
        "title: \"Exit plan for {{ client if client_given else 'your client' }}\"",
        'title: "Exit plan for {{ client }"',
        ["plan.yaml", "title", "template error"],
    ),
    "duplicate_key": (
        "rules.yaml",
        "    when: {conversation_outlook: likely}\n",
        "    when: {conversation_outlook: likely}\n    when: {pattern: one_off}\n",
        ["rules.yaml", "'when'", "twice", "line"],
    ),
    "rule_looks_at_a_later_stage": (
        "rules.yaml",
        "    when: {conversation_outlook: likely}\n",
        "    when: {channel: email}\n",
        ["rules.yaml", "scoring[0]", "outlook_likely", "channel", "decided before"],
    ),
    "professional_rule_without_reference": (
        "rules.yaml",
        '    reference: "ABA Model Rule 1.16(c): permission of the tribunal where its rules'
        ' require it"\n',
        "",
        ["rules.yaml", "court_permission", "reference"],
    ),
    "number_range_differs_from_the_model": (
        "questions.yaml",
        "        min: 0\n        max: 365\n",
        "        min: 0\n        max: 400\n",
        ["questions.yaml", "notice_days", "365"],
    ),
    "show_if_refers_to_later_question": (
        "questions.yaml",
        "show_if: {has_contract: true}\n",
        "show_if: {tone: warm}\n",
        ["questions.yaml", "termination_clause", "earlier question", "tone"],
    ),
    "unknown_constraint_in_plan": (
        "plan.yaml",
        "when: {constraints: {contains: legal_review}}\n    phase: before_notice",
        "when: {constraints: {contains: legal_reviw}}\n    phase: before_notice",
        ["plan.yaml", "timeline", "legal_review", "legal_reviw"],
    ),
    "unknown_key_in_rule": (
        "rules.yaml",
        "    add: {communicate: 2.0}\n",
        "    add: {communicate: 2.0}\n    weight: 3\n",
        ["rules.yaml", "scoring[0]", "outlook_likely", "weight"],
    ),
    "strategy_typo_in_scores": (
        "rules.yaml",
        "    add: {communicate: 2.0}\n",
        "    add: {comunicate: 2.0}\n",
        ["rules.yaml", "scoring[0]", "comunicate"],
    ),
    "duplicate_rule_id": (
        "rules.yaml",
        "  - id: outlook_unlikely\n",
        "  - id: outlook_likely\n",
        ["rules.yaml", "scoring[1]", "outlook_likely", "twice"],
    ),
    "numeric_test_on_text_field": (
        "rules.yaml",
        "when: {relationship_months: {gte: 24}}",
        "when: {client_name: {gte: 24}}",
        ["rules.yaml", "long_relationship", "client_name"],
    ),
    "missing_message_kind": (
        "messages.yaml",
        "    talking_points: |\n      Talking points: {{ remedy_label }}",
        "    talking_pointz: |\n      Talking points: {{ remedy_label }}",
        ["messages.yaml", "talking_pointz"],
    ),
    "show_if_via_definition_on_later_question": (
        "questions.yaml",
        "show_if: {has_contract: true}\n",
        "show_if: {ref: late}\n",
        ["questions.yaml", "termination_clause", "earlier question"],
    ),
    "override_sets_no_answer": (
        "rules.yaml",
        "set: {engagement_status: ongoing}",
        "set: {engagement_state: ongoing}",
        ["rules.yaml", "overrides[0]", "court_matter_keeps_work_open", "engagement_state"],
    ),
    "override_sets_an_impossible_value": (
        "rules.yaml",
        "set: {engagement_status: ongoing}",
        "set: {engagement_status: paused}",
        ["rules.yaml", "overrides[0]", "court_matter_keeps_work_open", "engagement_status"],
    ),
    "override_looks_at_a_decided_fact": (
        "rules.yaml",
        "when: {profession: law, court_matter_pending: true, engagement_status: finished}",
        "when: {profession: law, court_matter_pending: true, strategy: transition}",
        ["rules.yaml", "overrides[0]", "strategy"],
    ),
    "cyclic_definition": (
        "rules.yaml",
        "  nothing_tried: {remedies_tried: {empty: true}}\n",
        "  nothing_tried: {ref: nothing_tried}\n",
        ["rules.yaml", "nothing_tried", "itself"],
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_content_fails_naming_file_and_entry(tmp_path, case):
    file, old, new, expected = BROKEN[case]
    directory = _broken(tmp_path, file, old, new)
    if case == "show_if_via_definition_on_later_question":
        rules = directory / "rules.yaml"
        text = rules.read_text("utf-8").replace(
            "definitions:\n", "definitions:\n  late: {tone: warm}\n", 1
        )
        rules.write_text(text, "utf-8")
    with pytest.raises(ContentError) as info:
        load_content_uncached(directory)
    message = str(info.value)
    for fragment in expected:
        assert fragment in message, (fragment, message)


def test_missing_file_is_a_content_error(tmp_path):
    target = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, target)
    (target / "plan.yaml").unlink()
    with pytest.raises(ContentError, match="plan.yaml"):
        load_content_uncached(target)


# --- every message renders for every strategy, readiness, channel and tone ------------

BASES = {
    "plain": Answers(notice_date=dt.date(2026, 3, 2)),
    "named_money_assets": Answers(
        signals=["payment_problems", "scope_creep"],
        outstanding_balance=1250.5,
        currency="EUR",
        unearned_prepayment=True,
        client_assets=["domains_hosting", "files", "credentials"],
        confidentiality_terms=True,
        your_name="Sam Rivera",
        your_business="Rivera Studio",
        client_name="Northwind Ltd",
        client_contact="Alex Chen",
        relationship_months=40,
        referral_available=True,
        notice_date=dt.date(2026, 3, 2),
    ),
    "therapist_no_contract": Answers(
        profession="therapy",
        signals=["needs_beyond_expertise"],
        has_contract=False,
        relationship_months=1,
        client_name="J. Doe",
        notice_date=dt.date(2026, 3, 2),
    ),
}
REMEDIES = {"proceed": None, "wait": None, "repair_first": "scope_or_price_change"}


def with_recommendation(decision, rec):
    """The same decision with another recommendation, to draft every combination."""
    return dataclasses.replace(decision, recommendation=rec)


def _drafts(content):
    for base_name, answers in BASES.items():
        decision = decide(answers, content, today=TODAY)
        real = decision.recommendation
        for strategy, readiness in itertools.product(STRATEGIES, READINESS):
            remedy = REMEDIES[readiness]
            if readiness == "repair_first" and "payment_problems" in answers.signals:
                remedy = "payment_plan"
            rec = real.model_copy(
                update={"strategy": strategy, "readiness": readiness, "next_remedy": remedy}
            )
            for channel, tone in itertools.product(CHANNELS, TONES):
                draft = render_message(
                    with_recommendation(decision, rec), content, channel=channel, tone=tone
                )
                yield (base_name, strategy, readiness, channel, tone), answers, draft


LEFTOVER = re.compile(r"\{\{|\{%|%\}|\}\}|\bNone\b|\bTrue\b|\bFalse\b")
AWKWARD = re.compile(r" [.,;:]|\.\.|,,| {2,}\S|\S {2,}")


def test_every_message_renders_cleanly(content):
    count = 0
    for key, answers, draft in _drafts(content):
        count += 1
        assert draft.body.strip(), key
        assert draft.subject.strip(), key
        assert not LEFTOVER.search(draft.body), (key, draft.body)
        for line in draft.body.splitlines():
            assert not AWKWARD.search(line), (key, line)
            assert line == line.strip() or line.startswith("  "), (key, line)
        if answers.client_contact:
            assert "[contact name]" not in draft.body and "[client name]" not in draft.body
            if draft.kind != "talking_points":
                assert answers.your_name in draft.body
        expected_kind = content.messages.kinds[draft.channel]
        assert draft.kind == expected_kind
    assert count == len(BASES) * len(STRATEGIES) * len(READINESS) * len(CHANNELS) * len(TONES)


def test_message_states_the_end_date_unless_repairing(content):
    for key, answers, draft in _drafts(content):
        _, _, readiness, channel, _ = key
        if readiness != "repair_first":
            rec = decide(answers, content, today=TODAY).recommendation
            assert f"{rec.effective_date.day} {rec.effective_date:%B %Y}" in draft.body, key


def test_firm_tone_is_shorter_than_warm(content):
    answers = BASES["named_money_assets"]
    decision = decide(answers, content, today=TODAY)
    for strategy in STRATEGIES:
        rec = decision.recommendation.model_copy(update={"strategy": strategy})
        warm = render_message(with_recommendation(decision, rec), content, tone="warm")
        firm = render_message(with_recommendation(decision, rec), content, tone="firm")
        assert len(firm.body) < len(warm.body), strategy


def test_plan_texts_have_no_leftovers(content):
    for answers in BASES.values():
        plan = build_plan(answers, content, today=dt.date(2026, 2, 20))
        texts = [plan.title, plan.summary, *plan.reasons, *plan.warnings]
        texts += [step.title + step.detail for step in plan.timeline]
        texts += [item.text for group in plan.checklist for item in group.items]
        texts += [note.text for note in plan.constraints]
        for text in texts:
            assert text.strip()
            assert not LEFTOVER.search(text), text


# --- the check command ----------------------------------------------------------------


def test_check_passes_on_shipped_content():
    result = _wizard("check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Content OK")


def test_check_fails_with_exit_2_naming_the_file(tmp_path):
    file, old, new, _ = BROKEN["unknown_question_in_condition"]
    directory = _broken(tmp_path, file, old, new)
    result = _wizard("--content", str(directory), "check")
    assert result.returncode == 2
    assert "rules.yaml" in result.stderr
    assert "conversation_outlok" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


# --- regressions found while reading drafts ----------------------------------------------


def _draft(content, answers: Answers, channel: str | None = None):
    decision = decide(answers, content, today=TODAY)
    draft = render_message(decision, content, channel=channel)
    return decision.recommendation, draft


def test_repair_letter_is_dated_when_the_fix_is_tried(content):
    answers = Answers(
        pattern="one_off", remedies_tried=[], notice_date=dt.date(2026, 3, 2), client_name="Acme"
    )
    rec, draft = _draft(content, answers, "letter")
    assert rec.readiness == "repair_first" and rec.notice_date == dt.date(2026, 3, 23)
    assert "Monday 2 March 2026" in draft.body
    assert "23 March" not in draft.body
    assert "talk through a frank" not in draft.body


def test_written_warning_about_behaviour_does_not_mention_money(content):
    answers = Answers(
        signals=["scope_creep"],
        remedies_tried=["frank_conversation", "scope_or_price_change", "boundaries_reset"],
        remedies_exhausted="no",
        notice_date=dt.date(2026, 3, 2),
    )
    rec, draft = _draft(content, answers)
    assert rec.next_remedy == "written_warning"
    assert "balance" not in draft.body and "0.00" not in draft.body
    # The change is asked for by the plan's review date, two days before the notice date.
    assert "by Friday 20 March 2026" in draft.body


def test_payment_plan_without_a_balance_does_not_quote_zero(content):
    answers = Answers(
        signals=["payment_problems"],
        remedies_tried=["frank_conversation"],
        remedies_exhausted="no",
        notice_date=dt.date(2026, 3, 2),
    )
    rec, draft = _draft(content, answers)
    assert rec.next_remedy == "payment_plan"
    assert "0.00" not in draft.body


def test_same_day_end_does_not_promise_work_until_the_end(content):
    answers = Answers(
        profession="therapy",
        signals=["behaviour_decline"],
        safety_concern=True,
        has_contract=False,
        notice_date=dt.date(2026, 3, 2),
    )
    rec, draft = _draft(content, answers)
    assert rec.notice_date == rec.effective_date
    assert "until the end date" not in draft.body.lower()
    assert "until then" not in draft.body.lower()


def test_letter_without_names_does_not_repeat_the_placeholder(content):
    answers = Answers(remedies_tried=["frank_conversation"], notice_date=dt.date(2026, 3, 2))
    _, draft = _draft(content, answers, "letter")
    lines = draft.body.splitlines()
    assert all(a != b for a, b in itertools.pairwise(lines) if a.strip())


def test_professional_duty_reason_reads_naturally(content):
    for profession, noun in [("therapy", "therapists"), ("law", "lawyers")]:
        answers = Answers(
            profession=profession,
            remedies_tried=["frank_conversation"],
            notice_date=dt.date(2026, 3, 2),
        )
        rec = decide(answers, content, today=TODAY).recommendation
        assert any(f"rules for {noun}" in reason for reason in rec.reasons), rec.reasons
