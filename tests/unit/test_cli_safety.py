"""The command line against hostile or careless use: which letter a value means, where an export may
be written, what a terminal is shown, and passwords that stay out of ``ps``."""

from __future__ import annotations

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
    code, stdout, err = run(folder, capsys, "export", "--letter", "003", "-o", str(out))
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
