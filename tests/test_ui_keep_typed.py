"""Nothing the user typed is lost, and nothing they did not answer is made up:

- a text the answers model refuses (a name over its limit) comes back from the tab's copy
  after a reload exactly as it was on screen, and Next still refuses it; the answers file
  never holds it, and restore() still refuses anything the tab could not have written;
- a file saved part-way ("Save and finish later") holds only the answers given, and
  loading it asks the rest again instead of filling in the model's defaults; a complete
  file still opens its answers, ready for the plan, as before.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from tests.test_ui_apptest import APP, answers_of, drive_to_result, sess, texts, view
from wizard.answers import NAME_MAX_CHARS, Answers, dump_answers, load_answers
from wizard.engine import recommend
from wizard.examples import example_answers
from wizard.ui import answer_values, kinds, navigation, session, sources, tab, validation
from wizard.ui.answer_values import answers_from_model, savable, to_answers, valid_for_file
from wizard.ui.safe import md

LONG_NAME = "Northwind Trading " * 14  # 252 characters, over the limit of 200


@contextmanager
def outside_a_run() -> Iterator[dict[str, Any]]:
    """st.session_state as a plain dict, for the functions the browser's events call (an
    AppTest run after it must see Streamlit's own again)."""
    state: dict[str, Any] = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(session.st, "session_state", state)
        yield state


@pytest.fixture
def fake_session():
    with outside_a_run() as state:
        yield state


@pytest.fixture(scope="module")
def content():
    from wizard.content import load_content

    return load_content()


def _names_step() -> int:
    return next(
        i for i, s in enumerate(sources.steps()) if any(q.id == "client_name" for q in s.questions)
    )


def _on_names_step(values: dict[str, Any]) -> session.Session:
    last = len(sources.steps())
    return session.Session(answers=values, view="step", step=_names_step(), reached=last)


def _late_payer() -> dict[str, Any]:
    answers = example_answers("late_payer").model_copy(
        update={"notice_date": dt.date.today() + dt.timedelta(days=9)}
    )
    return answers_from_model(answers)


def _app_with(own: session.Session) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    own.restore_checked = True  # the tab has answered (as _restore_arrived records)
    at.session_state[session.KEY] = own
    at.run()
    assert not at.exception, at.exception
    return at


# --- 1. a refused text survives a reload ------------------------------------------------


def test_the_tab_keeps_a_name_over_its_limit_apart_from_the_answers():
    assert len(LONG_NAME) > NAME_MAX_CHARS
    values = _late_payer()
    values["client_name"] = LONG_NAME
    data = tab.stored(_on_names_step(values))
    assert data is not None
    assert data["drafts"] == {"client_name": LONG_NAME}
    assert "client_name" not in data["answers"] and "client_name" in data["unset"]
    # The answers it keeps are a valid answers file as they are...
    load_answers(json.dumps({"schema_version": 1, "answers": data["answers"]}))
    # ...and so is "Save and finish later": the long name is not in it.
    saved = load_answers(dump_answers(savable(values)))
    assert saved.client_name == ""
    assert "client_name" not in saved.model_fields_set


def test_a_reload_brings_back_a_name_over_its_limit_and_next_still_refuses_it():
    values = _late_payer()
    values["client_name"] = LONG_NAME
    raw = json.dumps(tab.stored(_on_names_step(values)))
    with outside_a_run() as state:
        assert tab.restore(raw)
    own = state[session.KEY]
    assert own.answers == values, "exactly what was on screen"
    assert own.view == "step" and own.step == _names_step()

    at = _app_with(own)
    assert at.text_input(key="w:client_name").value == LONG_NAME
    over = len(LONG_NAME) - NAME_MAX_CHARS
    assert any(f"{over} too many" in t for t in texts(at)), "the counter says it is over"
    at.button(key="nav_next").click().run()
    assert view(at) == "step", "Next refuses it"
    message = sess(at).errors.get("client_name", "")
    assert f"is {len(LONG_NAME)} characters long; it can hold at most {NAME_MAX_CHARS}" in message
    assert answers_of(at)["client_name"] == LONG_NAME, "and keeps it whole"
    # Put right, it becomes an answer like any other (and leaves the tab's drafts).
    at.text_input(key="w:client_name").input(LONG_NAME[:NAME_MAX_CHARS]).run()
    data = tab.stored(sess(at))
    assert data is not None and data["drafts"] == {}
    assert data["answers"]["client_name"] == LONG_NAME[:NAME_MAX_CHARS]


