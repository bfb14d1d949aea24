"""SQL for the tables "letters" and "footnotes". Callers own the transactions."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from operator import itemgetter
from typing import Any

from desktop_app.core.model import Footnote, Letter, LetterSummary, ParsedLetter
from desktop_app.core.store.connection import Database
from desktop_app.core.titles import SOURCE_CHARS, display_title, subject_title

_COLUMNS = (
    "id, source_file, content_hash, source_format, text, date, subject, chamber, signatory, kind, kamerstuk, "
    "kamerstuk_source, pages, headings, page_starts, source_path, imported_at, inferred_kamerstuk, inferred_reason, head"
)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def letter_name(source_file: str) -> str:
    """The source file name without its extension (``Letter.name``)."""
    return source_file.rsplit(".", 1)[0] if "." in source_file else source_file


def _footnotes(db: Database, letter_id: int) -> tuple[Footnote, ...]:
    rows = db.execute(
        "SELECT number, text, marker_start, marker_end FROM footnotes WHERE letter_id = ? ORDER BY number, id",
        [letter_id],
    ).fetchall()
    return tuple(
        Footnote(number=n, text=t, marker=(ms, me) if ms is not None and me is not None else None)
        for n, t, ms, me in rows
    )


def _letter(db: Database, row: Sequence[Any]) -> Letter:
    (lid, source_file, content_hash, source_format, text, date, subject, chamber, signatory, kind, kamerstuk,
     kamerstuk_source, pages, headings, page_starts, source_path, imported_at, inferred, why, head) = row  # fmt: skip
    return Letter(
        id=lid,
        source_file=source_file,
        content_hash=content_hash,
        source_format=source_format,
        text=text,
        footnotes=_footnotes(db, lid),
        date=date,
        subject=subject,
        chamber=chamber,
        signatory=signatory,
        kind=kind,
        kamerstuk=kamerstuk,
        kamerstuk_source=kamerstuk_source,
        pages=pages,
        headings=_spans(headings),
        page_starts=tuple(int(p) for p in json.loads(page_starts or "[]")),
        source_path=source_path,
        imported_at=imported_at,
        inferred_kamerstuk=inferred,
        inferred_reason=why,
        head=head or "",
    )


def get(db: Database, letter_id: int) -> Letter | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM letters WHERE id = ?", [letter_id]).fetchone()
    return _letter(db, row) if row else None


def id_by_name(db: Database, name: str) -> int | None:
    row = db.execute("SELECT id FROM letters WHERE name = ?", [name]).fetchone()
    return int(row[0]) if row else None


def names(db: Database) -> list[tuple[int, str]]:
    """(id, name) of every letter, by name."""
    return [(int(i), str(n)) for i, n in db.execute("SELECT id, name FROM letters ORDER BY name").fetchall()]


def id_by_hash(db: Database, content_hash: str) -> int | None:
    row = db.execute("SELECT id FROM letters WHERE content_hash = ?", [content_hash]).fetchone()
    return int(row[0]) if row else None


def head_unread(db: Database, letter_id: int) -> bool:
    """Whether the letter was stored before the letter head's citing fields were kept (migration 0006:
    its ``head`` is NULL, read as "")."""
    row = db.execute("SELECT head IS NULL FROM letters WHERE id = ?", [letter_id]).fetchone()
    return bool(row and row[0])


def text_hash_of(db: Database, letter_id: int) -> str:
    row = db.execute("SELECT text_hash FROM letters WHERE id = ?", [letter_id]).fetchone()
    return str(row[0]) if row else ""


def all_ids(db: Database) -> list[int]:
    return [int(r[0]) for r in db.execute("SELECT id FROM letters ORDER BY id").fetchall()]


def count(db: Database) -> int:
    return int(db.execute("SELECT count(*) FROM letters").fetchone()[0])


def summaries(db: Database) -> list[LetterSummary]:
    """Every letter, newest date first (undated last, then by name), with annotation counts and the
    themes its annotations use: one query that never reads the letters' text (see _SUMMARIES)."""
    return [LetterSummary(*row) for row in summary_rows(db)]


