"""SQL for the tables "annotations" and "annotation_themes". Callers own the transactions."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from desktop_app.core.model import Annotation
from desktop_app.core.store.connection import Database
from desktop_app.core.store.letters_repo import now

_COLUMNS = 'a.id, a.letter_id, a.start, a."end", a.quote, a.prefix, a.suffix, a.text_hash, a.note, a.status, ' \
    "a.created, a.updated, (SELECT group_concat(theme_id) FROM " \
    "(SELECT theme_id FROM annotation_themes WHERE annotation_id = a.id ORDER BY theme_id))"
_ORDER = 'ORDER BY a.letter_id, a.start, a."end", a.id'


def _annotation(row: Sequence[Any]) -> Annotation:
    aid, letter_id, start, end, quote, prefix, suffix, text_hash, note, status, created, updated, themes = row
    return Annotation(
        id=aid,
        letter_id=letter_id,
        start=start,
        end=end,
        quote=quote,
        prefix=prefix,
        suffix=suffix,
        text_hash=text_hash,
        note=note,
        theme_ids=tuple(int(t) for t in themes.split(",")) if themes else (),
        status=status,
        created=created,
        updated=updated,
    )


def select(db: Database, where: str = "", params: Sequence[Any] = ()) -> list[Annotation]:
    sql = f"SELECT {_COLUMNS} FROM annotations a {where} {_ORDER}"
    return [_annotation(r) for r in db.execute(sql, list(params)).fetchall()]


def get(db: Database, annotation_id: int) -> Annotation | None:
    found = select(db, "WHERE a.id = ?", [annotation_id])
    return found[0] if found else None


def for_letter(db: Database, letter_id: int) -> list[Annotation]:
    return select(db, "WHERE a.letter_id = ?", [letter_id])


def for_themes(db: Database, theme_ids: Iterable[int], letter_id: int | None = None) -> list[Annotation]:
    ids = list(theme_ids)
    if not ids:
        return []
    marks = ",".join("?" for _ in ids)
    where = f"WHERE a.id IN (SELECT annotation_id FROM annotation_themes WHERE theme_id IN ({marks}))"
    params: list[Any] = list(ids)
    if letter_id is not None:
        where += " AND a.letter_id = ?"
        params.append(letter_id)
    return select(db, where, params)


def insert(db: Database, annotation: Annotation, *, keep_id: bool = False) -> int:
    stamp = now()
    cursor = db.execute(
        'INSERT INTO annotations(id, letter_id, start, "end", quote, prefix, suffix, text_hash, note, status, '
        "created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            annotation.id if keep_id else None,
            annotation.letter_id,
            annotation.start,
            annotation.end,
            annotation.quote,
            annotation.prefix,
            annotation.suffix,
            annotation.text_hash,
            annotation.note,
            annotation.status,
            annotation.created or stamp,
            annotation.updated or stamp,
        ],
    )
    annotation_id = int(cursor.lastrowid or 0)
    set_themes(db, annotation_id, annotation.theme_ids)
    return annotation_id


def set_themes(db: Database, annotation_id: int, theme_ids: Iterable[int]) -> None:
    db.execute("DELETE FROM annotation_themes WHERE annotation_id = ?", [annotation_id])
    for theme_id in dict.fromkeys(theme_ids):
        db.execute("INSERT INTO annotation_themes(annotation_id, theme_id) VALUES (?, ?)", [annotation_id, theme_id])


def update(db: Database, annotation_id: int, **fields: Any) -> None:
    fields["updated"] = now()
    assignments = ", ".join(f'"{column}" = ?' for column in fields)
    db.execute(f"UPDATE annotations SET {assignments} WHERE id = ?", [*fields.values(), annotation_id])


def delete(db: Database, annotation_id: int) -> None:
    db.execute("DELETE FROM annotations WHERE id = ?", [annotation_id])


def count_for_letter(db: Database, letter_id: int) -> int:
    return int(db.execute("SELECT count(*) FROM annotations WHERE letter_id = ?", [letter_id]).fetchone()[0])


def theme_letter_counts(db: Database) -> dict[tuple[int, int], int]:
    """(theme id, letter id) -> passages of that letter tagged with that theme (the theme itself,
    not its sub-themes)."""
    rows = db.execute(
        "SELECT at.theme_id, a.letter_id, count(*) FROM annotation_themes at "
        "JOIN annotations a ON a.id = at.annotation_id GROUP BY at.theme_id, a.letter_id"
    ).fetchall()
    return {(int(t), int(letter)): int(n) for t, letter, n in rows}


def letters_of(db: Database, annotation_ids: Iterable[int]) -> list[int]:
    """The letters of these annotations (those that exist)."""
    ids = sorted(set(annotation_ids))
    if not ids:
        return []
    marks = ",".join("?" for _ in ids)
    sql = f"SELECT DISTINCT letter_id FROM annotations WHERE id IN ({marks})"
    return [int(r[0]) for r in db.execute(sql, ids).fetchall()]
