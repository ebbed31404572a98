"""A full wizard path, as a user clicks it: Start, answer every visible question (one
rerun per change, as the browser does), Next on each step, then "See my plan".

Answers are plain and safe: the first option of each choice, "No" for yes/no, the first
box of each multi-choice group, a small number, a short name.
"""

from __future__ import annotations

from bench.ws_driver import Session, Widget

MAX_INTERACTIONS = 80  # a bound, so a UI change cannot loop the benchmark forever


def widget_key(widget_id: str) -> str:
    """Streamlit ids are "$$ID-<hash>-<user key>"."""
    parts = widget_id.split("-", 2)
    return parts[2] if len(parts) == 3 else ""


def _answer(session: Session, widget: Widget, answered: set[str]) -> bool:
    """Give one unanswered question widget a value; False if there was nothing to do."""
    key = widget_key(widget.id)
    question = key.split(":")[1] if key.startswith("w:") else ""
    if not question or question in answered:
        return False
    answered.add(question)
    proto = widget.proto
    if widget.kind in ("radio", "selectbox"):
        options = list(proto.options)
        session.choose(widget, options.index("No") if "No" in options else 0)
    elif widget.kind == "button_group":  # st.pills: the first option, as its label
        session.set_string_array(widget, [list(proto.options)[0].content])
    elif widget.kind == "number_input":
        session.set_double(widget, max(proto.min if proto.has_min else 0, 3))
    elif widget.kind == "text_input":
        if question == "jurisdiction":  # a country code, validated
            session.set_string(widget, "GB")
        else:
            session.set_string(widget, "Northwind" if "client" in question else "Sam")
    else:  # dates already hold a sensible default
        return False
    return True


async def wizard_walk(session: Session, pause) -> list[float]:
    latencies = [await session.rerun()]
    answered: set[str] = set()
    await pause()
    session.click(session.find(key="start"))
    latencies.append(await session.rerun())
    for _ in range(MAX_INTERACTIONS):
        to_result = session.find(key="to_result")
        if to_result is not None:
            await pause()
            session.click(to_result)
            latencies.append(await session.rerun())
            if not any("Exit plan" in text or "plan" in text for text in session.texts):
                raise RuntimeError("the result page did not render")
            return latencies
        pending = [w for w in session.widgets.values() if widget_key(w.id).startswith("w:")]
        for widget in pending:
            if _answer(session, widget, answered):
                await pause()
                latencies.append(await session.rerun())
                break
        else:
            await pause()
            button = session.find(key="nav_continue") or session.find(key="nav_next")
            if button is None:
                raise RuntimeError("no Next button on this screen")
            session.click(button)
            latencies.append(await session.rerun())
    raise RuntimeError(f"did not reach the result within {MAX_INTERACTIONS} interactions")
