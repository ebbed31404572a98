"""A little CSS on top of the theme (.streamlit/config.toml): solid focus outlines, tap
targets of at least 44 px, captions dark enough to read, no heading link icons (each was
an extra Tab stop), and the visually hidden live region that tab.js announces in."""

from __future__ import annotations

import functools
from pathlib import Path

import streamlit as st

CSS_FILE = Path(__file__).with_name("style.css")


@functools.cache
def _css() -> str:
    return f"<style>{CSS_FILE.read_text(encoding='utf-8')}</style>"


def render() -> None:
    st.html(_css())
