"""`make bench-scale`: load beyond one process, each figure beside the bare app
(bench/bare_app.py) under the same load in the same run.

1. one process, 200 users walking with 1 s think time;
2. 300 users on three replicas behind nginx against one replica behind the same nginx;
3. memory per idle session, and after the sessions expire;
4. a replica killed mid-run: which clicks fail, and whether the sessions recover.

Loopback only (127.0.0.1), every run bounded by a deadline; every process it starts is
stopped by PID. Prints a JSON line per figure and a summary table.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import time
from dataclasses import dataclass, field

from websockets.exceptions import ConnectionClosed

from bench.load import bare_walk, percentile
from bench.paths import wizard_walk
from bench.server import Server, cpu_seconds, rss_mb
from bench.ws_driver import Session
from deploy.scale import Topology

APP, BARE = "app.py", "bench/bare_app.py"
WALKS = {APP: wizard_walk, BARE: bare_walk}
# The bench's hundreds of users all come from 127.0.0.1: lift the per-client websocket cap.
LOOPBACK_WS_CAP = 2000


@dataclass
class Crowd:
    latencies: list[float] = field(default_factory=list)  # clicks (a walk's first is the load)
    loads: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    finished: int = 0
    recovered: int = 0
    seconds: float = 0.0


async def _walk_once(url: str, walk, think: float, rng: random.Random, out: Crowd) -> None:
    async def pause() -> None:
        await asyncio.sleep(think * rng.uniform(0.5, 1.5))

    session = Session(url)
    try:
        await session.connect()
        lats = await walk(session, pause)
    finally:
        await session.close()
    out.loads.append(lats[0])
    out.latencies.extend(lats[1:])
    out.finished += 1


async def _user(url, walk, think, seed, out: Crowd, recover: bool) -> None:
    rng = random.Random(seed)
    await asyncio.sleep(rng.uniform(0, max(think, 0.01)))  # staggered arrivals
    try:
        await _walk_once(url, walk, think, rng, out)
    except (ConnectionClosed, OSError) as exc:
        out.errors.append(f"{type(exc).__name__}")
        if not recover:
            return
        # The replica went away: reconnect through nginx (another replica) and walk again,
        # as the browser does (without answers kept in the tab it starts afresh).
        try:
            await _walk_once(url, walk, think, rng, out)
            out.recovered += 1
        except Exception as again:  # noqa: BLE001 - counted
            out.errors.append(f"after reconnect: {type(again).__name__}: {again}")
    except Exception as exc:  # noqa: BLE001 - every failure is counted
        out.errors.append(f"{type(exc).__name__}: {exc}"[:200])


async def _crowd(url, walk, users, think, deadline, recover=False, during=None) -> Crowd:
    out = Crowd()
    started = time.perf_counter()
    tasks = [asyncio.create_task(_user(url, walk, think, s, out, recover)) for s in range(users)]
    side = asyncio.create_task(during()) if during else None
    done, pending = await asyncio.wait(tasks, timeout=deadline)
    for task in pending:
        task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    if side:
        await side
    out.errors += [f"unfinished after {deadline:.0f} s"] * len(pending)
    out.seconds = time.perf_counter() - started
    return out


def _summary(crowd: Crowd, users: int, cpu_s: float | None) -> dict:
    lats = crowd.latencies
    clicks = len(lats) + len(crowd.loads)
    return {
        "users": users,
        "walks_finished": crowd.finished,
        "errors": len(crowd.errors),
        "error_examples": sorted(set(crowd.errors))[:3],
        "recovered": crowd.recovered,
        "clicks": len(lats),
        "p50_ms": round(statistics.median(lats) * 1000, 1) if lats else None,
        "p95_ms": round(percentile(lats, 95) * 1000, 1) if lats else None,
        "clicks_per_s": round(clicks / crowd.seconds, 1),
        "cpu_ms_per_click": round(cpu_s * 1000 / clicks, 2) if cpu_s and clicks else None,
        "seconds": round(crowd.seconds, 1),
    }


def _warm(url: str, script: str) -> None:
    asyncio.run(_crowd(url, WALKS[script], 1, 0.0, 60))


def one_process(users: int, think: float, deadline: float) -> dict:
    result = {}
    for script in (APP, BARE):
        with Server(script) as server:
            _warm(server.ws_url, script)
            pid = server.proc.pid
            before = cpu_seconds(pid)
            crowd = asyncio.run(_crowd(server.ws_url, WALKS[script], users, think, deadline))
            result[script] = _summary(crowd, users, cpu_seconds(pid) - before)
    return result


def replicas(users: int, think: float, deadline: float, counts=(1, 3)) -> dict:
    result = {}
    for script in (APP, BARE):
        for count in counts:
            with Topology(replicas=count, script=script, ws_per_client=LOOPBACK_WS_CAP) as top:
                for _ in range(count):
                    _warm(top.ws_url, script)
                pids = [r.proc.pid for r in top.servers]
                before = sum(cpu_seconds(p) for p in pids)
                crowd = asyncio.run(_crowd(top.ws_url, WALKS[script], users, think, deadline))
                used = sum(cpu_seconds(p) for p in pids) - before
                result[f"{script} x{count}"] = _summary(crowd, users, used)
    return result


async def _idle(url: str, count: int) -> list[Session]:
    sessions = []
    for _ in range(count):
        session = Session(url)
        await session.connect()
        await session.rerun()  # the first page, then nothing
        sessions.append(session)
    return sessions


def idle_memory(count: int, expiry_wait: float) -> dict:
    """RSS per idle session (first page rendered, then nothing), and after they left and
    Streamlit's 2-minute reconnect window passed. App and bare side by side."""
    result = {}
    with Server(APP) as app, Server(BARE) as bare:
        servers = {APP: app, BARE: bare}

        async def measure():
            rows = {}
            for server in servers.values():
                await _idle(server.ws_url, 1)  # warm-up: imports and first run
            await asyncio.sleep(1)
            start = {s: rss_mb(v.proc.pid) for s, v in servers.items()}
            held = {s: await _idle(v.ws_url, count) for s, v in servers.items()}
            await asyncio.sleep(2)
            loaded = {s: rss_mb(v.proc.pid) for s, v in servers.items()}
            for sessions in held.values():
                for session in sessions:
                    await session.close()
            await asyncio.sleep(expiry_wait)
            for server in servers.values():  # one visit lets Streamlit drop expired sessions
                await _idle(server.ws_url, 1)
            await asyncio.sleep(2)
            for script, server in servers.items():
                settled = rss_mb(server.proc.pid)
                rows[script] = {
                    "sessions": count,
                    "rss_start_mb": round(start[script], 1),
                    "rss_with_idle_mb": round(loaded[script], 1),
                    "kb_per_idle_session": round((loaded[script] - start[script]) * 1024 / count),
                    "rss_after_expiry_mb": round(settled, 1),
                }
            return rows

        result = asyncio.run(measure())
    return result


