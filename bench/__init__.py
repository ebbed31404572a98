"""Benchmarks for Partways (`make bench`)."""
