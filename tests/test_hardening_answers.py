"""Issue 9: the contract's limits in the answers model (finding 1, 4) and plain-language
errors that name the field and the allowed values (finding 8)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from wizard import answers as answers_module
from wizard.answers import (
    DATE_MAX,
    DATE_MIN,
    DEADLINES_MAX,
    MESSAGE_MAX_CHARS,
    NAME_MAX_CHARS,
    Answers,
    AnswersError,
    dump_answers,
    load_answers,
)

HEAD = "schema_version: 1\nanswers:\n"
NAMES = ("your_name", "your_business", "client_name", "client_contact")
PYTHON_WORDING = re.compile(
    r"NoneType|sys\.|set_int_max_str_digits|Input should|valid (string|integer|boolean)"
    r"|\b(str|dict|int|float|bool|list\[)\b|\^|\$|Value error"
)


def _error(data: bytes | str) -> str:
    with pytest.raises(AnswersError) as info:
        load_answers(data)
    message = str(info.value)
    assert not PYTHON_WORDING.search(message), message
    assert all(ch.isprintable() for ch in message), message  # no U+2060 or other invisibles
    return message


def test_limits_are_the_contracts():
    assert NAME_MAX_CHARS == 200 and MESSAGE_MAX_CHARS == 20_000 and DEADLINES_MAX == 10
    assert (dt.date(2000, 1, 1), dt.date(2100, 12, 31)) == (DATE_MIN, DATE_MAX)


# --- names ---------------------------------------------------------------------------


@pytest.mark.parametrize("field", NAMES)
def test_a_name_at_the_limit_loads_and_round_trips(field):
    a = Answers(**{field: "ж" * NAME_MAX_CHARS})
    text = dump_answers(a)
    assert load_answers(text) == a
    assert dump_answers(load_answers(text)) == text


@pytest.mark.parametrize("field", NAMES)
@pytest.mark.parametrize("length", [NAME_MAX_CHARS + 1, 300_000])
def test_a_longer_name_is_refused_with_the_limit(field, length):
    message = _error(f"{HEAD}  {field}: '{'x' * length}'\n")
    assert f"'{field}' must be text of at most 200 characters (this one has {length:,})" in message
    assert "x" * 50 not in message  # the text itself is not echoed


# --- dates ---------------------------------------------------------------------------


@pytest.mark.parametrize("field", ["notice_date", "critical_period_ends"])
@pytest.mark.parametrize("value", ["2000-01-01", "2100-12-31", "'2100-12-31'"])
def test_dates_at_the_bounds_load(field, value):
    loaded = load_answers(f"{HEAD}  {field}: {value}\n")
    assert getattr(loaded, field) in (DATE_MIN, DATE_MAX)


@pytest.mark.parametrize("field", ["notice_date", "critical_period_ends"])
@pytest.mark.parametrize("value", ["1999-12-31", "2101-01-01", "9999-12-31", "0001-01-01"])
def test_dates_outside_the_bounds_are_refused(field, value):
    message = _error(f"{HEAD}  {field}: {value}\n")
    assert f"'{field}' must be a date written as YYYY-MM-DD, from 2000-01-01 to 2100-12-31" in (
        message
    )


# --- plain-language errors ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  currency: usd\n", "'currency' must be a three-letter code such as USD, EUR or GBP"),
        ("  currency: 5\n", "'currency' must be a three-letter code such as USD, EUR or GBP"),
        ("  safety_concern: maybe\n", "'safety_concern' must be true or false"),
        ("  notice_days: '30'\n", "'notice_days' must be a whole number from 0 to 365"),
        ("  notice_days: 400\n", "'notice_days' must be a whole number from 0 to 365"),
        ("  relationship_months: true\n", "from 0 to 1,200"),
        ("  outstanding_balance: .inf\n", "an amount from 0 to 1,000,000,000,000"),
        ("  tone: [warm]\n", "'tone' must be one of 'warm', 'neutral' or 'firm'"),
        ("  client_assets: files\n", "'client_assets' must be a list of any of 'files', "),
        ("  remedies_tried: [nagging]\n", "'remedies_tried' (entry 1) must be one of "),
        ("  notice_date: next week\n", "'notice_date' must be a date written as YYYY-MM-DD"),
        ("  client_name: {a: 1}\n", "'client_name' must be text of at most 200 characters"),
    ],
)
def test_wrong_values_name_the_field_and_what_it_accepts(text, expected):
    assert expected in _error(HEAD + text)


def test_every_field_has_a_plain_description():
    for name in Answers.model_fields:
        description = answers_module.allowed_values(name)
        assert "value of the kind" not in description, name


def test_answers_that_are_not_a_mapping():
    assert "'answers' must be a mapping of field names to answers" in _error(
        "schema_version: 1\nanswers: [1, 2]\n"
    )


@pytest.mark.parametrize(
    ("text", "kind"),
    [("- 1\n", "a list"), ("just words\n", "a piece of text"), ("42\n", "a number")],
)
def test_a_document_that_is_not_a_mapping_says_what_it_holds(text, kind):
    assert f"this one holds {kind}." in _error(text)


@pytest.mark.parametrize("text", ["", "   \n", "# only a comment\n", b"\xef\xbb\xbf"])
def test_an_empty_file_is_called_empty(text):
    assert "The file is empty." in _error(text)


@pytest.mark.parametrize(
    "key", ["http://evil.example", "www.example.com", "me@example.com", "\u202eevil", "k" * 500]
)
def test_unknown_keys_that_are_not_plain_names_are_not_echoed(key):
    message = _error(f"{HEAD}  '{key}': 1\n")
    assert "a field name that is not part of the answers format" in message
    assert key not in message


def test_a_misspelt_field_gets_a_suggestion():
    message = _error(HEAD + "  profesion: law\n")
    assert "'profesion' is not a field of the answers format" in message
    assert "did you mean 'profession'?" in message


def test_a_long_schema_version_is_cut_short():
    message = _error("schema_version: '" + "9" * 500 + "'\n")
    assert "9" * 30 not in message


# --- round trip ------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["\x85", "a\u2028b", "\u2029 x\x85", "Zoë\r\nØrsted"])
def test_names_with_yaml_line_breaks_round_trip(name):
    # Found by the existing round-trip property: NEL came back as a space before.
    a = Answers(client_contact=name)
    text = dump_answers(a)
    assert load_answers(text) == a
    assert dump_answers(load_answers(text)) == text
