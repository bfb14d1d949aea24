"""The core never imports Qt: it must run headless, in the CLI, and in tests without a display."""

from __future__ import annotations

import subprocess
import sys


def test_core_imports_without_pyside6() -> None:
    code = (
        "import sys, pkgutil, importlib, desktop_app.core as core\n"
        "for m in pkgutil.walk_packages(core.__path__, 'desktop_app.core.'):\n"
        "    importlib.import_module(m.name)\n"
        "import desktop_app.cli, desktop_app.render\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
