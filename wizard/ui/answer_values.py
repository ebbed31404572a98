"""The session's answers dict and the answers model, in both directions.

The model (wizard.answers) states every type, range and default; this module only moves
values across, so the wizard never states a rule of its own."""

from __future__ import annotations

from typing import Any

from wizard.answers import DEADLINE_WHAT_MAX_CHARS, DEADLINES_MAX, Answers
from wizard.notice_date import resolve_notice_date
from wizard.ui import kinds, sources
from wizard.ui.session import Session

# Answers the model must receive even when unanswered (None is their meaning).
_NONE_MEANS_UNSET = ("critical_period_ends", "notice_date")
# Questions answered by typing free text. A text the model refuses (a name over its limit,
# a place it does not know) stays on screen until it is put right; the tab keeps it too.
_TYPED = ("text", "deadlines", "place")
# The most characters of such a text the tab keeps: this many times the field's limit,
# or DRAFT_CHARS_NO_LIMIT for a field the model checks otherwise (a place).
DRAFT_LIMIT_TIMES = 10
DRAFT_CHARS_NO_LIMIT = 1_000
# Deadlines are kept as the box's lines: room for their most lines at their longest.
_DEADLINES_CHARS = DEADLINES_MAX * (len("YYYY-MM-DD ") + DEADLINE_WHAT_MAX_CHARS + 1)


# The answer that follows the place until the user chooses it: None in the answers dict
# means "the currency of where you work" (or the contract's default without a place).
FOLLOWS_PLACE = "currency"


def _place_currency(vals: dict[str, Any]) -> str | None:
    """The currency of the place answered, if it is given and known."""
    from wizard import places  # imported on use: the holiday calendars are large

    place = vals.get("jurisdiction")
    return places.currency_for(place, sources.today()) if isinstance(place, str) else None


def suggested_currency(vals: dict[str, Any]) -> str:
    """The currency of the place answered, or the contract's default without one."""
    return _place_currency(vals) or str(Answers.model_fields[FOLLOWS_PLACE].get_default())


def amounts_entered(vals: dict[str, Any]) -> bool:
    """Whether any amount of money is answered with more than nothing."""
    amounts = (q.id for step in sources.steps() for q in step.questions if q.type == "amount")
    return any(vals.get(qid) not in (None, 0) for qid in amounts)


def keep_currency_of_amounts(session: Session) -> None:
    """Once an amount is entered, the currency shown beside it (the place's, while the user
    has not chosen one) is the answer: a later change of country leaves the amounts in it."""
    vals = values(session)
    if vals.get(FOLLOWS_PLACE) is None and amounts_entered(vals):
        session.set_value(FOLLOWS_PLACE, suggested_currency(vals))


def currency_offer(vals: dict[str, Any]) -> tuple[str, str] | None:
    """(the amounts' currency, the place's) when amounts are entered in a currency that is
    not the one of the place answered; else None."""
    kept, offered = vals.get(FOLLOWS_PLACE), _place_currency(vals)
    if kept is None or offered is None or kept == offered or not amounts_entered(vals):
        return None
    return str(kept), offered


def resolved(vals: dict[str, Any]) -> dict[str, Any]:
    """The answers with the suggested currency filled in where the user has not chosen one:
    what the plan, the checks, the review and every answers file see."""
    if vals.get(FOLLOWS_PLACE) is not None:
        return vals
    return {**vals, FOLLOWS_PLACE: suggested_currency(vals)}


def is_suggestion(vals: dict[str, Any], qid: str, value: Any) -> bool:
    """Whether `value` for `qid` is only the suggestion the widget shows, not yet chosen."""
    return qid == FOLLOWS_PLACE and vals.get(qid) is None and value == suggested_currency(vals)


def empty_answers() -> dict[str, Any]:
    """Nothing answered yet: no choice is made for the user."""
    return {q.id: kinds.of(q).empty(q.id) for step in sources.steps() for q in step.questions}


def values(session: Session) -> dict[str, Any]:
    """The session's answers dict, created empty on first use."""
    if session.answers is None:
        session.answers = empty_answers()
    return session.answers


def answers_from_model(answers: Answers) -> dict[str, Any]:
    """Every field of the model as an answer (an example, whose every field is meant)."""
    values = answers.model_dump()
    # A missing date shows the engine's default; a date already past is kept as the file
    # has it, so the step can say so and the plan can warn that it moved.
    if values["notice_date"] is None:
        values["notice_date"] = resolve_notice_date(answers, sources.today())
    return values


