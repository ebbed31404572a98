"""Issue 9, finding 1: bounded document builds, exercised with real threads."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from wizard.build_guard import BuildBusy, BuildGuard

WAIT = 5.0  # generous upper bound for any event in these tests; none should need it


def _until(condition, timeout: float = WAIT) -> None:
    end = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < end, "condition not reached"
        time.sleep(0.001)


class Gate:
    """A build that records concurrency and blocks until released."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.lock = threading.Lock()
        self.running = 0
        self.peak = 0
        self.calls = 0

    def build(self, value):
        def run():
            with self.lock:
                self.calls += 1
                self.running += 1
                self.peak = max(self.peak, self.running)
            try:
                assert self.release.wait(WAIT)
                return value
            finally:
                with self.lock:
                    self.running -= 1

        return run


def test_a_second_click_for_the_same_input_reuses_the_first_build():
    guard, gate = BuildGuard(), Gate()
    with ThreadPoolExecutor(2) as pool:
        first = pool.submit(guard.run, "s1", "rev1", gate.build("pdf-1"))
        _until(lambda: gate.calls == 1)
        second = pool.submit(guard.run, "s1", "rev1", gate.build("pdf-2"))
        _until(lambda: guard.waiting == 1)
        gate.release.set()
        assert (first.result(WAIT), second.result(WAIT)) == ("pdf-1", "pdf-1")
    assert gate.calls == 1


def test_one_build_at_a_time_per_session_even_for_new_input():
    guard, gate = BuildGuard(max_concurrent=4), Gate()
    with ThreadPoolExecutor(3) as pool:
        first = pool.submit(guard.run, "s1", "rev1", gate.build("a"))
        _until(lambda: gate.calls == 1)
        later = [pool.submit(guard.run, "s1", f"rev{i}", gate.build(f"b{i}")) for i in (2, 3)]
        _until(lambda: guard.waiting == 2)
        assert gate.running == 1
        gate.release.set()
        assert first.result(WAIT) == "a"
        assert sorted(f.result(WAIT) for f in later) == ["b2", "b3"]
    assert gate.peak == 1 and gate.calls == 3


def test_a_global_cap_bounds_concurrent_builds():
    guard, gate = BuildGuard(max_concurrent=2), Gate()
    with ThreadPoolExecutor(6) as pool:
        futures = [pool.submit(guard.run, f"s{i}", 1, gate.build(i)) for i in range(6)]
        _until(lambda: gate.running == 2)
        time.sleep(0.05)  # give the other four every chance to (wrongly) start
        assert gate.running == 2 and gate.calls == 2
        gate.release.set()
        assert sorted(f.result(WAIT) for f in futures) == list(range(6))
    assert gate.peak == 2 and gate.calls == 6


def test_an_ordinary_visitor_is_not_starved_by_one_session():
    # Six clicks from one heavy session occupy at most one slot; another session still builds.
    guard, gate = BuildGuard(max_concurrent=2), Gate()
    with ThreadPoolExecutor(7) as pool:
        heavy = [pool.submit(guard.run, "heavy", f"r{i}", gate.build(i)) for i in range(6)]
        _until(lambda: gate.calls == 1 and guard.waiting == 5)
        quick = guard.run("visitor", "r", lambda: "fast", timeout=WAIT)
        assert quick == "fast"
        gate.release.set()
        for future in heavy:
            future.result(WAIT)


def test_no_slot_within_the_timeout_is_busy_not_a_hang():
    guard, gate = BuildGuard(max_concurrent=1), Gate()
    with ThreadPoolExecutor(1) as pool:
        held = pool.submit(guard.run, "s1", 1, gate.build("x"))
        _until(lambda: gate.calls == 1)
        with pytest.raises(BuildBusy, match="try again"):
            guard.run("s2", 1, lambda: "y", timeout=0.05)
        with pytest.raises(BuildBusy):
            guard.run("s1", 2, lambda: "y", timeout=0.05)
        assert guard.waiting == 0
        gate.release.set()
        assert held.result(WAIT) == "x"
    assert guard.run("s2", 1, lambda: "y", timeout=WAIT) == "y"  # the slot came back


def test_a_failed_build_raises_for_its_caller_and_frees_its_slot():
    guard = BuildGuard(max_concurrent=1)

    def broken():
        raise ValueError("bad")

    with pytest.raises(ValueError, match="bad"):
        guard.run("s1", 1, broken)
    assert guard.run("s1", 1, lambda: "ok", timeout=WAIT) == "ok"
    assert guard.run("s2", 1, lambda: "ok2", timeout=WAIT) == "ok2"


def test_a_waiter_builds_itself_when_the_first_build_failed():
    guard, started, release = BuildGuard(), threading.Event(), threading.Event()

    def broken():
        started.set()
        assert release.wait(WAIT)
        raise ValueError("bad")

    with ThreadPoolExecutor(2) as pool:
        first = pool.submit(guard.run, "s1", 1, broken)
        assert started.wait(WAIT)
        second = pool.submit(guard.run, "s1", 1, lambda: "rebuilt")
        _until(lambda: guard.waiting == 1)
        release.set()
        with pytest.raises(ValueError):
            first.result(WAIT)
        assert second.result(WAIT) == "rebuilt"


def test_max_concurrent_must_be_positive():
    with pytest.raises(ValueError):
        BuildGuard(max_concurrent=0)