SummaryRow = tuple[Any, ...]  # a LetterSummary's fields, in their order: LetterSummary(*row)


def summary_rows(db: Database, letter_ids: Iterable[int] | None = None) -> list[SummaryRow]:
    """The rows of :func:`summaries` as tuples (what ``store/list_cache`` keeps); with ``letter_ids``,
    those letters' rows only (looked up by id, in the same order)."""
    out: list[SummaryRow] = []
    if letter_ids is None:
        rows = db.execute(_SUMMARIES).fetchall()
    else:
        ids = json.dumps(sorted({int(i) for i in letter_ids}))
        rows = db.execute(_SUMMARIES + " WHERE l.id IN (SELECT value FROM json_each(?))", [ids]).fetchall()
    for row in rows:
        lid, source_file, date, subject, chamber, kamerstuk, kind, inferred, n, themes, lead, headings = row
        title, derived = subject_title(subject), False
        if title is None:  # no subject: made from the start of the text (display_title)
            made = display_title(subject, lead or "", _spans(headings), letter_name(source_file))
            title, derived = made.text, made.derived
        theme_ids = tuple(sorted(int(t) for t in themes.split(","))) if themes else ()
        out.append((lid, source_file, date, subject, chamber, kamerstuk, kind, int(n), theme_ids, title, derived, inferred))
    # ORDER BY here, not in SQL: sorting by the generated column ``name`` would make SQLite read the
    # table rows (an index on a generated column does not cover it). Stable sorts: by name, then the
    # dated ones newest first (reverse keeps the name order among equal dates), the undated after them.
    out.sort(key=lambda r: letter_name(r[1]))
    dated = [r for r in out if r[2] is not None]
    dated.sort(key=itemgetter(2), reverse=True)
    return dated + [r for r in out if r[2] is None]


def list_stamp(db: Database, triggers: Iterable[str]) -> bytes | None:
    """A value every write to the rows the letter list is made of changes (migration 0008's ``triggers``
    on letters, annotations, annotation_themes); None in a library without it (opened read-only before
    the migration) or without every one of those triggers (a table rebuilt without them)."""
    names = sorted(triggers)
    marks = ", ".join("?" for _ in names)
    try:
        row = db.execute(
            f"SELECT stamp FROM letter_list_stamp WHERE (SELECT count(*) FROM sqlite_master "
            f"WHERE type = 'trigger' AND name IN ({marks})) = ?",
            [*names, len(names)],
        ).fetchone()
    except sqlite3.OperationalError:
        return None
    return bytes(row[0]) if row else None


# The letter list's query. It reads the letters through the covering index ``letters_summary``
# (migrations 0002, 0003): a scan of the table itself would read every letter's text, ~6 KB a letter, since
# the summary columns come after it in the row. Annotation counts and themes are aggregated apart
# (grouping the join by letter made SQLite scan the table in rowid order); the start of the text and
# the headings are looked up only for letters without a subject (their display title is made from
# them). Check with EXPLAIN QUERY PLAN: "SCAN l USING COVERING INDEX letters_summary"
# (tests/unit/test_store_migrations.py does).
_SUMMARIES = f"""
    WITH counted AS (
        SELECT a.letter_id, count(DISTINCT a.id) AS n, group_concat(DISTINCT at.theme_id) AS themes
        FROM annotations a LEFT JOIN annotation_themes at ON at.annotation_id = a.id
        GROUP BY a.letter_id
    )
    SELECT l.id, l.source_file, l.date, l.subject, l.chamber, l.kamerstuk, l.kind, l.inferred_kamerstuk,
           coalesce(counted.n, 0), counted.themes,
           (SELECT substr(t.text, 1, {SOURCE_CHARS}) FROM letters t WHERE t.id = l.id AND l.subject IS NULL),
           (SELECT t.headings FROM letters t WHERE t.id = l.id AND l.subject IS NULL)
    FROM letters l LEFT JOIN counted ON counted.letter_id = l.id
"""


