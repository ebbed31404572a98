"""How long a typical exit-plan PDF takes, against a one-page document on the same fonts.

`run()` returns medians from a warm process (fonts parsed, code imported), so the figure
is what a user waits for after the first download, not the interpreter start-up.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # running as `python bench/pdf_bench.py`
    sys.path.insert(0, str(ROOT))

from tests.plan_factory import make_plan  # noqa: E402
from wizard.pdf import _baseline_pdf, render_pdf  # noqa: E402


def _median_ms(action, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def run(repeats: int = 30) -> dict:
    plan = make_plan()
    page_text = plan.message.body
    # Warm up: font parsing and first-use caches are paid once per process.
    size = len(render_pdf(plan))
    _baseline_pdf(page_text)
    pdf_ms = _median_ms(lambda: render_pdf(plan), repeats)
    base_ms = _median_ms(lambda: _baseline_pdf(page_text), repeats)
    return {
        "pdf_median_ms": round(pdf_ms, 2),
        "baseline_median_ms": round(base_ms, 2),
        "ratio": round(pdf_ms / base_ms, 2),
        "size_bytes": size,
    }


if __name__ == "__main__":
    print(run())
