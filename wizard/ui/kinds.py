"""The question kinds, each declared once: its empty value, when it counts as answered,
how it is drawn and read back from its widget, how it is checked, and how it reads on the
review screen. Everything else asks this table instead of switching on `q.type`.

Ranges, the currency rule and defaults come from the answers model, never from here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import streamlit as st
from pydantic import ValidationError

from wizard.answers import (
    DATE_MAX,
    DATE_MIN,
    DEADLINE_WHAT_MAX_CHARS,
    DEADLINES_MAX,
    Answers,
    allowed_values,
    number_bounds,
)
from wizard.content_model import AnswerWords, CheckWords, Question, StepWords
from wizard.dates import long_date
from wizard.notice_date import resolve_notice_date
from wizard.ui import sources
from wizard.ui.date_text import leading_date

COMMON_CURRENCIES = (
    "USD", "EUR", "GBP", "CAD", "AUD", "NZD", "CHF", "JPY", "INR", "SGD", "ZAR", "SEK",
    "NOK", "DKK", "PLN", "BRL", "MXN",
)  # fmt: skip
OTHER = "other"
RADIO_MAX_OPTIONS = 6
YES_NO = (True, False)
# A date picker's reach around today (widened to include the current value).
DATE_PAST = dt.timedelta(days=365)
DATE_FUTURE = dt.timedelta(days=3 * 365)

Callbacks = Mapping[str, Any]  # on_change, its args (and label_visibility) for every widget


def key(qid: str, part: str = "") -> str:
    """The widget key of a question (plus a part, for a second widget)."""
    return f"w:{qid}:{part}" if part else f"w:{qid}"


@dataclass(frozen=True)
class Kind:
    empty: Callable[[str], Any]  # field id -> the value before any answer
    is_set: Callable[[Any], bool]
    draw: Callable[[Question, Any, StepWords, Callbacks], None]
    read: Callable[[Question, Any], Any]  # from st.session_state (a mapping of widget values)
    missing: Callable[[CheckWords], str]  # a required answer is not set
    check: Callable[[Question, Any, CheckWords], str | None]  # a set answer is wrong
    # (question, value, words, currency, jurisdiction) -> plain text; escape to show
    show: Callable[[Question, Any, AnswerWords, str, str], str]
    # Shows a suggested value (the place's currency, else the model's default) while the
    # answer is None: not the user's answer until they choose one (answer_values.resolved).
    preset: bool = False


def of(q: Question) -> Kind:
    return KINDS[q.type]


# --- shared pieces ----------------------------------------------------------------------


def _none(_field: str) -> None:
    return None


def _not_none(value: Any) -> bool:
    return value is not None


def _no_check(_q: Question, _value: Any, _words: CheckWords) -> None:
    return None


def _read_key(q: Question, state: Mapping[str, Any]) -> Any:
    return state.get(key(q.id))


def _seed(widget_key: str, value: Any) -> None:
    """Show the answers dict's value in the widget."""
    st.session_state[widget_key] = value


def _choose_answer(words: CheckWords) -> str:
    return words.choose_answer


def text_max(field: str) -> int | None:
    """The most characters the answers model accepts in a text field, if it sets a limit."""
    for meta in Answers.model_fields[field].metadata:
        most = getattr(meta, "max_length", None)
        if most is not None:
            return int(most)
    return None


def _model_accepts(field: str, value: Any) -> bool:
    try:
        Answers.model_validate({field: value})
    except ValidationError:
        return False
    return True


# --- choice -------------------------------------------------------------------------------


def _draw_choice(q: Question, value: Any, words: StepWords, callbacks: Callbacks) -> None:
    options: list[Any] = [o.value for o in q.options]
    labels = {o.value: o.label for o in q.options}
    _seed(key(q.id), value if value in options else None)
    if len(options) > RADIO_MAX_OPTIONS:
        st.selectbox(
            q.label, options, format_func=lambda v: labels[v], key=key(q.id),
            placeholder=words.choose_one, **callbacks,
        )  # fmt: skip
        return
    captions = [o.help for o in q.options]
    st.radio(
        q.label, options, format_func=labels.get, key=key(q.id),
        captions=captions if any(captions) else None, **callbacks,
    )  # fmt: skip


