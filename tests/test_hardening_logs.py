"""Issue 9, finding 3: Streamlit session ids never reach the log."""

from __future__ import annotations

import io
import logging
import uuid
from pathlib import Path

import pytest

from wizard import logsafe

SESSION = "0b8e1c2a-4f6d-4e1b-9a3c-7d5e2f1a8b90"


@pytest.fixture
def installed(monkeypatch):
    """install() on a clean slate; the record factory and flag are restored afterwards."""
    monkeypatch.setattr(logsafe, "_installed", False)
    factory = logging.getLogRecordFactory()
    yield logsafe.install
    logging.setLogRecordFactory(factory)


def _streamlit_logger(name: str) -> tuple[logging.Logger, io.StringIO]:
    """A logger built the way Streamlit builds its own: own handler, no propagation."""
    from streamlit.logger import get_logger

    logger = get_logger(name)
    stream = io.StringIO()
    logger.streamlit_console_handler.setStream(stream)
    logger.setLevel(logging.INFO)
    return logger, stream


def test_streamlit_reconnect_message_is_redacted(installed):
    logger, stream = _streamlit_logger("streamlit.runtime.websocket_session_manager")
    installed()
    logger.warning(
        "Session with id %s is already connected! Reconnecting to existing session.", SESSION
    )
    out = stream.getvalue()
    assert "Session with id <session> is already connected!" in out
    assert SESSION not in out and SESSION[:8] not in out


def test_loggers_created_after_install_are_covered(installed):
    installed()
    logger, stream = _streamlit_logger(f"streamlit.later.{uuid.uuid4().hex}")
    logger.error(f"Session {SESSION.upper()} ended")  # already formatted into msg
    assert stream.getvalue().rstrip().endswith("Session <session> ended")


def test_root_handlers_get_the_filter(installed):
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        installed()
        assert logsafe.FILTER in handler.filters
        record = logging.LogRecord("x", logging.WARNING, __file__, 1, "id=%s", (SESSION,), None)
        handler.handle(record)  # a record made before install(), e.g. by another factory
        assert stream.getvalue().strip() == "id=<session>"
    finally:
        root.removeHandler(handler)


def test_install_is_idempotent(installed):
    installed()
    factory = logging.getLogRecordFactory()
    installed()
    installed()
    assert logging.getLogRecordFactory() is factory


def test_other_text_is_left_alone():
    assert logsafe.redact("12345678-1234 and deadbeef") == "12345678-1234 and deadbeef"
    assert logsafe.redact(f"a {SESSION}, b") == "a <session>, b"


def test_the_app_installs_it(installed):
    from streamlit.testing.v1 import AppTest

    app = Path(__file__).resolve().parent.parent / "app.py"
    AppTest.from_file(str(app), default_timeout=30).run()
    assert logsafe._installed
