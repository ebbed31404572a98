"""The baseline: the smallest app that does what one wizard click does (a radio and a button)."""

import streamlit as st

st.radio("Pick one", ["a", "b", "c"], key="pick")
st.button("Next", key="next")
