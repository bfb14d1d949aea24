"""Make tests/data/libraries/v6/: a library written by schema v6 (0001_initial .. 0005_history, 0006_letter_head).

Run once, when v6 shipped: ``.venv/bin/python tests/data/libraries/make_v6.py``. Never regenerate it
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
    make_v1.make(HERE / "v6")


if __name__ == "__main__":
    main()
