"""The accessibility and usability review, without a browser: what the tab gives back on a
reload, the currency beside entered amounts, deadlines written the ways people write dates,
and the place by name in the plan."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tests.test_ui_apptest import answers_of, sess
from tests.test_ui_keep_typed import _late_payer, _on_names_step, outside_a_run
from wizard.answers import DEADLINE_WHAT_MAX_CHARS
from wizard.ui import kinds, session, sources, tab
from wizard.ui.answer_values import draft_limits, to_answers

CONTENT = sources.content()

# --- 6: the texts typed just before a reload ---------------------------------------------------


def test_a_restore_puts_back_the_texts_typed_and_not_yet_sent():
    values = _late_payer()
    data = tab.stored(_on_names_step(values))
    assert data is not None
    typed = {
        "client_name": "Zephyr Quarry Ltd",  # over an accepted answer
        "key_deadlines": "2027-03-01 Board meeting\nnot a date yet",
    }
    with outside_a_run() as state:
        assert tab.restore(json.dumps({**data, "typed": typed}))
    answers = state[session.KEY].answers
    assert answers["client_name"] == "Zephyr Quarry Ltd"
    assert answers["key_deadlines"] == [
        {"date": dt.date(2027, 3, 1), "what": "Board meeting"},
        {"date": None, "what": "not a date yet"},  # kept for Next to point at
    ]


def test_a_restore_leaves_out_typed_texts_the_tab_could_not_have_kept():
    values = _late_payer()
    data = tab.stored(_on_names_step(values))
    assert data is not None
    too_long = "x" * (draft_limits()["your_name"] + 1)
    typed = {"currency": "HKD", "nope": "x", "client_contact": 7, "your_name": too_long}
    with outside_a_run() as state:
        assert tab.restore(json.dumps({**data, "typed": typed}))
    assert state[session.KEY].answers == values, "every answer as the tab kept it"
    with outside_a_run() as state:
        assert tab.restore(json.dumps({**data, "typed": ["not", "a", "mapping"]}))
    assert state[session.KEY].answers == values


# --- 7: the currency of amounts already entered does not follow a new country -------------


def _to_money_step_with_balance(balance: float):
    """The late payer in the UK at the money step, the currency left as the list shows it
    (GBP, not chosen), owed `balance`; then Next."""
    from tests.test_ui_apptest import fill_current_step
    from tests.test_ui_review7 import _to_money_step

    at, answers = _to_money_step("GB", "GBP")
    assert answers_of(at)["currency"] is None
    fill_current_step(at, answers.model_copy(update={"outstanding_balance": balance}), CONTENT)
    return at


def _back_to_first_step(at) -> None:
    while sess(at).step:
        at.button(key="nav_back").click().run()


def test_amounts_entered_keep_their_currency_when_the_country_changes_and_it_says_so():
    at = _to_money_step_with_balance(2400)
    assert answers_of(at)["currency"] == "GBP", "the currency shown beside the amount is kept"
    _back_to_first_step(at)
    at.selectbox(key="w:jurisdiction").set_value("DE").run()
    assert answers_of(at)["currency"] == "GBP" and to_answers(answers_of(at)).currency == "GBP"
    words = sources.screens().step
    note = words.currency_kept.format(currency="GBP", country="Germany", offered="EUR")
    assert [i.value for i in at.info] == [note]
    switch = at.button(key="use_place_currency")
    assert switch.label == words.currency_switch.format(offered="EUR")
    switch.click().run()
    assert answers_of(at)["currency"] == "EUR"
    assert not at.info, "said until the currency is the place's, then gone"


def test_without_an_amount_the_currency_still_follows_the_country():
    at = _to_money_step_with_balance(0)
    assert answers_of(at)["currency"] is None
    _back_to_first_step(at)
    at.selectbox(key="w:jurisdiction").set_value("DE").run()
    assert to_answers(answers_of(at)).currency == "EUR"
    assert "use_place_currency" not in [b.key for b in at.button]


# --- 8: deadlines written the ways people write dates ---------------------------------------

JAN_31 = dt.date(2027, 1, 31)
DEADLINES = CONTENT.question_by_id["key_deadlines"]


@pytest.mark.parametrize(
    "line",
    [
        "2027-01-31 Tax return due",
        "31/01/2027 Tax return due",
        "31.01.2027 Tax return due",
        "31-01-2027: Tax return due",
        "01/31/2027 Tax return due",  # month first: 31 cannot be a month
        "31 Jan 2027 Tax return due",
        "31 January 2027 – Tax return due",
        "31st Jan. 2027 Tax return due",
        "Jan 31, 2027 Tax return due",
        "january 31 2027 Tax return due",
    ],
)
def test_a_deadline_line_takes_the_common_ways_of_writing_a_date(line):
    assert kinds.deadlines_from_text(line) == [{"date": JAN_31, "what": "Tax return due"}]


def test_an_ambiguous_or_impossible_date_is_refused_with_the_question_and_line_named():
    words = sources.screens().checks
    found = kinds.deadlines_from_text("31 Jan 2027 Tax\n01/02/2027 Board meeting\n31/02/2027 x")
    assert [d["date"] for d in found] == [JAN_31, None, None], "nothing typed is dropped"
    assert kinds.check(DEADLINES, found[:2], words) == words.deadline_ambiguous.format(
        label=DEADLINES.label, line=2, typed="01/02/2027",
        day_first="Monday 1 February 2027", month_first="Saturday 2 January 2027",
    )  # fmt: skip
    assert kinds.check(DEADLINES, [found[0], found[2]], words) == words.deadline_line.format(
        label=DEADLINES.label, line=2, what_max=DEADLINE_WHAT_MAX_CHARS
    )
    same_either_way = kinds.deadlines_from_text("05/05/2027 Launch")
    assert same_either_way == [{"date": dt.date(2027, 5, 5), "what": "Launch"}]


def test_a_deadline_typed_as_31_01_2027_reaches_the_answers_file_as_an_iso_date():
    from tests.test_ui_apptest import new_app
    from wizard.answers import dump_answers, load_answers
    from wizard.ui.answer_values import savable

    at = new_app()
    at.button(key="example_late_payer").click().run()
    at.button(key="back_to_review").click().run()
    at.button(key="edit_obligations").click().run()
    at.text_area(key="w:key_deadlines").input("31/01/2027 Tax return due").run()
    at.button(key="nav_next").click().run()
    assert not at.error and sess(at).view == "review"
    saved = dump_answers(savable(answers_of(at)))
    assert "  - date: '2027-01-31'\n    what: Tax return due\n" in saved, saved
    assert load_answers(saved).key_deadlines[0].date == JAN_31


# --- 9: the plan names the place; the answers keep its code -----------------------------------


@pytest.mark.parametrize(
    ("code", "shown"),
    [
        ("GB-ENG", "England, United Kingdom"),
        ("US-NY", "New York, United States"),
        ("DE", "Germany"),
        ("UK", "United Kingdom"),  # a code the calendars know under another name
    ],
)
def test_the_plan_and_its_pdf_name_the_place_where_the_answers_keep_its_code(code, shown):
    import io

    from pypdf import PdfReader

    from wizard.answers import Answers, dump_answers
    from wizard.pdf import render_pdf
    from wizard.plan import build_plan

    answers = Answers(jurisdiction=code)
    plan = build_plan(answers, CONTENT, today=dt.date(2026, 12, 1))
    where = [row.value for row in plan.facts if row.label == "Where you work"]
    assert where == [shown]
    pages = PdfReader(io.BytesIO(render_pdf(plan))).pages
    text = " ".join(" ".join(page.extract_text() for page in pages).split())
    assert f"Where you work {shown}" in text and code not in text.split()
    assert f"jurisdiction: {code}\n" in dump_answers(answers), "the file keeps the code"


# --- 10: Back and Forward ask for a screen; only one the user may be on is shown ----------


@pytest.mark.parametrize(
    ("reached", "asked", "shown"),
    [
        (2, "step:1", ("step", 1)),
        (2, "step:2", ("step", 2)),  # the step the user is on, not yet passed
        (2, "step:3", ("step", 0)),  # not reached: the screen stays
        (2, "review", ("step", 0)),
        (2, "result", ("step", 0)),
        (2, "welcome", ("welcome", 0)),
        (8, "review", ("review", 0)),
        (2, "step:x", ("step", 0)),
        (2, "somewhere", ("step", 0)),
    ],
)
def test_back_or_forward_shows_the_screen_asked_for_only_if_it_may_be_shown(reached, asked, shown):
    from wizard.ui import navigation

    with outside_a_run() as state:
        own = state[session.KEY] = session.Session(
            answers=_late_payer(), view="step", step=0, reached=reached
        )
        navigation.go_to_screen(asked)
    assert (own.view, own.step) == shown
