"""The standalone PyInstaller bundle: builds it with scripts/build_bundle.sh and checks what it holds.

Slow (a few minutes on two cores) and skipped unless KAMERLEZER_TEST_BUNDLE=1.
build_bundle.sh itself runs the bundled executable (--version, a seeded library, search, a PDF
export, the GUI's --smoke) and fails on any of them.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "dist" / "kamerlezer"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.environ.get("KAMERLEZER_TEST_BUNDLE") != "1", reason="set KAMERLEZER_TEST_BUNDLE=1"),
    pytest.mark.timeout(1800),
]


@pytest.fixture(scope="module")
def bundle() -> Path:
    proc = subprocess.run(
        ["bash", str(ROOT / "scripts" / "build_bundle.sh")],
        cwd=ROOT, capture_output=True, text=True, timeout=1700, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert proc.returncode == 0, f"build_bundle.sh failed:\n{proc.stdout[-4000:]}\n{proc.stderr[-4000:]}"
    assert "letters: 5" in proc.stdout
    return BUNDLE


def _internal(bundle: Path) -> Path:
    return bundle / "_internal"


def test_bundle_holds_the_resources_where_paths_looks(bundle: Path) -> None:
    resources = _internal(bundle) / "desktop_app" / "resources"
    shipped = sorted(p.name for p in (resources / "letters").glob("*.txt"))
    assert shipped == sorted(p.name for p in (ROOT / "resources" / "letters").glob("*.txt"))
    assert (resources / "themes.json").is_file()
    assert {p.name for p in (ROOT / "resources" / "fonts").iterdir()} <= {p.name for p in (resources / "fonts").iterdir()}


def test_bundle_carries_the_interface_translations(bundle: Path) -> None:
    """Where desktop_app.gui.i18n looks (issue 14.8); build_bundle.sh's `gui --smoke --language nl`
    loads the Dutch one (a missing .qm stops the start with its path)."""
    i18n = _internal(bundle) / "desktop_app" / "gui" / "i18n"
    assert {p.name for p in i18n.glob("*.qm")} == {"kamerlezer_nl.qm", "kamerlezer_en.qm"}
    assert not list(i18n.glob("*.ts"))  # the sources stay in the repository


def test_bundle_carries_the_licence_and_the_notice_beside_the_executable(bundle: Path) -> None:
    for name in ("LICENSE", "NOTICE"):
        assert (bundle / name).read_bytes() == (ROOT / name).read_bytes()
    assert (_internal(bundle) / "desktop_app" / "resources" / "fonts" / "OFL.txt").is_file()


def test_bundle_keeps_the_needed_qt_plugins_and_drops_the_rest(bundle: Path) -> None:
    qt = _internal(bundle) / "PySide6" / "Qt"
    platforms = {p.name for p in (qt / "plugins" / "platforms").iterdir()}
    assert {"libqoffscreen.so", "libqxcb.so"} <= platforms
    assert not platforms & {"libqwayland.so", "libqeglfs.so", "libqvnc.so", "libqlinuxfb.so"}
    plugin_types = {p.name for p in (qt / "plugins").iterdir()}
    assert not plugin_types & {"sqldrivers", "qmltooling", "generic", "egldeviceintegrations", "tls"}
    libraries = {p.name for p in _internal(bundle).rglob("libQt6*")}
    assert not [n for n in libraries if n.startswith(("libQt6Quick", "libQt6Qml", "libQt6WebEngine", "libQt63D"))]
    translations = {p.name for p in (qt / "translations").iterdir()}
    assert translations and all(n.endswith(("_nl.qm", "_en.qm")) for n in translations)


def test_bundle_runs_from_anywhere(bundle: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "KAMERLEZER"))}
    env["QT_QPA_PLATFORM"] = "offscreen"
    proc = subprocess.run(
        [str(bundle / "kamerlezer"), "--version"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("kamerlezer ")
