"""Run the command line as a user would: `python -m wizard ...` in a subprocess."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_wizard(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "wizard", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
