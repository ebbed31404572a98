"""Every answer on one screen, grouped by step, each group with an Edit button naming it."""

from __future__ import annotations

import streamlit as st

from wizard.ui import answer_values, derived, kinds, navigation, sources, validation
from wizard.ui.safe import md
from wizard.ui.session import current

ANSWERS_FILE = "partways-answers.yaml"


def render() -> str:
    session = current()
    screens = sources.screens()
    words, shown_as = screens.review, screens.answers
    st.title(words.heading, anchor=False)
    st.markdown(words.intro)
    vals = answer_values.resolved(answer_values.values(session))
    path = validation.session_path(session)
    missing = set(validation.incomplete_steps(session))
    currency, jurisdiction = vals.get("currency") or "", vals.get("jurisdiction") or ""
    for index, step in enumerate(sources.steps()):
        # One markdown per step (its heading and every answer), then its Edit button: each
        # element costs server time on every run of the page.
        answers = (
            f"**{md(q.label)}**  \n"
            f"{md(kinds.answer_text(q, vals.get(q.id), shown_as, currency, jurisdiction))}"
            for q in path[step.id]
        )
        with st.container(border=True, key=f"review_{step.id}"):
            st.markdown("\n\n".join((f"## {md(step.title)}", *answers)))
            if index in missing:
                st.error(words.step_incomplete, icon=":material/error:")
            st.button(
                words.edit.format(step=step.title), key=f"edit_{step.id}",
                on_click=navigation.go_step, args=(index,), kwargs={"editing": True},
            )  # fmt: skip

    if session.review_error:
        st.error(session.review_error, icon=":material/error:")
    st.button(
        words.see_plan, type="primary", on_click=navigation.go_result, key="to_result",
        width="stretch",
    )  # fmt: skip
    if not missing:
        st.download_button(
            words.save_answers,
            data=derived.answers_file_maker(derived.current_answers(session)[0]),
            file_name=ANSWERS_FILE,
            mime="application/x-yaml",
            on_click="ignore",
            key="save_answers_review",
            width="stretch",
        )
        st.caption(words.save_hint)
        derived.prebuild_plan(session)  # "See my plan" then only draws it
    return words.heading
