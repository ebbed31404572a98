"""Where the user is: moving between welcome, the steps, review and the result, loading a
whole set of answers (resume or example), and starting over. Callbacks only."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wizard.ui import session as session_state
from wizard.ui import sources
from wizard.ui.session import Session, View, current

if TYPE_CHECKING:
    from wizard.answers import Answers


def start() -> None:
    go_step(0)


def carry_on(session: Session) -> None:
    """Next pressed on a step: answers restored from the tab count as kept, also
    when the screen stays because something needs putting right. The notice offering to
    discard them goes; it would sit above the error summary, which takes focus."""
    session.restored = False
    if session.confirm_reset == "restored":
        session.confirm_reset = None


def _moving_on(session: Session) -> None:
    """Any change of screen: the last screen's messages go, answers restored from the tab
    count as kept (the notice offering to discard them has been seen), and amounts entered
    keep the currency they were entered in."""
    session.clear_messages()
    carry_on(session)
    if session.answers is not None:
        from wizard.ui.answer_values import keep_currency_of_amounts

        keep_currency_of_amounts(session)


def go_step(index: int, *, editing: bool = False) -> None:
    session = current()
    _moving_on(session)
    session.view, session.step, session.editing = "step", index, editing


def go_review() -> None:
    session = current()
    _moving_on(session)
    session.view, session.editing = "review", False


def go_result() -> None:
    """From review: only when every step on the path is complete."""
    from wizard.ui import validation

    session = current()
    missing = validation.incomplete_steps(session)
    if missing:
        # As Next with errors: restored answers count as kept, and the notice goes.
        carry_on(session)
        steps = sources.steps()
        titles = ", ".join(steps[i].title for i in missing)
        session.review_error = sources.screens().review.still_needed.format(steps=titles)
        return
    _moving_on(session)
    session.reached = len(sources.steps())
    session.view = "result"


def advance(session: Session) -> None:
    """After a step validated: the next step, or review."""
    session.reached = max(session.reached, session.step + 1)
    _moving_on(session)
    if session.editing or session.step + 1 >= len(sources.steps()):
        go_review()
    else:
        session.step += 1


def back(session: Session) -> None:
    _moving_on(session)
    if session.step == 0:
        session.view = "welcome"
    else:
        session.step -= 1


def _entry_place(session: Session, screen: str) -> tuple[View, int] | None:
    """Where a history entry's screen ("welcome", "step:2", "review", "result", as
    tab.render names them) is, if the user may be there now: (view, step)."""
    total = len(sources.steps())
    number = screen.removeprefix("step:")
    if screen == "welcome":
        return "welcome", session.step
    if screen.startswith("step:") and number.isdigit() and int(number) <= session.reached:
        return "step", min(int(number), total - 1)
    if screen == "review" and session.reached >= total:
        return "review", session.step
    if screen == "result" and session.reached >= total:
        return "result", session.step
    return None


def go_to_screen(screen: str) -> None:
    """Browser Back or Forward: the screen of a history entry, if the user may be there
    now; else the screen stays as it is."""
    session = current()
    shown = f"step:{session.step}" if session.view == "step" else session.view
    place = _entry_place(session, screen)
    if place is None or screen == shown:
        return  # already there (a page back from the browser's cache asks for its own)
    view, step = place
    if view == "welcome":
        _moving_on(session)
        session.view = "welcome"
    elif view == "step":
        go_step(step)
    elif view == "review":
        go_review()
    else:
        go_result()


def restore_entry(session: Session, screen: str) -> None:
    """Answers just restored from the tab: show the screen of the history entry the tab is
    on, if the user may be there. The tab's copy names the screen the server last drew,
    which is a Back or Forward behind when the server had forgotten the session meanwhile
    (a page back from the browser's cache). A welcome entry is not followed: the first
    page's entry is named before the tab is asked for what it kept."""
    place = _entry_place(session, screen)
    if place is not None and place[0] != "welcome":
        session.view, session.step = place


def load_answers(answers: Answers, flash: str, *, only_given: bool = False) -> None:
    """Replace every answer (resume or example) and land on review. only_given (a file the
    user uploaded): a question the file leaves out is unanswered, not the model's default,
    so a file saved part-way asks the rest again; an example means every field."""
    from wizard.ui.answer_values import answers_from_model, answers_given

    session = current()
    session.answers = answers_given(answers) if only_given else answers_from_model(answers)
    session.revision += 1
    session.reached = len(sources.steps())
    session.upload_error = None
    session.plan_cache, session.pdf_cache, session.message = None, {}, None
    session.flash = flash
    session.example = False
    go_review()


def try_example(example_id: str) -> None:
    """An example opens its plan at once, with a clear way to start one's own."""
    from wizard.examples import example_answers

    load_answers(example_answers(example_id), sources.screens().flash.example)
    go_result()
    session = current()
    session.example, session.flash = True, None  # the note above the plan says it once


def start_own() -> None:
    """From an example's plan: forget the example and start with nothing answered."""
    start_over()
    start()


def keep_restored() -> None:
    """The notice goes; focus goes to the screen's heading (the button pressed is gone)."""
    session = current()
    session.restored = False
    _focus(session, None)


def apply_change(qid: str, value: object) -> None:
    """'What if' -> 'apply this change': the answer becomes the user's own."""
    session = current()
    from wizard.ui.answer_values import values

    values(session)
    session.set_value(qid, value)
    session.flash = sources.screens().flash.applied


def plain_upload_error(message: str) -> str:
    """The answers loader names fields by id ('notice_days'); the user knows the question."""
    quoted = sources.screens().checks.quoted_label
    for qid, q in sources.content().question_by_id.items():
        message = message.replace(f"'{qid}'", quoted.format(label=q.label))
    return message


def handle_upload(file_id: str, data: bytes) -> bool:
    """Apply an uploaded answers file once per upload. On a bad file, show why and keep
    the current answers. Returns True when the answers were replaced. The size limit and
    every check are the answers loader's own."""
    session = current()
    if session.upload_seen == file_id:
        return False
    from wizard.answers import AnswersError
    from wizard.answers import load_answers as parse

    session.upload_seen = file_id
    try:
        answers = parse(data)
    except AnswersError as exc:
        session.upload_error = plain_upload_error(str(exc))
        return False
    load_answers(answers, sources.screens().flash.resumed, only_given=True)
    _continue_where_left(session)
    return True


def _continue_where_left(session: Session) -> None:
    """A file saved part-way opens at the first step it leaves unanswered, as the user
    left it; a complete file stays on review, ready for its plan."""
    from wizard.ui import validation

    missing = validation.incomplete_steps(session)
    if missing:
        session.reached = missing[0]
        go_step(missing[0])
        session.flash = sources.screens().flash.resumed_part


def forget_upload() -> None:
    current().upload_error = None


def _focus(session: Session, key: str | None) -> None:
    """After this run, focus goes to the element keyed `key` (its button, if it holds one),
    or to the screen's heading (None): the control just pressed is gone."""
    session.focus_round += 1
    session.focus_on = key


def ask_start_over(place: str) -> None:
    """The question is asked where the button was (confirm_<place>), and focus goes to it."""
    session = current()
    session.confirm_reset = place
    _focus(session, f"confirm_{place}")


def cancel_start_over(button_key: str) -> None:
    """Back to the button that asked (its widget key)."""
    session = current()
    session.confirm_reset = None
    _focus(session, button_key)


def start_over() -> None:
    """Forget this session and, on the next run, the answers kept in the browser tab. Focus
    goes to the welcome screen's heading, also when the welcome screen was already shown."""
    from wizard.ui import tab

    rounds = current().focus_round
    session_state.reset()
    tab.clear_on_next_run()
    session = current()
    session.restore_checked = True  # nothing to offer back: it was just cleared
    session.focus_round = rounds
    _focus(session, None)