def answers_given(answers: Answers) -> dict[str, Any]:
    """The answers dict for a file the user uploaded: the fields the file gives, read as
    answers_from_model reads them; every question it leaves out comes back unanswered and
    is asked again, as after the tab's restore. (To the engine and the command line an
    absent field still means the contract's default: only the wizard asks again.)"""
    read = answers_from_model(answers)
    vals = empty_answers()
    # A file's currency is its own even when it leaves the field out (the contract's default
    # then): the place answered never changes it.
    vals.update({k: read[k] for k in answers.model_fields_set | {FOLLOWS_PLACE}})
    return vals


def _accepted(data: dict[str, Any]) -> tuple[Answers, dict[str, Any]]:
    """(the model, the data it was made from): `data` less the fields the model refuses."""
    from pydantic import ValidationError

    try:
        return Answers.model_validate(data), data
    except ValidationError as exc:
        bad = {str(e["loc"][0]) for e in exc.errors() if e["loc"]}
        data = {k: v for k, v in data.items() if k not in bad}
        return Answers.model_validate(data), data


def to_answers(vals: dict[str, Any]) -> Answers:
    """The answers model; unanswered (None) fields take the contract's defaults. The
    model coerces what it accepts (a whole number as an amount). An answer it refuses
    takes the default too: here that is only ever a question off the user's path (a
    breach summary over its limit, then a contract that is not ended for cause), since
    on the path it keeps its step incomplete and review and the plan wait for it."""
    data = {k: v for k, v in resolved(vals).items() if v is not None}
    for key in _NONE_MEANS_UNSET:
        data.setdefault(key, None)
    return _accepted(data)[0]


def valid_for_file(vals: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """(the set answers the model accepts, as the answers file writes them; the ids of the
    rest). A half-typed value the model refuses counts as not yet answered."""
    model, data = _accepted({k: v for k, v in vals.items() if v is not None})
    dumped = model.for_file()
    return {k: dumped[k] for k in data}, [k for k in vals if k not in data]


class AnswersSoFar(Answers):
    """Answers given so far: its file holds only the fields given, so that loading it
    asks the rest again (answers_given). To the engine an absent field means the
    contract's default, which is what this file used to write out for it."""

    def for_file(self) -> dict[str, Any]:
        return self.model_dump(mode="json", exclude_unset=True)


def savable(vals: dict[str, Any]) -> Answers:
    """The answers model for "Save and finish later": what is valid so far, and only
    that (an unanswered question is left out of the file, not written as its default)."""
    kept, _unset = valid_for_file(resolved(vals))
    return AnswersSoFar.model_validate(kept)


def draft_limits() -> dict[str, int]:
    """Question id -> the most characters of a refused text the tab keeps for it."""
    limits = {}
    for step in sources.steps():
        for q in step.questions:
            if q.type == "deadlines":
                limits[q.id] = _DEADLINES_CHARS * DRAFT_LIMIT_TIMES
            elif q.type in _TYPED:
                most = kinds.text_max(q.id)
                limits[q.id] = DRAFT_CHARS_NO_LIMIT if most is None else most * DRAFT_LIMIT_TIMES
    return limits


def _deadline_ids() -> set[str]:
    return {q.id for step in sources.steps() for q in step.questions if q.type == "deadlines"}


def refused_texts(vals: dict[str, Any], unset: list[str]) -> dict[str, str]:
    """The typed texts among `unset` (what valid_for_file left out), as they are on screen:
    a reload puts them back, over the limit or not, and Next refuses them again with their
    message. Never part of an answers file. Cut at draft_limits(), far above any limit.
    Deadlines with a line the model refuses are kept as the box's lines."""
    limits, deadlines = draft_limits(), _deadline_ids()
    texts = {}
    for k in unset:
        value = vals.get(k)
        if k in deadlines and isinstance(value, list) and value:
            value = kinds.deadline_lines(value)
        if k in limits and isinstance(value, str):
            texts[k] = value[: limits[k]]
    return texts


def from_drafts(drafts: dict[str, str]) -> dict[str, Any]:
    """The refused texts the tab gave back, as the session's answers hold them."""
    deadlines = _deadline_ids()
    return {k: kinds.deadlines_from_text(v) if k in deadlines else v for k, v in drafts.items()}
