"""Make tests/data/libraries/v5/: a library written by schema v5 (0001_initial .. 0004_theme_keys, 0005_history).

Run once, when v5 shipped: ``.venv/bin/python tests/data/libraries/make_v5.py``. Never regenerate it
with a later schema. It holds the same facts as v1 (make_v1.V1_FACTS), made the same way.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    spec = importlib.util.spec_from_file_location("make_v1", HERE / "make_v1.py")
    assert spec and spec.loader
    make_v1 = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_v1)
    make_v1.make(HERE / "v5")


if __name__ == "__main__":
    main()
