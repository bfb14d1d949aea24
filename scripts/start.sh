#!/usr/bin/env bash
# Set up the machine (if needed) and start Kamerlezer on your library (the bundled letters on first start).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/kamerlezer-gui "$@"
