"""The Streamlit wizard driven through its widgets with streamlit.testing (no browser)."""

from __future__ import annotations

import ast
import datetime as dt
import io
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from streamlit.testing.v1 import AppTest

import wizard.pdf as pdf_module
from wizard.answers import Answers, dump_answers, load_answers
from wizard.content import Question, load_content
from wizard.engine import recommend, visible_question_ids
from wizard.examples import example_answers, welcome_examples
from wizard.safe_yaml import MAX_BYTES
from wizard.ui import derived, navigation, result, session, whatif
from wizard.ui.answer_values import to_answers
from wizard.ui.safe import WORD_JOINER, md

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
SCENARIOS = Path(__file__).resolve().parent / "scenarios"
SCENARIO_TODAY = dt.date(2026, 2, 20)  # the plan date the scenario files were written for
SCENARIO_NAMES = ["therapist_threatened", "critical_period_known_end", "niche_change",
                  "lawyer_court_date"]  # fmt: skip
INJECTION = "**x** <script>alert(1)</script> ![t](http://example.com/p.png)"
# Pieces that would only be present if markdown/HTML had been left unescaped.
RAW_PIECES = ("**x**", "<script>", "![t](", "](http")
TEXT_ELEMENTS = ("markdown", "caption", "title", "header", "subheader", "error", "warning",
                 "info", "success")  # fmt: skip


@pytest.fixture(scope="module")
def content():
    return load_content()


def new_app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    assert not at.exception
    return at


def sess(at: AppTest) -> session.Session:
    """The app's one session object."""
    return at.session_state[session.KEY]


def view(at: AppTest) -> str:
    return sess(at).view


def answers_of(at: AppTest) -> dict[str, Any]:
    return sess(at).answers


def texts(at: AppTest) -> list[str]:
    """Every string shown through a markdown-rendering element (main and sidebar)."""
    out = []
    for kind in TEXT_ELEMENTS:
        out.extend(str(el.value) for el in getattr(at, kind))
    return out


def open_sections(at: AppTest, *names: str) -> None:
    """Open the result page's closed sections (their bodies are sent only while open), as
    a click on each would; all of the page's sections when none are named."""
    names = names or ("facts", "alternatives", "timeline", "checklist", "log", "reflection",
                      "copy_message", "follow_up", *(f"further_{n}" for n in range(3)))  # fmt: skip
    for name in names:
        at.session_state[result.SECTION_KEY_PREFIX + name] = True
    at.run()


def set_question(at: AppTest, q: Question, value: Any) -> None:
    key = f"w:{q.id}"
    if q.type == "multi":
        for option in q.options:
            at.checkbox(key=f"{key}:{option.value}").set_value(option.value in value)
    elif q.type in ("choice", "yesno"):
        widgets = [w for w in (*at.radio, *at.selectbox) if w.key == key]
        assert widgets, f"no widget for {q.id}"
        widgets[0].set_value(value)
    elif q.type in ("integer", "amount"):
        at.number_input(key=key).set_value(value)
    elif q.type == "date":
        at.date_input(key=key).set_value(value)
    elif q.type == "deadlines":
        at.text_area(key=key).input("\n".join(f"{d.date} {d.what}" for d in value))
    elif q.type == "place":  # a country, then its region where it has regions
        country, _, region = value.partition("-")
        at.selectbox(key=key).set_value(country)
        at.run()
        for regions in (w for w in at.selectbox if w.key == f"{key}:region"):
            regions.set_value(region)
    elif q.type == "currency":
        common = value in at.selectbox(key=key).options
        at.selectbox(key=key).set_value(value if common else "other")
        if not common:
            at.run()
            at.text_input(key=f"{key}:other").input(value)
    else:
        at.text_input(key=key).input(value)
    at.run()
    assert not at.exception, at.exception


def fill_current_step(at: AppTest, answers: Answers, content) -> None:
    """Answer every question on screen through its widget, then press Next."""
    step = content.questions.steps[sess(at).step]
    for q in step.questions:
        if q.show_if.evaluate(answers_of(at), content.rules.definitions):
            set_question(at, q, getattr(answers, q.id))
    at.button(key="nav_next").click().run()
    if any(b.key == "nav_continue" for b in at.button):  # a date in the past: confirm it
        at.button(key="nav_continue").click().run()
    assert not [e.value for e in at.error], [e.value for e in at.error]


def drive_to_result(at: AppTest, answers: Answers, content) -> None:
    at.button(key="start").click().run()
    while view(at) == "step":
        fill_current_step(at, answers, content)
    assert view(at) == "review"
    at.button(key="to_result").click().run()
    assert view(at) == "result", [e.value for e in at.error]
    assert not at.exception


