"""`make bench`: the figures below, each a median over repeated runs and, where it says so,
a ratio against a baseline measured in the same run (machines are noisy; ratios hold).

Figures 1, 2 and 2c time a user's interactions as the browser sends them, over Streamlit's
websocket protocol: an answer reruns only its question's fragment. AppTest (1b, 2b) always
runs the whole script, so it measures the worst case rather than a user's click; it stays
for comparison with earlier rounds."""

from __future__ import annotations

import argparse
import logging
import os
import platform
import time

from bench import apptest_bench, cold_start, load, paths, pdf_bench, protocol_bench


def _row(name: str, figure: str, baseline: str, ratio: float | None, target: str, ok: bool):
    mark = "ok" if ok else "OVER"
    ratio_text = f"{ratio:.2f}" if ratio is not None else "-"
    return f"| {name} | {figure} | {baseline} | {ratio_text} | {target} | {mark} |"


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--think", type=float, default=1.0)
    parser.add_argument("--quick", action="store_true", help="fewer repeats, for a smoke run")
    args = parser.parse_args()
    # AppTest warns about a missing ScriptRunContext on import; it is noise here.
    logging.getLogger("streamlit").setLevel(logging.ERROR)

    started = time.perf_counter()
    repeats = 2 if args.quick else 5
    wire = protocol_bench.run(walks=repeats)
    ui = apptest_bench.run(walks=repeats)
    pdf = pdf_bench.run(repeats=10 if args.quick else 30)
    cold = cold_start.run(repeats=repeats)
    crowd = load.run("app.py", paths.wizard_walk, users=args.users, think=args.think)

    rows = [
        "| figure | median | baseline | ratio | target | |",
        "|---|---|---|---|---|---|",
        _row(
            "1. step interaction, as the browser asks for it (round trip)",
            f"{wire['app']['step_median_ms']:.1f} ms",
            f"{wire['bare']['step_median_ms']:.1f} ms bare app",
            wire["step_ratio"],
            "<= 2",
            wire["step_ratio"] <= 2,
        ),
        _row(
            "2. result page, plan built (round trip)",
            f"{wire['app']['result_median_ms']:.1f} ms",
            f"{wire['bare']['step_median_ms']:.1f} ms bare app",
            wire["result_ratio"],
            "<= 3",
            wire["result_ratio"] <= 3,
        ),
        _row(
            "2c. server CPU per interaction, one user",
            f"{wire['app']['cpu_ms_per_interaction']:.1f} ms",
            f"{wire['bare']['cpu_ms_per_interaction']:.1f} ms bare app",
            wire["cpu_ratio"],
            "<= 1.5",
            wire["cpu_ratio"] <= 1.5,
        ),
        _row(
            "1b. step, whole script every time (AppTest)",
            f"{ui['step_median_ms']:.1f} ms",
            f"{ui['bare_median_ms']:.1f} ms bare app",
            ui["step_ratio"],
            "<= 2",
            ui["step_ratio"] <= 2,
        ),
        _row(
            "2b. result page, whole script (AppTest)",
            f"{ui['result_median_ms']:.1f} ms",
            f"{ui['bare_median_ms']:.1f} ms bare app",
            ui["result_ratio"],
            "<= 3",
            ui["result_ratio"] <= 3,
        ),
        _row(
            "3. PDF build, typical plan (warm)",
            f"{pdf['pdf_median_ms']:.0f} ms, {pdf['size_bytes'] / 1024:.0f} KB",
            f"{pdf['baseline_median_ms']:.0f} ms one page",
            pdf["ratio"],
            "<= 3",
            pdf["ratio"] <= 3,
        ),
        _row(
            "3b. Word and calendar from the same plan (warm)",
            f"DOCX {pdf['docx_median_ms']:.0f} ms, ICS {pdf['ics_median_ms']:.1f} ms",
            f"{pdf['pdf_median_ms']:.0f} ms PDF",
            round(max(pdf["docx_median_ms"], pdf["ics_median_ms"]) / pdf["pdf_median_ms"], 2),
            "< 1 each",
            max(pdf["docx_median_ms"], pdf["ics_median_ms"]) < pdf["pdf_median_ms"],
        ),
        _row(
            "3c. PDF of the largest legal answers file",
            f"{pdf['largest_median_ms'] / 1000:.2f} s",
            f"{pdf['pdf_median_ms']:.0f} ms typical",
            None,
            "< 2 s",
            pdf["largest_median_ms"] < 2000,
        ),
        _row(
            "4. cold start to first page",
            f"{cold['app_median_s']:.2f} s",
            f"{cold['bare_median_s']:.2f} s bare app",
            cold["ratio"],
            "<= 1.5",
            cold["ratio"] <= 1.5,
        ),
        _row(
            f"5. {crowd['users']} users, {crowd['think_s']:g} s think: click p95",
            f"p50 {crowd['p50_ms']:.0f} ms, p95 {crowd['p95_ms']:.0f} ms",
            f"{crowd['single_p50_ms']:.0f} ms single user",
            crowd["p95_over_single"],
            "<= 5, 0 errors",
            crowd["p95_over_single"] <= 5 and crowd["errors"] == 0,
        ),
    ]
    print(
        f"Partways benchmarks - {time.strftime('%Y-%m-%d')} - {platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print("\n".join(rows))
    print(
        f"\nUsers: {crowd['interactions']} clicks, {crowd['errors']} errors"
        f"{' ' + str(crowd['error_examples']) if crowd['errors'] else ''}; "
        f"first page load p50 {crowd['page_load_p50_ms']:.0f} ms, "
        f"p95 {crowd['page_load_p95_ms']:.0f} ms; server memory "
        f"{crowd['rss_start_mb']:.0f} MB at start, {crowd['rss_peak_mb']:.0f} MB at peak, "
        f"{crowd['rss_end_mb']:.0f} MB 5 s after the sessions left, "
        f"{crowd['rss_settled_mb']:.0f} MB once Streamlit's 2-minute reconnect window had "
        f"passed; server CPU {crowd['server_cpu_ms_per_interaction']:.1f} ms per interaction."
    )
    print(
        f"Walk: {ui['interactions_per_walk']} interactions from Start to the result page; "
        f"PDF: {pdf['pages']} pages. Whole run: {time.perf_counter() - started:.0f} s."
    )


if __name__ == "__main__":
    main()
