"""Readable text on a theme colour: WCAG 2 relative luminance and contrast ratio.

Theme labels are printed on their theme's colour; :func:`ink_for` picks black or white, whichever
contrasts more. One of the two always reaches 4.58:1 (the worst colour sits where both ratios are
equal: sqrt(1.05 * 0.05) - 0.05 ~ 0.179 luminance), so every label meets WCAG AA (4.5:1).
"""

from __future__ import annotations

import re

_HEX = re.compile(r"^#?([0-9a-fA-F]{6})$")
BLACK, WHITE = "#000000", "#ffffff"


def luminance(color: str) -> float:
    """WCAG relative luminance of "#rrggbb" (0 black .. 1 white); an unreadable colour counts as grey."""
    match = _HEX.match(color.strip())
    value = match.group(1) if match else "888888"
    channels = []
    for i in (0, 2, 4):
        c = int(value[i : i + 2], 16) / 255
        channels.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    r, g, b = channels
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours, 1..21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def ink_for(background: str) -> str:
    """Black or white text, whichever has the higher contrast on ``background``."""
    return BLACK if contrast(background, BLACK) >= contrast(background, WHITE) else WHITE
