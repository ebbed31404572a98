"""Issue 9: nothing the user typed reaches a log, at any level, through a whole visit:
resume a file with hostile names, review, see the plan, build the PDF."""

from __future__ import annotations

import datetime as dt
import logging

from streamlit.testing.v1 import AppTest

from tests.test_ui_apptest import APP
from wizard.answers import dump_answers
from wizard.content import load_content
from wizard.examples import example_answers
from wizard.pdf import render_pdf
from wizard.plan import build_plan

# Each holds a marker no log line could contain by chance, in scripts the fonts lack
# (private use), need (Hangul, Devanagari) or that markup would act on.
NAMES = {
    "client_name": "Zq7Marker 김민준 <b>x</b> {{ client }}",
    "your_name": "Yq8Marker देवनागरी \ue000\ue001",
    "client_contact": "Xq9Marker ![t](http://example.com/p.png)",
    "your_business": "Wq6Marker \u202eReversed",
}
MESSAGE = "Vq5Marker my own words, 사랑 and \ue123."
MARKERS = ("Zq7Marker", "Yq8Marker", "Xq9Marker", "Wq6Marker", "Vq5Marker", "김민준", "देवनागरी")


def _all_text(records: list[logging.LogRecord]) -> str:
    return "\n".join(record.getMessage() for record in records)


def test_a_hostile_visit_leaves_no_user_text_in_the_log(caplog):
    caplog.set_level(logging.DEBUG)  # every level, every logger
    answers = example_answers("late_payer").model_copy(
        update={**NAMES, "message_override": MESSAGE}
    )
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    at.file_uploader(key="resume_file").set_value(
        ("a.yaml", dump_answers(answers).encode(), "application/x-yaml")
    ).run()
    at.button(key="to_result").click().run()
    assert not at.exception
    plan = build_plan(answers, load_content(), today=dt.date(2026, 11, 22))
    assert MESSAGE in plan.message.body  # the user's version is what gets rendered
    assert render_pdf(plan).startswith(b"%PDF")
    logged = _all_text(caplog.records)
    assert caplog.records, "the capture works (the app and the PDF log something)"
    for marker in MARKERS:
        assert marker not in logged
    for code in (0xE000, 0xE001, 0xE123, 0xAE40):
        assert f"{code:04X}" not in logged.upper()
