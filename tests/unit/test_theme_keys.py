"""A theme's key (1-9) is its own (issue 14.4): starter themes keep 1-9 in tree order, a new theme
gets the lowest free key, a key moves from one theme to another, undo of a delete gives it back,
the CLI sets and clears it."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.core.errors import InvalidInput
from desktop_app.core.services import Library


@pytest.fixture()
def library(tmp_path: Path) -> Iterator[Library]:
    lib = Library.open(tmp_path / "lib")
    yield lib
    lib.close()


def test_starter_themes_have_keys_1_to_9_in_tree_order(library: Library) -> None:
    themes = library.list_themes()
    assert [t.key for t in themes[:9]] == list(range(1, 10))
    assert all(t.key is None for t in themes[9:])


def test_a_new_theme_gets_the_lowest_free_key_and_a_key_can_move(library: Library) -> None:
    assert library.add_theme("Munitie").key is None  # all nine taken
    ndpp = library.get_theme("NDPP")
    library.set_theme_key(ndpp.id, None)
    munitie = library.add_theme("Cyber")
    assert munitie.key == ndpp.key
    theme, displaced = library.set_theme_key("Cyber", 1)
    assert theme.key == 1 and displaced is not None and displaced.name == "Capaciteitsdoelstellingen"
    assert library.get_theme("Capaciteitsdoelstellingen").key is None
    keys = [t.key for t in library.list_themes() if t.key]
    assert len(keys) == len(set(keys))


def test_a_key_is_a_digit_1_to_9(library: Library) -> None:
    for bad in (0, 10, -1):
        with pytest.raises(InvalidInput):
            library.set_theme_key("NDPP", bad)


def test_undoing_a_delete_gives_the_key_back_when_it_is_still_free(library: Library) -> None:
    theme = library.get_theme("NAVO-top")
    library.delete_theme(theme.id, force=True)
    assert library.restore_theme(theme).key == theme.key


def test_cli_sets_and_clears_a_key(tmp_path: Path) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "desktop_app", "--library", str(tmp_path / "lib"), *args],
                              capture_output=True, text=True, timeout=120)

    result = run("themes", "key", "Maritiem en Noordzee", "2", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["key"] == 2 and data["key_taken_from"]["name"] == "NDPP"
    result = run("themes", "key", "Maritiem en Noordzee", "--clear")
    assert result.returncode == 0 and "no key" in result.stdout
    assert run("themes", "key", "NDPP").returncode != 0  # neither a key nor --clear
