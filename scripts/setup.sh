#!/usr/bin/env bash
# Set up a fresh Debian machine for Kamerlezer: Python 3.11 with venv, the system libraries Qt needs,
# then a virtualenv in .venv with the pinned Python packages. Safe to run again: it installs only what
# is missing, and says what it installs and why.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian package -> why Kamerlezer needs it (printed when it is installed).
APT_PACKAGES=(
  "python3|Python itself (Kamerlezer runs on Python 3.11)"
  "python3-venv|creates .venv (Debian ships Python's ensurepip separately)"
  "libegl1|Qt: OpenGL/EGL"
  "libgl1|Qt: OpenGL"
  "libfontconfig1|Qt: finding fonts"
  "libxkbcommon0|Qt: keyboard layouts"
  "libdbus-1-3|Qt: desktop integration (D-Bus)"
  "libglib2.0-0|Qt: event loop integration"
  "libxcb-cursor0|Qt: X11 window plug-in (xcb)"
  "libxcb-icccm4|Qt: X11 window plug-in (xcb)"
  "libxcb-image0|Qt: X11 window plug-in (xcb)"
  "libxcb-keysyms1|Qt: X11 window plug-in (xcb)"
  "libxcb-render-util0|Qt: X11 window plug-in (xcb)"
  "libxcb-shape0|Qt: X11 window plug-in (xcb)"
  "libxkbcommon-x11-0|Qt: X11 keyboard"
  "xvfb|a virtual screen for the screenshot tests"
  "xauth|a virtual screen for the screenshot tests"
  "fonts-noto-core|fonts with every Dutch letter for the window"
  "poppler-utils|pdftoppm, to look at exported PDFs in tests"
)

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

apt_install() {  # apt_install "pkg|why" ...: install those not yet installed, saying why
  local missing=() entry
  for entry in "$@"; do
    installed "${entry%%|*}" || missing+=("$entry")
  done
  [ ${#missing[@]} -gt 0 ] || return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && sudo="sudo"
  echo "setup: installing system packages (apt-get):"
  for entry in "${missing[@]}"; do
    printf '  %-22s %s\n' "${entry%%|*}" "${entry#*|}"
  done
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    "${missing[@]%%|*}" >/dev/null
}

if command -v dpkg-query >/dev/null 2>&1; then
  apt_install "${APT_PACKAGES[@]}"
fi

PYTHON="${PYTHON:-python3.11}"
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3
if ! command -v "$PYTHON" >/dev/null 2>&1; then
  echo "setup: no Python found: install Python 3.11 (Debian: apt-get install python3 python3-venv)" >&2
  exit 1
fi
version="$("$PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
if [ "$version" != "3.11" ]; then
  echo "setup: Kamerlezer needs Python 3.11, but $(command -v "$PYTHON") is Python $version;" \
    "install python3.11 and python3.11-venv, or run with PYTHON=/path/to/python3.11" >&2
  exit 1
fi
# python3-venv pulls in the venv package of Debian's default Python only: when $PYTHON is another
# interpreter, its own pythonX.Y-venv brings ensurepip.
if [ ! -x .venv/bin/python ] && ! "$PYTHON" -c 'import ensurepip' >/dev/null 2>&1; then
  if command -v dpkg-query >/dev/null 2>&1; then
    apt_install "python$version-venv|creates .venv with $PYTHON (ensurepip for Python $version)"
  else
    echo "setup: $PYTHON cannot create a virtualenv (no ensurepip): install its venv package" >&2
    exit 1
  fi
fi

if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv with $($PYTHON --version)"
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.kamerlezer-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "setup: installing Python packages"
  .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
  # setuptools ends every editable install of this layout (resources/ installed as
  # desktop_app.resources) with an "Editable installation." note telling to beware of folders named
  # like the package: advice, not a problem. Only that note is ignored; other warnings still show.
  PYTHONWARNINGS="ignore:Editable installation.:UserWarning" \
    .venv/bin/python -m pip install -q --disable-pip-version-check -e ".[test]"
  touch "$stamp"
fi
