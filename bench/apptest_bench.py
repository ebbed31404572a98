"""Server time per interaction, measured with Streamlit's AppTest (no network):
(1) each click on the way through the wizard, (2) the result page with its plan built
(the PDF not requested), each against the bare app's radio-and-button click."""

from __future__ import annotations

import statistics
import time

from streamlit.testing.v1 import AppTest

from bench.server import ROOT
from wizard.content import load_content

MAX_INTERACTIONS = 80


def _timed(at: AppTest) -> float:
    started = time.perf_counter()
    at.run()
    if at.exception:
        raise RuntimeError(f"app raised: {at.exception[0].message}")
    return time.perf_counter() - started


def _answer_one(at: AppTest, answered: set[str]) -> bool:
    """Answer the next unanswered question widget, as a user would (one change), with
    plain values taken from the content: first option, "No", a small number, a name."""
    questions = load_content().question_by_id
    groups = (at.radio, at.selectbox, at.checkbox, at.number_input, at.text_input)
    for group in groups:
        for widget in group:
            key = widget.key or ""
            question = questions.get(key.split(":")[1]) if key.startswith("w:") else None
            if question is None or question.id in answered:
                continue
            answered.add(question.id)
            if question.type == "yesno":
                widget.set_value(False)
            elif question.type == "choice":
                widget.set_value(question.options[0].value)
            elif question.type == "multi":  # a group of checkboxes: tick the first
                widget.set_value(True)
            elif question.type in ("integer", "amount"):
                widget.set_value(3)
            elif question.type == "text":
                if not question.id.endswith(("_name", "_business", "_contact")):
                    continue  # a place or a breach: optional, and "Sam" is not a valid one
                widget.set_value("Northwind" if "client" in question.id else "Sam")
            else:  # currency and dates start with a sensible value
                continue
            return True
    return False


def _button(at: AppTest, key: str):
    return next((b for b in at.button if b.key == key), None)


def wizard_walk() -> tuple[list[float], float]:
    """(server time of each step interaction, server time of the result page)."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    _timed(at)
    at.button(key="start").click()
    steps = [_timed(at)]
    answered: set[str] = set()
    for _ in range(MAX_INTERACTIONS):
        to_result = _button(at, "to_result")
        if to_result is not None:
            to_result.click()
            result = _timed(at)
            if not at.markdown and not at.text:
                raise RuntimeError("the result page rendered nothing")
            return steps, result
        if _answer_one(at, answered):
            steps.append(_timed(at))
            continue
        button = _button(at, "nav_continue") or _button(at, "nav_next")
        if button is None:
            raise RuntimeError("no Next button on this screen")
        button.click()
        steps.append(_timed(at))
    raise RuntimeError("did not reach the result page")


def bare_walk(clicks: int = 18) -> list[float]:
    at = AppTest.from_file(str(ROOT / "bench" / "bare_app.py"), default_timeout=60)
    _timed(at)
    times = []
    for i in range(clicks):
        at.radio(key="pick").set_value(["a", "b", "c"][i % 3])
        times.append(_timed(at))
        at.button(key="next").click()
        times.append(_timed(at))
    return times


def run(walks: int = 5) -> dict:
    wizard_walk()  # warm: imports and content loading happen once per process
    bare_walk(3)
    steps, results, bare = [], [], []
    for _ in range(walks):  # interleaved, so machine noise hits both alike
        walk_steps, result = wizard_walk()
        steps.extend(walk_steps)
        results.append(result)
        bare.extend(bare_walk())
    step_ms = statistics.median(steps) * 1000
    result_ms = statistics.median(results) * 1000
    bare_ms = statistics.median(bare) * 1000
    return {
        "step_median_ms": step_ms,
        "result_median_ms": result_ms,
        "bare_median_ms": bare_ms,
        "step_ratio": step_ms / bare_ms,
        "result_ratio": result_ms / bare_ms,
        "interactions_per_walk": len(steps) // walks,
        "walks": walks,
    }


if __name__ == "__main__":
    print(run(walks=2))
