"""Benchmarks for Partner Workshop: ``python -m benchmarks`` (``make bench``) prints the table.

Not part of ``make test``: timing belongs here, run on purpose, never in unit tests.
"""
