"""Entry point for `streamlit run app.py`; the wizard lives in wizard/ui."""

from wizard.ui.app import main

main()
