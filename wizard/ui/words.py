"""The first page's wording, without loading the decision core.

The welcome screen (and the empty sidebar beside it) read content/screens.yaml with plain
YAML and look the words up by attribute, exactly as `sources.screens()` would. The file is
checked against the typed `ScreensFile` whenever the content loads (the background warm-up,
`python -m wizard check`, the tests), so a missing wording cannot slip through; the type
checker sees the typed model.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import yaml

if TYPE_CHECKING:
    from wizard.content_model import ScreensFile

SCREENS_FILE = Path(__file__).resolve().parents[2] / "content" / "screens.yaml"


class _Section:
    """Attribute access to a mapping, like the model's nested sections."""

    __slots__ = ("_data",)

    def __init__(self, data: dict[str, Any]):
        self._data = data

    def __getattr__(self, name: str) -> Any:
        try:
            value = self._data[name]
        except KeyError:
            raise AttributeError(f"screens.yaml has no '{name}'") from None
        return _Section(value) if isinstance(value, dict) else value


@functools.cache
def first_page() -> ScreensFile:
    data = yaml.safe_load(SCREENS_FILE.read_text(encoding="utf-8"))
    return cast("ScreensFile", _Section(data))
