"""The `kamerlezer` command line: help texts, letters, themes, annotations, import, backups."""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import pytest

from desktop_app.cli import build_parser, main
from desktop_app.core.importing import SUPPORTED_SUFFIXES
from desktop_app.core.services import Library
from tests.conftest import seed_path
from tests.libraries import seeded_copy


def _subparsers(parser: argparse.ArgumentParser, prefix: str = "kamerlezer"):
    for action in parser._actions:  # noqa: SLF001 - argparse keeps no public list
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            helps = {choice.dest: choice.help for choice in action._choices_actions}  # noqa: SLF001
            for name, sub in action.choices.items():
                yield f"{prefix} {name}", helps.get(name), sub
                yield from _subparsers(sub, f"{prefix} {name}")


def test_every_command_and_option_has_help_text() -> None:
    missing = []
    for name, help_text, sub in _subparsers(build_parser()):
        if not help_text:
            missing.append(name)
        for action in sub._actions:  # noqa: SLF001
            if isinstance(action, argparse._SubParsersAction | argparse._HelpAction):  # noqa: SLF001
                continue
            if not action.help:
                missing.append(f"{name} {'/'.join(action.option_strings) or action.dest}")
    assert not missing, f"commands or options without help text: {missing}"


def test_every_command_and_subcommand_has_a_description_in_its_own_help() -> None:
    """`kamerlezer X --help` starts with what X does, for every command and sub-command."""
    commands = list(_subparsers(build_parser()))
    missing = [name for name, _help, sub in commands if not (sub.description or "").strip()]
    assert not missing, f"commands whose --help has no description: {missing}"
    helps = {name: " ".join(sub.format_help().split()) for name, _help, sub in commands}
    assert "Start the Kamerlezer window" in helps["kamerlezer gui"]
    assert "Change one letter" in helps["kamerlezer letter"]
    assert "Change one annotation" in helps["kamerlezer annotation"]
    assert "Rename a theme." in helps["kamerlezer themes rename"]  # from its one-line help


def test_a_command_registers_only_its_own_module_and_the_map_matches_the_modules() -> None:
    """``kamerlezer search ...`` builds a parser with the search module only (start-up imports what the
    command needs); every command of the full parser is in COMMANDS under the module that registers it."""
    import importlib

    from desktop_app.cli import COMMANDS, _command_modules

    for module, names in COMMANDS.items():
        parser = argparse.ArgumentParser()
        sub = parser.add_subparsers()
        importlib.import_module(f"desktop_app.cli.{module}").register(sub)
        assert set(sub.choices) == set(names), module
    full = {name.split()[1] for name, _help, _sub in _subparsers(build_parser()) if len(name.split()) == 2}
    assert full == {n for names in COMMANDS.values() for n in names} | {"gui"}
    assert _command_modules(["--library", "search", "search", "navo"]) == ["search"]
    assert _command_modules(["--library=x", "themes", "list"]) == ["themes"]
    assert _command_modules(["gui"]) == []
    assert _command_modules(["--help"]) == list(COMMANDS)
    assert _command_modules(["serch", "navo"]) == list(COMMANDS)  # a typo: argparse lists every command
    only = build_parser(["search", "navo"])
    assert {name.split()[1] for name, _h, _s in _subparsers(only) if len(name.split()) == 2} == {"search", "reindex", "gui"}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return seeded_copy(tmp_path / "lib")