def test_a_restored_name_over_its_limit_keeps_the_plan_closed(fake_session):
    """Left on the plan's page (the message, not a name, was being edited): after the reload
    the step with the long name is not complete, so review comes first."""
    values = _late_payer()
    values["your_name"] = LONG_NAME
    kept, unset = valid_for_file(values)
    drafts = answer_values.refused_texts(values, unset)
    raw = json.dumps({"v": 1, "answers": kept, "unset": unset, "drafts": drafts,
                      "view": "result", "step": 0, "reached": 8})  # fmt: skip
    assert tab.restore(raw)
    own = fake_session[session.KEY]
    assert own.answers["your_name"] == LONG_NAME
    assert own.view == "review"
    assert validation.incomplete_steps(own) == [_names_step()]


def test_a_place_the_model_does_not_know_comes_back_too(fake_session):
    values = _late_payer()
    values["jurisdiction"] = "Narnia"
    data = tab.stored(_on_names_step(values))
    assert data is not None and data["drafts"] == {"jurisdiction": "Narnia"}
    assert tab.restore(json.dumps(data))
    assert fake_session[session.KEY].answers["jurisdiction"] == "Narnia"


def _deadlines_step() -> int:
    return next(
        i for i, s in enumerate(sources.steps())
        if any(q.type == "deadlines" for q in s.questions)
    )  # fmt: skip


def test_deadlines_with_a_line_it_cannot_read_come_back_as_typed(fake_session):
    """One line without a readable date makes the whole answer refused: the tab keeps the
    lines as typed (never "None ..."), a reload puts them back, and Next still refuses."""
    qid = next(q.id for s in sources.steps() for q in s.questions if q.type == "deadlines")
    typed = "2027-01-15 Final invoice due\nnext Friday hand over the keys"
    values = _late_payer()
    values[qid] = kinds.deadlines_from_text(typed)
    own = session.Session(answers=values, view="step", step=_deadlines_step(), reached=8)
    data = tab.stored(own)
    assert data is not None and data["drafts"] == {qid: typed}
    assert qid in data["unset"] and qid not in data["answers"]
    assert tab.restore(json.dumps(data))
    restored = fake_session[session.KEY]
    assert restored.answers[qid] == values[qid]
    assert kinds.deadline_lines(restored.answers[qid]) == typed
    assert "None" not in kinds.deadline_lines(restored.answers[qid])


def test_the_deadline_box_shows_a_line_it_cannot_read_as_typed():
    values = _late_payer()
    step = _deadlines_step()
    qid = next(q.id for q in sources.steps()[step].questions if q.type == "deadlines")
    values[qid] = kinds.deadlines_from_text("soon: the last report")
    at = _app_with(session.Session(answers=values, view="step", step=step, reached=8))
    assert at.text_area(key=f"w:{qid}").value == "soon: the last report"
    at.button(key="nav_next").click().run()
    assert view(at) == "step" and qid in sess(at).errors, "Next refuses it"


def test_a_tab_copy_kept_before_drafts_existed_still_restores(fake_session):
    values = _late_payer()
    kept, unset = valid_for_file(values)
    raw = json.dumps({"v": 1, "answers": kept, "unset": unset, "view": "review", "step": 0,
                      "reached": 8})  # fmt: skip
    assert tab.restore(raw)
    assert fake_session[session.KEY].answers == values


