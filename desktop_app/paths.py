"""Where things live: the user's library folder and the bundled resources.

Resources are found the same way in a source checkout, an installed wheel and a PyInstaller bundle:
next to this module (wheel: ``desktop_app/resources``; bundle: the same relative path inside
``sys._MEIPASS``), or in the repository's top-level ``resources/`` (checkout, editable install).
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "Kamerlezer"
LIBRARY_ENV = "KAMERLEZER_LIBRARY"


def resources_dir() -> Path:
    package = Path(__file__).resolve().parent
    for candidate in (package / "resources", package.parent / "resources"):
        if (candidate / "letters").is_dir():
            return candidate
    raise FileNotFoundError(
        f"Kamerlezer's bundled resources were not found next to {package} "
        "(looked for resources/letters): the installation is incomplete."
    )


def bundled_letters_dir() -> Path:
    return resources_dir() / "letters"


def starter_themes_file() -> Path:
    return resources_dir() / "themes.json"


def default_library_dir() -> Path:
    import platformdirs  # here: a command given --library or $KAMERLEZER_LIBRARY does not need it (~3 ms)

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "library"


def library_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The library folder: ``--library`` wins, then $KAMERLEZER_LIBRARY, then the user data dir."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(LIBRARY_ENV)
    if env:
        return Path(env).expanduser()
    return default_library_dir()
