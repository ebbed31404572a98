"""The Streamlit wizard. The only part of Partways that imports streamlit."""
