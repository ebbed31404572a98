"""Partways: decide how to end a client relationship, and leave with a dated exit plan."""

__version__ = "0.1.0"
