"""The bundled Unicode fonts (Noto Sans, Noto Serif; SIL OFL 1.1, see resources/fonts/OFL.txt).

PDFs never depend on the fonts installed on the machine: the TTFs are read from
``desktop_app.paths.resources_dir() / "fonts"`` and embedded (subset) by reportlab. ReportLab does not
shape text without uharfbuzz, so no ligature glyphs (ﬁ, ﬂ) end up in the text layer.
"""

from __future__ import annotations

import threading
from pathlib import Path

from desktop_app.core.errors import ExportFailed
from desktop_app.paths import resources_dir

SERIF = "KLSerif"
SANS = "KLSans"

_FAMILIES = {
    SERIF: "NotoSerif",
    SANS: "NotoSans",
}
_STYLES = {"": "Regular", "-Bold": "Bold", "-Italic": "Italic", "-BoldItalic": "BoldItalic"}
_lock = threading.Lock()
_registered = False


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def register_fonts() -> None:
    """Register both families with reportlab once per process (safe from any thread)."""
    global _registered
    with _lock:
        if _registered:
            return
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFError, TTFont

        folder = fonts_dir()
        for family, stem in _FAMILIES.items():
            for suffix, style in _STYLES.items():
                path = folder / f"{stem}-{style}.ttf"
                try:
                    pdfmetrics.registerFont(TTFont(family + suffix, str(path)))
                except (OSError, TTFError) as err:
                    raise ExportFailed(f"{path}: the bundled font could not be loaded ({err}).") from err
            addMapping(family, 0, 0, family)
            addMapping(family, 1, 0, family + "-Bold")
            addMapping(family, 0, 1, family + "-Italic")
            addMapping(family, 1, 1, family + "-BoldItalic")
        _registered = True
