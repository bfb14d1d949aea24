"""`kamerlezer undo`, `redo` and `history`: each command is its own process (here its own Library),
so the history lives in the library and undo after a CLI change restores it exactly."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.core.services import Library
from tests.libraries import seeded_copy
from tests.unit.test_history import snapshot


def _state(folder: Path) -> dict:
    with Library.open(folder, search=False) as library:
        return snapshot(library)


def run(folder: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["--library", str(folder), *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    "argv",
    [
        ("annotate", "004_94d7e7617410a711", "--quote", "Oekraïne", "--theme", "Steun aan Oekraïne", "--note", "x"),
        ("themes", "add", "Nieuw", "--parent", "Steun aan Oekraïne"),
        ("themes", "rename", "Steun aan Oekraïne", "Hulp aan Oekraïne"),
        ("themes", "recolor", "Steun aan Oekraïne", "#123456"),
        ("themes", "key", "Steun aan Oekraïne", "9"),
        ("themes", "merge", "Steun aan Oekraïne", "Maritiem en Noordzee"),
        ("themes", "delete", "Maritiem en Noordzee", "--force"),
        ("letter", "set", "004_94d7e7617410a711", "--kamerstuk", "kst-21501-28-270"),
        ("letter", "delete", "002_6da6c7f9d4c292e2"),
        ("refs", "confirm", "{004 footnote 1}", "000_eba5de336aff673f"),
        ("refs", "reject", "{004 footnote 1}", "000_eba5de336aff673f"),
    ],
    ids=lambda argv: "-".join(argv[:2]).replace("_94d7e7617410a711", ""),
)
def test_undo_after_a_cli_change_restores_the_library_exactly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]
) -> None:
    folder = seeded_copy(tmp_path / "lib")
    if argv[0] == "refs":  # the footnote of 004 that cites 000 (kst-28676-472), suggested
        from tests.unit.test_references_service import footnote_ref

        with Library.open(folder, search=False) as library:
            argv = (*argv[:2], str(footnote_ref(library, "004", 1).id), argv[3])
    before = _state(folder)
    code, _, err = run(folder, capsys, *argv)
    assert code == 0, err
    after = _state(folder)
    assert after != before
    code, out, err = run(folder, capsys, "undo")
    assert code == 0, err
    assert out.startswith("Undone: ")
    assert _state(folder) == before
    code, out, err = run(folder, capsys, "redo")
    assert code == 0 and out.startswith("Redone: "), err
    assert _state(folder) == after


def test_history_lists_the_changes_newest_first(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = seeded_copy(tmp_path / "lib")
    code, out, _ = run(folder, capsys, "history")
    assert (code, out.strip()) == (0, "No changes recorded yet.")
    assert run(folder, capsys, "themes", "add", "Eerste")[0] == 0
    assert run(folder, capsys, "themes", "add", "Tweede")[0] == 0
    assert run(folder, capsys, "undo")[0] == 0
    code, out, _ = run(folder, capsys, "history", "--json")
    listed = json.loads(out)
    assert [(c["label"], c["undone"]) for c in listed] == [
        ("Added the theme “Tweede”", True), ("Added the theme “Eerste”", False),
    ]  # fmt: skip
    code, out, _ = run(folder, capsys, "history")
    assert "Added the theme “Tweede”  (undone)" in out.splitlines()[0]
    code, out, err = run(folder, capsys, "redo")
    code, out, err = run(folder, capsys, "redo")
    assert code == 1 and "Nothing to redo" in err


def test_undo_in_a_new_process(tmp_path: Path) -> None:
    folder = seeded_copy(tmp_path / "lib")
    before = _state(folder)
    root = Path(__file__).resolve().parents[2]

    def cli(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "desktop_app", "--library", str(folder), *argv],
            cwd=root, capture_output=True, text=True, timeout=120,
        )  # fmt: skip

    made = cli("themes", "add", "Proces")
    assert made.returncode == 0, made.stderr
    undone = cli("undo")
    assert undone.returncode == 0 and undone.stdout.strip() == "Undone: Added the theme “Proces”", undone.stderr
    assert _state(folder) == before


def test_undo_after_a_cli_import_of_a_new_version_restores_the_library_exactly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.conftest import seed_path

    folder = seeded_copy(tmp_path / "lib")
    assert run(folder, capsys, "annotate", "004_94d7e7617410a711", "--quote", "Oekraïne", "--note", "blijft")[0] == 0
    before = _state(folder)
    newer = tmp_path / "nieuw" / seed_path("004").name
    newer.parent.mkdir()
    newer.write_text("Een herziene versie.\n\n" + seed_path("004").read_text(encoding="utf-8"), encoding="utf-8")
    code, out, err = run(folder, capsys, "import", str(newer.parent), "--json")
    assert code == 0 and len(json.loads(out)["updated"]) == 1, err
    after = _state(folder)
    assert after != before
    code, out, err = run(folder, capsys, "undo")
    assert (code, out.strip()) == (0, "Undone: Re-imported 004_94d7e7617410a711"), err
    assert _state(folder) == before
    code, out, err = run(folder, capsys, "undo")
    assert out.startswith("Undone: Annotated “Oekraïne”")
    code, out, err = run(folder, capsys, "undo")
    assert (code, "Nothing to undo" in err) == (1, True)


def test_history_id_shows_the_rows_before_and_after(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = seeded_copy(tmp_path / "lib")
    assert run(folder, capsys, "themes", "rename", "Steun aan Oekraïne", "Hulp aan Oekraïne")[0] == 0
    (change,) = json.loads(run(folder, capsys, "history", "--json")[1])
    code, out, _ = run(folder, capsys, "history", str(change["id"]))
    assert code == 0
    assert out.splitlines()[0].endswith("Renamed “Steun aan Oekraïne” to “Hulp aan Oekraïne”")
    assert "  ~ themes #" in out and "name: 'Steun aan Oekraïne' -> 'Hulp aan Oekraïne'" in out
    shown = json.loads(run(folder, capsys, "history", str(change["id"]), "--json")[1])
    (row,) = [r for r in shown["rows"] if r["table"] == "themes"]
    assert (row["before"]["name"], row["after"]["name"]) == ("Steun aan Oekraïne", "Hulp aan Oekraïne")
    code, _, err = run(folder, capsys, "history", "999")
    assert code == 1 and "No change with id 999" in err
