"""Bounded document builds: one per session at a time, and few at once overall.

A PDF build is the most expensive thing a visitor can ask for. Without a bound, one
visitor clicking six times filled Streamlit's six-thread pool and everyone else waited
minutes. Here:

- per session, one build runs at a time. A second request with the same input key waits
  for the first and reuses its result; one with a different key waits, then builds;
- across sessions, at most `max_concurrent` builds run at once (a BoundedSemaphore), so
  a few heavy sessions cannot take every worker thread;
- a caller that cannot get its turn within `timeout` seconds gets BuildBusy, a message
  it can show, instead of a hung page.

Pure Python (no Streamlit import), so it is tested with plain threads.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, TypeVar

T = TypeVar("T")
DEFAULT_MAX_CONCURRENT = 2


class BuildBusy(RuntimeError):
    """No build slot within the time allowed."""

    def __init__(self) -> None:
        super().__init__("The server is busy making other documents. Please try again in a moment.")


@dataclass
class _Build:
    key: Hashable
    done: threading.Event = field(default_factory=threading.Event)
    ok: bool = False
    result: Any = None


class BuildGuard:
    def __init__(self, max_concurrent: int = DEFAULT_MAX_CONCURRENT) -> None:
        if max_concurrent < 1:
            raise ValueError("max_concurrent must be at least 1")
        self.max_concurrent = max_concurrent
        self._slots = threading.BoundedSemaphore(max_concurrent)
        self._lock = threading.Lock()
        self._running: dict[Hashable, _Build] = {}  # session -> its build in flight
        self._waiting = 0

    @property
    def waiting(self) -> int:
        """Requests waiting for their own session's build (for tests and monitoring)."""
        with self._lock:
            return self._waiting

    def run(
        self,
        session: Hashable,
        key: Hashable,
        build: Callable[[], T],
        timeout: float | None = None,
    ) -> T:
        """`build()` for `session`, or the result of the same session's build in flight
        for the same `key`. Raises BuildBusy after `timeout` seconds of waiting."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            with self._lock:
                current = self._running.get(session)
                if current is None:
                    mine = _Build(key)
                    self._running[session] = mine
                    break
                self._waiting += 1
            try:
                finished = current.done.wait(_remaining(deadline))
            finally:
                with self._lock:
                    self._waiting -= 1
            if not finished:
                raise BuildBusy()
            if current.ok and current.key == key:
                return current.result
            # A different input, or the first build failed: take our own turn.
        try:
            if not self._slots.acquire(timeout=_remaining(deadline)):
                raise BuildBusy()
            try:
                mine.result = build()
                mine.ok = True
            finally:
                self._slots.release()
            return mine.result
        finally:
            with self._lock:
                del self._running[session]
            mine.done.set()


def _remaining(deadline: float | None) -> float | None:
    """Seconds left (None = wait for ever); threading treats None as no timeout."""
    if deadline is None:
        return None
    return max(0.0, deadline - time.monotonic())
