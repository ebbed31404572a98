"""The one-way flow, checked mechanically.

import-linter (run by `make test`, configured in pyproject.toml) states which modules a
view may import. This file checks the other half: the views hold no product wording of
their own. Every sentence a user reads comes from content through the plan or the
screens model, so two views can never word the same thing differently.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
VIEW_DIRS = [ROOT / "wizard" / "ui", ROOT / "wizard" / "pdf", ROOT / "wizard" / "exports"]
# Two words of letters in a row: prose, not a key, an icon or a format code.
DEVELOPER_TEXT = "# log text"
# A file format's own identifier (a Word style name, a calendar's PRODID): never shown.
FORMAT_CODE = "# format code"
PROSE = re.compile(r"[A-Za-z]{2,}[,.']?\s+[A-Za-z]{2,}")


def _view_files() -> list[Path]:
    files: list[Path] = []
    for directory in VIEW_DIRS:
        files += sorted(directory.rglob("*.py")) if directory.is_dir() else []
    single = ROOT / "wizard" / "pdf.py"
    return files + ([single] if single.exists() else [])


def _docstrings(tree: ast.AST) -> set[int]:
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def _developer_only(tree: ast.AST) -> set[int]:
    """Strings in log calls and raised exceptions: for developers and logs, not users."""
    found: set[int] = set()
    for node in ast.walk(tree):
        is_log = (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in {"debug", "info", "warning", "error", "exception", "critical"}
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id in {"log", "_LOG", "logger", "LOG"}
        )
        is_error_class = isinstance(node, ast.ClassDef) and any(
            isinstance(base, ast.Name) and base.id.endswith(("Exception", "Error"))
            for base in node.bases
        )
        if is_log or is_error_class or isinstance(node, ast.Raise | ast.Assert):
            found.update(id(sub) for sub in ast.walk(node) if isinstance(sub, ast.Constant))
    return found


def prose_in(path: Path) -> list[str]:
    tree = ast.parse(path.read_text("utf-8"))
    name = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name
    skip = _docstrings(tree) | _developer_only(tree)
    lines = path.read_text("utf-8").splitlines()
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
            continue
        # A string marked on its line as log text is for the server's log, never a user.
        marked = DEVELOPER_TEXT in lines[node.lineno - 1] or FORMAT_CODE in lines[node.lineno - 1]
        if id(node) not in skip and not marked and PROSE.search(node.value):
            found.append(f"{name}:{node.lineno}: {node.value[:60]!r}")
    return found


def test_prose_detector_finds_a_sentence(tmp_path):
    sample = tmp_path / "view.py"
    sample.write_text('"""Doc string is fine."""\nLABEL = "Download the plan"\nKEY = "w:notice"\n')
    assert [line.split(": ", 1)[1] for line in prose_in(sample)] == ["'Download the plan'"]


@pytest.mark.parametrize("path", _view_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_views_hold_no_product_wording(path):
    assert prose_in(path) == []


def test_import_contracts_hold():
    """The same contracts `make test` runs, so a plain pytest run checks them too."""
    lint = Path(sys.executable).with_name("lint-imports")
    if not lint.exists():
        pytest.skip("import-linter is not installed in this environment")
    result = subprocess.run(
        [str(lint)], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stdout[-3000:]
