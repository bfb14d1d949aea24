"""Precision of the content suggestions: the bundled letters plus unrelated letters in one library.

    python benchmarks/bench_suggestions.py [FOLDER ...]

Opens a new library in a temporary folder (the five bundled letters), imports the official samples
(tests/data/samples: the MiFID fiche bnc-fiche-5, a motion, answers to written questions) and every
.txt/.pdf in the FOLDERs given (e.g. a corpus of real letters), and resolves every citation. A
suggestion is *right* when the suggested letter is the cited document: kst-28676-472 is the bundled
letter 000 and kst-28676-467 is 003 (docs: DOMAIN.md), and a letter that names its own id is that
document; every other suggestion is wrong (no other cited document is in the library). Prints, for
the rules with the vocabulary as shipped, with a vocabulary built from the bundled letters and the
samples only (the real letters held out: how the rules do on letters the vocabulary never saw), and,
as the baseline from the same run, with no common-prose words at all: suggestions right / made (all,
and first suggestions only), the seed links found (002 and 004 -> 000 suggested first, 000 -> 003),
and the suggestions from a bundled (NATO) letter to any other letter.
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from desktop_app.core.model import Letter  # noqa: E402
from desktop_app.core.references.resolver import Resolution, Resolver  # noqa: E402
from desktop_app.core.references.vocabulary import Vocabulary, bundled_vocabulary  # noqa: E402
from desktop_app.core.services import Library  # noqa: E402
from desktop_app.paths import bundled_letters_dir  # noqa: E402

sys.path.insert(0, str(ROOT / "scripts"))
import build_vocabulary  # noqa: E402

SEED_TRUTH = {"kst-28676-472": "000_eba5de336aff673f", "kst-28676-467": "003_d09603eee462fd1e"}
SEED_LINKS = [("002_6da6c7f9d4c292e2", "kst-28676-472"), ("004_94d7e7617410a711", "kst-28676-472"),
              ("000_eba5de336aff673f", "kst-28676-467")]  # fmt: skip


def build(folder: Path, extra: Iterable[Path]) -> Library:
    library = Library.open(folder, search=False)
    files = sorted((ROOT / "tests" / "data" / "samples").glob("*.pdf"))
    for path in extra:
        files += sorted(p for p in path.rglob("*") if p.suffix.lower() in (".txt", ".pdf"))
    report = library.import_paths(files)
    for failure in report.failed:
        print(f"  (not imported: {failure.message})")
    return library


def resolve(library: Library, vocabulary: Vocabulary) -> list[tuple[object, Resolution]]:
    """Every citation resolved with the given vocabulary (the same steps as ReferenceService.resolve_all)."""
    service = library.references
    facts = service._all_facts()  # noqa: SLF001 - a benchmark looks inside
    refs = service.all_references()
    resolver = Resolver(facts, service._decisions(), refs, service._stored_stats(), vocabulary)  # noqa: SLF001
    letters: dict[int, Letter] = {}
    first = [resolver.resolve(ref, service._context(ref, letters)) for ref in refs]  # noqa: SLF001
    return list(zip(refs, resolver.propagate(refs, first), strict=True))


def measure(library: Library, vocabulary: Vocabulary) -> dict[str, object]:
    letters = {s.id: s for s in library.list_letters()}
    names = {i: s.name for i, s in letters.items()}
    truth = dict(SEED_TRUTH) | {s.kamerstuk: s.name for s in letters.values() if s.kamerstuk}
    seeds = {i for i, s in letters.items() if s.name in {p.stem for p in bundled_letters_dir().glob("*.txt")}}
    made = right = first_made = first_right = to_others = 0
    found = []
    for ref, res in resolve(library, vocabulary):
        for rank, (letter_id, _score, _why) in enumerate(res.suggestions):
            ok = truth.get(ref.canonical or "") == names[letter_id]
            made, right = made + 1, right + ok
            if rank == 0:
                first_made, first_right = first_made + 1, first_right + ok
            if ref.letter_id in seeds and letter_id not in seeds:
                to_others += 1
        where = (names[ref.letter_id], ref.canonical)
        if where in SEED_LINKS:
            target = res.target_letter_id if res.status in ("resolved", "confirmed") else (
                res.suggestions[0][0] if res.suggestions else None)
            found.append(target is not None and names[target] == truth[ref.canonical or ""])
    return {"made": made, "right": right, "first_made": first_made, "first_right": first_right,
            "seed_links": f"{sum(found)}/{len(SEED_LINKS)}", "to_others": to_others}  # fmt: skip


def held_out_vocabulary() -> Vocabulary:
    """The vocabulary scripts/build_vocabulary.py makes from the bundled letters and the samples alone."""
    groups = [(n, w) for n, w in build_vocabulary.reference_groups([]) if n.startswith(("resources/", "tests/data/samples/"))]
    counts: Counter[str] = Counter()
    for _, words in groups:
        counts.update(words)
    least = build_vocabulary.common_threshold(len(groups))
    common = frozenset(t for t, n in counts.items() if n >= least)
    return Vocabulary(common, bundled_vocabulary().dossiers)


def main(argv: list[str]) -> int:
    with tempfile.TemporaryDirectory(prefix="kamerlezer-suggest-") as tmp:
        library = build(Path(tmp) / "library", [Path(a) for a in argv])
        try:
            print(f"library: {len(library.list_letters())} letters, {len(library.references.all_references())} citations")
            rows = (("vocabulary as shipped", bundled_vocabulary()), ("from bundled + samples only", held_out_vocabulary()),
                    ("baseline: no common-prose words", Vocabulary()))  # fmt: skip
            for label, vocabulary in rows:
                m = measure(library, vocabulary)
                precision = f"{m['right'] / m['made']:.0%}" if m["made"] else "-"
                print(
                    f"{label:<34} suggestions right/made {m['right']}/{m['made']} ({precision}); first suggestions "
                    f"{m['first_right']}/{m['first_made']}; seed links {m['seed_links']}; "
                    f"from a bundled letter to another letter: {m['to_others']}"
                )
        finally:
            library.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
