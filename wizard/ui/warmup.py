"""Load the decision core in the background after the first page has been sent.

Importing pydantic, Jinja2 and the content (and validating the content) takes a few
tenths of a second. Doing it while the visitor reads the welcome screen keeps both the
first page and the first click fast. Process-wide and shared: it holds no user data.
"""

from __future__ import annotations

import gc
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
        return
    _freeze_heap()


def _freeze_heap() -> None:
    """Leave what the process has loaded out of Python's cyclic garbage collector.

    The modules and the content are some 100,000 objects that live as long as the
    process. Every full collection walked all of them again (about 50 ms each, on a
    click that happened to trigger one); frozen, a collection walks only what was made
    since. Reference counting still frees frozen objects as usual: only a reference
    cycle among them would stay, and they are made once per process."""
    gc.collect()
    gc.freeze()


def start() -> None:
    """Start the warm-up once per process; later calls return at once."""
    if _started.is_set():
        return
    _started.set()
    threading.Thread(target=_warm, name="partways-warm-up", daemon=True).start()
