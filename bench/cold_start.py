"""Cold start: `streamlit run` until /_stcore/health answers and the first page has
rendered (the first script run finished for a connected client), app vs bare app."""

from __future__ import annotations

import asyncio
import statistics
import time

from bench.server import Server
from bench.ws_driver import Session


def _once(script: str) -> float:
    server = Server(script)
    started = time.perf_counter()
    server.start()
    try:
        server.wait_healthy()

        async def first_page() -> None:
            session = Session(server.ws_url)
            await session.connect()
            await session.rerun()
            await session.close()

        asyncio.run(first_page())
        return time.perf_counter() - started
    finally:
        server.stop()


def run(repeats: int = 5) -> dict:
    app, bare = [], []
    for _ in range(repeats):  # interleaved, so drift affects both alike
        bare.append(_once("bench/bare_app.py"))
        app.append(_once("app.py"))
    app_median, bare_median = statistics.median(app), statistics.median(bare)
    return {
        "app_median_s": app_median,
        "bare_median_s": bare_median,
        "ratio": app_median / bare_median,
        "repeats": repeats,
    }


if __name__ == "__main__":
    print(run())
