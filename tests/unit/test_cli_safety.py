"""The command line against hostile or careless use: which letter a value means, where an export may
be written, what a terminal is shown, and passwords that stay out of ``ps``."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from desktop_app.core.errors import InvalidInput
from desktop_app.core.services import Library
from tests.unit.test_cli import folder, run, run_json  # noqa: F401 - folder is a fixture

# ---------------------------------------------------------------- ids and names


def test_leading_zeros_and_name_prefixes_are_names_plain_numbers_and_hash_are_ids(folder: Path, capsys) -> None:
    letters = {x["name"]: x["id"] for x in run_json(folder, capsys, "list")}
    by_id = {i: name for name, i in letters.items()}
    assert letters["003_d09603eee462fd1e"] != 3  # else "003" and "3" could not be told apart by the answer
    for value in ("003", "003_d09", "003_D09603", "003_d09603eee462fd1e", "003_d09603eee462fd1e.pdf"):
        assert run_json(folder, capsys, "show", value)["name"] == "003_d09603eee462fd1e", value
    assert run_json(folder, capsys, "show", "3")["name"] == by_id[3]
    assert run_json(folder, capsys, "show", "#3")["name"] == by_id[3]
    text = run_json(folder, capsys, "show", "001")["text"]
    quote = " ".join(text.split()[:3])
    made = run_json(folder, capsys, "annotate", "001", "--quote", quote)
    assert made["letter"] == "001_999221068a1a2138"
    code, _, err = run(folder, capsys, "show", "00")
    assert code == 1
    assert all(name in err for name in letters), err  # the candidates are listed
    code, _, err = run(folder, capsys, "show", "#999")
    assert code == 1 and "999" in err
    code, _, err = run(folder, capsys, "show", "009")
    assert code == 1 and "009" in err


def test_refs_and_export_take_names_with_leading_zeros(folder: Path, tmp_path: Path, capsys) -> None:
    data = run_json(folder, capsys, "refs", "003")
    assert data["letter"]["name"] == "003_d09603eee462fd1e"
    code, _, err = run(folder, capsys, "annotate", "003", "--quote", "NAVO", "--theme", "Steun aan Oekraine")
    assert code == 0, err
    out = tmp_path / "uit.md"
    code, stdout, err = run(folder, capsys, "export", "--language", "en", "--letter", "003", "-o", str(out))
    assert code == 0, err
    assert "1 passages" in stdout or "1 passage" in stdout


def test_theme_names_match_without_accents_and_ambiguity_names_the_candidates(folder: Path) -> None:
    with Library.open(folder) as library:
        wanted = library.get_theme("Steun aan Oekraïne")
        assert library.get_theme("steun aan oekraine").id == wanted.id
        assert library.get_theme(f"#{wanted.id}").id == wanted.id
        other = library.add_theme("Oekraïne", parent="NAVO-top")
        mine = library.add_theme("Oekraine", parent="Capaciteitsdoelstellingen")
        assert library.get_theme("Oekraïne").id == other.id  # an exact spelling wins
        assert library.get_theme("Oekraine").id == mine.id
        library.add_theme("Oekraïne", parent="Capaciteitsdoelstellingen/NDPP")
        with pytest.raises(InvalidInput) as raised:
            library.get_theme("OEKRAÏNE")
        assert "NAVO-top/Oekraïne" in raised.value.message and "NDPP/Oekraïne" in raised.value.message


# ---------------------------------------------------------------- export output paths


def _annotated(folder: Path, capsys, note: str = "MCR") -> None:
    code, _, err = run(folder, capsys, "annotate", "000_eba5de336aff673f", "--quote", "Minimum Capability Requirements",
                       "--theme", "CT25", "--note", note)  # fmt: skip
    assert code == 0, err


def test_export_writes_through_a_symbolic_link_and_keeps_it(folder: Path, tmp_path: Path, capsys) -> None:
    _annotated(folder, capsys)
    real = tmp_path / "echt.md"
    real.write_text("oud", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    code, _, err = run(folder, capsys, "export", "--language", "en", "-o", str(link))
    assert code == 0, err
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert "Minimum Capability Requirements" in real.read_text(encoding="utf-8")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


@pytest.mark.parametrize("kind", ["fifo", "/dev/full", "/dev/stdout", "link to /dev/null"])
def test_export_refuses_what_is_not_a_regular_file(folder: Path, tmp_path: Path, capsys, kind: str) -> None:
    import os
    import stat

    _annotated(folder, capsys)
    if kind == "fifo":
        target = tmp_path / "pijp.md"
        os.mkfifo(target)
    elif kind.startswith("link"):
        target = tmp_path / "naar-null.md"
        target.symlink_to("/dev/null")
    else:
        target = Path(kind)
    before = os.lstat(target)
    code, out, err = run(folder, capsys, "export", "--language", "en", "--format", "md", "-o", str(target))
    assert code == 1 and "is not a regular file" in err and str(target) in err, err
    after = os.lstat(target)
    assert (after.st_ino, stat.S_IFMT(after.st_mode)) == (before.st_ino, stat.S_IFMT(before.st_mode))
    assert "Minimum Capability" not in out


@pytest.mark.parametrize("argv", [["-o", "samenvatting.odt"], ["-o", "samenvatting.txt"],
                                  ["-o", "samenvatting.csv", "--format", "pdf"], ["-o", "x.pdf", "--format", "md"]])
def test_export_refuses_a_name_that_says_another_format(folder: Path, tmp_path: Path, capsys, argv: list[str]) -> None:
    _annotated(folder, capsys)
    argv = [str(tmp_path / a) if a.startswith(("samenvatting", "x.")) else a for a in argv]
    code, _, err = run(folder, capsys, "export", "--language", "en", *argv)
    assert code == 1 and argv[1] in err, err  # names the file
    if "--format" in argv:  # says which extension the chosen format takes
        assert f"use .{argv[-1]}" in err, err
    else:  # lists the formats it writes
        assert all(ext in err for ext in ("pdf (.pdf)", "docx (.docx)", "md (.md", "csv (.csv)")), err
    assert list(tmp_path.glob("samenvatting*")) == [] and list(tmp_path.glob("x.*")) == []


def test_csv_cells_starting_with_a_tab_or_carriage_return_are_guarded(folder: Path, tmp_path: Path, capsys) -> None:
    import csv

    from desktop_app.render.csv_table import DELIMITER, ENCODING, FORMULA_GUARD

    notes = ["\t=HYPERLINK(\"http://x\")", "\r=cmd|' /C calc'!A0", "=1+1", "@SUM(A1)", "gewoon"]
    for note in notes:
        _annotated(folder, capsys, note)
    out = tmp_path / "uit.csv"
    code, _, err = run(folder, capsys, "export", "--language", "en", "-o", str(out))
    assert code == 0, err
    with out.open(encoding=ENCODING, newline="") as handle:
        cells = [row["note"] for row in csv.DictReader(handle, delimiter=DELIMITER)]
    assert sorted(cells) == sorted(FORMULA_GUARD + n if n != "gewoon" else n for n in notes)


# ---------------------------------------------------------------- terminal escapes

HOSTILE = "\x1b]0;pwned\x07\x1b[2J\x9b31m rood \u202eevil\u202c \u2066iso\u2069 \x08\x7f"
UNSAFE = ("\x1b", "\x07", "\x9b", "\u202e", "\u202c", "\u2066", "\u2069", "\x08", "\x7f")


def test_terminal_escapes_and_bidi_overrides_are_shown_not_obeyed(
    folder: Path, tmp_path: Path, capsys, seed_files: list[Path]
) -> None:
    letter = tmp_path / "brief.txt"
    text = next(p for p in seed_files if p.name.startswith("003")).read_text(encoding="utf-8")
    assert "Geachte voorzitter," in text
    letter.write_text(text.replace("Geachte voorzitter,", f"Geachte voorzitter,\n\nTekst {HOSTILE} einde.\n", 1),
                      encoding="utf-8")
    code, out, err = run(folder, capsys, "import", str(letter))
    assert code == 0, err
    code, out, err = run(folder, capsys, "themes", "add", f"Thema {HOSTILE.replace('/', '')}")
    assert code == 0, err
    theme = [t for t in run_json(folder, capsys, "themes", "list") if t["name"].startswith("Thema")][0]
    code, _, err = run(folder, capsys, "annotate", "brief", "--quote", "einde", "--theme", f"#{theme['id']}",
                       "--note", f"Notitie {HOSTILE}")  # fmt: skip
    assert code == 0, err
    shown = []
    for argv in (["show", "brief"], ["annotations", "brief"], ["themes", "list"], ["search", "einde"],
                 ["show", f"Notitie {HOSTILE}"]):
        code, out, err = run(folder, capsys, *argv)
        shown.append(out + err)
        for ch in UNSAFE:
            assert ch not in out and ch not in err, (argv, repr(ch))
    everything = "\n".join(shown)
    assert "\\u001b]0;pwned\\u0007" in everything and "\\u202eevil\\u202c" in everything
    assert "Notitie" in shown[1] and "Thema" in shown[2] and "Tekst" in shown[0]
    # JSON keeps the very characters (escaped by JSON, valid, the same data)
    code, out, err = run(folder, capsys, "annotations", "brief", "--json")
    assert not [ch for ch in UNSAFE if ch in out]
    assert json.loads(out)[0]["note"] == f"Notitie {HOSTILE}"


# ---------------------------------------------------------------- passwords


class _Input(io.StringIO):
    def __init__(self, text: str, tty: bool) -> None:
        super().__init__(text)
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.fixture
def secret_pdf(tmp_path: Path) -> Path:
    from tests import pdfgen

    plain = pdfgen.text_pdf(tmp_path / "plain.pdf", ["Geachte voorzitter,", "", "Een geheime brief over de Noordzee."])
    return pdfgen.encrypted_pdf(plain, tmp_path / "geheim.pdf", "kamer 123")


def test_password_stdin_reads_one_line(folder: Path, secret_pdf: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _Input("kamer 123\nniet dit\n", tty=False))
    code, out, err = run(folder, capsys, "import", str(secret_pdf), "--password-stdin")
    assert code == 0, err
    assert "1 imported" in out
    assert sys.stdin.readline() == "niet dit\n"  # one line only
    assert "geheime brief" in run_json(folder, capsys, "show", "geheim")["text"]


def test_a_terminal_is_asked_for_the_password_without_echo(
    folder: Path, secret_pdf: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    import getpass

    answers, prompts = ["fout", "kamer 123"], []
    monkeypatch.setattr(sys, "stdin", _Input("", tty=True))
    monkeypatch.setattr(getpass, "getpass", lambda prompt: (prompts.append(prompt), answers.pop(0))[1])
    code, out, err = run(folder, capsys, "import", str(secret_pdf))
    assert code == 0, err
    assert "1 imported" in out and "0 failed" in out
    assert len(prompts) == 2 and "geheim.pdf" in prompts[0] and "wrong password" in prompts[1]
    assert "geheime brief" in run_json(folder, capsys, "show", "geheim")["text"]


def test_without_a_terminal_nothing_is_asked(folder: Path, secret_pdf: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    import getpass

    monkeypatch.setattr(sys, "stdin", _Input("", tty=False))
    monkeypatch.setattr(getpass, "getpass", lambda prompt: pytest.fail(f"asked {prompt!r}"))
    code, _, err = run(folder, capsys, "import", str(secret_pdf))
    assert code == 1 and "geheim.pdf: encrypted PDF" in err and "--password-stdin" in err
    code, _, err = run(folder, capsys, "import", str(secret_pdf), "--password", "kamer 123")  # still works
    assert code == 0, err
