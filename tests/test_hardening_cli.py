"""Issue 9, finding 4: far dates and any failure of the decision core end the command line
with exit 2 and one line, never a traceback; the date arithmetic never overflows."""

from __future__ import annotations

import datetime as dt

import pytest

import wizard.engine
from tests.cli_runner import run_wizard
from wizard import cli, dates

HEAD = "schema_version: 1\nanswers:\n"


def _one_line_exit_2(result) -> str:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    return lines[0]


@pytest.mark.parametrize(
    "body",
    [
        "  notice_date: 9999-12-31\n",
        "  critical_period: true\n  critical_period_ends: 9999-12-30\n",
        "  client_in_crisis: true\n  critical_period: true\n  critical_period_ends: 2101-01-01\n",
    ],
)
@pytest.mark.parametrize("command", ["recommend", "plan"])
def test_far_dates_exit_2_with_one_message(tmp_path, body, command):
    path = tmp_path / "far.yaml"
    path.write_text(HEAD + body, encoding="utf-8")
    extra = ["-o", str(tmp_path / "plan.pdf")] if command == "plan" else []
    line = _one_line_exit_2(run_wizard(command, str(path), *extra))
    assert "from 2000-01-01 to 2100-12-31" in line
    assert not (tmp_path / "plan.pdf").exists()


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ("  client_name: '" + "x" * 300_000 + "'\n", "at most 200 characters"),
        ("  tone: warm\n  tone: firm\n", "the key 'tone' is given twice (line 4)"),
    ],
)
def test_long_names_and_duplicate_keys_exit_2(tmp_path, body, fragment):
    path = tmp_path / "bad.yaml"
    path.write_text(HEAD + body, encoding="utf-8")
    assert fragment in _one_line_exit_2(run_wizard("recommend", str(path)))


def test_latest_dates_still_plan(tmp_path):
    path = tmp_path / "late.yaml"
    path.write_text(
        HEAD + "  notice_date: 2100-12-31\n  notice_days: 365\n  notice_day_kind: business\n"
        "  critical_period: true\n  critical_period_ends: 2100-12-31\n",
        encoding="utf-8",
    )
    result = run_wizard("recommend", str(path), "--json")
    assert result.returncode == 0, result.stderr


@pytest.fixture
def answers_file(tmp_path):
    path = tmp_path / "ok.yaml"
    path.write_text(HEAD + "  tone: warm\n", encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("error", [OverflowError("out of range"), dates.DateRangeError()])
def test_a_date_overflow_in_the_core_is_reported(monkeypatch, capsys, answers_file, error):
    def broken(*args, **kwargs):
        raise error

    monkeypatch.setattr(wizard.engine, "recommend", broken)
    assert cli.main(["recommend", answers_file]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "too far away to plan with" in err


def test_an_internal_error_is_one_line_for_users(monkeypatch, capsys, answers_file):
    def broken(*args, **kwargs):
        raise KeyError("secret client text")

    monkeypatch.setattr(wizard.engine, "recommend", broken)
    monkeypatch.delenv(cli.DEBUG_ENV)
    assert cli.main(["recommend", answers_file]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "internal problem" in err
    assert "secret" not in err


def test_an_internal_error_raises_in_debug_mode(monkeypatch, answers_file):
    def broken(*args, **kwargs):
        raise KeyError("bug")

    monkeypatch.setattr(wizard.engine, "recommend", broken)
    with pytest.raises(KeyError):
        cli.main(["recommend", answers_file])


# --- dates.py never raises OverflowError ------------------------------------------------

LAST = dt.date.max
FIRST = dt.date.min


@pytest.mark.parametrize(
    "call",
    [
        lambda: dates.add_days(LAST, 1, "calendar"),
        lambda: dates.add_days(LAST - dt.timedelta(days=3), 365, "business"),
        lambda: dates.add_days(FIRST, -1, "calendar"),
        lambda: dates.next_business_day_after(LAST),
        lambda: dates.offset_working_day(LAST, 5),
        lambda: dates.offset_working_day(FIRST, -5),
    ],
)
def test_date_arithmetic_at_the_calendar_edge_raises_a_value_error(call):
    with pytest.raises(dates.DateRangeError) as info:
        call()
    assert isinstance(info.value, ValueError)
    assert "outside the calendar" in str(info.value)
