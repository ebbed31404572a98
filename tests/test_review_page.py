"""The review page: per step one bordered box holding one markdown (the step's heading and
every answer, labels bold, answers escaped) and its Edit button (driven through
streamlit.testing, no browser)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from streamlit.testing.v1 import AppTest

from wizard.answers import dump_answers
from wizard.content import load_content
from wizard.examples import example_answers
from wizard.plan import build_plan
from wizard.ui import derived, kinds, session, validation
from wizard.ui.safe import md

APP = str(Path(__file__).resolve().parent.parent / "app.py")
CONTENT = load_content()
WORDS = CONTENT.screens.review
HOSTILE = "**x** <script>alert(1)</script> ![t](http://example.com/p.png)"


def review_page(answers) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    at.file_uploader(key="resume_file").set_value(
        ("a.yaml", dump_answers(answers).encode(), "application/x-yaml")
    ).run()
    assert not at.exception and at.session_state[session.KEY].view == "review"
    return at


def box(at: AppTest, step_id: str):
    found = [b for b in at.main.children.values() if getattr(b, "key", None) == f"review_{step_id}"]
    assert len(found) == 1, step_id
    return found[0]


def test_each_step_is_one_markdown_and_its_edit_button():
    answers = example_answers("late_payer").model_copy(update={"client_name": HOSTILE})
    at = review_page(answers)
    sess = at.session_state[session.KEY]
    path = validation.session_path(sess)
    shown_as = CONTENT.screens.answers
    for step in CONTENT.questions.steps:
        inside = list(box(at, step.id).children.values())
        assert [type(el).__name__ for el in inside] == ["Markdown", "Button"], step.id
        text, edit = inside[0].value, inside[1]
        # The step's heading (for screen readers' heading navigation), then every answer.
        assert text.startswith(f"## {md(step.title)}\n\n")
        for q in path[step.id]:
            value = kinds.answer_text(q, sess.answers.get(q.id), shown_as, answers.currency)
            assert f"**{md(q.label)}**  \n{md(value)}" in text, q.id
        assert edit.key == f"edit_{step.id}"
        assert edit.label == WORDS.edit.format(step=step.title)  # each names what it edits
    assert not at.columns, "no column rows: each costs three elements per step"
    # The one top heading is the page's title; step headings are in the markdown.
    assert [t.value for t in at.title] == [WORDS.heading] and not at.header
    # A name typed as markdown is shown as text.
    everything = " ".join(m.value for m in at.markdown)
    assert md(HOSTILE) in everything and "**x**" not in everything.replace(md(HOSTILE), "")


def test_an_incomplete_step_says_so_in_its_box_and_edit_goes_there():
    at = review_page(example_answers("late_payer"))
    at.session_state[session.KEY].set_value("tone", None)  # an answer still needed
    at.run()
    step_index = next(
        i for i, s in enumerate(CONTENT.questions.steps) if any(q.id == "tone" for q in s.questions)
    )
    step = CONTENT.questions.steps[step_index]
    inside = list(box(at, step.id).children.values())
    assert [type(el).__name__ for el in inside] == ["Markdown", "Error", "Button"]
    assert inside[1].value == WORDS.step_incomplete
    at.button(key=f"edit_{step.id}").click().run()
    sess = at.session_state[session.KEY]
    assert (sess.view, sess.step, sess.editing) == ("step", step_index, True)


def test_the_plan_is_started_on_review_and_see_my_plan_takes_it_for_the_same_answers():
    at = review_page(example_answers("late_payer"))
    sess = at.session_state[session.KEY]
    key, ahead = sess.plan_ahead
    assert key == derived.current_answers(sess)[1] and sess.plan_cache is None
    built = ahead.result(timeout=30)  # in the background, for this session only
    at.button(key="to_result").click().run()
    assert not at.exception and sess.view == "result"
    assert sess.plan_cache == (key, built) and sess.plan_ahead is None
    assert [t.value for t in at.title][0] == md(built.title)


def test_a_plan_started_for_other_answers_is_not_used():
    at = review_page(example_answers("late_payer"))
    sess = at.session_state[session.KEY]
    stale_key, stale = sess.plan_ahead
    stale.result(timeout=30)
    sess.set_value("tone", "warm" if sess.answers["tone"] != "warm" else "neutral")
    at.button(key="to_result").click().run()
    assert not at.exception and sess.view == "result"
    key, plan = sess.plan_cache
    assert key != stale_key and plan is not stale.result()
    assert plan == build_plan(derived.current_answers(sess)[0], CONTENT, today=dt.date.today())
