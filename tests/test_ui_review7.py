"""Review 7 (UX), through the wizard's widgets (streamlit.testing, no browser): a fraction of
a day is refused, never cut; where you work is chosen by name and kept as its code; the
currency follows the country until the user chooses one; the result page gives the answer
and the message before the details."""

from __future__ import annotations

import pytest

from tests.test_ui_apptest import answers_of, fill_current_step, new_app, sess, view
from wizard import places
from wizard.ui import kinds, sources
from wizard.ui.safe import md

NOTICE = "notice_days"


def _edit_step(at, step_id: str):
    at.button(key="back_to_review").click().run()
    at.button(key=f"edit_{step_id}").click().run()
    return at


# --- a fraction of a day --------------------------------------------------------------------


def test_a_fraction_of_a_day_is_refused_with_the_question_named():
    at = new_app()
    at.button(key="example_late_payer").click().run()
    _edit_step(at, "contract")
    at.number_input(key=f"w:{NOTICE}").set_value(14.5).run()
    at.button(key="nav_next").click().run()
    label = sources.content().question_by_id[NOTICE].label
    expected = f"“{label}”: 14.5 is not a whole number. Enter a whole number, such as 14 or 15."
    assert view(at) == "step"
    assert [e.value for e in at.error] == [expected]
    assert answers_of(at)[NOTICE] == 14.5, "kept as typed, for the user to put right"
    assert at.number_input(key=f"w:{NOTICE}").value == 14.5
    at.number_input(key=f"w:{NOTICE}").set_value(15).run()
    at.button(key="nav_next").click().run()
    assert view(at) == "review"
    assert answers_of(at)[NOTICE] == 15 and type(answers_of(at)[NOTICE]) is int


def test_every_whole_number_question_refuses_a_fraction():
    words = sources.screens().checks
    whole = [q for s in sources.steps() for q in s.questions if q.type == "integer"]
    assert {q.id for q in whole} >= {"notice_days", "cure_days", "relationship_months"}
    for q in whole:
        assert kinds.check(q, 2.5, words) == words.whole_number.format(
            label=q.label, value="2.5", down=2, up=3
        )
        assert kinds.check(q, 2.0, words) is None


# --- the result page: the answer and the message first -------------------------------------


def _walk(node):
    """Every element and block of the page, in the order the page draws them."""
    for child in node.children.values():
        yield child
        yield from _walk(child) if hasattr(child, "children") else ()


def _where(at) -> dict[str, int]:
    """The position on the page of each part of the plan."""
    found: dict[str, int] = {}
    for number, el in enumerate(_walk(at.main)):
        text = str(getattr(el, "value", "") or "")
        names = {
            "recommendation": text.startswith(":gray[Our recommendation]"),
            "next_steps": "## Your next steps" in text,
            "message": getattr(el, "key", None) == "w:message",
            "downloads": getattr(el, "key", None) == "download_pdf",
            "musts": getattr(el, "key", None) == "musts",
            "details": "## The details" in text,
        }
        found.update({name: number for name, hit in names.items() if hit and name not in found})
    return found


def test_the_result_page_gives_the_answer_and_the_message_before_the_rules_and_details():
    at = new_app()
    at.button(key="example_late_payer").click().run()
    where = _where(at)
    order = ["recommendation", "next_steps", "message", "downloads", "musts", "details"]
    assert sorted(where, key=where.get) == order, where
    # The must-dos are named at the top, so nobody sends the message without them.
    words = sources.screens().result
    labels = sess(at).plan_cache[1].labels
    pointer = md(words.musts_below.format(musts=labels.musts))
    top = [m.value for m in at.markdown if "## Your next steps" in m.value]
    assert len(top) == 1
    assert top[0].index("## Your next steps") < top[0].index(pointer)
    assert top[0].index(pointer) < top[0].index(f"## {md(labels.message)}")


# --- where you work: a country by name, a region by name, the code kept ---------------------

PLACE, REGION, CURRENCY = "w:jurisdiction", "w:jurisdiction:region", "w:currency"


