"""Issue 9: duplicate keys refused, plain-language loader errors (findings 8)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from wizard.answers import AnswersError, load_answers
from wizard.safe_yaml import (
    DuplicateKeyError,
    UniqueKeyLoader,
    UnsafeYamlError,
    load_untrusted,
    load_yaml_unique,
)

CONTENT = Path(__file__).resolve().parent.parent / "content"
HEAD = "schema_version: 1\nanswers:\n"


def _error(data: bytes | str) -> str:
    with pytest.raises(AnswersError) as info:
        load_answers(data)
    return str(info.value)


# --- duplicate keys ------------------------------------------------------------------


def test_untrusted_duplicate_key_is_named_with_its_line():
    text = HEAD + "  tone: warm\n  profession: law\n  notice_days: 10\n  notice_days: 30\n"
    message = _error(text)
    assert "the key 'notice_days' is given twice (line 6)" in message


@pytest.mark.parametrize(
    "text",
    [
        "schema_version: 1\nschema_version: 1\n",
        '{"schema_version": 1, "answers": {"tone": "warm", "tone": "firm"}}',
        HEAD + "  tone: warm\n  'tone': firm\n",
    ],
)
def test_duplicates_in_yaml_json_and_quoted_forms_are_refused(text):
    with pytest.raises(UnsafeYamlError, match="is given twice"):
        load_untrusted(text)


def test_a_key_that_is_not_a_plain_name_is_not_echoed():
    text = HEAD + "  http://x.example: 1\n  http://x.example: 2\n"
    message = _error(text)
    assert "a key is given twice (line 4)" in message
    assert "http" not in message


def test_trusted_loader_refuses_duplicates_with_key_and_line():
    with pytest.raises(DuplicateKeyError) as info:
        load_yaml_unique("steps:\n  - id: a\n    label: x\n    label: y\n")
    assert isinstance(info.value, ValueError)
    assert (info.value.key, info.value.line) == ("label", 4)
    assert "'label' is given twice (line 4)" in str(info.value)


def test_trusted_loader_keeps_merge_overrides_and_timestamps():
    text = "base: &b {a: 1, b: 2}\nd:\n  <<: *b\n  a: 3\nwhen: 2026-03-02\n"
    data = load_yaml_unique(text)
    assert data["d"] == {"a": 3, "b": 2}
    assert str(data["when"]) == "2026-03-02"


def test_trusted_loader_uses_libyaml_when_installed():
    if not yaml.__with_libyaml__:
        pytest.skip("PyYAML built without libyaml")
    assert issubclass(UniqueKeyLoader, yaml.CSafeLoader)


@pytest.mark.parametrize("path", sorted(CONTENT.glob("*.yaml")), ids=lambda p: p.name)
def test_content_files_have_no_duplicate_keys_and_load_as_before(path):
    text = path.read_text(encoding="utf-8")
    assert load_yaml_unique(text) == yaml.load(text, Loader=yaml.SafeLoader)  # noqa: S506


def test_untrusted_protections_still_hold():
    with pytest.raises(UnsafeYamlError, match="anchors"):
        load_untrusted("a: &x 1\nb: *x\n")
    with pytest.raises(UnsafeYamlError, match="nested"):
        load_untrusted("[" * 50 + "]" * 50)


# --- plain-language errors (finding 8) ---------------------------------------------------

PYTHON_WORDING = re.compile(
    r"NoneType|sys\.|set_int_max_str_digits|Input should|\b(str|dict|int|float|bool)\b|\^|\$"
)


def _plain(message: str) -> None:
    assert not PYTHON_WORDING.search(message), message
    assert all(ch.isprintable() for ch in message), message  # no U+2060 or other invisibles


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_text_is_not_called_binary(codec):
    message = _error((HEAD + "  client_name: Zoë\n").encode(codec))
    assert "binary" not in message
    assert "not UTF-8" in message and "save it again as UTF-8" in message
    _plain(message)


def test_real_binary_is_still_called_binary():
    assert "binary" in _error(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01\x02")


@pytest.mark.parametrize(
    "text",
    [
        HEAD + "  notice_days: " + "9" * 5000 + "\n",
        "schema_version: " + "9" * 5000 + "\n",
        HEAD + "  relationship_months: -" + "1" * 4400 + "\n",
    ],
)
def test_a_huge_number_gets_a_plain_message(text):
    message = _error(text)
    assert "longer than 100 digits" in message
    _plain(message)
