"""Build resources/reference_vocabulary.json: the words of ordinary Dutch parliamentary prose, which
are no evidence that a letter is the document a citation names (see docs/CITATIONS.md, "Suggestions").

Reference documents, in groups: the bundled letters (one group: one ministry, one dossier, so their
shared subject words stay distinctive), each official sample with a text layer (tests/data/samples),
each real letter in tests/data/real (PDFs; when that folder exists) and each PDF or .txt letter in the
folders given as arguments. A word found in at least COMMON_GROUPS groups is "common". Dossier
subjects come from DOSSIERS below (each with where it was read).

    .venv/bin/python scripts/build_vocabulary.py [FOLDER ...]
"""

from __future__ import annotations

import json
import math
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop_app.core.errors import AppError  # noqa: E402
from desktop_app.core.importing import read_file  # noqa: E402
from desktop_app.core.references.resolver import letter_terms  # noqa: E402

OUT = ROOT / "resources" / "reference_vocabulary.json"
COMMON_GROUPS = 2
COMMON_SHARE = 0.15

# dossier -> (title, words a letter of the dossier mentions, where the title was read)
DOSSIERS = {
    "28676": ("NAVO", ["navo", "nato"], "dossier line '28 676 NAVO' of the Kamerstukken (docs: DOMAIN.md)"),
    "32545": ("Wet- en regelgeving financiële markten", ["financiele", "markten"],
              "tests/data/samples/kst-32545-143_metadata.xml, OVERHEIDop.dossiertitel"),
}  # fmt: skip


def _words(path: Path) -> set[str] | None:
    try:
        letter = read_file(path)
    except AppError as err:
        print(f"skipped {path.name}: {err.message}", file=sys.stderr)
        return None
    return set(letter_terms(letter.text, letter.subject, (note.text for note in letter.footnotes)))


def reference_groups(extra: list[Path]) -> list[tuple[str, set[str]]]:
    """(name, words) of each group of reference documents."""
    groups: list[tuple[str, set[str]]] = []
    seeds: set[str] = set()
    for path in sorted((ROOT / "resources" / "letters").glob("*.txt")):
        seeds |= _words(path) or set()
    groups.append(("resources/letters (5 bundled letters, one dossier)", seeds))
    files = sorted((ROOT / "tests" / "data" / "samples").glob("*.pdf"))
    files += sorted((ROOT / "tests" / "data" / "real").glob("*.pdf"))
    for folder in extra:
        files += sorted(p for p in folder.rglob("*") if p.suffix.lower() in (".pdf", ".txt"))
    for path in files:
        words = _words(path)
        if words:
            name = path.relative_to(ROOT) if path.is_relative_to(ROOT) else Path(path.parent.name, path.name)
            groups.append((str(name), words))
    return groups


def common_threshold(groups: int) -> int:
    """In how many groups a word must be to be common."""
    return max(COMMON_GROUPS, math.ceil(COMMON_SHARE * groups))


def build(extra: list[Path]) -> dict[str, object]:
    groups = reference_groups(extra)
    counts: Counter[str] = Counter()
    for _, words in groups:
        counts.update(words)
    least = common_threshold(len(groups))
    common = {term: n for term, n in sorted(counts.items()) if n >= least}
    return {
        "about": "Built by scripts/build_vocabulary.py: words found in at least "
        f"{least} of {len(groups)} groups of reference documents are common prose, no evidence for a suggestion.",
        "groups": [name for name, _ in groups],
        "common_min_groups": least,
        "common": common,
        "dossiers": {d: {"title": t, "terms": w, "source": s} for d, (t, w, s) in DOSSIERS.items()},
    }


def main() -> int:
    data = build([Path(a) for a in sys.argv[1:]])
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(data['common'])} common words from {len(data['groups'])} groups")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main())
