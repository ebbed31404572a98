"""Nothing the user typed reaches a log.

fpdf2 quotes document text in some of its messages (missing glyphs, text it cannot lay
out), and fontTools' subsetter logs glyph names and code points at debug level. Records of
both libraries are rewritten to a fixed sentence that keeps the level, the logger and the
source line, so a problem is still visible without the text.
"""

from __future__ import annotations

import logging

# Imported so that the loggers they create at import time exist below.
import fontTools.subset  # noqa: F401
import fpdf  # noqa: F401

WITHHELD = "message withheld: it may quote document text"  # log text, never shown to a user
LIBRARIES = ("fpdf", "fontTools")


class WithholdDocumentText(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = f"{record.name}: {WITHHELD}"
        record.args = ()
        record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        return True


WITHHOLD = WithholdDocumentText()


def _is_library(name: str) -> bool:
    return any(name == lib or name.startswith(f"{lib}.") for lib in LIBRARIES)


def library_loggers() -> list[logging.Logger]:
    """The loggers of fpdf2 and fontTools. A filter on a logger does not apply to its
    children, so each one needs its own."""
    names = [name for name in list(logging.Logger.manager.loggerDict) if _is_library(name)]
    return [logging.getLogger(name) for name in sorted({*LIBRARIES, *names})]


def withhold_library_messages() -> None:
    """Idempotent and cheap: called before every build to cover loggers created late."""
    for logger in library_loggers():
        if WITHHOLD not in logger.filters:
            logger.addFilter(WITHHOLD)
