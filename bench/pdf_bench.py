"""How long a typical exit-plan PDF takes, against a one-page document on the same fonts.

`run()` returns medians from a warm process (fonts parsed, code imported), so the figure
is what a user waits for after the first download, not the interpreter start-up. The
baseline is one page of the plan's message text through the same document set-up
(`bench.pdf_baseline`: DejaVu regular and bold attached, both embedded), which is the font
set every plan uses.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # running as `python bench/pdf_bench.py`
    sys.path.insert(0, str(ROOT))

import datetime as dt  # noqa: E402

from bench.pdf_baseline import baseline_pdf  # noqa: E402
from wizard.answers import load_answers  # noqa: E402
from wizard.content import load_content  # noqa: E402
from wizard.exports.calendar_file import render_ics  # noqa: E402
from wizard.exports.word import render_docx  # noqa: E402
from wizard.pdf import render_pdf  # noqa: E402
from wizard.plan import build_plan  # noqa: E402

# A typical case: a plan with a contract, money owed, assets to hand over and a follow-up call.
TYPICAL = ROOT / "tests" / "scenarios" / "domains_hosting_held.yaml"


def typical_plan():
    answers = load_answers(TYPICAL.read_bytes())
    return build_plan(answers, load_content(), today=dt.date(2026, 11, 21))


def _elapsed_ms(action, cpu: list[float] | None = None) -> float:
    start, start_cpu = time.perf_counter(), time.process_time()
    action()
    if cpu is not None:
        cpu.append((time.process_time() - start_cpu) * 1000)
    return (time.perf_counter() - start) * 1000


def run(repeats: int = 30) -> dict:
    plan = typical_plan()
    page_text = plan.message.body
    # Warm up: font parsing and first-use caches are paid once per process.
    size = len(render_pdf(plan))
    baseline_pdf(page_text)
    render_docx(plan)
    render_ics(plan)
    pdf_times, base_times, docx_times, ics_times = [], [], [], []
    # This process's CPU time too: on a machine shared with other work, wall-clock time
    # includes waiting for a core, CPU time does not.
    pdf_cpu: list[float] = []
    base_cpu: list[float] = []
    for _ in range(repeats):
        # Interleaved, so a busy machine slows every side alike.
        pdf_times.append(_elapsed_ms(lambda: render_pdf(plan), pdf_cpu))
        base_times.append(_elapsed_ms(lambda: baseline_pdf(page_text), base_cpu))
        docx_times.append(_elapsed_ms(lambda: render_docx(plan)))
        ics_times.append(_elapsed_ms(lambda: render_ics(plan)))
    # The largest legal answers file (the contract's limits on every field): the most one
    # visitor can ask of a PDF build (issue 9's bound: under 2 s).
    from tests.test_bounded_work import maximal_answers

    largest = build_plan(maximal_answers(), load_content(), today=dt.date(2026, 11, 22))
    largest_cpu: list[float] = []
    largest_times = [_elapsed_ms(lambda: render_pdf(largest), largest_cpu) for _ in range(3)]
    pdf_ms = statistics.median(pdf_times)
    base_ms = statistics.median(base_times)
    return {
        "docx_median_ms": round(statistics.median(docx_times), 2),
        "ics_median_ms": round(statistics.median(ics_times), 2),
        "pdf_median_ms": round(pdf_ms, 2),
        "baseline_median_ms": round(base_ms, 2),
        "ratio": round(pdf_ms / base_ms, 2),
        "pdf_cpu_median_ms": round(statistics.median(pdf_cpu), 2),
        "baseline_cpu_median_ms": round(statistics.median(base_cpu), 2),
        "cpu_ratio": round(statistics.median(pdf_cpu) / statistics.median(base_cpu), 2),
        "largest_median_ms": round(statistics.median(largest_times), 1),
        "largest_cpu_median_ms": round(statistics.median(largest_cpu), 1),
        "size_bytes": size,
        "pages": render_pdf(plan).count(b"/Type /Page\n") or None,
    }


if __name__ == "__main__":
    print(run())
