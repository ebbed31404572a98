"""The server's event loop: Streamlit runs on uvloop when it can import it, and the project
depends on it for that (bench/RESULTS.md, 2026-12-07 later: an answer's round trip fell from
5.5-6.7 ms to 4.7 ms). These tests fail if the dependency is dropped or if Streamlit stops
picking uvloop up, so the server cannot fall back to Python's own loop unnoticed."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_the_project_depends_on_uvloop_where_it_exists():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert "uvloop>=0.21; sys_platform != 'win32'" in project["dependencies"]


@pytest.mark.skipif(sys.platform == "win32", reason="uvloop does not run on Windows")
def test_streamlit_starts_its_server_on_uvloop():
    import uvloop
    from streamlit.web import bootstrap

    # The function `streamlit run` asks for its loop; a rename in Streamlit fails here.
    factory = bootstrap._get_uvloop_loop_factory()
    assert factory is uvloop.new_event_loop
    loop = factory()
    try:
        assert isinstance(loop, uvloop.Loop)
    finally:
        loop.close()
