"""'What if': change one answer and see how the plan's overview would move.

The questions offered are those flagged `what_if: true` in questions.yaml (on the user's
path). The comparison is the two plans' own "At a glance" rows, so it shows exactly the
labels, values and dates the plan shows; the wording around it is in screens.yaml.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from wizard.answers import Answers
from wizard.content_model import Question
from wizard.models import Plan
from wizard.plan import build_plan
from wizard.ui import derived, kinds, sources, validation
from wizard.ui.safe import md
from wizard.ui.session import Session

QUESTION_WIDGET = "whatif_question"


def offered(session: Session) -> list[Question]:
    """The flagged questions on this session's path, in the wizard's order."""
    path = validation.session_path(session)
    return [q for step in sources.steps() for q in path[step.id] if q.what_if]


def _alternatives(q: Question, current: Any) -> list[Any]:
    values = list(kinds.YES_NO) if q.type == "yesno" else [o.value for o in q.options]
    return [v for v in values if v != current]


def comparison(plan: Plan, other: Plan) -> tuple[bool, list[str]]:
    """(same recommendation?, one line per glance row) as plain text."""
    words = sources.screens().what_if
    now = {row.label: row.value for row in plan.at_a_glance}
    lines = []
    for row in other.at_a_glance:
        before = now.get(row.label)
        if before is None or before == row.value:
            lines.append(words.row_unchanged.format(label=row.label, value=row.value))
        else:
            lines.append(words.row_changed.format(label=row.label, value=row.value, now=before))
    rec, alt = plan.recommendation, other.recommendation
    same = (alt.strategy, alt.readiness) == (rec.strategy, rec.readiness)
    return same, lines


def render(session: Session, plan: Plan) -> None:
    screens = sources.screens()
    words, shown_as = screens.what_if, screens.answers
    st.markdown(f"## {words.heading}\n{words.intro}")
    questions = {q.id: q for q in offered(session)}
    if not questions:
        return
    qid = st.selectbox(
        words.question,
        list(questions),
        format_func=lambda i: questions[i].label,
        key=QUESTION_WIDGET,
        index=None,  # nothing is worked out until the user picks a question
        placeholder=words.choose_question,
    )
    if qid is None:
        return
    q = questions[qid]
    answers = derived.current_answers(session)[0]
    current = getattr(answers, qid)
    answered = kinds.answer_text(q, current, shown_as)
    st.caption(md(words.you_answered.format(answer=answered)))
    new_value = st.radio(
        words.suppose,
        _alternatives(q, current),
        format_func=lambda v: kinds.answer_text(q, v, shown_as),
        key=f"whatif_value_{qid}",
    )
    same, lines = comparison(plan, _what_if(session, answers, qid, new_value))
    text = "  \n".join(md(line) for line in [words.same if same else words.changed, *lines])
    if same:
        st.info(text, icon=":material/check:")
    else:
        st.warning(text, icon=":material/swap_horiz:")
    st.button(
        words.apply, key="whatif_apply", on_click=_apply, args=(qid, new_value),
        icon=":material/done:", width="stretch",
    )  # fmt: skip


def _apply(qid: str, value: Any) -> None:
    """Make the supposed answer the user's own, and close the question."""
    from wizard.ui import navigation

    navigation.apply_change(qid, value)
    st.session_state.pop(QUESTION_WIDGET, None)
    st.session_state.pop(f"whatif_value_{qid}", None)


def _what_if(session: Session, answers: Answers, qid: str, value: Any) -> Plan:
    """The plan for one changed value, kept for this session's current answers so that
    reruns on the result page do not build it again."""
    today = sources.today()
    key = derived.answers_key(answers, today)
    cache = session.what_if_cache
    if not cache or cache["key"] != key:
        cache = session.what_if_cache = {"key": key, "results": {}}
    results = cache["results"]
    if (qid, value) not in results:
        changed = answers.model_copy(update={qid: value})
        results[(qid, value)] = build_plan(changed, sources.content(), today=today)
    return results[(qid, value)]