# What a letter's display title is made from: only read for a letter without a subject (SQLite
# evaluates CASE lazily), and only the start of its text.
_TITLE_SOURCE = (
    f"CASE WHEN l.subject IS NULL THEN substr(l.text, 1, {SOURCE_CHARS}) END, "
    "CASE WHEN l.subject IS NULL THEN l.headings END"
)


def names_of(db: Database, letter_ids: Sequence[int]) -> dict[int, str]:
    """``Letter.name`` of some letters, by id: one query for those rows only (a CLI naming 20 hits
    need not list the whole library)."""
    if not letter_ids:
        return {}
    marks = ", ".join("?" for _ in letter_ids)
    rows = db.execute(f"SELECT id, source_file FROM letters WHERE id IN ({marks})", list(letter_ids)).fetchall()
    return {lid: letter_name(source_file) for lid, source_file in rows}


def titles(db: Database, letter_ids: Sequence[int]) -> dict[int, str]:
    """Display titles (``Letter.title``) of some letters, by id."""
    if not letter_ids:
        return {}
    marks = ", ".join("?" for _ in letter_ids)
    rows = db.execute(
        f"SELECT l.id, l.source_file, l.subject, {_TITLE_SOURCE} FROM letters l WHERE l.id IN ({marks})",
        list(letter_ids),
    ).fetchall()
    return {
        lid: display_title(subject, lead or "", _spans(headings), letter_name(source_file)).text
        for lid, source_file, subject, lead, headings in rows
    }


def _spans(headings: str | None) -> tuple[tuple[int, int], ...]:
    if not headings or headings == "[]":
        return ()
    return tuple((int(a), int(b)) for a, b in json.loads(headings))


def _content_row(parsed: ParsedLetter, text_hash: str) -> dict[str, Any]:
    return {
        "source_file": parsed.source_file,
        "content_hash": parsed.content_hash,
        "source_format": parsed.source_format,
        "text": parsed.text,
        "text_hash": text_hash,
        "date": parsed.date,
        "subject": parsed.subject,
        "chamber": parsed.chamber,
        "signatory": parsed.signatory,
        "kind": parsed.kind,
        "pages": parsed.pages,
        "headings": json.dumps([list(h) for h in parsed.headings]),
        "page_starts": json.dumps(list(parsed.page_starts)),
        "head": parsed.head,
        "updated_at": now(),
    }


def _replace_footnotes(db: Database, letter_id: int, footnotes: Sequence[Footnote]) -> None:
    db.execute("DELETE FROM footnotes WHERE letter_id = ?", [letter_id])
    for note in footnotes:
        db.execute(
            "INSERT INTO footnotes(letter_id, number, text, marker_start, marker_end) VALUES (?, ?, ?, ?, ?)",
            [letter_id, note.number, note.text, *(note.marker or (None, None))],
        )


def insert(db: Database, parsed: ParsedLetter, *, text_hash: str, source_path: str | None) -> int:
    row = _content_row(parsed, text_hash)
    row.update(
        source_path=source_path,
        kamerstuk=parsed.kamerstuk,
        kamerstuk_source="document" if parsed.kamerstuk else None,
        imported_at=now(),
    )
    columns = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    cursor = db.execute(f"INSERT INTO letters({columns}) VALUES ({marks})", list(row.values()))
    letter_id = int(cursor.lastrowid or 0)
    _replace_footnotes(db, letter_id, parsed.footnotes)
    return letter_id


