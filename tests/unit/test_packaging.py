"""The wheel carries the bundled resources inside the package, and an installed copy finds them.

The wheel is built from a copy of the sources in a temporary folder (so the build leaves no
``build/`` or ``*.egg-info`` behind in the checkout), installed with ``pip --target`` and imported
from a working directory outside the checkout, so nothing can fall back on the repository's
top-level ``resources/``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ("pyproject.toml", "README.md", "LICENSE", "NOTICE", "desktop_app", "resources")


def _copy_sources(dest: Path) -> Path:
    dest.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in SOURCES:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=ignore)
        else:
            shutil.copy2(src, dest / name)
    return dest


def _pip(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "pip", "--disable-pip-version-check", *args]
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=240)
    assert proc.returncode == 0, f"{' '.join(cmd)} failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    return proc


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the wheel once for this module (setuptools in pip's isolated build environment)."""
    work = tmp_path_factory.mktemp("wheel")
    src = _copy_sources(work / "src")
    out = work / "dist"
    _pip("wheel", "--no-deps", "--quiet", "-w", str(out), str(src), cwd=work)
    (built,) = out.glob("kamerlezer-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("target")
    _pip("install", "--no-deps", "--no-index", "--quiet", "--target", str(target), str(wheel), cwd=target)
    return target


def _wheel_names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as zf:
        return set(zf.namelist())


def _relative_files(folder: Path, pattern: str = "*") -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob(pattern) if p.is_file()}


def test_wheel_contains_the_bundled_letters_themes_and_fonts(wheel: Path) -> None:
    names = _wheel_names(wheel)
    letters = sorted((ROOT / "resources" / "letters").glob("*.txt"))
    assert len(letters) == 5, "the checkout should bundle exactly five letters"
    for letter in letters:
        assert f"desktop_app/resources/letters/{letter.name}" in names
    assert "desktop_app/resources/themes.json" in names
    # Every file under resources/ (fonts, their licence, ...) travels, at the same relative place.
    expected = {f"desktop_app/resources/{rel}" for rel in _relative_files(ROOT / "resources")}
    assert expected - names == set()
    # Resources are inside the package, never a top-level 'resources' package beside it.
    assert not any(n.startswith("resources/") for n in names)


def test_wheel_contains_every_module_of_the_source_tree(wheel: Path) -> None:
    """Guards the explicit ``packages`` list in pyproject.toml: a new sub-package must be added there."""
    names = _wheel_names(wheel)
    modules = {f"desktop_app/{rel}" for rel in _relative_files(ROOT / "desktop_app", "*.py")}
    missing = sorted(modules - names)
    assert not missing, (
        "the wheel leaves out these modules; add their packages to [tool.setuptools] packages "
        f"in pyproject.toml: {missing}"
    )


def test_wheel_carries_the_licence_and_the_notice(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as zf:
        for name in ("LICENSE", "NOTICE"):
            (member,) = [n for n in zf.namelist() if n.endswith(f".dist-info/licenses/{name}")]
            assert zf.read(member) == (ROOT / name).read_bytes()
        (metadata,) = [n for n in zf.namelist() if n.endswith(".dist-info/METADATA")]
        assert "License-Expression: EUPL-1.2" in zf.read(metadata).decode()
    assert "EUROPEAN UNION PUBLIC LICENCE v. 1.2" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    notice = (ROOT / "NOTICE").read_text(encoding="utf-8")
    fonts = sorted(p.name for p in (ROOT / "resources" / "fonts").glob("*.ttf"))
    assert fonts and all(font in notice for font in fonts), "NOTICE must name every bundled font"
    assert "OFL.txt" in notice and (ROOT / "resources" / "fonts" / "OFL.txt").is_file()


def test_wheel_declares_both_entry_points(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as zf:
        (entry_points,) = [n for n in zf.namelist() if n.endswith(".dist-info/entry_points.txt")]
        text = zf.read(entry_points).decode()
    assert "kamerlezer = desktop_app.cli:main" in text
    assert "kamerlezer-gui = desktop_app.app:main" in text


def _run_installed(target: Path, code: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(target)
    env["PYTHONSAFEPATH"] = "1"  # do not put the working directory on sys.path
    return subprocess.run(
        [sys.executable, "-c", code], cwd=cwd, env=env, capture_output=True, text=True, timeout=60
    )


def test_installed_wheel_finds_its_own_resources(installed: Path, tmp_path: Path) -> None:
    code = (
        "import json, desktop_app, desktop_app.paths as p; "
        "print(json.dumps({'package': desktop_app.__file__, 'resources': str(p.resources_dir()), "
        "'letters': sorted(x.name for x in p.bundled_letters_dir().glob('*.txt')), "
        "'themes': str(p.starter_themes_file()), 'themes_ok': p.starter_themes_file().is_file()}))"
    )
    proc = _run_installed(installed, code, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    found = json.loads(proc.stdout)
    target = installed.resolve()
    # The copy installed from the wheel is the one imported (not the checkout's editable install) ...
    assert Path(found["package"]).resolve().is_relative_to(target)
    # ... and it finds the resources installed inside it, not the checkout's top-level resources/.
    assert Path(found["resources"]).resolve() == target / "desktop_app" / "resources"
    assert found["letters"] == sorted(p.name for p in (ROOT / "resources" / "letters").glob("*.txt"))
    assert found["themes_ok"]
    shipped = json.loads((target / "desktop_app" / "resources" / "themes.json").read_text("utf-8"))
    assert shipped == json.loads((ROOT / "resources" / "themes.json").read_text("utf-8"))


def test_installed_wheel_runs_the_cli(installed: Path, tmp_path: Path) -> None:
    code = "import sys; from desktop_app.cli import main; sys.exit(main(['--version']))"
    proc = _run_installed(installed, code, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("kamerlezer ")


def test_installed_wheel_carries_the_interface_translations(installed: Path, tmp_path: Path) -> None:
    """The compiled Dutch translation (and the English plural forms) are package data: the installed
    copy loads them and translates a menu and a plural (issue 14.8)."""
    code = (
        "import json; from PySide6.QtCore import QCoreApplication, QTranslator; "
        "from desktop_app.gui import i18n; app = QCoreApplication([]); "
        "restore = i18n.install('nl', app); "
        "print(json.dumps({'qm': str(i18n.qm_file('nl')), "
        "'menu': QCoreApplication.translate('MainWindow', '&File'), "
        "'letters': QCoreApplication.translate('MainWindow', '%n letter(s)', '', 3)}))"
    )
    proc = _run_installed(installed, code, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    found = json.loads(proc.stdout)
    target = installed.resolve()
    assert Path(found["qm"]).resolve() == target / "desktop_app" / "gui" / "i18n" / "kamerlezer_nl.qm"
    assert (target / "desktop_app" / "gui" / "i18n" / "kamerlezer_en.qm").is_file()
    assert (found["menu"], found["letters"]) == ("&Bestand", "3 brieven")
