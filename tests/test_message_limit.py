"""The result page's message box never drops text: no max_chars, the whole text stays on
screen, a notice says how far over the limit it is, and the answers and the downloads keep
the last version within the limit (driven through streamlit.testing, no browser)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from tests.test_ui_apptest import open_sections
from wizard.answers import MESSAGE_MAX_CHARS, dump_answers
from wizard.content import load_content
from wizard.ui import derived, session
from wizard.ui.answer_values import to_answers
from wizard.ui.result import MESSAGE_WIDGET, over_limit

APP = str(Path(__file__).resolve().parent.parent / "app.py")
WORDS = load_content().screens.result
KEPT = "My own words, within the limit."
LONG = "Zephyr 4471. " * (MESSAGE_MAX_CHARS // 13 + 3)  # a paste over the limit
OVER = len(LONG) - MESSAGE_MAX_CHARS


def result_page() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    at.button(key="example_outgrown").click().run()
    assert not at.exception and sess(at).view == "result"
    return at


def sess(at: AppTest) -> session.Session:
    return at.session_state[session.KEY]


def override(at: AppTest) -> str:
    return to_answers(sess(at).answers).message_override


def over_notices(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown if m.value.startswith(":red[")]


@pytest.fixture
def built(monkeypatch) -> list[dict[str, Any]]:
    """The message each document button was given, as the download would build it."""
    seen: list[dict[str, Any]] = []
    real = derived.document_maker

    def spy(plan, message, cache, kind, session_id):
        seen.append({"kind": kind, "body": message["body"]})
        return real(plan, message, cache, kind, session_id)

    monkeypatch.setattr(derived, "document_maker", spy)
    return seen


def test_the_box_has_no_limit_that_drops_a_paste():
    at = result_page()
    assert not at.text_area(key=MESSAGE_WIDGET).proto.max_chars
    assert over_notices(at) == []
    assert not at.warning, "no notice while the message is within the limit"


def test_a_message_over_the_limit_is_kept_whole_and_said_to_be_over(built):
    at = result_page()
    at.text_area(key=MESSAGE_WIDGET).input(KEPT).run()
    assert override(at) == KEPT
    built.clear()

    at.text_area(key=MESSAGE_WIDGET).input(LONG).run()
    assert not at.exception
    # On screen: the whole text, in the box and in the copy block.
    assert at.text_area(key=MESSAGE_WIDGET).value == LONG
    open_sections(at, "copy_message")
    assert at.text_area(key=MESSAGE_WIDGET).value == LONG
    assert any(c.value == LONG for c in at.code)
    # Said plainly, with the numbers, under the box and above the downloads.
    notice = over_limit(WORDS.message_over, LONG, MESSAGE_MAX_CHARS)
    assert f"{OVER:,} too many" in notice and f"{len(LONG):,}" in notice
    assert over_notices(at) == [f":red[**{notice}**]"]
    assert [w.value for w in at.warning] == [WORDS.downloads_over.format(over=f"{OVER:,}")]
    # Not in the answers (the model would refuse it): the last text within the limit is.
    assert override(at) == KEPT
    assert f"message_override: {KEPT}" in dump_answers(to_answers(sess(at).answers))
    # Every document is built from that same kept text.
    assert {b["kind"] for b in built} == {"pdf", "docx", "ics"}
    assert all(b["body"] == KEPT for b in built)
    # The tab is told what the box holds, so a download click is not held back forever.
    assert sess(at).message["body"] == LONG


def test_over_the_limit_without_an_earlier_edit_the_downloads_keep_the_draft(built):
    at = result_page()
    draft = at.text_area(key=MESSAGE_WIDGET).value
    built.clear()
    at.text_area(key=MESSAGE_WIDGET).input(LONG).run()
    assert override(at) == ""  # the draft itself
    assert built and all(b["body"] == draft for b in built)
    assert at.text_area(key=MESSAGE_WIDGET).value == LONG


def test_the_text_over_the_limit_stays_through_reruns_and_a_new_plan():
    at = result_page()
    at.text_area(key=MESSAGE_WIDGET).input(LONG).run()
    at.selectbox(key="whatif_question").set_value("pattern").run()  # a rerun
    assert at.text_area(key=MESSAGE_WIDGET).value == LONG
    at.button(key="whatif_apply").click().run()  # the answers, and so the plan, change
    assert not at.exception
    assert at.text_area(key=MESSAGE_WIDGET).value == LONG
    assert len(over_notices(at)) == 1
    at.button(key="back_to_review").click().run()
    at.button(key="to_result").click().run()
    assert at.text_area(key=MESSAGE_WIDGET).value == LONG


def test_shortened_back_within_the_limit_it_is_kept_and_the_notices_go():
    at = result_page()
    at.text_area(key=MESSAGE_WIDGET).input(LONG).run()
    exactly = LONG[:MESSAGE_MAX_CHARS]
    at.text_area(key=MESSAGE_WIDGET).input(exactly).run()
    assert override(at) == exactly
    assert at.text_area(key=MESSAGE_WIDGET).value == exactly
    assert over_notices(at) == [] and not at.warning


def test_undo_after_a_text_over_the_limit_brings_the_draft_back():
    at = result_page()
    draft = at.text_area(key=MESSAGE_WIDGET).value
    at.text_area(key=MESSAGE_WIDGET).input(LONG).run()
    at.button(key="restore_message").click().run()
    assert at.text_area(key=MESSAGE_WIDGET).value == draft
    assert override(at) == "" and over_notices(at) == []


def test_starting_over_forgets_the_text_over_the_limit():
    at = result_page()
    at.text_area(key=MESSAGE_WIDGET).input(LONG).run()
    at.button(key="start_own").click().run()
    assert sess(at).message is None or "over" not in sess(at).message
    assert MESSAGE_WIDGET not in at.session_state
