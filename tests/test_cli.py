"""The command line: output on success; exit code 2 and a message, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli_runner import run_wizard as _wizard
from tests.contract import CONTRACT_KEYS
from wizard.cli import main

ROOT = Path(__file__).resolve().parent.parent
SCENARIO = ROOT / "tests" / "scenarios" / "lawyer_court_date.yaml"


def test_recommend_prints_a_summary():
    result = _wizard("recommend", str(SCENARIO), "--today", "2026-02-20")
    assert result.returncode == 0, result.stderr
    assert "Strategy:        transition" in result.stdout
    assert "Readiness:       proceed" in result.stdout
    assert "Notice date:     2026-03-02" in result.stdout
    assert "court_permission" in result.stdout
    assert "Reasons:" in result.stdout
    assert result.stderr == ""


def test_recommend_json_prints_the_contract_object(capsys):
    assert main(["recommend", str(SCENARIO), "--json", "--today", "2026-02-20"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data) == CONTRACT_KEYS
    assert data["strategy"] == "transition"
    assert data["notice_date"] == "2026-03-02"
    assert all(list(item) == ["id", "text", "due"] for item in data["checklist"])


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"schema_version: 1\nanswers:\n  profession: plumber\n", "'profession'"),
        (b"schema_version: 3\n", "schema_version"),
        (b"\x00\x01binary", "binary"),
        (b"\xff\xfe\xfa", "UTF-8"),
        (b"{{{", "not valid YAML"),
        (b"!!python/object/apply:os.system ['echo hi']\n", "not valid YAML"),
        (b"a: &x [1]\nb: *x\n", "anchors"),
    ],
)
def test_bad_file_exits_2_with_a_message(tmp_path, content, fragment):
    path = tmp_path / "answers.yaml"
    path.write_bytes(content)
    result = _wizard("recommend", str(path), "--json")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("error: ")
    assert str(path) in result.stderr
    assert fragment in result.stderr
    assert "Traceback" not in result.stderr


def test_file_over_one_megabyte_exits_2(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_bytes(b"schema_version: 1\n#" + b"x" * 1_100_000 + b"\n")
    result = _wizard("recommend", str(path))
    assert result.returncode == 2
    assert "1 MB" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("make", ["missing", "directory"])
def test_missing_or_unreadable_file_exits_2(tmp_path, make):
    path = tmp_path / "nope.yaml"
    if make == "directory":
        path.mkdir()
    result = _wizard("recommend", str(path))
    assert result.returncode == 2
    assert str(path) in result.stderr
    assert "cannot read" in result.stderr
    assert "Traceback" not in result.stderr


def test_plan_without_output_is_an_argparse_error():
    result = _wizard("plan", str(SCENARIO))
    assert result.returncode == 2
    assert "-o" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("args", [[], ["frobnicate"], ["recommend"]])
def test_usage_errors_exit_2(args):
    result = _wizard(*args)
    assert result.returncode == 2
    assert "usage:" in result.stderr


def test_plan_with_bad_answers_exits_2_before_rendering(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("schema_version: 1\nanswers:\n  tone: shouty\n")
    out = tmp_path / "plan.pdf"
    result = _wizard("plan", str(path), "-o", str(out))
    assert result.returncode == 2
    assert "'tone'" in result.stderr
    assert not out.exists()