def _tab_copy(**change: Any) -> str:
    values = _late_payer()
    values["client_name"] = LONG_NAME
    data = tab.stored(_on_names_step(values))
    assert data is not None
    return json.dumps({**data, **change})


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param(_tab_copy(drafts=["client_name", LONG_NAME]), id="drafts-not-a-mapping"),
        pytest.param(_tab_copy(drafts={"client_name": 7}), id="not-text"),
        pytest.param(_tab_copy(drafts={"client_name": None}), id="null"),
        pytest.param(_tab_copy(drafts={"pattern": "sometimes"}), id="not-a-typed-question"),
        pytest.param(_tab_copy(drafts={"currency": "EURO"}), id="a-code-not-free-text"),
        pytest.param(_tab_copy(drafts={"no_such_field": "x"}), id="unknown-field"),
        pytest.param(
            _tab_copy(drafts={"client_name": "x" * (10 * NAME_MAX_CHARS + 1)}), id="too-long"
        ),  # fmt: skip
        pytest.param(
            _tab_copy(drafts={"tone": "warm", "client_name": LONG_NAME}),
            id="choice-smuggled-as-text",
        ),  # fmt: skip
        pytest.param(_tab_copy(drafts={"profession": "law"}), id="beside-an-accepted-answer"),
        pytest.param(
            _tab_copy(drafts={"your_name": "x"}, answers={"your_name": "y"}),
            id="text-beside-its-accepted-answer",
        ),  # fmt: skip
        pytest.param(json.dumps({"v": 1}), id="no-answers"),
        pytest.param(json.dumps({"v": 1, "answers": None}), id="answers-null"),
        pytest.param(json.dumps({"v": 1, "answers": ["tone"]}), id="answers-a-list"),
        pytest.param(
            '{"v": 1, "answers": ' + "[" * 50_000 + "]" * 50_000 + "}", id="nested-too-deep"
        ),  # fmt: skip
        pytest.param("[" * 100_000, id="deep-garbage"),
        pytest.param(" " * (tab.RESTORE_MAX_CHARS + 1), id="too-big"),
    ],
)
def test_restore_refuses_what_the_tab_could_not_have_kept(fake_session, raw):
    assert tab.restore(raw) is False
    assert fake_session[session.KEY].answers is None, "nothing was set"


def test_the_largest_draft_the_tab_writes_is_one_restore_accepts(fake_session):
    values = _late_payer()
    values["client_name"] = "y" * 100_000  # an absurd paste: kept up to its cut
    data = tab.stored(_on_names_step(values))
    assert data is not None
    assert len(data["drafts"]["client_name"]) == answer_values.draft_limits()["client_name"]
    assert tab.restore(json.dumps(data))


# --- 2. a file saved part-way asks the rest again ---------------------------------------


def _part_way(content) -> tuple[AppTest, dict[str, Any]]:
    """Step 1 answered through its widgets, then "Save and finish later" on step 2."""
    from tests.test_ui_apptest import fill_current_step, new_app

    at = new_app()
    at.button(key="start").click().run()
    mine = Answers(profession="law", signals=["unresponsive"], safety_concern=False)
    fill_current_step(at, mine, content)
    assert sess(at).step == 1
    return at, dict(answers_of(at))


def test_save_and_finish_later_writes_only_the_answers_given(content):
    _at, values = _part_way(content)
    text = dump_answers(savable(values))
    written = set(load_answers(text).model_fields_set)
    assert {"profession", "signals", "safety_concern"} <= written
    never_asked = {"pattern", "engagement_status", "tone", "notice_days", "has_contract"}
    assert not written & never_asked, text
    # To the engine and the command line it means what the same save meant before, when
    # it wrote every unanswered field out as its default.
    kept, _unset = valid_for_file(values)
    before = load_answers(dump_answers(Answers.model_validate(kept)))
    assert load_answers(text).model_dump() == before.model_dump()
    today = dt.date(2026, 3, 2)
    assert recommend(load_answers(text), content, today=today) == recommend(
        before, content, today=today
    )


