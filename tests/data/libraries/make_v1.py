"""Make tests/data/libraries/vN/: a library written by schema vN, holding the facts of V1_FACTS.

Run once, when schema vN ships: ``.venv/bin/python tests/data/libraries/make_v1.py vN`` (v1 when no
version is given; v1 came with 0001_initial, v2-v7 with the migrations after it). Never regenerate a
folder with a later schema: tests/unit/test_store_migrations.py opens each with the current code to
prove that nothing made by that version is lost. The facts it holds are listed in V1_FACTS (the test
checks them).
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from desktop_app.core.services import Library  # noqa: E402

V1_FACTS = {
    "letters": [
        "000_eba5de336aff673f",
        "001_999221068a1a2138",
        "002_6da6c7f9d4c292e2",
        "003_d09603eee462fd1e",
        "004_94d7e7617410a711",
    ],
    "kamerstuk": {"000_eba5de336aff673f": "kst-28676-472"},
    "themes_added": ["Capaciteitsdoelstellingen/NDPP/Review", "Eigen thema"],
    "annotations": [
        # (letter, quote, theme paths, note)
        ("000_eba5de336aff673f", "Minimum Capability Requirements (MCR)", ["Capaciteitsdoelstellingen/CT25"], "MCR"),
        ("000_eba5de336aff673f", "NDPP Review", ["Capaciteitsdoelstellingen/NDPP/Review", "Eigen thema"], ""),
        ("004_94d7e7617410a711", "Oekraïne", ["Steun aan Oekraïne"], "steun, zie ook 003"),
        ("004_94d7e7617410a711", "Economische Zone (EEZ) in de Noordzee", ["Maritiem en Noordzee"], "kritieke infrastructuur"),
        ("003_d09603eee462fd1e", "drone coalities", ["Steun aan Oekraïne"], ""),
    ],
}


def main(argv: list[str]) -> None:
    version = argv[0] if argv else "v1"
    if not re.fullmatch(r"v\d+", version):
        raise SystemExit(f"not a schema version: {version!r} (write it as v7)")
    make(HERE / version)


def make(target: Path) -> None:
    """The library of V1_FACTS, written by the current code."""
    if target.exists():
        shutil.rmtree(target)
    with Library.open(target, search=False) as library:
        library.set_kamerstuk("000_eba5de336aff673f", "kst-28676-472")
        library.add_theme("Review", parent="Capaciteitsdoelstellingen/NDPP", color="#336699")
        library.add_theme("Eigen thema", color="#aa5500", description="door de gebruiker")
        for letter, quote, themes, note in V1_FACTS["annotations"]:
            library.annotate_quote(letter, quote, themes, note=note)
    for name in ("backups", "index", "cache", "library.lock", "index.dirty"):  # derived: not the fixture
        path = target / name
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)


if __name__ == "__main__":
    main(sys.argv[1:])
