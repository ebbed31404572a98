"""Keep Streamlit's session ids out of the server log.

Streamlit logs "Session with id <uuid> is already connected!" on ordinary reconnects,
and presenting that id takes over the live session with its answers: in a log it is a
key. `install()` rewrites every record's final message (format plus args) so any
UUID-shaped token becomes "<session>".

Streamlit gives each of its loggers its own handler and turns propagation off, and it
creates loggers lazily, so a filter on one parent logger would miss most records. We
therefore attach the filter to every existing handler and also wrap the record factory,
which every logger in the process uses, for loggers and handlers made later.
"""

from __future__ import annotations

import logging
import re

REDACTED = "<session>"
_UUID = re.compile(r"\b[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}\b")
_FAMILIES = ("streamlit", "uvicorn", "websockets", "tornado", "starlette")


def redact(text: str) -> str:
    return _UUID.sub(REDACTED, text)


class SessionIdFilter(logging.Filter):
    """Rewrites a record's message with session ids removed; never drops a record."""

    def filter(self, record: logging.LogRecord) -> bool:
        _scrub(record)
        return True


def _scrub(record: logging.LogRecord) -> None:
    try:
        message = record.getMessage()
    except Exception:  # a bad format string: leave it to logging's own error report
        return
    cleaned = redact(message)
    if cleaned != message or record.args:
        record.msg, record.args = cleaned, None


FILTER = SessionIdFilter()
_installed = False


def _handlers() -> list[logging.Handler]:
    loggers = [logging.getLogger()]
    for name, logger in list(logging.Logger.manager.loggerDict.items()):
        if isinstance(logger, logging.Logger) and name.split(".")[0] in _FAMILIES:
            loggers.append(logger)
    return [handler for logger in loggers for handler in logger.handlers]


def install() -> None:
    """Redact session ids from all log output of this process. Safe and cheap to call on
    every rerun: only the first call does anything."""
    global _installed
    if _installed:
        return
    for handler in _handlers():
        if FILTER not in handler.filters:
            handler.addFilter(FILTER)
    previous = logging.getLogRecordFactory()

    def factory(*args, **kwargs) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        _scrub(record)
        return record

    logging.setLogRecordFactory(factory)
    _installed = True