def _show_choice(
    q: Question, value: Any, words: AnswerWords, _currency: str, _jurisdiction: str
) -> str:
    return words.not_answered if value is None else q.option_label(value)


# --- yes / no -----------------------------------------------------------------------------


def yes_no_text(value: Any, words: AnswerWords) -> str:
    return words.yes if value else words.no


def _draw_yesno(q: Question, value: Any, _words: StepWords, callbacks: Callbacks) -> None:
    yes_no = sources.screens().answers
    _seed(key(q.id), value if value in YES_NO else None)
    st.radio(
        q.label, YES_NO, format_func=lambda v: yes_no_text(v, yes_no), key=key(q.id),
        horizontal=True, **callbacks,
    )  # fmt: skip


def _show_yesno(
    _q: Question, value: Any, words: AnswerWords, _currency: str, _jurisdiction: str
) -> str:
    return words.not_answered if value is None else yes_no_text(value, words)


# --- several choices ----------------------------------------------------------------------


def _draw_multi(q: Question, value: Any, _words: StepWords, callbacks: Callbacks) -> None:
    # A group of checkboxes, one Tab stop each, every option's hint beside it. The group's
    # label is drawn above them by the caller (and named as the group in the browser).
    chosen = set(value or ())
    each = {k: v for k, v in callbacks.items() if k != "label_visibility"}
    for option in q.options:
        option_key = key(q.id, option.value)
        _seed(option_key, option.value in chosen)
        label = f"{option.label} — {option.help}" if option.help else option.label
        st.checkbox(label, key=option_key, **each)


def _read_multi(q: Question, state: Mapping[str, Any]) -> list[str]:
    return [o.value for o in q.options if state.get(key(q.id, o.value))]  # content's order


def _show_multi(
    q: Question, value: Any, words: AnswerWords, _currency: str, _jurisdiction: str
) -> str:
    return "; ".join(q.option_label(v) for v in value) if value else words.none_chosen


# --- numbers --------------------------------------------------------------------------------


def _number_drawer(integer: bool) -> Callable[[Question, Any, StepWords, Callbacks], None]:
    def draw(q: Question, value: Any, words: StepWords, callbacks: Callbacks) -> None:
        # No min/max on the widget: a browser would refuse an out-of-range number without a
        # word; the check below explains it. value=None: an empty box stays unanswered.
        # A whole-number question takes any number too (a float box): a whole-number box
        # would cut 14.5 to 14 without a word, where the check names the question instead.
        _seed(key(q.id), None if value is None else float(value))
        st.number_input(
            q.label,
            value=None,
            step=1.0 if integer else 50.0,
            format="%g" if integer else "%.2f",
            key=key(q.id),
            placeholder=words.enter_number,
            **callbacks,
        )

    return draw


