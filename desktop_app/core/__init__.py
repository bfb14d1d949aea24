"""The application core: importing, store, search, references, export model.

Nothing in this package may import Qt (PySide6); tests/unit/test_architecture.py checks it.
"""
