"""Load the decision core in the background after the first page has been sent.

Importing pydantic, Jinja2 and the content (and validating the content) takes a few
tenths of a second. Doing it while the visitor reads the welcome screen keeps both the
first page and the first click fast. Process-wide and shared: it holds no user data.
"""

from __future__ import annotations

import importlib
import logging
import threading

_LOG = logging.getLogger(__name__)
_started = threading.Event()

MODULES = (
    "wizard.engine",
    "wizard.plan",
    "wizard.ui.steps",
    "wizard.ui.review",
    "wizard.ui.result_page",
)


def _warm() -> None:
    try:
        for name in MODULES:
            importlib.import_module(name)
        from wizard import places
        from wizard.content import load_content

        load_content()
        places.countries()  # the list of step 1 (the holiday calendars, the names)
    except Exception:  # noqa: BLE001 - the first real use will report the problem properly
        _LOG.warning("background warm-up failed; the core will load on first use")


def start() -> None:
    """Start the warm-up once per process; later calls return at once."""
    if _started.is_set():
        return
    _started.set()
    threading.Thread(target=_warm, name="partways-warm-up", daemon=True).start()
