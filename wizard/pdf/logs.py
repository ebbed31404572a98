"""Nothing the user typed reaches a log.

fpdf2 quotes document text in some of its messages (missing glyphs, text it cannot lay
out). Its records are rewritten to a fixed sentence that keeps the level, the logger and
the source line, so a problem is still visible without the text.
"""

from __future__ import annotations

import logging

import fpdf  # noqa: F401  (imported so that all of fpdf2's loggers exist below)

WITHHELD = "fpdf2 message withheld: it may quote document text"


class WithholdDocumentText(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = WITHHELD
        record.args = ()
        record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        return True


WITHHOLD = WithholdDocumentText()


def fpdf_loggers() -> list[logging.Logger]:
    """fpdf2's loggers: a filter on a logger does not apply to its children, so each one
    needs it."""
    names = [
        name
        for name in logging.Logger.manager.loggerDict
        if name == "fpdf" or name.startswith("fpdf.")
    ]
    return [logging.getLogger(name) for name in ["fpdf", *names]]


def withhold_fpdf_messages() -> None:
    for logger in fpdf_loggers():
        if WITHHOLD not in logger.filters:
            logger.addFilter(WITHHOLD)