def replica_killed(users: int, think: float, deadline: float, kill_after: float) -> dict:
    result = {}
    for script in (APP, BARE):
        with Topology(replicas=3, script=script, ws_per_client=LOOPBACK_WS_CAP) as top:
            for _ in range(3):
                _warm(top.ws_url, script)

            async def kill_one():
                await asyncio.sleep(kill_after)
                top.kill_replica(0)

            crowd = asyncio.run(
                _crowd(top.ws_url, WALKS[script], users, think, deadline, True, kill_one)
            )
            row = _summary(crowd, users, None)
            result[script] = row
    return result


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.scale_bench")
    parser.add_argument("--only", choices=["one", "replicas", "memory", "kill"], nargs="*")
    parser.add_argument("--deadline", type=float, default=90.0)
    parser.add_argument("--expiry-wait", type=float, default=125.0)
    args = parser.parse_args()
    only = set(args.only or ["one", "replicas", "memory", "kill"])
    started = time.perf_counter()
    figures = {}
    if "one" in only:
        figures["one process, 200 users"] = one_process(200, 1.0, args.deadline)
    if "replicas" in only:
        figures["300 users behind nginx"] = replicas(300, 1.0, args.deadline)
    if "memory" in only:
        figures["idle sessions"] = idle_memory(100, args.expiry_wait)
    if "kill" in only:
        figures["replica killed"] = replica_killed(150, 1.0, args.deadline, kill_after=15.0)
    for name, rows in figures.items():
        for label, row in rows.items():
            print(json.dumps({"figure": name, "run": label, **row}))
    print(f"whole run: {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
