"""Server time and CPU per interaction as a browser causes them: one user walks the wizard
over Streamlit's own websocket protocol (bench/ws_driver.py), against a real `streamlit
run` on loopback, beside the bare app walked the same way in the same run.

Unlike AppTest (bench/apptest_bench.py), this sees what the browser really asks for: an
answer given inside the step's `st.fragment` reruns that fragment only, and the server's
own work around the script (messages, websocket) is counted. Each interaction is timed
from sending the rerun request to the script-finished message, with a quiet pause before
and after, so one interaction never overlaps the next; CPU is the server process's own
(user + system, from /proc) over all the walks, divided by their interactions.
"""

from __future__ import annotations

import asyncio
import statistics
from typing import Any

from bench import load, paths
from bench.server import Server, cpu_seconds
from bench.ws_driver import Session

PAUSE_S = 0.1  # before and after each interaction: a user's pause, and no overlap


class _Timed:
    """Times every rerun of a walk, by what it was: an answer, a button, the result."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, float]] = []

    def patch(self, session: Session) -> Session:
        rerun = session.rerun

        async def timed(timeout: float = 60.0) -> float:
            states = session.states.items()
            clicked = [k for k, s in states if s.WhichOneof("value") == "trigger_value"]
            if any(k.endswith("-to_result") for k in clicked):
                kind = "result"
            elif clicked:
                kind = "button"
            elif session.changed_fragment is None:
                kind = "load"
            else:
                kind = "answer"
            await asyncio.sleep(PAUSE_S)
            seconds = await rerun(timeout)
            await asyncio.sleep(PAUSE_S)
            self.rows.append((kind, seconds))
            return seconds

        session.rerun = timed  # type: ignore[method-assign]
        return session


async def _walks(url: str, walk: load.Walk, count: int, timer: _Timed) -> None:
    async def pause() -> None:
        return None

    for _ in range(count):
        session = timer.patch(Session(url))
        await session.connect()
        try:
            await walk(session, pause)
        finally:
            await session.close()


def _measure(script: str, walk: load.Walk, walks: int) -> dict[str, Any]:
    with Server(script) as server:
        asyncio.run(_walks(server.ws_url, walk, 1, _Timed()))  # warm: imports, content
        timer = _Timed()
        before = cpu_seconds(server.proc.pid)
        asyncio.run(_walks(server.ws_url, walk, walks, timer))
        cpu = cpu_seconds(server.proc.pid) - before

    def median_ms(*kinds: str) -> float:
        return statistics.median(s for kind, s in timer.rows if kind in kinds) * 1000

    return {
        "step_median_ms": median_ms("answer", "button"),  # the way from Start to review
        "answer_median_ms": median_ms("answer"),
        "result_median_ms": median_ms("result") if "result" in dict(timer.rows) else None,
        "cpu_ms_per_interaction": cpu * 1000 / len(timer.rows),
        "interactions": len(timer.rows),
    }


def run(walks: int = 5) -> dict[str, Any]:
    app = _measure("app.py", paths.wizard_walk, walks)
    bare = _measure("bench/bare_app.py", load.bare_walk, walks * 4)
    bare_ms = bare["step_median_ms"]  # its radio changes and button clicks
    return {
        "app": app,
        "bare": bare,
        "step_ratio": app["step_median_ms"] / bare_ms,
        "result_ratio": app["result_median_ms"] / bare_ms,
        "cpu_ratio": app["cpu_ms_per_interaction"] / bare["cpu_ms_per_interaction"],
    }


if __name__ == "__main__":
    print(run(walks=3))