def _country_labels(at) -> list[str]:
    return at.selectbox(key=PLACE).options


def test_a_country_and_a_region_are_chosen_by_name_and_kept_as_their_code():
    at = new_app()
    at.button(key="start").click().run()
    labels = _country_labels(at)
    assert labels[0] == sources.screens().step.place_none, "not given comes first"
    assert {"Germany (Deutschland)", "Canada", "Australia"} <= set(labels)
    # Each with the other names people type for it, so that typing them finds it.
    assert (
        "United Kingdom (Britain, Great Britain, UK, England, Scotland, Wales, "
        in labels[
            labels.index(next(label for label in labels if label.startswith("United Kingdom")))
        ]
    )
    assert "United States (America, USA)" in labels
    assert len(labels) > 200 and not [label for label in labels if label.isupper()]
    assert not [b for b in at.selectbox if b.key == REGION], "no region before a country"
    at.selectbox(key=PLACE).set_value("GB").run()
    assert answers_of(at)["jurisdiction"] == "GB"
    assert at.selectbox(key=REGION).options == [
        "No particular region", "England", "Northern Ireland", "Scotland", "Wales",
    ]  # fmt: skip
    at.selectbox(key=REGION).set_value("SCT").run()
    assert answers_of(at)["jurisdiction"] == "GB-SCT"
    q = sources.content().question_by_id["jurisdiction"]
    shown = kinds.answer_text(q, "GB-SCT", sources.screens().answers)
    assert shown == "Scotland, United Kingdom (GB-SCT)"
    # Another country drops the first one's region; a country without regions has no list.
    at.selectbox(key=PLACE).set_value("US").run()
    assert answers_of(at)["jurisdiction"] == "US"
    at.selectbox(key=REGION).set_value("NY").run()
    assert answers_of(at)["jurisdiction"] == "US-NY"
    at.selectbox(key=PLACE).set_value("JP").run()
    assert answers_of(at)["jurisdiction"] == "JP"
    assert not [b for b in at.selectbox if b.key == REGION]
    at.selectbox(key=PLACE).set_value("").run()
    assert answers_of(at)["jurisdiction"] == ""


def test_every_country_and_region_on_the_lists_is_a_place_the_answers_accept():
    from wizard import places
    from wizard.answers import Answers

    codes = [c for c in places.countries()] + [
        f"{c}-{r}" for c in places.countries() for r in places.regions(c)
    ]
    assert len(codes) > 600
    assert [Answers(jurisdiction=code).jurisdiction for code in codes] == codes


def _resume(answers: str):
    """A session resumed from a saved file that gives these answers (and no others): it
    opens on step 1, the first with questions still to answer."""
    at = new_app()
    data = f"schema_version: 1\nanswers:\n{answers}".encode()
    at.file_uploader(key="resume_file").set_value(("a.yaml", data, "application/x-yaml")).run()
    assert (view(at), sess(at).step) == ("step", 0)
    return at


@pytest.mark.parametrize(
    ("saved", "country", "region", "label"),
    [
        ("US-NY", "US", "NY", "United States (America, USA)"),
        ("GB", "GB", "", places.country_label("GB")),
        ("UK", "UK", "", "United Kingdom (UK)"),  # another code the calendars know
    ],
)
def test_a_saved_code_loads_as_its_country_and_region_and_stays_as_it_was(
    saved, country, region, label
):
    at = _resume(f"  jurisdiction: {saved}\n")
    assert at.selectbox(key=PLACE).value == country
    assert at.selectbox(key=REGION).value == region
    assert _country_labels(at)[at.selectbox(key=PLACE).index] == label
    at.button(key="nav_next").click().run()  # the step's other questions are unanswered
    assert answers_of(at)["jurisdiction"] == saved


