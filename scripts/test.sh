#!/usr/bin/env bash
# Set up the machine (if needed), check the code (ruff, mypy: pinned in the test extra, configured in
# pyproject.toml) and run the whole test suite headless. pytest's exit code passes through.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
echo "ruff: lint (desktop_app, tests, benchmarks, scripts)"
.venv/bin/ruff check --no-cache desktop_app tests benchmarks scripts
echo "mypy: types (desktop_app)"
.venv/bin/mypy --no-incremental
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest -p no:cacheprovider "$@"
