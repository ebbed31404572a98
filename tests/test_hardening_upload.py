"""Issue 9, finding 5: an upload Streamlit no longer holds (DeletedFile) is "no file"."""

from __future__ import annotations

import types

import pytest
from streamlit.runtime.uploaded_file_manager import DeletedFile

from wizard.ui import state, welcome


@pytest.fixture
def session(monkeypatch):
    fake_st = types.SimpleNamespace(session_state={state.UPLOAD_ERROR: "old complaint"})
    calls: list[tuple[str, bytes]] = []
    monkeypatch.setattr(welcome, "st", fake_st)
    monkeypatch.setattr(state, "handle_upload", lambda file_id, data: calls.append((file_id, data)))
    return fake_st.session_state, calls


@pytest.mark.parametrize("value", [DeletedFile("f-1"), types.SimpleNamespace(file_id="f-2"), None])
def test_a_missing_upload_is_no_file(session, value):
    session_state, calls = session
    session_state[welcome.UPLOADER] = value
    welcome._uploaded()
    assert calls == []
    assert session_state[state.UPLOAD_ERROR] is None


def test_a_real_upload_is_still_read(session):
    session_state, calls = session
    upload = types.SimpleNamespace(file_id="f-3", getvalue=lambda: b"schema_version: 1\n")
    session_state[welcome.UPLOADER] = upload
    welcome._uploaded()
    assert calls == [("f-3", b"schema_version: 1\n")]
