"""Concurrent users: N simulated browsers walk a full path against one `streamlit run`,
with a think time between clicks. Loopback only; bounded in users, steps and time."""

from __future__ import annotations

import asyncio
import random
import statistics
import time
from collections.abc import Awaitable, Callable

from bench.server import Server, cpu_seconds, rss_mb
from bench.ws_driver import Session

Walk = Callable[[Session, Callable[[], Awaitable[None]]], Awaitable[list[float]]]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


async def _user(url: str, walk: Walk, think: float, seed: int) -> tuple[list[float], str | None]:
    rng = random.Random(seed)

    async def pause() -> None:
        # Jittered think time so users do not click in lockstep.
        await asyncio.sleep(think * rng.uniform(0.5, 1.5))

    session = Session(url)
    try:
        await asyncio.sleep(rng.uniform(0, think))  # staggered arrivals
        await session.connect()
        return await walk(session, pause), None
    except Exception as exc:  # noqa: BLE001 - every failure is counted as an error
        return [], f"{type(exc).__name__}: {exc}"
    finally:
        await session.close()


async def _crowd(url: str, walk: Walk, users: int, think: float, deadline: float, pid: int):
    peak = rss_mb(pid)

    async def sample_memory() -> None:
        nonlocal peak
        while True:
            peak = max(peak, rss_mb(pid))
            await asyncio.sleep(0.2)

    sampler = asyncio.create_task(sample_memory())
    tasks = [asyncio.create_task(_user(url, walk, think, seed)) for seed in range(users)]
    done, pending = await asyncio.wait(tasks, timeout=deadline)
    sampler.cancel()
    for task in pending:  # a user still walking at the deadline counts as an error
        task.cancel()
    results = [task.result() for task in tasks if task in done]
    results += [([], f"unfinished after {deadline:.0f} s")] * len(pending)
    return results, peak


def run(
    script: str,
    walk: Walk,
    users: int = 50,
    think: float = 1.0,
    deadline: float = 240.0,
    settle_s: float = 125.0,
):
    with Server(script) as server:
        pid = server.proc.pid
        # One warm-up user so first-run imports do not count, then a quiet single user.
        asyncio.run(_crowd(server.ws_url, walk, 1, 0.0, deadline, pid))
        single, _ = asyncio.run(_crowd(server.ws_url, walk, 1, 0.05, deadline, pid))
        single_latencies = single[0][0]
        time.sleep(1.0)
        start_mb = rss_mb(pid)
        cpu_before = cpu_seconds(pid)
        results, peak_mb = asyncio.run(_crowd(server.ws_url, walk, users, think, deadline, pid))
        cpu_used = cpu_seconds(pid) - cpu_before
        # A walk's first figure is the initial page load; the rest are clicks.
        loads = [lats[0] for lats, _ in results if lats]
        latencies = [lat for lats, _ in results for lat in lats[1:]]
        errors = [err for _, err in results if err]
        time.sleep(5.0)
        end_mb = rss_mb(pid)
        # Streamlit keeps a disconnected session for 2 minutes so a dropped tab can
        # reconnect, and expires it when its store is next used: wait that out, then one
        # short visit lets the server drop the crowd's sessions.
        time.sleep(settle_s)
        asyncio.run(_crowd(server.ws_url, walk, 1, 0.0, deadline, pid))
        time.sleep(2.0)
        settled_mb = rss_mb(pid)
    single_p50 = statistics.median(single_latencies[1:])
    return {
        "users": users,
        "think_s": think,
        "interactions": len(latencies),
        "errors": len(errors),
        "error_examples": errors[:3],
        "single_p50_ms": single_p50 * 1000,
        "p50_ms": statistics.median(latencies) * 1000 if latencies else float("nan"),
        "p95_ms": percentile(latencies, 95) * 1000 if latencies else float("nan"),
        "p95_over_single": percentile(latencies, 95) / single_p50 if latencies else float("nan"),
        "page_load_p50_ms": statistics.median(loads) * 1000 if loads else float("nan"),
        "page_load_p95_ms": percentile(loads, 95) * 1000 if loads else float("nan"),
        "server_cpu_ms_per_interaction": cpu_used * 1000 / max(1, len(latencies) + len(loads)),
        "rss_start_mb": start_mb,
        "rss_peak_mb": peak_mb,
        "rss_end_mb": end_mb,
        "rss_settled_mb": settled_mb,
    }


async def bare_walk(session: Session, pause) -> list[float]:
    """The baseline path: eight answer-and-next clicks on the bare app."""
    latencies = [await session.rerun()]
    for step in range(8):
        await pause()
        session.choose(session.find(key="pick"), step % 3)
        latencies.append(await session.rerun())
        await pause()
        session.click(session.find(label="Next"))
        latencies.append(await session.rerun())
    return latencies


if __name__ == "__main__":
    print(run("bench/bare_app.py", bare_walk, users=50, think=1.0))