def replace_content(
    db: Database, letter_id: int, parsed: ParsedLetter, *, text_hash: str, source_path: str | None
) -> None:
    """A new version of a letter: new text, footnotes and metadata; id kept; a Kamerstuk id the user
    set is kept, one the old version named itself is replaced by what the new version names."""
    row = _content_row(parsed, text_hash)
    row.update(source_path=source_path, imported_at=now())
    current = db.execute("SELECT kamerstuk_source FROM letters WHERE id = ?", [letter_id]).fetchone()
    if not current or current[0] != "user":
        row.update(kamerstuk=parsed.kamerstuk, kamerstuk_source="document" if parsed.kamerstuk else None)
    assignments = ", ".join(f"{column} = ?" for column in row)
    db.execute(f"UPDATE letters SET {assignments} WHERE id = ?", [*row.values(), letter_id])
    _replace_footnotes(db, letter_id, parsed.footnotes)


def set_kamerstuk(db: Database, letter_id: int, kamerstuk: str | None) -> None:
    db.execute(
        "UPDATE letters SET kamerstuk = ?, kamerstuk_source = ?, updated_at = ? WHERE id = ?",
        [kamerstuk, "user" if kamerstuk else None, now(), letter_id],
    )


def delete(db: Database, letter_id: int) -> None:
    db.execute("DELETE FROM letters WHERE id = ?", [letter_id])


def source_paths(db: Database) -> set[str]:
    return {r[0] for r in db.execute("SELECT source_path FROM letters WHERE source_path IS NOT NULL").fetchall()}


def page_starts(db: Database, letter_ids: Sequence[int]) -> dict[int, tuple[int, ...]]:
    """Where each page begins (text offsets) for some letters, without reading their text."""
    out: dict[int, tuple[int, ...]] = {}
    ids = list(letter_ids)
    for chunk in (ids[i : i + 500] for i in range(0, len(ids), 500)):
        marks = ", ".join("?" for _ in chunk)
        for lid, starts in db.execute(f"SELECT id, page_starts FROM letters WHERE id IN ({marks})", chunk):
            out[lid] = tuple(int(p) for p in json.loads(starts or "[]"))
    return out


def source_path_of(db: Database, letter_id: int) -> str | None:
    """Where the letter's original is kept (relative to the library folder), if anywhere."""
    row = db.execute("SELECT source_path FROM letters WHERE id = ?", [letter_id]).fetchone()
    return row[0] if row else None


def content_hashes(db: Database) -> dict[int, str]:
    """letter id -> content hash of every letter (read from the index on content_hash: the rows hold
    the whole text before most columns)."""
    return {int(i): str(h) for i, h in db.execute("SELECT id, content_hash FROM letters").fetchall()}


def facts_rows(db: Database) -> list[tuple[int, str, str | None, str | None, str | None]]:
    """(id, source_file, date, kamerstuk, subject) of every letter, by id (from a covering index)."""
    rows = db.execute("SELECT id, source_file, date, kamerstuk, subject FROM letters").fetchall()
    rows.sort()
    return rows


def inferred_claims(db: Database) -> dict[int, tuple[str, str]]:
    """letter id -> (inferred Kamerstuk id, the reason) of the letters that have one."""
    ids = [r[0] for r in db.execute("SELECT id FROM letters WHERE inferred_kamerstuk IS NOT NULL")]  # an index
    if not ids:
        return {}
    rows = db.execute(
        "SELECT id, inferred_kamerstuk, inferred_reason FROM letters WHERE id IN (SELECT value FROM json_each(?))",
        [json.dumps(ids)],
    ).fetchall()
    return {int(i): (str(c), str(r or "")) for i, c, r in rows}


def set_inferred(db: Database, letter_id: int, canonical: str | None, reason: str | None) -> None:
    """The letter's own id as inferred from the citations of it (None: none), with the reason."""
    db.execute(
        "UPDATE letters SET inferred_kamerstuk = ?, inferred_reason = ? WHERE id = ?",
        [canonical, reason, letter_id],
    )
