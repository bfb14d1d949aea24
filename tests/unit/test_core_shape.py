"""The shape of the core that docs/ARCHITECTURE.md promises: no module over 800 lines, and every
statement of SQL on library.db in a repository (desktop_app/core/store)."""

from __future__ import annotations

import re
from pathlib import Path

import desktop_app

PACKAGE = Path(desktop_app.__file__).parent
OWN_DATABASES = {"core/references/cache.py"}  # the term cache: a database of its own, not library.db
SQL = re.compile(
    r"\.execute(?:many|script)?\(|\bSELECT\b.+\bFROM\b|\bINSERT\s+(?:OR\s+\w+\s+)?INTO\b|\bUPDATE\s+\w+\s+SET\b|\bDELETE\s+FROM\b"
)


def test_no_module_of_the_core_is_over_800_lines() -> None:
    sizes = {
        str(path.relative_to(PACKAGE)): len(path.read_text(encoding="utf-8").splitlines())
        for path in (PACKAGE / "core").rglob("*.py")
    }
    assert len(sizes) > 40
    assert {name: n for name, n in sizes.items() if n > 800} == {}


def test_sql_on_the_library_lives_in_the_repositories() -> None:
    found = []
    for path in PACKAGE.rglob("*.py"):
        name = path.relative_to(PACKAGE).as_posix()
        if name.startswith("core/store/") or name in OWN_DATABASES:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if SQL.search(line):
                found.append(f"{name}:{number}: {line.strip()}")
    assert found == []
    store = (PACKAGE / "core" / "store" / "letters_repo.py").read_text(encoding="utf-8")
    assert SQL.search(store)  # the pattern does find SQL where it is
