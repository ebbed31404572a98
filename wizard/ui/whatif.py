"""'What if': change one key answer and see how the engine's recommendation moves."""

from __future__ import annotations

from typing import Any

import streamlit as st

from wizard.answers import Answers
from wizard.dates import long_date
from wizard.engine import recommend
from wizard.models import Recommendation
from wizard.ui import derived, state
from wizard.ui.format import answer_text
from wizard.ui.safe import md

WHAT_IF_CACHE = "whatif_cache"
WHAT_IF_IDS = (
    "remedies_exhausted",
    "conversation_outlook",
    "safety_concern",
    "client_in_crisis",
    "critical_period",
    "referral_available",
    "client_depends_on_you",
    "pattern",
    "relationship_depth",
    "reputation_stakes",
    "work_in_progress",
)


def _alternatives(qid: str, current: Any) -> list[Any]:
    q = state.content().question_by_id[qid]
    values = [True, False] if q.type == "yesno" else [o.value for o in q.options]
    return [v for v in values if v != current]


def render(rec: Recommendation) -> None:
    content = state.content()
    vals = state.values()
    answers = state.to_answers(vals)
    visible = {
        q.id for step in content.questions.steps for q in state.visible_questions(step, vals)
    }
    choices = [qid for qid in WHAT_IF_IDS if qid in visible]
    if not choices:
        return
    questions = content.question_by_id
    qid = st.selectbox(
        "Change one answer",
        choices,
        format_func=lambda i: questions[i].label,
        key="whatif_question",
        index=None,  # nothing is worked out until the user picks a question
        placeholder="Choose a question",
    )
    if qid is None:
        return
    q = questions[qid]
    current = getattr(answers, qid)
    st.caption(f"You answered: {md(answer_text(q, current))}")
    options = _alternatives(qid, current)
    new_value = st.radio(
        "Suppose instead",
        options,
        format_func=lambda v: answer_text(q, v),
        key=f"whatif_value_{qid}",
    )
    other = _what_if(answers, qid, new_value)
    labels, ready = content.plan.strategies, content.plan.readiness
    same = other.strategy == rec.strategy and other.readiness == rec.readiness
    lines = [
        "The recommendation would stay the same." if same else "The recommendation would change.",
        _line("Approach", labels[other.strategy].label, labels[rec.strategy].label),
        _line("Timing", ready[other.readiness].label, ready[rec.readiness].label),
    ]
    if other.notice_date != rec.notice_date:
        lines.append(
            f"Notice date: {long_date(other.notice_date)} (now {long_date(rec.notice_date)})"
        )
    text = "  \n".join(md(line) for line in lines)
    if same:
        st.info(text, icon=":material/check:")
    else:
        st.warning(text, icon=":material/swap_horiz:")


def _what_if(answers: Answers, qid: str, value: Any) -> Recommendation:
    """The engine's answer for one changed value, kept for this session's current answers
    so that reruns on the result page do not ask the engine again."""
    key = derived.answers_key(answers, state.today())
    cache = st.session_state.get(WHAT_IF_CACHE)
    if not cache or cache["key"] != key:
        cache = {"key": key, "results": {}}
        st.session_state[WHAT_IF_CACHE] = cache
    results = cache["results"]
    if (qid, value) not in results:
        changed = answers.model_copy(update={qid: value})
        results[(qid, value)] = recommend(changed, state.content(), today=state.today())
    return results[(qid, value)]


def _line(name: str, new: str, now: str) -> str:
    return f"{name}: {new} (unchanged)" if new == now else f"{name}: {new} (now {now})"
