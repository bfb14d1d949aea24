"""Kamerlezer: read, search, annotate and cross-reference Dutch parliamentary letters."""

__version__ = "0.1.0"
