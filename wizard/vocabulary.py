"""The words the answers and the recommendation share (shared/spec/answers.md): the ways
out, the timing and the channels. Both the answers model and the output models use
these, so the renderers can depend on the output models without the answers rules."""

from __future__ import annotations

from typing import Literal

Channel = Literal["email", "letter", "phone", "video", "in_person"]
Strategy = Literal["communicate", "quiet_exit", "transition"]
Readiness = Literal["proceed", "repair_first", "wait"]

STRATEGIES: tuple[Strategy, ...] = ("communicate", "quiet_exit", "transition")
