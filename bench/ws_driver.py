"""A Streamlit client that speaks the browser's own protocol over /_stcore/stream.

Each `rerun()` sends a BackMsg.rerun_script with the widget states, exactly as the
frontend does after a click, and waits for ForwardMsg.script_finished. Like the frontend,
a change to a widget drawn inside an `st.fragment` asks for a rerun of that fragment only
(the delta that drew the widget names its fragment), and the elements outside it stay as
they were. Widgets are found by their user key (Streamlit ids end with "-<key>") or a
button's label, from the elements the server sent. Loopback only: the benchmark starts
its own server.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from typing import Any

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

FINISHED = ForwardMsg.ScriptFinishedStatus.Name


@dataclass
class Widget:
    id: str
    kind: str
    label: str
    proto: Any
    fragment: str = ""  # the st.fragment that drew it, "" for the main script


@dataclass
class Session:
    url: str
    ws: Any = None
    widgets: dict[str, Widget] = field(default_factory=dict)
    states: dict[str, WidgetState] = field(default_factory=dict)
    texts: list[str] = field(default_factory=list)
    page_script_hash: str = ""
    changed_fragment: str | None = None  # None: nothing changed yet; "": the whole script

    async def connect(self, timeout: float = 30.0) -> None:
        self.ws = await asyncio.wait_for(
            websockets.connect(
                self.url,
                subprotocols=["streamlit"],
                max_size=None,
                open_timeout=timeout,
            ),
            timeout,
        )

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()

    async def rerun(self, timeout: float = 60.0) -> float:
        """Send the current widget states; return seconds until the script finished."""
        msg = BackMsg()
        msg.rerun_script.query_string = ""
        msg.rerun_script.page_script_hash = self.page_script_hash
        msg.rerun_script.widget_states.widgets.extend(self.states.values())
        fragment = self.changed_fragment or ""
        msg.rerun_script.fragment_id = fragment
        self.changed_fragment = None
        started = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        # Triggers (button clicks) fire once, like the frontend's.
        for key in [k for k, s in self.states.items() if s.WhichOneof("value") == "trigger_value"]:
            del self.states[key]
        if fragment:  # only the fragment's elements are drawn again
            self.widgets = {k: w for k, w in self.widgets.items() if w.fragment != fragment}
        else:
            self.widgets.clear()
            self.texts.clear()
        await asyncio.wait_for(self._until_finished(), timeout)
        # The frontend forgets the state of a widget that is no longer drawn (it would
        # otherwise report it changed, and run its callback, on every later rerun).
        self.states = {k: s for k, s in self.states.items() if k in self.widgets}
        return time.perf_counter() - started

    async def _until_finished(self) -> None:
        while True:
            raw = await self.ws.recv()
            fwd = ForwardMsg()
            fwd.ParseFromString(raw)
            kind = fwd.WhichOneof("type")
            if kind == "new_session":
                self.page_script_hash = fwd.new_session.page_script_hash
            elif kind == "delta":
                self._collect(fwd.delta, fwd.delta.fragment_id)
            elif kind == "script_finished":
                status = FINISHED(fwd.script_finished)
                if status == "FINISHED_EARLY_FOR_RERUN":
                    continue
                if status not in ("FINISHED_SUCCESSFULLY", "FINISHED_FRAGMENT_RUN_SUCCESSFULLY"):
                    raise RuntimeError(f"script finished with {status}")
                return

    def _collect(self, delta: Any, fragment: str) -> None:
        if delta.WhichOneof("type") != "new_element":
            return
        element = delta.new_element
        kind = element.WhichOneof("type")
        proto = getattr(element, kind)
        widget_id = getattr(proto, "id", "")
        if widget_id:
            label = getattr(proto, "label", "")
            self.widgets[widget_id] = Widget(widget_id, kind, label, proto, fragment)
        elif kind == "exception":
            raise RuntimeError(f"app raised: {proto.type}: {proto.message}")
        else:
            body = getattr(proto, "body", "")
            if body:
                self.texts.append(body)

    # --- finding and setting widgets -------------------------------------------------

    def find(self, *, key: str | None = None, label: str | None = None, kind: str | None = None):
        for widget in self.widgets.values():
            if key is not None and not widget.id.endswith(f"-{key}"):
                continue
            if label is not None and widget.label.strip() != label:
                continue
            if kind is not None and widget.kind != kind:
                continue
            return widget
        return None

    def _changed(self, widget: Widget) -> None:
        """A change in two places (or outside any fragment) reruns the whole script."""
        if self.changed_fragment is None:
            self.changed_fragment = widget.fragment
        elif self.changed_fragment != widget.fragment:
            self.changed_fragment = ""

    def click(self, widget: Widget) -> None:
        self._changed(widget)
        state = WidgetState(id=widget.id)
        state.trigger_value = True
        self.states[widget.id] = state

    def choose(self, widget: Widget, index: int) -> None:
        """Pick an option of a radio or selectbox (sent as its formatted label)."""
        self.set_string(widget, list(widget.proto.options)[index])

    def set_bool(self, widget: Widget, value: bool) -> None:
        self._changed(widget)
        state = WidgetState(id=widget.id)
        state.bool_value = value
        self.states[widget.id] = state

    def set_string_array(self, widget: Widget, values: list[str]) -> None:
        self._changed(widget)
        state = WidgetState(id=widget.id)
        state.string_array_value.data.extend(values)
        self.states[widget.id] = state

    def set_double(self, widget: Widget, value: float) -> None:
        self._changed(widget)
        state = WidgetState(id=widget.id)
        state.double_value = value
        self.states[widget.id] = state

    def set_string(self, widget: Widget, value: str) -> None:
        self._changed(widget)
        state = WidgetState(id=widget.id)
        state.string_value = value
        self.states[widget.id] = state
