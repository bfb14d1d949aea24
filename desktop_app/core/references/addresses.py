"""Where a cited document is published officially, by its canonical id (see parser.py).

- Kamerstukken, Handelingen, Aanhangsel Handelingen, Staatsblad and Staatscourant:
  ``https://zoek.officielebekendmakingen.nl/<id>`` (kst-28676-464, ah-tk-20232024-872,
  h-tk-20102011-108-5, stb-2020-118, stcrt-2011-3912: the ids are the site's own);
- EU documents COM, JOIN, SWD and SEC: EUR-Lex by document reference
  (``https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=COM:2021:726:FIN``);
- anything else (ministry letter numbers, Tweede Kamer open-data numbers, whole dossiers): none.
"""

from __future__ import annotations

import re

OFFICIAL_SITE = "https://zoek.officielebekendmakingen.nl/"
EUR_LEX = "https://eur-lex.europa.eu/legal-content/NL/TXT/?uri={series}:{year}:{number}:FIN"

_OFFICIAL = re.compile(r"(?:kst|ah-(?:tk|ek)|h-(?:tk|ek)|stb|stcrt)(?:-[0-9A-Za-z]+)+")
_EU = re.compile(r"(com|join|swd|sec)-(\d{4})-(\d{1,5})")


def official_address(canonical: str | None) -> str | None:
    """The web address of the cited document's official publication, or None when it has none we know."""
    if not canonical:
        return None
    if _OFFICIAL.fullmatch(canonical):
        return OFFICIAL_SITE + canonical
    eu = _EU.fullmatch(canonical)
    if eu:
        return EUR_LEX.format(series=eu.group(1).upper(), year=eu.group(2), number=int(eu.group(3)))
    return None
