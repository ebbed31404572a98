"""Hand-reasoned scenarios: each tests/scenarios/<name>.yaml is a plain answers file and
tests/scenarios/expected.yaml says what a careful practitioner would recommend for it."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.contract import CONTRACT_KEYS
from wizard.answers import load_answers
from wizard.content import load_content
from wizard.engine import recommend
from wizard.plan import build_plan

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = Path(__file__).resolve().parent / "scenarios"
EXPECTED: dict[str, dict] = yaml.safe_load((SCENARIOS / "expected.yaml").read_text("utf-8"))

SCALARS = (
    "strategy",
    "readiness",
    "channel",
    "follow_up_call",
    "written_notice",
    "next_remedy",
    "effective_condition",
    "notice_days",
    "notice_days_minimum",
)
DATES = ("notice_date", "effective_date")
LISTS = (
    "constraints_include",
    "constraints_exclude",
    "warnings_include",
    "warning_ids_include",
    "warning_ids_exclude",
)
KNOWN_KEYS = {*SCALARS, *DATES, *LISTS, "why", "today"}
# The plan date scenarios are judged on unless they name one: the scenarios written first
# plan notice for early March 2026.
DEFAULT_TODAY = dt.date(2026, 2, 20)


def today_for(name: str) -> dt.date:
    return dt.date.fromisoformat(str(EXPECTED[name].get("today", DEFAULT_TODAY)))


def test_every_scenario_file_has_an_expectation_and_vice_versa():
    files = {p.stem for p in SCENARIOS.glob("*.yaml") if p.name != "expected.yaml"}
    assert files == set(EXPECTED)
    assert len(files) >= 28


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_expectation_is_well_formed(name):
    expected = EXPECTED[name]
    assert set(expected) <= KNOWN_KEYS, set(expected) - KNOWN_KEYS
    assert expected.get("why", "").strip(), "every expectation says why"
    assert set(expected) - {"why"}, "an expectation must assert something"
    data = yaml.safe_load((SCENARIOS / f"{name}.yaml").read_text("utf-8"))
    assert data["schema_version"] == 1
    assert "notice_date" in data["answers"], "scenarios pin the notice date"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_scenario(name):
    expected = EXPECTED[name]
    answers = load_answers((SCENARIOS / f"{name}.yaml").read_bytes())
    rec = recommend(answers, load_content(), today=today_for(name))
    for key in SCALARS:
        if key in expected:
            assert getattr(rec, key) == expected[key], (key, rec.reasons)
    for key in DATES:
        if key in expected:
            assert getattr(rec, key).isoformat() == str(expected[key]), (key, rec.reasons)
    for cid in expected.get("constraints_include", []):
        assert cid in rec.constraints
    for cid in expected.get("constraints_exclude", []):
        assert cid not in rec.constraints
    for fragment in expected.get("warnings_include", []):
        assert any(fragment in warning for warning in rec.warnings), rec.warnings
    for wid in expected.get("warning_ids_include", []):
        assert wid in rec.warning_ids, rec.warning_ids
    for wid in expected.get("warning_ids_exclude", []):
        assert wid not in rec.warning_ids, rec.warning_ids
    # The same input always gives the same output.
    assert recommend(answers, load_content(), today=today_for(name)) == rec


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_scenario_plan_builds(name):
    answers = load_answers((SCENARIOS / f"{name}.yaml").read_bytes())
    plan = build_plan(answers, load_content(), today=today_for(name))
    body = plan.message.body
    assert body.strip()
    assert "{{" not in body and "{%" not in body
    assert "None" not in body
    if plan.recommendation.readiness == "repair_first":
        assert plan.first_step
    # Optional template parts join with one space, never two (scenario texts have none).
    assert not [line for line in _lines(plan.model_dump(mode="json")) if "  " in line.strip()]


def _lines(value) -> list[str]:
    """Every line of every text in a dumped plan."""
    if isinstance(value, str):
        return value.split("\n")
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        return [line for item in value for line in _lines(item)]
    return []


@pytest.mark.parametrize(
    "name", ["therapist_threatened", "business_days_over_weekend", "lawyer_court_date"]
)
def test_cli_json_has_exactly_the_contract_keys(name):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "wizard",
            "recommend",
            str(SCENARIOS / f"{name}.yaml"),
            "--json",
            "--today",
            today_for(name).isoformat(),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert list(data) == CONTRACT_KEYS
    assert list(data["scores"]) == ["communicate", "quiet_exit", "transition"]
    for item in data["checklist"]:
        assert list(item) == ["id", "text", "due"]
    expected = EXPECTED[name]
    for key in ("strategy", "readiness", "channel", "notice_date", "effective_date"):
        if key in expected:
            want = str(expected[key]) if key in DATES else expected[key]
            assert data[key] == want, key
