"""The answers contract's loading rules (shared/spec/answers.md)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import yaml
from hypothesis import given, settings

from tests.strategies import answers
from wizard.answers import Answers, AnswersError, dump_answers, load_answers
from wizard.content import load_content
from wizard.engine import recommend
from wizard.notice_date import resolve_notice_date

HEAD = "schema_version: 1\nanswers:\n"


def _error(data: bytes | str) -> str:
    with pytest.raises(AnswersError) as info:
        load_answers(data)
    assert type(info.value) is AnswersError
    return str(info.value)


# --- defaults ------------------------------------------------------------------------


def test_missing_fields_take_the_contract_defaults():
    loaded = load_answers(b"schema_version: 1\n")
    assert loaded == Answers()
    assert load_answers(HEAD) == Answers()
    assert load_answers(HEAD + "  profession: law\n") == Answers(profession="law")


def test_defaults_are_the_documented_ones():
    a = Answers()
    assert a.profession == "general"
    assert a.signals == ["scope_creep"]
    assert a.pattern == "recurring"
    assert a.remedies_tried == []
    assert a.remedies_exhausted == "yes"
    assert a.has_contract is True
    assert a.termination_clause == "notice"
    assert (a.notice_days, a.notice_day_kind) == (30, "calendar")
    assert (a.outstanding_balance, a.currency) == (0, "USD")
    assert a.relationship_months == 12
    assert a.relationship_depth == "ongoing"
    assert a.critical_period_ends is None and a.notice_date is None
    assert (a.preferred_channel, a.tone) == ("email", "neutral")
    assert (a.your_name, a.client_name) == ("", "")


# --- one clear error per problem ------------------------------------------------------


def test_unknown_field_is_named():
    message = _error(HEAD + "  profesion: law\n")
    assert "'profesion'" in message
    assert "not a field" in message


def test_unknown_top_level_key_is_named():
    assert "'extra'" in _error("schema_version: 1\nextra: 1\n")


@pytest.mark.parametrize(
    ("field", "value", "allowed"),
    [
        ("profession", "plumber", ["general", "law", "construction"]),
        ("tone", "angry", ["warm", "neutral", "firm"]),
        ("preferred_channel", "fax", ["email", "letter", "in_person"]),
        ("remedies_exhausted", "maybe", ["yes", "no", "unsure"]),
        ("termination_clause", "whenever", ["none", "notice", "cause_only", "unsure"]),
    ],
)
def test_bad_enum_value_names_field_and_allowed_values(field, value, allowed):
    message = _error(f"{HEAD}  {field}: {value}\n")
    assert f"'{field}'" in message
    for option in allowed:
        assert f"'{option}'" in message


def test_bad_list_entry_names_field_and_entry():
    message = _error(HEAD + "  signals: [scope_creep, rude]\n")
    assert "'signals' (entry 2)" in message
    assert "'unresponsive'" in message


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("safety_concern", "maybe"),
        ("notice_days", "'30'"),
        ("notice_days", "30.5"),
        ("notice_days", "400"),
        ("notice_days", "-1"),
        ("relationship_months", "true"),
        ("outstanding_balance", "-5"),
        ("outstanding_balance", ".inf"),
        ("outstanding_balance", "true"),
        ("currency", "usd"),
        ("client_name", "5"),
        ("signals", "scope_creep"),
        ("notice_date", "next week"),
        ("notice_date", "2026-02-31"),
        ("critical_period_ends", "2026-13-01"),
    ],
)
def test_wrong_type_or_range_names_the_field(field, value):
    message = _error(f"{HEAD}  {field}: {value}\n")
    assert f"'{field}'" in message
    assert message.count("'") >= 2 and message.count("; ") == 0  # one problem reported


def test_several_problems_in_one_error():
    message = _error(HEAD + "  profession: x\n  tone: y\n")
    assert "'profession'" in message and "'tone'" in message


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("schema_version: 2\n", "2"),
        ("schema_version: '1'\n", "'1'"),
        ("schema_version: true\n", "True"),
        ("schema_version: 1.5\n", "1.5"),
    ],
)
def test_wrong_schema_version(text, shown):
    message = _error(text)
    assert "'schema_version'" in message
    assert shown in message


def test_missing_schema_version():
    message = _error("answers:\n  tone: warm\n")
    assert "'schema_version' is missing" in message


def test_answers_must_be_a_mapping():
    assert "'answers'" in _error("schema_version: 1\nanswers: [1, 2]\n")


@pytest.mark.parametrize("text", ["", "- 1\n- 2\n", "just words\n", "42\n"])
def test_document_must_be_a_mapping(text):
    assert "mapping" in _error(text)


# --- hostile input -----------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        b"{{{ ::: ]]",
        b"schema_version: 1\n\tanswers: x\n",
        b"\x00\x01\x02\x03binary",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"schema_version: 1\nanswers:\n  client_name: \xff\xfe\n",
        b"\xc3\x28",
        "schema_version: 1\nanswers: {client_name: '\udc80'}",
        "schema_version: 1\x00\n",
        b"schema_version: 1\n---\nschema_version: 1\n",
        b'schema_version: 1\nanswers: {notice_days: "\\uD800"}\n',
    ],
)
def test_unusable_bytes_give_an_answers_error(data):
    assert _error(data)


def test_billion_laughs_is_refused():
    bomb = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        bomb.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    message = _error("\n".join(bomb) + "\n")
    assert "anchors" in message or "aliases" in message


def test_alias_without_anchor_is_refused():
    assert _error(b"schema_version: 1\nanswers: *nothing\n")


@pytest.mark.parametrize("depth", [50, 10_000])
def test_deep_nesting_is_refused_without_recursion_error(depth):
    text = "schema_version: 1\nanswers:\n  signals: " + "[" * depth + "]" * depth + "\n"
    assert "nested" in _error(text)
    flow = "{a: " * depth + "1" + "}" * depth
    assert "nested" in _error(flow)


def test_block_style_deep_nesting_is_refused():
    text = "".join(f"{'  ' * i}k{i}:\n" for i in range(500)) + "  " * 500 + "x\n"
    assert "nested" in _error(text)


def test_too_many_values_is_refused():
    text = "schema_version: 1\nanswers:\n  signals: [" + ", ".join(["scope_creep"] * 20_000) + "]\n"
    assert "values" in _error(text)


@pytest.mark.parametrize("as_text", [False, True])
def test_file_over_one_megabyte_is_refused(as_text):
    data = HEAD + "  client_name: '" + "x" * 1_000_100 + "'\n"
    assert "1 MB" in _error(data if as_text else data.encode())


def test_python_tags_never_execute(tmp_path):
    marker = tmp_path / "pwned"
    payloads = [
        f"!!python/object/apply:builtins.open ['{marker}', 'w']\n",
        f"schema_version: 1\nanswers:\n  client_name: !!python/object/apply:builtins.open "
        f"['{marker}', 'w']\n",
        "!!python/object/new:os.system ['true']\n",
        "!!python/name:os.system\n",
    ]
    for payload in payloads:
        _error(payload)
    assert not marker.exists()


def test_unknown_tag_is_refused():
    assert _error(HEAD + "  client_name: !custom x\n")


# --- formats and conveniences -------------------------------------------------------


def test_json_input_loads():
    data = {
        "schema_version": 1,
        "answers": {
            "profession": "law",
            "signals": ["payment_problems"],
            "remedies_exhausted": "no",
            "outstanding_balance": 250,
            "notice_date": "2026-12-01",
            "critical_period": True,
            "critical_period_ends": "2026-12-24",
        },
    }
    loaded = load_answers(json.dumps(data).encode())
    assert loaded.profession == "law"
    assert loaded.remedies_exhausted == "no"
    assert loaded.outstanding_balance == 250.0
    assert loaded.notice_date == dt.date(2026, 12, 1)
    assert loaded.critical_period_ends == dt.date(2026, 12, 24)


def test_utf8_bom_is_accepted():
    assert load_answers(b"\xef\xbb\xbfschema_version: 1\n") == Answers()


@pytest.mark.parametrize(
    ("raw", "value"),
    [("yes", "yes"), ("no", "no"), ("Yes", "yes"), ("'no'", "no"), ("unsure", "unsure")],
)
def test_unquoted_yes_no_for_remedies_exhausted(raw, value):
    assert load_answers(f"{HEAD}  remedies_exhausted: {raw}\n").remedies_exhausted == value


def test_yaml_dates_and_quoted_dates_both_load():
    a = load_answers(HEAD + "  notice_date: 2026-12-01\n  critical_period_ends: '2026-12-24'\n")
    assert a.notice_date == dt.date(2026, 12, 1)
    assert a.critical_period_ends == dt.date(2026, 12, 24)


def test_duplicates_in_lists_are_dropped_in_order():
    a = load_answers(HEAD + "  signals: [unresponsive, scope_creep, unresponsive]\n")
    assert a.signals == ["unresponsive", "scope_creep"]


def test_unicode_and_markup_names_survive():
    name = "Zoë <b>&amp;</b> {{ client }} 李雷 محمد"
    a = load_answers(f'{HEAD}  client_name: "{name}"\n'.encode())
    assert a.client_name == name


@settings(max_examples=150, deadline=None, database=None)
@given(answers(notice_date=False))
def test_dump_then_load_round_trips(a: Answers):
    text = dump_answers(a)
    assert text.startswith("schema_version: 1\n")
    assert load_answers(text) == a
    assert load_answers(text.encode("utf-8")) == a


def test_dump_keeps_contract_field_order():
    data = yaml.safe_load(dump_answers(Answers()))
    assert list(data) == ["schema_version", "answers"]
    assert list(data["answers"]) == list(Answers.model_fields)


# --- a missing notice date --------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (dt.date(2026, 3, 3), dt.date(2026, 3, 4)),  # Tuesday -> Wednesday
        (dt.date(2026, 3, 6), dt.date(2026, 3, 9)),  # Friday -> Monday
        (dt.date(2026, 3, 7), dt.date(2026, 3, 9)),  # Saturday -> Monday
        (dt.date(2026, 3, 8), dt.date(2026, 3, 9)),  # Sunday -> Monday
    ],
)
def test_missing_notice_date_is_the_next_business_day_after_today(today, expected):
    a = load_answers(HEAD + "  signals: [scope_creep]\n  remedies_tried: [frank_conversation]\n")
    assert a.notice_date is None
    assert resolve_notice_date(a, today) == expected
    rec = recommend(a, load_content(), today=today)
    assert rec.notice_date == expected
    assert rec.effective_date == expected + dt.timedelta(days=30)