def test_a_place_the_list_does_not_know_is_shown_as_it_is_and_refused_by_name():
    at = new_app()
    at.button(key="start").click().run()
    sess(at).set_value("jurisdiction", "Narnia")  # text kept in the tab from the old box
    at.run()
    assert at.selectbox(key=PLACE).value == "Narnia"
    at.button(key="nav_next").click().run()
    label = sources.content().question_by_id["jurisdiction"].label
    words = sources.screens().checks
    assert words.place_unknown.format(label=label, value="Narnia") in [e.value for e in at.error]


# --- the currency follows the country until the user chooses one ---------------------------


def _money_index() -> int:
    return [s.id for s in sources.steps()].index("money")


def _to_money_step(jurisdiction: str, currency: str):
    """From a fresh start to the money step, answering as the late payer in `jurisdiction`;
    `currency` is put in the currency list only if it differs from what the list shows."""
    import datetime as dt

    from wizard.examples import example_answers

    answers = example_answers("late_payer").model_copy(
        update={
            "jurisdiction": jurisdiction,
            "currency": currency,
            "notice_date": dt.date.today() + dt.timedelta(days=9),
        }
    )
    at = new_app()
    at.button(key="start").click().run()
    while sess(at).step < _money_index():
        fill_current_step(at, answers, sources.content())
    return at, answers


def _plan_currency(at) -> str:
    from wizard.ui.answer_values import to_answers

    return to_answers(answers_of(at)).currency


def test_the_currency_of_the_country_is_shown_and_used_until_another_is_chosen():
    at, answers = _to_money_step("GB", "GBP")
    assert at.selectbox(key=CURRENCY).value == "GBP", "shown, ready to change"
    note = sources.screens().step.currency_from_place.format(country="United Kingdom")
    assert note in [c.value for c in at.caption]
    assert answers_of(at)["currency"] is None, "not the user's choice"
    assert _plan_currency(at) == "GBP"
    # The currency left as shown, and nothing owed: an amount entered would keep the
    # currency it was entered in (tests/test_ui_a11y_review.py).
    nothing_owed = answers.model_copy(update={"outstanding_balance": 0})
    fill_current_step(at, nothing_owed, sources.content())
    assert sess(at).step == _money_index() + 1
    assert answers_of(at)["currency"] is None and _plan_currency(at) == "GBP"
    # Where you work changes: the currency the user never chose follows it.
    for _ in range(_money_index() + 1):
        at.button(key="nav_back").click().run()
    at.selectbox(key=PLACE).set_value("DE").run()
    assert _plan_currency(at) == "EUR"
    at.selectbox(key=PLACE).set_value("").run()
    assert _plan_currency(at) == "USD", "no place: the contract's default"


def test_a_currency_the_user_chose_never_changes_with_the_country():
    at, _answers = _to_money_step("GB", "EUR")
    assert answers_of(at)["currency"] is None
    at.selectbox(key=CURRENCY).set_value("EUR").run()
    assert answers_of(at)["currency"] == "EUR"
    assert not [c.value for c in at.caption if "currency of" in c.value]
    for _ in range(_money_index()):
        at.button(key="nav_back").click().run()
    at.selectbox(key=PLACE).set_value("US").run()
    assert answers_of(at)["currency"] == "EUR" and _plan_currency(at) == "EUR"


@pytest.mark.parametrize(
    ("saved", "currency"),
    [("  jurisdiction: GB\n  currency: USD\n", "USD"), ("  jurisdiction: GB\n", "USD")],
)
def test_a_currency_from_a_file_is_kept_whatever_the_country(saved, currency):
    """A file without a currency means the contract's default (USD), as it always has."""
    at = _resume(saved)
    assert answers_of(at)["currency"] == currency
    at.selectbox(key=PLACE).set_value("DE").run()
    assert answers_of(at)["currency"] == currency and _plan_currency(at) == currency


def test_the_file_saved_part_way_holds_the_currency_the_plan_uses():
    from wizard.ui.answer_values import savable

    at, _answers = _to_money_step("JP", "JPY")
    assert answers_of(at)["currency"] is None
    assert savable(answers_of(at)).currency == "JPY"
    assert "currency" in savable(answers_of(at)).model_fields_set