def _read_integer(q: Question, state: Mapping[str, Any]) -> Any:
    """A whole number as an int (what the answers model takes); a fraction as it was typed,
    for the check to refuse."""
    value = state.get(key(q.id))
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _check_number(q: Question, value: Any, words: CheckWords) -> str | None:
    low, high = number_bounds(q.id)
    if q.type == "integer" and value != int(value):
        down, up = int(value // 1), int(value // 1) + 1
        return words.whole_number.format(label=q.label, value=f"{value:,g}", down=down, up=up)
    if low is not None and value < low:
        return words.at_least.format(label=q.label, value=f"{value:,g}", low=f"{low:,g}")
    if high is not None and value > high:
        return words.at_most.format(label=q.label, value=f"{value:,g}", high=f"{high:,g}")
    return None


def _show_integer(
    _q: Question, value: Any, words: AnswerWords, _currency: str, _jurisdiction: str
) -> str:
    return words.not_answered if value is None else f"{value:,}"


def _show_amount(
    _q: Question, value: Any, words: AnswerWords, currency: str, jurisdiction: str
) -> str:
    """Written by the plan's own function, so the review screen shows the plan's amount."""
    from wizard.money import money  # imported on use: Babel's data (start-up time)

    return words.not_answered if value is None else money(value, currency, jurisdiction)


# --- dates ------------------------------------------------------------------------------------


def _draw_date(q: Question, value: Any, _words: StepWords, callbacks: Callbacks) -> None:
    today = sources.today()
    if value is None and q.required:
        value = resolve_notice_date(Answers(), today)  # the engine's own default
    _seed(key(q.id), value)
    low, high = today - DATE_PAST, today + DATE_FUTURE
    if value is not None:
        low, high = min(low, value), max(high, value)
    low, high = max(low, DATE_MIN), min(high, DATE_MAX)  # the answers model's own limits
    st.date_input(
        q.label, min_value=low, max_value=high, format="YYYY-MM-DD", key=key(q.id), **callbacks
    )


def _show_date(
    _q: Question, value: Any, words: AnswerWords, _currency: str, _jurisdiction: str
) -> str:
    return long_date(value) if isinstance(value, dt.date) else words.no_date


# --- text ---------------------------------------------------------------------------------------


def _text_is_set(value: Any) -> bool:
    return bool(str(value or "").strip())


def _draw_text(q: Question, value: Any, words: StepWords, callbacks: Callbacks) -> None:
    # No max_chars: Streamlit drops a change that would pass it, so a long paste would not
    # arrive at all, without a word. A field with a limit shows a counter under it instead,
    # committed as the user types (live, after a short pause); over the limit it says by how
    # much and keeps the text. The check refuses it on Next (see _check_text).
    text = str(value or "")
    _seed(key(q.id), text)
    most = text_max(q.id)
    st.text_input(
        q.label, key=key(q.id), placeholder=q.placeholder or None, live=most is not None,
        **callbacks,
    )  # fmt: skip
    if most is not None:
        _char_count(q.id, len(text), most, words)


def _char_count(qid: str, count: int, most: int, words: StepWords) -> None:
    """The count under a field, such as "12 of 200 characters" (tab.js describes the field
    by it); over the limit, a message in its own container, which tab.js also announces."""
    numbers = {"count": f"{count:,}", "most": f"{most:,}", "over": f"{count - most:,}"}
    with st.container(key=f"hint_{qid}"):
        if count > most:
            with st.container(key=f"over_{qid}"):
                st.markdown(f":red[**{words.chars_over.format(**numbers)}**]")
        else:
            st.markdown(f":small[{words.chars_count.format(**numbers)}]")


def _read_text(q: Question, state: Mapping[str, Any]) -> str:
    return str(state.get(key(q.id), "") or "")


def _show_text(
    _q: Question, value: Any, words: AnswerWords, _currency: str, _jurisdiction: str
) -> str:
    text = str(value or "").strip()
    return text if text else words.left_empty


# --- currency -------------------------------------------------------------------------------------


def _draw_currency(q: Question, value: Any, words: StepWords, callbacks: Callbacks) -> None:
    code = str(value or "").upper()
    _seed(key(q.id), code if code in COMMON_CURRENCIES else OTHER)
    st.selectbox(
        q.label, (*COMMON_CURRENCIES, OTHER),
        format_func=lambda c: words.other_currency if c == OTHER else c,
        key=key(q.id), **callbacks,
    )  # fmt: skip
    if st.session_state[key(q.id)] == OTHER:
        _seed(key(q.id, OTHER), "" if code in COMMON_CURRENCIES else code)
        st.text_input(
            words.currency_code, max_chars=3, key=key(q.id, OTHER),
            placeholder=words.currency_code_example, **callbacks,
        )  # fmt: skip


def _read_currency(q: Question, state: Mapping[str, Any]) -> Any:
    choice = state.get(key(q.id))
    if choice == OTHER:
        return str(state.get(key(q.id, OTHER), "")).strip().upper()
    return choice


def _check_currency(q: Question, value: Any, words: CheckWords) -> str | None:
    return None if _model_accepts(q.id, value) else words.currency_code.format(label=q.label)


# --- place: a country by name, and a region where its holidays differ by region ---------------

REGION = "region"


def _place_options(code: str) -> list[str]:
    """The empty code (not given), every country by name, and a code given some other way
    (a file's "UK", or text kept from before the list) so that it shows as it is."""
    from wizard import places  # imported on use: the holiday calendars are large

    known = list(places.countries())
    return ["", *known] if code in ("", *known) else ["", *known, code]


def _country_label(code: str, words: StepWords) -> str:
    from wizard import places

    if not code:
        return words.place_none
    if code in places.countries():
        return places.country_label(code)  # with the other names people type for it
    name = places.country_name(code)
    return code if name is None else f"{name} ({code})"  # the same country, another code


def _draw_place(q: Question, value: Any, words: StepWords, callbacks: Callbacks) -> None:
    # A searchable list of country names (type to narrow it), not a box for codes: the
    # answers keep the code ("GB", "US-NY"), as the contract says. A region list follows
    # when the country's holidays differ by region.
    from wizard import places

    text = str(value or "").strip()
    country, region = places.split(text)
    if places.canonical(country) is None:
        country, region = text, ""  # not a place the list knows: shown as it is, refused
    _seed(key(q.id), country)
    st.selectbox(
        q.label, _place_options(country), format_func=lambda c: _country_label(c, words),
        key=key(q.id), **callbacks,
    )  # fmt: skip
    chosen = st.session_state[key(q.id)]
    names = places.regions(chosen) if places.canonical(chosen) else {}
    if names:
        _seed(key(q.id, REGION), region if region in names else "")
        own = {k: v for k, v in callbacks.items() if k != "label_visibility"}

        def region_label(r: str) -> str:
            return places.region_label(chosen, r) if r in names else words.region_none

        st.selectbox(
            words.region, ["", *names], format_func=region_label, key=key(q.id, REGION),
            **own,
        )  # fmt: skip


def _read_place(q: Question, state: Mapping[str, Any]) -> str:
    from wizard import places

    country = str(state.get(key(q.id)) or "")
    region = str(state.get(key(q.id, REGION)) or "")
    if not country or region not in places.regions(country):
        return country  # a new country drops the last one's region
    return f"{country}-{region}" if region else country


def _check_place(q: Question, value: Any, words: CheckWords) -> str | None:
    if _model_accepts(q.id, value):
        return None
    return words.place_unknown.format(label=q.label, value=value)


def _show_place(
    _q: Question, value: Any, words: AnswerWords, _currency: str, _jurisdiction: str
) -> str:
    from wizard import places

    code = str(value or "").strip()
    name, region_name = places.names(code)
    if not code or not name:
        return code or words.left_empty
    shown = words.place_region.format(region=region_name, country=name) if region_name else name
    return f"{shown} ({code.upper()})"


# --- deadlines: one per line, a date (as people write them, date_text) then what is due -------


def deadline_lines(value: Any) -> str:
    """Deadlines as the box shows them, one per line; a line without a readable date keeps
    its text as typed (its `what`), never a "None"."""
    return "\n".join(f"{d['date'] or ''} {d['what']}".strip() for d in value or [])


def deadlines_from_text(text: str) -> list[dict[str, Any]]:
    """Each non-empty line as {date, what}; a line without a readable date (or with an
    ambiguous one) keeps its text with no date, so nothing typed is lost and the check can
    point at it. The box then shows each date read as YYYY-MM-DD (deadline_lines)."""
    found: list[dict[str, Any]] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        read = leading_date(line)
        if read.date is None:
            found.append({"date": None, "what": line.strip()})
        else:
            found.append({"date": read.date, "what": read.rest})
    return found


def _draw_deadlines(q: Question, value: Any, _words: StepWords, callbacks: Callbacks) -> None:
    _seed(key(q.id), deadline_lines(value))
    st.text_area(q.label, key=key(q.id), placeholder=q.placeholder or None, **callbacks)


def _read_deadlines(q: Question, state: Mapping[str, Any]) -> list[dict[str, Any]]:
    return deadlines_from_text(str(state.get(key(q.id), "") or ""))


def _check_deadlines(q: Question, value: Any, words: CheckWords) -> str | None:
    if len(value) > DEADLINES_MAX:
        return words.deadlines_too_many.format(label=q.label, most=DEADLINES_MAX)
    for number, deadline in enumerate(value, start=1):
        either = leading_date(deadline["what"]).either if deadline["date"] is None else None
        if either is not None:  # 01/02/2027: the user says which, never a guess
            return words.deadline_ambiguous.format(
                label=q.label, line=number, typed=leading_date(deadline["what"]).typed,
                day_first=long_date(either[0]), month_first=long_date(either[1]),
            )  # fmt: skip
        if not _model_accepts(q.id, [deadline]):
            return words.deadline_line.format(
                label=q.label, line=number, what_max=DEADLINE_WHAT_MAX_CHARS
            )
    return None


def _show_deadlines(
    _q: Question, value: Any, words: AnswerWords, _currency: str, _jurisdiction: str
) -> str:
    return "; ".join(f"{d['what']} ({d['date']})" for d in value) if value else words.none_chosen


def _check_text(q: Question, value: Any, words: CheckWords) -> str | None:
    """Free text the model refuses (too long, or a place it does not know)."""
    if _model_accepts(q.id, value):
        return None
    most = text_max(q.id)
    if most is not None and len(value) > most:
        return words.too_long.format(label=q.label, count=f"{len(value):,}", most=f"{most:,}")
    return words.invalid_text.format(label=q.label, allowed=allowed_values(q.id))


KINDS: dict[str, Kind] = {
    "choice": Kind(
        empty=_none, is_set=_not_none, draw=_draw_choice, read=_read_key,
        missing=_choose_answer, check=_no_check, show=_show_choice,
    ),
    "yesno": Kind(
        empty=_none, is_set=_not_none, draw=_draw_yesno, read=_read_key,
        missing=_choose_answer, check=_no_check, show=_show_yesno,
    ),
    "multi": Kind(
        empty=lambda _field: [], is_set=bool, draw=_draw_multi, read=_read_multi,
        missing=lambda words: words.choose_at_least_one, check=_no_check, show=_show_multi,
    ),
    "integer": Kind(
        empty=_none, is_set=_not_none, draw=_number_drawer(integer=True), read=_read_integer,
        missing=lambda words: words.enter_number, check=_check_number, show=_show_integer,
    ),
    "amount": Kind(
        empty=_none, is_set=_not_none, draw=_number_drawer(integer=False), read=_read_key,
        missing=lambda words: words.enter_number, check=_check_number, show=_show_amount,
    ),
    "date": Kind(
        empty=_none, is_set=_not_none, draw=_draw_date, read=_read_key,
        missing=lambda words: words.pick_date, check=_no_check, show=_show_date,
    ),
    "text": Kind(
        empty=lambda _field: "", is_set=_text_is_set, draw=_draw_text, read=_read_text,
        missing=_choose_answer, check=_check_text, show=_show_text,
    ),
    "place": Kind(
        empty=lambda _field: "", is_set=_text_is_set, draw=_draw_place, read=_read_place,
        missing=_choose_answer, check=_check_place, show=_show_place,
    ),
    "deadlines": Kind(
        empty=lambda _field: [], is_set=bool, draw=_draw_deadlines, read=_read_deadlines,
        missing=_choose_answer, check=_check_deadlines, show=_show_deadlines,
    ),
    "currency": Kind(
        empty=_none, is_set=_text_is_set, draw=_draw_currency, read=_read_currency,
        missing=lambda words: words.currency_code, check=_check_currency, show=_show_text,
        preset=True,
    ),
}  # fmt: skip


def answer_text(
    q: Question, value: Any, words: AnswerWords, currency: str = "", jurisdiction: str = ""
) -> str:
    """An answer as short, readable plain text (escape it before markdown); an amount is
    written in `currency` as the plan writes it for `jurisdiction`."""
    return of(q).show(q, value, words, currency, jurisdiction)


def is_set(q: Question, value: Any) -> bool:
    return of(q).is_set(value)


def check(q: Question, value: Any, words: CheckWords) -> str | None:
    """The error for one answer, or None. Only form checks: required, ranges, format."""
    kind = of(q)
    if not kind.is_set(value):
        return kind.missing(words).format(label=q.label) if q.required else None
    return kind.check(q, value, words)


def drawn(q: Question, state: Any) -> bool:
    """Whether any widget of this question is in the state (drawn on this screen)."""
    own = key(q.id)
    if own in state:
        return True
    return q.type == "multi" and any(key(q.id, o.value) in state for o in q.options)
