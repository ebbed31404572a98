"""The shared, read-only inputs of every screen: the content and today's date.

Process-wide and the same for every user; nothing here holds user data."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wizard.content_model import Content, ScreensFile, Step


def content() -> Content:
    """Loaded and checked once per process. Imported on use: the welcome screen does
    without it, so the first page does not wait for it."""
    from wizard.content import load_content

    return load_content()


def screens() -> ScreensFile:
    return content().screens


def steps() -> list[Step]:
    return content().questions.steps


def today() -> dt.date:
    return dt.date.today()
