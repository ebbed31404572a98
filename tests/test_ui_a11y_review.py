"""The accessibility and usability review, without a browser: what the tab gives back on a
reload, the currency beside entered amounts, deadlines written the ways people write dates,
and the place by name in the plan."""

from __future__ import annotations

import datetime as dt
import json

from tests.test_ui_keep_typed import _late_payer, _on_names_step, outside_a_run
from wizard.ui import session, tab
from wizard.ui.answer_values import draft_limits

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
