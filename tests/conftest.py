"""Shared fixtures: paths to the real data (seed letters, official samples) and fresh libraries."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Property tests: no per-example time limit (a loaded machine is not a bug; speed is measured by the
# benchmarks), and under CI the same examples every run, so a rare case found by exploring locally
# becomes an @example instead of a flaky build.
settings.register_profile("default", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "default")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "resources" / "letters"
# the official sample documents (unchanged copies of ../shared/samples, see its README), kept in the
# repository so that a clean clone tests the importers on them; KAMERLEZER_SAMPLES points elsewhere
SAMPLES = Path(os.environ.get("KAMERLEZER_SAMPLES", ROOT / "tests" / "data" / "samples"))
OUTPUT = ROOT / "tests" / "output"
# The real-letter corpus: expectation files in tests/data/real (ours, hand-checked); the PDFs they
# describe are public documents from other public repositories, which developers may not commit: they
# live in the steering repository's shared/real (beside a clone: ../shared/real), or where
# KAMERLEZER_REAL says, or (on a developer's machine) untracked in tests/data/real.
REAL = ROOT / "tests" / "data" / "real"


def real_pdfs_dir() -> Path:
    if os.environ.get("KAMERLEZER_REAL"):
        return Path(os.environ["KAMERLEZER_REAL"])
    shared = ROOT.parent / "shared" / "real"
    return shared if any(shared.glob("*.pdf")) else REAL


def real_document_name(expect: Path) -> str:
    """The file an expectation file describes: ``<name>.pdf``, or ``<name>.docx`` for the Word motions
    (the expectation's ``"format": "docx"``)."""
    fmt = json.loads(expect.read_text(encoding="utf-8")).get("format", "pdf")
    return expect.name.replace(".expect.json", f".{fmt}")


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_files() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    assert SAMPLES.is_dir(), f"official samples not found at {SAMPLES}"
    return SAMPLES


@pytest.fixture(scope="session")
def output_dir() -> Path:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    return OUTPUT


def seed_path(prefix: str) -> Path:
    """The seed letter whose file name starts with ``prefix`` (e.g. "000")."""
    (match,) = SEEDS.glob(f"{prefix}_*.txt")
    return match


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """A local replay of the official repository (tests/officialserver.py), which fetches go to."""
    from tests.officialserver import ReplayServer

    with ReplayServer() as replay:
        monkeypatch.setenv("KAMERLEZER_OFFICIAL_BASE", replay.base)
        yield replay


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """An empty library (no bundled letters), closed: a folder for CLI commands to open."""
    from desktop_app.core.services import Library

    Library.open(tmp_path / "lib", seed=False, search=False).close()
    return tmp_path / "lib"


@pytest.fixture
def lib(tmp_path: Path) -> Iterator[Any]:
    """A library with the bundled letters, open for writing; closed after the test."""
    from desktop_app.core.services import Library
    from tests.libraries import seeded_copy

    library = Library.open(seeded_copy(tmp_path / "lib"))
    yield library
    library.close()