def test_a_part_saved_file_loads_with_the_rest_unanswered(content):
    at, values = _part_way(content)
    text = dump_answers(savable(values))
    with outside_a_run() as state:
        assert navigation.handle_upload("part", text.encode()) is True
    own = state[session.KEY]
    assert own.answers["profession"] == "law"
    assert own.answers["signals"] == ["unresponsive"]
    assert own.answers["safety_concern"] is False
    for qid in ("pattern", "engagement_status", "has_contract", "notice_days", "tone",
                "preferred_channel", "notice_date"):  # fmt: skip
        assert own.answers[qid] is None, f"{qid} was never answered"
    assert validation.incomplete_steps(own)[0] == 1, "the steps not done are still to do"
    # It opens where the user stopped: the second step, asked, not pre-filled.
    assert (own.view, own.step, own.reached) == ("step", 1, 1)
    assert own.flash == sources.screens().flash.resumed_part

    at = _app_with(own)
    assert at.radio(key="w:pattern").value is None
    # Review still shows what is not answered, and gives no plan for it.
    own.view = "review"
    at = _app_with(own)
    pattern_step = next(t for t in texts(at) if t.startswith("## Pattern and remedies"))
    assert f"**{md('Is this a one-off or a pattern?')}**  \nNot answered" in pattern_step
    at.button(key="to_result").click().run()
    assert view(at) == "review", "no plan from answers never given"


def test_a_complete_file_from_the_result_page_still_opens_ready_for_its_plan(content):
    values = _late_payer()
    text = dump_answers(to_answers(values))  # what the result page's "Save my answers" writes
    with outside_a_run() as state:
        assert navigation.handle_upload("whole", text.encode()) is True
    own = state[session.KEY]
    assert own.answers == answers_from_model(load_answers(text)), "as before"
    assert own.view == "review" and validation.incomplete_steps(own) == []
    at = _app_with(own)
    at.button(key="to_result").click().run()
    assert view(at) == "result"


def test_a_complete_file_saved_through_the_wizard_round_trips(content):
    """Answered through every widget, saved from the plan, loaded again: the plan opens."""
    from tests.test_ui_apptest import new_app

    at = new_app()
    drive_to_result(at, example_answers("late_payer").model_copy(
        update={"notice_date": dt.date.today() + dt.timedelta(days=9)}), content)  # fmt: skip
    text = dump_answers(to_answers(answers_of(at)))
    with outside_a_run() as state:
        assert navigation.handle_upload("whole", text.encode()) is True
    own = state[session.KEY]
    assert validation.incomplete_steps(own) == []
    assert to_answers(own.answers) == to_answers(answers_of(at))


def test_a_file_saved_part_way_by_an_earlier_version_loads_as_it_did(content):
    """It wrote every field (unanswered ones as defaults): those read as answers, as before."""
    _at, values = _part_way(content)
    kept, _unset = valid_for_file(values)
    text = dump_answers(Answers.model_validate(kept))
    with outside_a_run() as state:
        assert navigation.handle_upload("old", text.encode()) is True
    own = state[session.KEY]
    assert own.answers == answers_from_model(load_answers(text))
    assert own.answers["pattern"] == "recurring"


def test_an_example_still_means_every_field(fake_session):
    navigation.try_example("late_payer")
    own = fake_session[session.KEY]
    assert own.view == "result"
    assert own.answers == answers_from_model(example_answers("late_payer"))


# --- 3. a refused text on a question no longer asked ------------------------------------


def test_a_hidden_text_over_its_limit_is_kept_but_leaves_the_plan_alone():
    """A breach summary over its limit, then a contract no longer ended for cause: the
    question leaves the path, so review and the plan open (they used to fail on it), the
    file and the plan take the default, and the text is still there if it comes back."""
    from tests.test_ui_apptest import new_app

    long_summary = "They missed every payment date. " * 20  # 640 characters, limit 500
    at = new_app()
    at.button(key="example_late_payer").click().run()
    at.sidebar.button(key="side_review").click().run()
    at.button(key="edit_contract").click().run()
    at.radio(key="w:termination_clause").set_value("cause_only").run()
    at.text_input(key="w:breach_summary").input(long_summary).run()
    at.radio(key="w:termination_clause").set_value("notice").run()
    at.button(key="nav_next").click().run()
    assert not at.exception, at.exception
    assert view(at) == "review"
    assert to_answers(answers_of(at)).breach_summary == ""
    at.button(key="to_result").click().run()
    assert not at.exception and view(at) == "result"
    assert answers_of(at)["breach_summary"] == long_summary, "nothing typed is lost"
    data = tab.stored(sess(at))
    assert data is not None and data["drafts"] == {"breach_summary": long_summary}
