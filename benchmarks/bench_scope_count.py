"""The export dialog's live line: count_scope on 500 annotations across 50 letters, against
build_summary of the same scope (the baseline, measured in the same run).

    python benchmarks/bench_scope_count.py

Same synthetic library as bench_export.py (fixed seed). count_scope runs on the UI thread 150 ms
after each change in the dialog, so it must stay well under a frame.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.bench_export import make_library  # noqa: E402
from desktop_app.core.export import ExportScope, build_summary, count_scope, default_title  # noqa: E402

SCOPES = {
    "whole library": ExportScope(),
    "2 themes": ExportScope(themes=("Steun aan Oekraïne", "NAVO-top")),
    "2 themes, 2024": ExportScope(themes=("Steun aan Oekraïne", "NAVO-top"), date_from="2024-01-01", date_to="2024-12-31"),
}


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        library = make_library(Path(tmp), 50, 10)
        print(f"load average before the runs: {os.getloadavg()[0]:.2f} ({os.cpu_count()} CPUs)")
        print(f"{'scope':16} {'passages':>8} {'letters':>7} {'count_scope ms':>15} {'default_title ms':>17} {'baseline build_summary ms':>26}")
        for name, scope in SCOPES.items():
            count = count_scope(library, scope)
            print(f"{name:16} {count.passages:8} {count.letters:7} {median_ms(lambda s=scope: count_scope(library, s), 9):15.1f}"
                  f" {median_ms(lambda s=scope: default_title(library, s), 9):17.1f}"
                  f" {median_ms(lambda s=scope: build_summary(library, s), 5):26.1f}")
        library.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
