"""Run a benchmark script from a source checkout: ``python -m desktop_app.bench NAME [options]``.

NAME is the part after ``bench_`` in ``benchmarks/bench_NAME.py`` (search, export, store ...); the
options go to that script, e.g. ``python -m desktop_app.bench search --letters 10000``. Benchmarks are
not installed with the package: this only works next to the ``benchmarks/`` folder.
"""

from __future__ import annotations

import runpy
import sys
from collections.abc import Sequence
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def available() -> list[str]:
    return sorted(p.stem.removeprefix("bench_") for p in BENCHMARKS.glob("bench_*.py"))


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    names = available()
    if not args or args[0] in ("-h", "--help") or args[0] not in names:
        listed = ", ".join(names) or f"none found in {BENCHMARKS}"
        print(f"usage: python -m desktop_app.bench NAME [options]\nbenchmarks: {listed}", file=sys.stderr)
        return 0 if args and args[0] in ("-h", "--help") else 2
    script = BENCHMARKS / f"bench_{args[0]}.py"
    saved = sys.argv
    sys.argv = [str(script), *args[1:]]
    try:
        runpy.run_path(str(script), run_name="__main__")
    except SystemExit as done:
        return int(done.code or 0) if not isinstance(done.code, str) else 1
    finally:
        sys.argv = saved
    return 0


if __name__ == "__main__":
    sys.exit(main())
