"""Test libraries: a seeded library is built once per test session and copied for each test (seeding
and indexing take about a second; copying takes milliseconds). Never the user's data folder."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

from desktop_app.core.services import Library

_TEMPLATE: Path | None = None


def seeded_copy(target: Path) -> Path:
    """A fresh copy of a closed, seeded library (bundled letters, starter themes, index) at ``target``."""
    global _TEMPLATE
    if _TEMPLATE is None:
        parent = Path(tempfile.mkdtemp(prefix="kamerlezer-template-"))
        atexit.register(shutil.rmtree, parent, True)
        folder = parent / "library"
        Library.open(folder).close()
        _TEMPLATE = folder
    shutil.copytree(_TEMPLATE, target, ignore=shutil.ignore_patterns("library.lock", "backups"))
    return target
