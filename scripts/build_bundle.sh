#!/usr/bin/env bash
# Build the standalone bundle dist/kamerlezer/ (PyInstaller onedir, see build.spec), then check it:
# --version, a fresh library seeded with the bundled letters, search, a PDF export, and the GUI's
# --smoke run (offscreen). Prints the build time and the bundle's size. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

bash scripts/setup.sh
PY=.venv/bin/python
# The pin lives in pyproject.toml's `build` extra: install exactly that.
PYINSTALLER_REQ="$($PY -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["optional-dependencies"]["build"][0])')"
$PY -m pip install -q --disable-pip-version-check "$PYINSTALLER_REQ"

# PyInstaller lines known to be harmless here, left out of its output (every other line shows):
# its start-up banner (INFO lines printed before --log-level applies); Windows system libraries that
# modules look up through ctypes only when they run on Windows; and GTK 3, which only Qt's gtk3
# platform-theme plug-in needs, a plug-in build.spec leaves out of the bundle.
WINDOWS_DLLS='kernel32|user32|shell32|ole32|oleaut32|advapi32|gdi32|comctl32|comdlg32|ntdll|msvcrt|ws2_32|crypt32|bcrypt'
KNOWN_HARMLESS="^[0-9]+ INFO: (PyInstaller|Python|Platform|Python environment): "
KNOWN_HARMLESS+="|^[0-9]+ WARNING: Library ($WINDOWS_DLLS) required via ctypes not found\$"
KNOWN_HARMLESS+="|^[0-9]+ WARNING: Library not found: could not resolve 'lib(gtk|gdk)-3\.so\.0', dependency of '[^']*/plugins/platformthemes/libqgtk3\.so'\.\$"
without_known_harmless() { grep -Ev "$KNOWN_HARMLESS" || true; }

start=$(date +%s)
{ $PY -m PyInstaller --noconfirm --clean --log-level WARN build.spec 2>&1 >&3 | without_known_harmless >&2; } 3>&1
build_seconds=$(( $(date +%s) - start ))

BIN="$ROOT/dist/kamerlezer/kamerlezer"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
export QT_QPA_PLATFORM=offscreen
unset KAMERLEZER_LIBRARY
cd "$TMP"  # far from the checkout: the bundle must not lean on the repository's files

echo "== $BIN --version"
"$BIN" --version

echo "== list --json on a new library (seeds the bundled letters)"
"$BIN" --library "$TMP/library" list --json > "$TMP/list.json"
count=$("$ROOT/$PY" -c 'import json, sys; print(len(json.load(open(sys.argv[1]))))' "$TMP/list.json")
echo "letters: $count"
[ "$count" -eq 5 ] || { echo "build_bundle: expected the 5 bundled letters, got $count" >&2; exit 1; }

echo "== search (Whoosh), an annotation and a PDF export (reportlab, bundled fonts)"
"$BIN" --library "$TMP/library" search NAVO --json > /dev/null
first=$("$ROOT/$PY" -c 'import json, sys; print(json.load(open(sys.argv[1]))[0]["name"])' "$TMP/list.json")
"$BIN" --library "$TMP/library" annotate "$first" --start 0 --end 60 --note "bundle check" > /dev/null
"$BIN" --library "$TMP/library" export --format pdf -o "$TMP/summary.pdf"
head -c 5 "$TMP/summary.pdf" | grep -q '%PDF-' || { echo "build_bundle: the export is not a PDF" >&2; exit 1; }

echo "== an AES-256 encrypted PDF with --password (pypdf + cryptography)"
"$ROOT/$PY" - "$ROOT" "$TMP" <<'PY'
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from tests import pdfgen  # noqa: E402
from tests.conftest import seed_path  # noqa: E402
plain = pdfgen.seed_pdf(seed_path("003"), Path(sys.argv[2]))
pdfgen.encrypted_pdf(plain, Path(sys.argv[2]) / "geheim.pdf", "bundel")
PY
"$BIN" --library "$TMP/library" import --password bundel "$TMP/geheim.pdf"

echo "== gui --smoke (offscreen), in Dutch and in English"
"$BIN" --library "$TMP/library" gui --smoke --language nl
"$BIN" --library "$TMP/library" gui --smoke --language en

echo "== bundle"
echo "build time: ${build_seconds}s"
du -sh "$ROOT/dist/kamerlezer"