def run(folder: Path, capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["--library", str(folder), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def run_json(folder: Path, capsys, *argv: str):
    code, out, err = run(folder, capsys, *argv, "--json")
    assert code == 0, err
    return json.loads(out)


def test_list_and_show(folder: Path, capsys) -> None:
    letters = run_json(folder, capsys, "list")
    assert {x["name"] for x in letters} >= {"000_eba5de336aff673f", "004_94d7e7617410a711"}
    shown = run_json(folder, capsys, "show", "003_d09603eee462fd1e")
    for key in ("id", "source_file", "subject", "date", "chamber", "signatory", "kind", "kamerstuk", "pages", "text"):
        assert key in shown
    assert shown["date"] == "2024-10-03"
    assert [f["number"] for f in shown["footnotes"]] == [1, 2]
    start, end = shown["footnotes"][0]["marker"]
    assert shown["text"][start:end] == "¹"
    assert "(NDPP)¹." in shown["text"]
    by_id = run_json(folder, capsys, "show", str(shown["id"]))
    assert by_id["name"] == "003_d09603eee462fd1e"
    code, out, err = run(folder, capsys, "show", "999_missing")
    assert code == 1 and "999_missing" in err and "Traceback" not in err


def test_letter_set_kamerstuk(folder: Path, capsys) -> None:
    shown = run_json(folder, capsys, "letter", "set", "000_eba5de336aff673f", "--kamerstuk", "kst-28676-472")
    assert shown["kamerstuk"] == "kst-28676-472" and shown["kamerstuk_source"] == "user"
    code, _, err = run(folder, capsys, "letter", "set", "000_eba5de336aff673f", "--kamerstuk", "onzin")
    assert code == 1 and "Kamerstuk" in err


def test_themes_commands(folder: Path, capsys) -> None:
    added = run_json(folder, capsys, "themes", "add", "IAMD", "--color", "#123456", "--parent", "Lucht- en raketverdediging")
    assert added["path"] == "Lucht- en raketverdediging/IAMD"
    assert run_json(folder, capsys, "themes", "rename", "IAMD", "SBAMD")["name"] == "SBAMD"
    assert run_json(folder, capsys, "themes", "recolor", "SBAMD", "#abcdef")["color"] == "#abcdef"
    moved = run_json(folder, capsys, "themes", "move", "SBAMD", "--parent", "Capaciteitsdoelstellingen", "--position", "0")
    assert moved["path"] == "Capaciteitsdoelstellingen/SBAMD" and moved["position"] == 0
    listed = run_json(folder, capsys, "themes", "list")
    assert [t["path"] for t in listed][:2] == ["Capaciteitsdoelstellingen", "Capaciteitsdoelstellingen/SBAMD"]
    assert run_json(folder, capsys, "themes") == listed
    merged = run_json(folder, capsys, "themes", "merge", "SBAMD", "Lucht- en raketverdediging")
    assert merged["moved"] == 0
    code, _, err = run(folder, capsys, "themes", "add", "x", "--color", "rood")
    assert code == 1 and "colour" in err
    code, out, _ = run(folder, capsys, "themes")
    assert code == 0 and "  NDPP" in out


def test_annotate_and_list_and_theme_delete(folder: Path, capsys) -> None:
    made = run_json(
        folder, capsys, "annotate", "000_eba5de336aff673f", "--quote", "Minimum Capability Requirements",
        "--theme", "CT25", "--theme", "Capaciteitsdoelstellingen/NDPP", "--note", "MCR",
    )  # fmt: skip
    assert made["quote"] == "Minimum Capability Requirements"
    assert made["themes"] == ["Capaciteitsdoelstellingen/NDPP", "Capaciteitsdoelstellingen/CT25"]
    text = run_json(folder, capsys, "show", "000_eba5de336aff673f")["text"]
    start = text.index("Political Guidance")
    second = run_json(folder, capsys, "annotate", "1", "--start", str(start), "--end", str(start + 18), "--theme", "NAVO-top")
    assert second["quote"] == "Political Guidance"
    assert [a["id"] for a in run_json(folder, capsys, "annotations", "000_eba5de336aff673f")] == sorted(
        [made["id"], second["id"]], key=lambda i: (made if i == made["id"] else second)["start"]
    )
    assert [a["id"] for a in run_json(folder, capsys, "annotations", "--theme", "Capaciteitsdoelstellingen")] == [made["id"]]
    code, _, err = run(folder, capsys, "themes", "delete", "NAVO-top")
    assert code == 1 and "1 annotation" in err
    assert run_json(folder, capsys, "themes", "delete", "NAVO-top", "--force")["annotations_affected"] == 1
    kept = {a["id"]: a for a in run_json(folder, capsys, "annotations", "1")}
    assert set(kept) == {made["id"], second["id"]} and kept[second["id"]]["theme_ids"] == []
    code, _, err = run(folder, capsys, "annotate", "1", "--quote", "bestaat niet in de brief")
    assert code == 1 and "does not occur" in err


def test_import_reports_failures_per_file_and_exit_code(folder: Path, tmp_path: Path, capsys) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "leeg.txt").write_bytes(b"")
    shutil.copy(seed_path("002"), src / "zelfde.txt")
    (src / "nieuw.txt").write_text("Geachte voorzitter,\n\nEen korte nieuwe brief over de Noordzee.\n", encoding="utf-8")
    code, out, err = run(folder, capsys, "import", str(src))
    assert code == 1
    assert "leeg.txt" in err and "empty" in err
    assert "1 imported, 0 updated, 1 skipped (already in the library), 1 failed" in out
    code, out, err = run(folder, capsys, "import", str(src / "nieuw.txt"), "--json")
    assert code == 0 and json.loads(out)["skipped"][0]["path"].endswith("nieuw.txt")


@pytest.mark.parametrize("content", [{}, {"brief.html": "<p>Geachte voorzitter</p>", "notitie.odt": "PK"}])
def test_import_of_a_folder_without_letters_says_so_and_fails(
    folder: Path, tmp_path: Path, capsys, content: dict[str, str]
) -> None:
    src = tmp_path / "map"
    (src / "sub").mkdir(parents=True)
    for name, text in content.items():
        (src / "sub" / name).write_text(text, encoding="utf-8")
    before = run_json(folder, capsys, "list")
    code, out, err = run(folder, capsys, "import", str(src))
    assert code == 1
    assert f"no letters found ({', '.join(SUPPORTED_SUFFIXES)}) in {src}" in err
    assert run_json(folder, capsys, "list") == before
    # Beside a folder with letters, the empty one still fails the run, and the letters are imported.
    shutil.copy(seed_path("002"), tmp_path / "brief.txt")
    code, out, err = run(folder, capsys, "import", str(src), str(tmp_path / "brief.txt"), "--json")
    report = json.loads(out)
    assert code == 1 and report["failed"] == [{"path": str(src), "problem": f"no letters found ({', '.join(SUPPORTED_SUFFIXES)})"}]
    assert [s["path"] for s in report["skipped"]] == [str(tmp_path / "brief.txt")]


def test_import_of_a_missing_path_says_not_found(folder: Path, tmp_path: Path, capsys) -> None:
    for missing in (tmp_path / "brieven", tmp_path / "brief.txt", tmp_path / "brief.html"):
        code, out, err = run(folder, capsys, "import", str(missing))
        assert code == 1 and f"kamerlezer: {missing}: " in err and "not found" in err, err
        assert "unsupported" not in err


def test_words_for_one_and_many(folder: Path, tmp_path: Path, capsys) -> None:
    code, out, _ = run(folder, capsys, "list")
    lines = out.splitlines()
    assert lines[0].split() == ["ID", "NAME", "DATE", "CHAMBER", "KAMERSTUK", "ANN.", "TITLE"]
    rows = [line for line in lines[1:] if not line.startswith("(")]  # a closing note may explain a mark
    assert len(rows) == len(run_json(folder, capsys, "list"))
    name_column = lines[0].index("NAME")
    assert all(line[name_column - 2 : name_column] == "  " for line in rows)  # the columns line up
    hits = run_json(folder, capsys, "search", "luchtverdediging")
    assert hits["total"] == 1
    code, _, err = run(folder, capsys, "search", "luchtverdediging")
    assert code == 0 and "1 letter found (" in err
    assert run(folder, capsys, "annotate", "003_d09603eee462fd1e", "--quote", "luchtverdediging")[0] == 0
    code, out, _ = run(folder, capsys, "export", "--letter", "003_d09603eee462fd1e", "-o", str(tmp_path / "a.md"))
    assert code == 0 and f"Exported 1 passage to {tmp_path / 'a.md'}." in out
    code, out, _ = run(folder, capsys, "refs", "001_999221068a1a2138")
    assert code == 0 and "cited by 0" not in out and "cited by no letter in the library" in out


def test_backups_and_restore(folder: Path, capsys) -> None:
    assert run_json(folder, capsys, "backups") == []
    run_json(folder, capsys, "list")  # reading changes nothing: no backup
    assert run_json(folder, capsys, "backups") == []
    run_json(folder, capsys, "themes", "add", "Eerste wijziging")  # closing after a change backs up
    backups = run_json(folder, capsys, "backups")
    assert len(backups) == 1
    backup = backups[0]
    run_json(folder, capsys, "themes", "add", "Tweede wijziging")
    assert len(run_json(folder, capsys, "backups")) == 2
    restored = run_json(folder, capsys, "restore", backup["name"])
    assert restored["restored"] == backup["name"]
    names = [t["name"] for t in run_json(folder, capsys, "themes")]
    assert "Eerste wijziging" in names and "Tweede wijziging" not in names
    code, _, err = run(folder, capsys, "restore", "bestaat-niet")
    assert code == 1 and "No backup named" in err


def test_locked_library_gives_a_clear_message_to_writers_only(folder: Path, capsys) -> None:
    with Library.open(folder):
        code, _, err = run(folder, capsys, "themes", "add", "Tijdens de app")
        assert code == 1 and str(folder) in err and "already open" in err and "--wait" in err
        code, out, _ = run(folder, capsys, "list")  # readers read beside the writer
        assert code == 0 and out


def test_import_encrypted_pdf_needs_the_password(folder: Path, tmp_path: Path, capsys) -> None:
    from tests import pdfgen

    plain = pdfgen.text_pdf(tmp_path / "plain.pdf", ["Geachte voorzitter,", "", "Een geheime brief over de Noordzee."])
    secret = pdfgen.encrypted_pdf(plain, tmp_path / "geheim.pdf", "kamer123")
    code, out, err = run(folder, capsys, "import", str(secret))
    assert code == 1 and "geheim.pdf" in err and "Traceback" not in err
    code, out, err = run(folder, capsys, "import", str(secret), "--password", "kamer123")
    assert code == 0, err
    assert "1 imported" in out
    assert "geheime brief" in run_json(folder, capsys, "show", "geheim")["text"]


def test_entry_point_exit_codes_and_no_tracebacks(folder: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    bad = tmp_path / "kapot.pdf"
    bad.write_bytes(b"%PDF-1.4\n1 0 obj <<")
    root = Path(__file__).resolve().parents[2]

    def cli(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "desktop_app", "--library", str(folder), *argv],
            cwd=root, capture_output=True, text=True, timeout=120,
        )  # fmt: skip

    result = cli("import", str(bad), str(seed_path("001")))
    assert result.returncode == 1 and "kapot.pdf" in result.stderr and "Traceback" not in result.stderr
    assert "0 imported, 0 updated, 1 skipped (already in the library), 1 failed" in result.stdout
    result = cli("annotations", "--theme", "Bestaat Niet")
    assert result.returncode == 1 and "Bestaat Niet" in result.stderr and "Traceback" not in result.stderr
    assert cli("list").returncode == 0
