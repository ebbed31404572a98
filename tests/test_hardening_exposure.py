"""Issue 9, finding 9: server exposure settings, dependency floor, lock file and audit."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _lock() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, version = line.split("==")
            pins[re.sub(r"[-_.]+", "-", name).lower()] = version
    return pins


def test_agent_api_is_pinned_off_and_the_option_exists():
    from streamlit import config

    server = tomllib.loads((ROOT / ".streamlit/config.toml").read_text(encoding="utf-8"))["server"]
    assert server["enableAgentApi"] is False
    assert server["enableExpensiveMemoryStats"] is False
    for option in ("server.enableAgentApi", "server.enableExpensiveMemoryStats"):
        assert option in config.get_config_options()  # a misspelt key is ignored silently


def test_jinja2_floor_has_the_sandbox_fix():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert "jinja2>=3.1.6" in project["dependencies"]


def test_the_lock_pins_what_is_installed():
    pins = _lock()
    for name in ("streamlit", "pydantic", "jinja2", "fpdf2", "pyyaml", "pytest", "playwright"):
        assert name in pins, name
    for name, version in pins.items():
        assert metadata.version(name) == version, name
    assert pins["fpdf2"] == "2.8.9"
    assert tuple(int(p) for p in pins["jinja2"].split(".")[:3]) >= (3, 1, 6)


def test_make_installs_from_the_lock():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    installs = [line for line in makefile.splitlines() if line.startswith("\t$(BIN)/pip install")]
    project_installs = [line for line in installs if " -e " in line]
    assert len(project_installs) == 2
    assert all("-c $(LOCK)" in line for line in project_installs)


@pytest.mark.parametrize(
    ("report", "verdict", "code"),
    [
        ({"dependencies": [{"name": "a", "version": "1", "skip_reason": "not found"}]},
         "audit: could not check", 0),
        ({"dependencies": [{"name": "a", "version": "1", "vulns": []},
                           {"name": "b", "version": "2", "skip_reason": "not found"}]},
         "audit: no known vulnerabilities in 1 pinned packages; 1 could not be checked: b", 0),
        ({"dependencies": [{"name": "jinja2", "version": "3.1.5",
                            "vulns": [{"id": "GHSA-cpwx-vrp4-4pq7"}]}]},
         "audit: KNOWN VULNERABILITIES in jinja2 3.1.5 (GHSA-cpwx-vrp4-4pq7)", 1),
        (None, "audit: could not check", 0),
    ],
)  # fmt: skip
def test_audit_says_plainly_whether_it_checked(tmp_path, report, verdict, code):
    # pip-audit prints "No known vulnerabilities found" even when it skipped everything.
    fake = tmp_path / "pip-audit"
    output = json.dumps(report) if report is not None else "Traceback: no network"
    fake.write_text(f"#!{sys.executable}\nprint({output!r})\n", encoding="utf-8")
    fake.chmod(0o755)
    run = subprocess.run([sys.executable, "scripts/audit.py", str(fake)], cwd=ROOT,
                         capture_output=True, text=True, check=False)  # fmt: skip
    assert run.returncode == code
    lines = run.stdout.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(verdict), run.stdout