def scenario(name: str) -> Answers:
    """A scenario file with its dates moved by whole weeks to lie as far after today as
    they lay after the day the scenario was written for (so weekdays stay the same)."""
    answers = load_answers((SCENARIOS / f"{name}.yaml").read_bytes())
    weeks = -(-(dt.date.today() - SCENARIO_TODAY).days // 7)
    shift = dt.timedelta(weeks=max(weeks, 0))
    moved = {
        field: getattr(answers, field) + shift
        for field in ("notice_date", "critical_period_ends", "client_in_crisis_until")
        if getattr(answers, field) is not None
    }
    return answers.model_copy(update=moved)


def shown_recommendation(at: AppTest) -> list[str]:
    """The headings of the recommendation box: the strategy and the timing."""
    boxes = [m.value for m in at.markdown if m.value.startswith(":gray[Our recommendation]")]
    assert len(boxes) == 1, "one recommendation box on the result page"
    return [line[3:] for line in boxes[0].splitlines() if line.startswith("## ")]


def step_words():
    """The step screen's wording (screens.yaml), as the wizard reads it."""
    from wizard.ui import sources

    return sources.screens().step


# --- complete paths -------------------------------------------------------------------


@pytest.mark.parametrize("name", SCENARIO_NAMES)
def test_full_path_through_widgets_shows_the_engines_recommendation(name, content):
    answers = scenario(name)
    expected = yaml.safe_load((SCENARIOS / "expected.yaml").read_text("utf-8"))[name]
    rec = recommend(answers, content, today=dt.date.today())
    assert (rec.strategy, rec.readiness) == (expected["strategy"], expected["readiness"])

    at = new_app()
    drive_to_result(at, answers, content)

    # Every answer on the path arrived exactly as given (no widget lost or changed one).
    got = to_answers(answers_of(at))
    assert recommend(got, content, today=dt.date.today()) == rec
    shown = shown_recommendation(at)
    assert md(content.plan.strategies[rec.strategy].label) in shown
    assert md(content.plan.readiness[rec.readiness].label) in shown
    others = [s for s in content.plan.strategies if s != rec.strategy]
    for other in others:
        assert md(content.plan.strategies[other].label) not in shown
    # The progress bar is full only now.
    assert "Your plan" in [c.value for c in at.sidebar.caption]


def test_progress_counts_steps_and_each_step_has_one_heading_naming_it(content):
    at = new_app()
    at.button(key="start").click().run()
    total = len(content.questions.steps)
    answers = example_answers("late_payer").model_copy(
        update={"notice_date": dt.date.today() + dt.timedelta(days=7)}
    )
    number = 0
    while view(at) == "step":
        number += 1
        step = content.questions.steps[number - 1]
        heading = f"Step {number} of {total}: {step.title}"
        assert [t.value for t in at.title] == [heading], "one top heading per screen"
        assert at.get("progress")[0].value == int(100 * (number - 1) / total)
        assert f"Step {number} of {total}" in [c.value for c in at.sidebar.caption]
        fill_current_step(at, answers, content)
    assert number == total


def test_no_screen_shows_more_than_six_questions_at_once(content):
    # A step may hold more questions than it shows: the contract step asks about a notice
    # period or about a cure period, never both. Every way of answering that opens the most
    # follow-up questions is tried, and no screen ever shows more than six.
    opening = [
        dict(
            profession=profession, has_contract=True, termination_clause=clause, cure_days=5,
            signals=["unethical_request", "payment_problems"], safety_concern=True,
            client_in_crisis=True, critical_period=True, unearned_prepayment=True,
        )
        for profession in ("law", "therapy", "general")
        for clause in ("none", "notice", "cause_only", "unsure")
    ]  # fmt: skip
    assert len(content.questions.steps) == 8
    for values in opening:
        shown = set(visible_question_ids(Answers(**values), content))
        for step in content.questions.steps:
            on_screen = [q.id for q in step.questions if q.id in shown]
            assert len(on_screen) <= 6, (step.id, values["termination_clause"], on_screen)


def test_next_without_answers_explains_what_is_missing():
    at = new_app()
    at.button(key="start").click().run()
    at.button(key="nav_next").click().run()
    assert view(at) == "step" and sess(at).step == 0
    errors = [e.value for e in at.error]
    signals = "Choose at least one answer to “What is going wrong?”."
    profession = "Choose an answer to “What kind of work do you do for this client?”."
    assert signals in errors and profession in errors
    # A summary at the top links to each field; each message names its question.
    summary = next(m.value for m in at.markdown if m.value.startswith("## There is a problem"))
    assert "](#q-signals)" in summary and "](#q-profession)" in summary
    assert sess(at).error_round == 1
    # The error disappears once that field is answered.
    at.checkbox(key="w:signals:scope_creep").check().run()
    at.button(key="nav_next").click().run()
    assert signals not in [e.value for e in at.error]
    assert sess(at).error_round == 2


def test_past_notice_date_warns_and_can_be_kept(content):
    answers = example_answers("late_payer").model_copy(
        update={"notice_date": dt.date.today() - dt.timedelta(days=3)}
    )
    at = new_app()
    at.button(key="start").click().run()
    timing = next(i for i, s in enumerate(content.questions.steps) if s.id == "timing")
    for _ in range(timing):
        fill_current_step(at, answers, content)
    step = content.questions.steps[sess(at).step]
    for q in step.questions:
        if q.show_if.evaluate(answers_of(at), content.rules.definitions):
            set_question(at, q, getattr(answers, q.id))
    at.button(key="nav_next").click().run()
    assert sess(at).step == timing, "a soft warning stops once"
    assert any("in the past" in w.value for w in at.warning)
    at.button(key="nav_continue").click().run()
    assert sess(at).step == timing + 1
    assert answers_of(at)["notice_date"] == answers.notice_date


# --- navigation keeps answers -----------------------------------------------------------


def test_back_and_edit_keeps_later_answers(content):
    answers = example_answers("outgrown").model_copy(
        update={"notice_date": dt.date.today() + dt.timedelta(days=7)}
    )
    at = new_app()
    at.button(key="start").click().run()
    for _ in range(6):
        fill_current_step(at, answers, content)
    assert sess(at).step == 6
    before = dict(answers_of(at))
    # Back three times, then change one early answer.
    for _ in range(5):
        at.button(key="nav_back").click().run()
    assert sess(at).step == 1
    assert at.radio(key="w:pattern").value == "recurring"
    at.radio(key="w:pattern").set_value("occasional").run()
    for _ in range(4):
        at.button(key="nav_next").click().run()
    # The later steps still show what was entered before.
    assert sess(at).step == 5
    assert at.number_input(key="w:relationship_months").value == 36
    after = dict(answers_of(at))
    # The notice date on the step that was on screen took its shown default on Back.
    after.pop("notice_date"), before.pop("notice_date")
    assert after == {**before, "pattern": "occasional"}


def test_sidebar_jump_and_edit_from_review_returns_to_review(content):
    at = new_app()
    at.button(key="example_late_payer").click().run()
    assert view(at) == "result"
    at.button(key="back_to_review").click().run()
    assert view(at) == "review"
    before = dict(answers_of(at))
    at.button(key="edit_channel").click().run()
    assert view(at) == "step" and sess(at).editing
    at.text_input(key="w:client_name").input("Bright Cafe").run()
    at.button(key="nav_next").click().run()
    assert view(at) == "review"
    assert answers_of(at) == {**before, "client_name": "Bright Cafe"}
    # Jumping from the sidebar to an earlier step and back keeps everything too.
    at.sidebar.button(key="side_step_1").click().run()
    assert sess(at).step == 1
    assert [b.key for b in at.main.button if b.key.startswith("nav_")] == ["nav_next"]
    at.button(key="nav_next").click().run()  # the only way out while editing: save
    assert view(at) == "review"
    assert answers_of(at) == {**before, "client_name": "Bright Cafe"}


def test_a_newly_shown_required_question_blocks_the_plan_until_answered(content):
    answers = example_answers("late_payer").model_copy(
        update={"notice_date": dt.date.today() + dt.timedelta(days=7)}
    )
    at = new_app()
    at.button(key="start").click().run()
    while view(at) == "step":
        fill_current_step(at, answers, content)
    assert answers_of(at)["court_matter_pending"] is None
    at.button(key="edit_situation").click().run()
    at.radio(key="w:profession").set_value("law").run()
    at.button(key="nav_next").click().run()
    assert view(at) == "review"
    # court_matter_pending is now on the path and unanswered.
    at.button(key="to_result").click().run()
    assert view(at) == "review"
    assert any("What you hold and owe" in e.value for e in at.error)


# --- resume -------------------------------------------------------------------------------


def test_resume_from_an_uploaded_file_restores_every_answer(content):
    answers = scenario("lawyer_court_date").model_copy(update={"client_name": "Acme"})
    at = new_app()
    at.file_uploader(key="resume_file").set_value(
        ("partways-answers.yaml", dump_answers(answers).encode(), "application/x-yaml")
    ).run()
    assert not at.exception
    assert view(at) == "review"
    assert to_answers(answers_of(at)) == answers
    assert any("saved answers are back" in s.value for s in at.success)
    at.button(key="to_result").click().run()
    rec = recommend(answers, content, today=dt.date.today())
    assert md(content.plan.strategies[rec.strategy].label) in shown_recommendation(at)


@pytest.mark.parametrize(
    "data, fragment",
    [
        (b"schema_version: 1\nanswers:\n  profesion: law\n", "profesion"),
        (b"schema_version: 2\nanswers: {}\n", "schema_version"),
        (b"\x00\x01 not yaml at all: [", "not a usable answers file"),
        (b"- just\n- a list\n", "mapping"),
    ],
)
def test_a_bad_resume_file_shows_why_and_keeps_the_answers(data, fragment):
    at = new_app()
    at.button(key="start").click().run()
    at.radio(key="w:profession").set_value("accounting").run()
    at.button(key="nav_back").click().run()
    assert view(at) == "welcome"
    before = dict(answers_of(at))
    at.file_uploader(key="resume_file").set_value(("bad.yaml", data, "application/x-yaml")).run()
    assert not at.exception
    assert view(at) == "welcome"
    errors = [e.value for e in at.error]
    assert len(errors) == 1 and "nothing was changed" in errors[0]
    assert md(fragment).lower() in errors[0].lower()
    assert answers_of(at) == before


class FakeSessionState(dict):
    """Enough of st.session_state for the handler (attribute access is not used)."""


@pytest.fixture
def fake_session(monkeypatch):
    state = FakeSessionState()
    monkeypatch.setattr(session.st, "session_state", state)
    return state


def test_upload_handler_applies_a_file_once(fake_session):
    good = dump_answers(example_answers("late_payer")).encode()
    assert navigation.handle_upload("file-1", good) is True
    own = fake_session[session.KEY]
    assert own.view == "review"
    own.answers["client_name"] = "Changed since"
    # A rerun with the same upload still attached must not overwrite later edits.
    assert navigation.handle_upload("file-1", good) is False
    assert own.answers["client_name"] == "Changed since"


def test_upload_handler_refuses_bad_and_oversized_files(fake_session):
    # The limit is the answers loader's own (wizard.safe_yaml), stated once.
    assert navigation.handle_upload("big", b"#" * (MAX_BYTES + 1)) is False
    own = fake_session[session.KEY]
    assert "1 MB" in own.upload_error
    assert navigation.handle_upload("bad", b"schema_version: 1\nanswers: {tone: shouty}\n") is False
    assert "tone" in own.upload_error
    assert own.answers is None, "no answer was set"
    assert own.view == "welcome"
    just_fits = dump_answers(example_answers("late_payer")).encode()
    just_fits += b"#" * (MAX_BYTES - len(just_fits))
    assert navigation.handle_upload("fits", just_fits) is True


# --- user text is shown as text ---------------------------------------------------------


def test_md_escapes_markdown_html_and_latex():
    escaped = md(INJECTION + " $x$ `c` a_b #h | ~s~ :red[z]")
    for raw in (*RAW_PIECES, "$x$", "`c`", "a_b", ":red[", "~s~"):
        assert raw not in escaped
    plain = escaped.replace("\\", "").replace(WORD_JOINER, "")
    assert plain == (INJECTION + " $x$ `c` a_b #h | ~s~ :red[z]")
    # Bare URLs and addresses are broken up invisibly so they are not linkified.
    for text in ("see http://a.example/x", "www.a.example", "jo@a.example"):
        assert WORD_JOINER in md(text)
    assert md("line one\n    # two") == "line one  \n\\# two"


def test_injected_names_are_shown_literally_everywhere(content):
    answers = example_answers("late_payer").model_copy(
        update={"client_name": INJECTION, "your_name": INJECTION, "client_contact": INJECTION}
    )
    at = new_app()
    at.file_uploader(key="resume_file").set_value(
        ("a.yaml", dump_answers(answers).encode(), "application/x-yaml")
    ).run()
    assert view(at) == "review"
    review_texts = texts(at)
    assert any(md(INJECTION) in t for t in review_texts)
    at.button(key="to_result").click().run()
    assert view(at) == "result"
    result_texts = texts(at)
    assert any(md(INJECTION) in t for t in result_texts), "the title shows the escaped name"
    for text in review_texts + result_texts:
        for raw in RAW_PIECES:
            assert raw not in text, text
    # Text-only elements hold the literal name.
    assert INJECTION in at.text_area(key="w:message").value
    open_sections(at)
    result_texts = texts(at)
    for text in result_texts:
        for raw in RAW_PIECES:
            assert raw not in text, text
    assert any(INJECTION in c.value for c in at.code)
    # Tables are markdown tables: the cells hold the escaped text (the raw pieces were
    # ruled out above for every markdown element, tables included).
    tables = [t for t in result_texts if "\n|---" in t]
    assert tables, "the timeline and record tables are on the page"
    assert any(md(INJECTION) in table for table in tables)
    assert len(at.get("html")) == 1 and not at.get("imgs"), "only the page's own style"


# --- the result page ------------------------------------------------------------------------


def test_edited_message_is_kept_and_feeds_the_pdf(content):
    at = new_app()
    at.button(key="example_outgrown").click().run()
    draft = at.text_area(key="w:message").value
    at.text_area(key="w:message").input("My own words.").run()
    assert sess(at).message["body"] == "My own words."
    at.selectbox(key="whatif_question").set_value("pattern").run()  # any rerun
    assert at.text_area(key="w:message").value == "My own words."
    assert not at.code, "the copy box is closed, and sent only when opened"
    open_sections(at, "copy_message")
    assert any(c.value == "My own words." for c in at.code)
    at.button(key="restore_message").click().run()
    assert at.text_area(key="w:message").value == draft


def test_pdf_maker_builds_on_demand_with_the_edited_text_and_reuses_bytes(monkeypatch, content):
    from wizard.plan import build_plan

    plan = build_plan(example_answers("late_payer"), content, today=dt.date(2026, 11, 2))
    calls = []
    real = pdf_module.render_pdf
    monkeypatch.setattr(pdf_module, "render_pdf", lambda p: calls.append(p) or real(p))
    message = {"plan_key": "k", "body": "Edited body for Harbour Lane."}
    cache: dict = {}
    make = derived.pdf_maker(plan, message, cache)
    assert calls == []
    first = make()
    assert first.startswith(b"%PDF")
    assert calls[0].message.body == "Edited body for Harbour Lane."
    assert make() is first and len(calls) == 1
    message["body"] = "Changed again."
    make()
    assert len(calls) == 2 and calls[1].message.body == "Changed again."


def test_result_reruns_do_not_rebuild_the_plan_or_the_pdf(monkeypatch, content):
    built, pdfs = [], []
    real_build = derived.build_plan
    monkeypatch.setattr(
        derived, "build_plan", lambda *a, **k: built.append(1) or real_build(*a, **k)
    )
    monkeypatch.setattr(pdf_module, "render_pdf", lambda p: pdfs.append(1) or b"%PDF-")
    at = new_app()
    at.button(key="example_threatening").click().run()
    at.button(key="back_to_review").click().run()
    built.clear()
    at.button(key="edit_channel").click().run()  # a step screen builds nothing
    at.radio(key="w:tone").set_value("warm").run()
    at.button(key="nav_next").click().run()
    assert built == []
    at.button(key="to_result").click().run()
    assert len(built) == 1
    at.selectbox(key="whatif_question").set_value("pattern").run()
    at.run()
    assert len(built) == 1 and pdfs == []


def test_what_if_shows_the_engines_answer_for_the_changed_value(content):
    at = new_app()
    at.button(key="example_outgrown").click().run()
    answers = to_answers(answers_of(at))
    rec = recommend(answers, content)
    at.selectbox(key="whatif_question").set_value("safety_concern").run()
    at.radio(key="whatif_value_safety_concern").set_value(True).run()
    other = recommend(answers.model_copy(update={"safety_concern": True}), content)
    label = content.plan.strategies[other.strategy].label
    shown = [m.value for m in (*at.info, *at.warning) if "recommendation would" in m.value]
    assert len(shown) == 1 and md(label) in shown[0]
    changed = (other.strategy, other.readiness) != (rec.strategy, rec.readiness)
    assert ("would change" in shown[0]) == changed


def test_start_over_asks_first_then_clears_everything():
    at = new_app()
    at.button(key="example_late_payer").click().run()
    at.sidebar.button(key="reset").click().run()
    assert view(at) == "result", "nothing is cleared before confirming"
    at.sidebar.button(key="reset_no").click().run()
    assert answers_of(at)["client_name"] == "Harbour Lane Bakery"
    at.sidebar.button(key="reset").click().run()
    at.sidebar.button(key="reset_yes").click().run()
    assert view(at) == "welcome"
    # Only the count of focus moves carries on (four: asked, kept, asked, cleared), so that
    # focus goes to the welcome heading even when the welcome screen was already shown.
    fresh = session.Session(restore_checked=True, focus_round=4)
    assert sess(at) == fresh, "one fresh session object: every answer is gone"
    assert not [k for k in at.session_state if str(k).startswith("w:")], "no widget kept one"


# --- sessions ---------------------------------------------------------------------------------


def test_two_sessions_never_see_each_others_answers():
    first, second = new_app(), new_app()
    first.button(key="example_late_payer").click().run()
    second.button(key="example_threatening").click().run()
    assert answers_of(first)["client_name"] == "Harbour Lane Bakery"
    assert answers_of(second)["client_name"] == "R. Client"
    assert not any("R. Client" in t for t in texts(first))
    assert not any("Harbour Lane" in t for t in texts(second))
    third = new_app()
    assert sess(third).answers is None, "a new session starts with no answers"
    assert view(third) == "welcome"
    third.button(key="start").click().run()
    assert answers_of(third)["client_name"] == ""


def test_examples_are_valid_and_distinct(content):
    day = dt.date(2026, 11, 2)
    offered = welcome_examples()
    outcomes = {recommend(example_answers(e.id), content, today=day).strategy for e in offered}
    assert len(offered) >= 3 and len(outcomes) >= 2


def test_currency_other_code_is_checked_and_kept(content):
    at = new_app()
    at.button(key="example_late_payer").click().run()
    at.button(key="back_to_review").click().run()
    at.button(key="edit_money").click().run()
    at.selectbox(key="w:currency").set_value("other").run()
    at.text_input(key="w:currency:other").input("hk").run()
    at.button(key="nav_next").click().run()
    assert view(at) == "step"
    assert any("three-letter" in e.value for e in at.error)
    at.text_input(key="w:currency:other").input("HKD").run()
    at.button(key="nav_next").click().run()
    assert view(at) == "review"
    assert answers_of(at)["currency"] == "HKD"
    at.button(key="edit_money").click().run()
    assert at.selectbox(key="w:currency").value == "other"
    assert at.text_input(key="w:currency:other").value == "HKD"


def test_resume_uploader_accepts_only_small_answers_files():
    at = new_app()
    uploader = at.file_uploader(key="resume_file")
    assert {t.lstrip(".") for t in uploader.allowed_type} == {"yaml", "yml", "json"}
    assert uploader.proto.max_upload_size_mb == 1


def test_removing_a_bad_file_clears_the_complaint():
    at = new_app()
    at.file_uploader(key="resume_file").set_value(("bad.yaml", b"[1, 2", "text/yaml")).run()
    assert len(at.error) == 1
    at.file_uploader(key="resume_file").set_value(None).run()
    assert len(at.error) == 0 and view(at) == "welcome"


# --- the plan is the page's only source ---------------------------------------------------


def upload(at: AppTest, answers: Answers) -> None:
    at.file_uploader(key="resume_file").set_value(
        ("a.yaml", dump_answers(answers).encode(), "application/x-yaml")
    ).run()
    assert view(at) == "review", [e.value for e in at.error]


def page_plan(at: AppTest, content):
    """The plan the result page shows, built the way the page builds it."""
    from wizard.plan import build_plan

    return build_plan(to_answers(answers_of(at)), content, today=dt.date.today())


def test_without_a_client_name_the_page_and_the_pdf_show_the_same_title(content):
    from pypdf import PdfReader

    answers = example_answers("late_payer").model_copy(update={"client_name": ""})
    at = new_app()
    upload(at, answers)
    at.button(key="to_result").click().run()
    plan = page_plan(at, content)
    assert [t.value for t in at.title] == [md(plan.title)]
    assert "[" not in plan.title, "no placeholder in brackets"
    pdf = pdf_module.render_pdf(plan)
    pdf_text = " ".join(
        " ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages).split()
    )
    assert plan.title in pdf_text


def _message_heading(at: AppTest, plan) -> str:
    """The message section's markdown from its heading on (the tips above the section share
    its element)."""
    heading = f"## {md(plan.labels.message)}\n"
    found = [
        m.value for m in at.markdown if m.value.startswith(heading) or f"\n{heading}" in m.value
    ]
    assert len(found) == 1
    return found[0][found[0].index(heading) :]


def test_the_subject_line_shows_only_when_the_message_has_one(content):
    at = new_app()
    upload(at, example_answers("late_payer").model_copy(update={"preferred_channel": "email"}))
    at.button(key="to_result").click().run()
    plan = page_plan(at, content)
    assert plan.message.subject_line is not None
    assert md(plan.message.subject_line) in _message_heading(at, plan)
    assert md(plan.message_intro) in _message_heading(at, plan)

    talk = example_answers("outgrown")  # a video call: talking points, no subject
    at = new_app()
    upload(at, talk)
    at.button(key="to_result").click().run()
    plan = page_plan(at, content)
    assert plan.message.kind == "talking_points" and plan.message.subject_line is None
    heading = _message_heading(at, plan)
    assert md(plan.message.subject) not in heading
    # Only the written confirmation that follows the call has a subject line.
    confirmations = {f"**{md(f.subject_line)}**" for f in plan.further_messages if f.subject_line}
    shown = [t for t in texts(at) if md(plan.message.subject) in t]
    # (each in its expander's one markdown, after the day to send it on)
    assert all(any(t.endswith(c) for c in confirmations) for t in shown), shown


def test_the_what_if_list_is_the_questions_flagged_in_content(content):
    flagged_in_file = [
        q["id"]
        for step in yaml.safe_load((ROOT / "content" / "questions.yaml").read_text("utf-8"))[
            "steps"
        ]
        for q in step["questions"]
        if q.get("what_if")
    ]
    assert flagged_in_file, "questions.yaml flags some questions"
    at = new_app()
    at.button(key="example_outgrown").click().run()
    on_path = [q.id for q in whatif.offered(sess(at))]
    assert on_path == [qid for qid in flagged_in_file if qid in on_path]
    defs = content.rules.definitions
    visible_flagged = [
        qid
        for qid in flagged_in_file
        if content.question_by_id[qid].show_if.evaluate(answers_of(at), defs)
    ]
    assert on_path == visible_flagged
    shown = at.selectbox(key="whatif_question").options
    assert shown == [content.question_by_id[qid].label for qid in visible_flagged]


def test_start_over_clears_the_one_session_key_and_every_question_widget():
    at = new_app()
    at.button(key="example_late_payer").click().run()
    at.button(key="back_to_review").click().run()
    at.button(key="edit_channel").click().run()
    assert any(str(k).startswith("w:") for k in at.session_state)
    at.sidebar.button(key="reset").click().run()
    at.sidebar.button(key="reset_yes").click().run()
    assert sess(at) == session.Session(restore_checked=True, focus_round=2)  # asked, cleared
    assert not [k for k in at.session_state if str(k).startswith("w:")]


# --- architecture ---------------------------------------------------------------------------

UI = ROOT / "wizard" / "ui"


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_the_result_view_imports_only_the_plan_model_and_ui_helpers():
    wizard_imports = {n for n in _imports(UI / "result.py") if n.startswith("wizard")}
    assert wizard_imports, "the check reads the module's imports"
    assert all(n == "wizard.models" or n.startswith("wizard.ui") for n in wizard_imports), (
        wizard_imports
    )


# Strings in wizard/ui that are not shown to a user: a log line and a developer's error.
NOT_SHOWN = {
    "background warm-up failed; the core will load on first use",
    "screens.yaml has no '",
}


# No product sentence in the UI code: tests/test_architecture.py checks every view.


def test_the_welcome_screen_loads_nothing_from_the_decision_core():
    code = (
        "import sys\n"
        "import wizard.ui.warmup as warmup\n"
        "warmup.start = lambda: None\n"  # the background warm-up would import it all
        "from streamlit.testing.v1 import AppTest\n"
        f"at = AppTest.from_file({APP!r}, default_timeout=30)\n"
        "at.run()\n"
        "assert not at.exception, at.exception\n"
        "assert at.button(key='start')\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    loaded = set(done.stdout.split())
    assert "wizard.ui.welcome" in loaded
    # Nor the answers model: listing the examples needs only their index, not pydantic.
    heavy_modules = ("wizard.engine", "wizard.plan", "wizard.content", "jinja2", "wizard.pdf")
    for heavy in (*heavy_modules, "wizard.answers", "pydantic"):
        assert heavy not in loaded, heavy


# --- issue 12: safety, quick exit, examples, what-if apply, plain errors -------------------


def test_answering_unsafe_opens_the_safety_panel_right_there():
    at = new_app()
    at.button(key="start").click().run()
    assert not [b for b in at.button if b.key == "quick_exit_safety"]
    at.radio(key="w:safety_concern").set_value(True).run()
    panel = next(m.value for m in at.markdown if m.value.startswith("## If you are in danger"))
    emergency = panel.index("emergency number")
    assert emergency < panel.index("Your plan will keep every contact"), "the number first"
    assert at.button(key="quick_exit_safety").label == "Quick exit"
    assert at.sidebar.button(key="quick_exit_sidebar")
    at.radio(key="w:safety_concern").set_value(False).run()
    assert not [b for b in at.button if b.key == "quick_exit_safety"]


def test_quick_exit_clears_the_session_and_leaves():
    from wizard.ui import tab

    at = new_app()
    at.button(key="start").click().run()
    at.radio(key="w:safety_concern").set_value(True).run()
    at.button(key="quick_exit_safety").click().run()
    assert not at.exception
    assert session.KEY not in at.session_state, "every answer is gone from the server"
    assert not [k for k in at.session_state if str(k).startswith("w:")]
    assert at.session_state[tab.EXIT_FLAG] is True
    assert not at.main.button and not at.title, "nothing is drawn but the way out"


def test_an_example_opens_its_plan_with_start_my_own():
    at = new_app()
    at.button(key="example_late_payer").click().run()
    assert view(at) == "result" and sess(at).example
    assert at.title[0].value.startswith("Exit plan for")
    at.button(key="start_own").click().run()
    assert view(at) == "step" and sess(at).step == 0
    assert not sess(at).example
    assert at.radio(key="w:profession").value is None, "nothing of the example is kept"


def test_what_if_apply_makes_the_change_the_users_answer(content):
    at = new_app()
    at.button(key="example_outgrown").click().run()
    at.selectbox(key="whatif_question").set_value("safety_concern").run()
    at.radio(key="whatif_value_safety_concern").set_value(True).run()
    at.button(key="whatif_apply").click().run()
    assert not at.exception
    assert answers_of(at)["safety_concern"] is True
    rec = recommend(to_answers(answers_of(at)), content)
    assert md(content.plan.strategies[rec.strategy].label) in shown_recommendation(at)
    assert any("change is applied" in s.value for s in at.success)


def test_an_empty_number_is_unanswered_and_out_of_range_is_explained(content):
    at = new_app()
    at.button(key="example_late_payer").click().run()
    at.button(key="back_to_review").click().run()
    at.button(key="edit_relationship").click().run()
    at.number_input(key="w:relationship_months").set_value(None).run()
    assert answers_of(at)["relationship_months"] is None, "never 0"
    at.button(key="nav_next").click().run()
    label = content.question_by_id["relationship_months"].label
    assert [e.value for e in at.error][0] == f"Enter a number for “{label}” (0 is an answer too)."
    at.number_input(key="w:relationship_months").set_value(5000).run()
    at.button(key="nav_next").click().run()
    assert f"“{label}”: 5,000 is too high. Enter 1,200 or less." in [e.value for e in at.error]


def test_a_name_over_the_limit_is_refused_with_its_length(content):
    from wizard.answers import NAME_MAX_CHARS

    at = new_app()
    at.button(key="example_late_payer").click().run()
    at.button(key="back_to_review").click().run()
    at.button(key="edit_channel").click().run()
    long_name = "N" * (NAME_MAX_CHARS + 50)
    at.text_input(key="w:client_name").input(long_name).run()
    assert at.text_input(key="w:client_name").value == long_name, "nothing cut off silently"
    # At once, under the box (before Next): how long it is, the limit, and that it is kept.
    over = step_words().chars_over.format(count=250, most=200, over=50)
    assert f":red[**{over}**]" in [m.value for m in at.markdown]
    assert "Nothing has been cut" in over
    at.button(key="nav_next").click().run()
    assert view(at) == "step"
    shown = " ".join(e.value for e in at.error)
    assert (
        f"is {NAME_MAX_CHARS + 50} characters long; it can hold at most {NAME_MAX_CHARS}" in shown
    )
    assert at.text_input(key="w:client_name").value == long_name, "still there to shorten"
    at.text_input(key="w:client_name").input("N" * NAME_MAX_CHARS).run()
    assert ":small[200 of 200 characters]" in [m.value for m in at.markdown]
    assert not [m for m in at.markdown if m.value.startswith(":red[")]
    at.button(key="nav_next").click().run()
    assert view(at) == "review"
    assert answers_of(at)["client_name"] == "N" * NAME_MAX_CHARS


def test_every_text_box_with_a_limit_counts_its_characters_as_the_user_types(content):
    """Names (and the breach line) show "n of most characters" under the box, committed
    while typing (live), so the count follows the text without leaving the box."""
    from wizard.ui.kinds import text_max

    limited = [q for q in content.question_by_id.values() if q.type == "text" and text_max(q.id)]
    assert {"your_name", "your_business", "client_name", "client_contact"} <= {
        q.id for q in limited
    }
    at = new_app()
    at.button(key="example_late_payer").click().run()
    at.button(key="back_to_review").click().run()
    at.button(key="edit_channel").click().run()
    names = answers_of(at)
    counters = [m.value for m in at.markdown if m.value.startswith(":small[")]
    for qid in ("your_name", "your_business", "client_name", "client_contact"):
        box = at.text_input(key=f"w:{qid}")
        assert box.proto.live_debounce_ms > 0, f"{qid} commits while typing"
        assert not box.proto.max_chars, f"{qid}: no limit that drops a long paste silently"
        assert f":small[{len(names[qid])} of 200 characters]" in counters
    at.text_input(key="w:client_name").input("Quill & Sons").run()
    assert ":small[12 of 200 characters]" in [m.value for m in at.markdown]
    # A step without a limited box has no counter (where you work is a list, not a box).
    at = new_app()
    at.button(key="start").click().run()
    assert not at.text_input
    assert not [m.value for m in at.markdown if m.value.startswith(":small[")]


def test_an_upload_error_names_the_question_not_the_field_id(content):
    at = new_app()
    bad = b"schema_version: 1\nanswers:\n  notice_days: lots\n"
    at.file_uploader(key="resume_file").set_value(("a.yaml", bad, "application/x-yaml")).run()
    shown = " ".join(e.value for e in at.error)
    assert "notice_days" not in shown
    assert md(content.question_by_id["notice_days"].label) in shown


def test_an_edited_message_goes_into_the_answers_file():
    at = new_app()
    at.button(key="example_outgrown").click().run()
    at.text_area(key="w:message").input("My own words, kept.").run()
    answers = to_answers(answers_of(at))
    assert answers.message_override == "My own words, kept."
    assert "My own words, kept." in dump_answers(answers)
    at.button(key="restore_message").click().run()
    assert to_answers(answers_of(at)).message_override == ""


def test_tab_storage_round_trip_restores_every_answer(content):
    import json

    from wizard.ui import tab
    from wizard.ui.answer_values import answers_from_model, valid_for_file

    values = answers_from_model(example_answers("late_payer"))
    values["tone"] = None
    kept, unset = valid_for_file(values)
    raw = json.dumps({"v": 1, "answers": kept, "unset": unset, "view": "result", "step": 2,
                      "reached": 8})  # fmt: skip
    fake = session.Session()
    at = new_app()
    at.session_state[session.KEY] = fake
    at.run()
    from unittest import mock

    with mock.patch.object(tab, "current", return_value=fake):
        assert tab.restore(raw)
        assert not tab.restore("{not json"), "a second restore never overwrites"
    assert fake.answers["tone"] is None and fake.view == "review", "incomplete: not the plan"
    assert {k: v for k, v in fake.answers.items() if k != "tone"} == {
        k: v for k, v in values.items() if k in fake.answers and k != "tone"
    }


def test_the_result_sidebar_has_one_way_back_to_the_answers(content):
    """The plan's page draws no button per step (each costs server time on every click);
    one button goes back to review, where every step has its Edit."""
    at = new_app()
    at.button(key="example_late_payer").click().run()
    assert view(at) == "result"
    keys = [b.key for b in at.sidebar.button]
    assert not [k for k in keys if k.startswith("side_step_")], keys
    at.sidebar.button(key="side_review").click().run()
    assert view(at) == "review"
    assert [b.key for b in at.sidebar.button if b.key.startswith("side_step_")]


def test_see_my_plan_with_steps_missing_removes_the_restored_notice(fake_session):
    # Like Next with errors (ux3): the notice would sit above the message that takes focus.
    navigation.start()
    own = fake_session[session.KEY]
    own.answers = {"profession": "general"}
    own.restored = True
    navigation.go_result()
    assert own.view != "result"
    assert own.review_error
    assert own.restored is False
