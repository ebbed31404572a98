"""Issue 9, finding 5: an upload Streamlit no longer holds (DeletedFile) is "no file"."""

from __future__ import annotations

import types

import pytest
from streamlit.runtime.uploaded_file_manager import DeletedFile

from wizard.ui import navigation, session, welcome


@pytest.fixture
def fake(monkeypatch):
    fake_st = types.SimpleNamespace(session_state={})
    monkeypatch.setattr(welcome, "st", fake_st)
    monkeypatch.setattr(session, "st", fake_st)
    calls: list[tuple[str, bytes]] = []
    monkeypatch.setattr(
        navigation, "handle_upload", lambda file_id, data: calls.append((file_id, data))
    )
    session.current().upload_error = "old complaint"
    return fake_st.session_state, calls


@pytest.mark.parametrize("value", [DeletedFile("f-1"), types.SimpleNamespace(file_id="f-2"), None])
def test_a_missing_upload_is_no_file(fake, value):
    session_state, calls = fake
    session_state[welcome.UPLOADER] = value
    welcome._uploaded()
    assert calls == []
    assert session.current().upload_error is None


def test_a_real_upload_is_still_read(fake):
    session_state, calls = fake
    upload = types.SimpleNamespace(file_id="f-3", getvalue=lambda: b"schema_version: 1\n")
    session_state[welcome.UPLOADER] = upload
    welcome._uploaded()
    assert calls == [("f-3", b"schema_version: 1\n")]
