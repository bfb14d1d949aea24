"""SQL for the table "themes" (and the theme side of "annotation_themes"). Callers own the transactions."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from desktop_app.core.model import Theme
from desktop_app.core.store.connection import Database

_COLUMNS = 'id, name, color, parent_id, description, position, "key"'


def _theme(row: Any) -> Theme:
    tid, name, color, parent_id, description, position, key = row
    return Theme(
        id=tid, name=name, color=color, parent_id=parent_id, description=description, position=position, key=key
    )


def all_themes(db: Database) -> list[Theme]:
    """Unordered; the service orders them as a tree."""
    return [_theme(r) for r in db.execute(f"SELECT {_COLUMNS} FROM themes ORDER BY position, id").fetchall()]


def get(db: Database, theme_id: int) -> Theme | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM themes WHERE id = ?", [theme_id]).fetchone()
    return _theme(row) if row else None


def existing_ids(db: Database, theme_ids: Iterable[int]) -> set[int]:
    ids = list(theme_ids)
    if not ids:
        return set()
    marks = ",".join("?" for _ in ids)
    return {int(r[0]) for r in db.execute(f"SELECT id FROM themes WHERE id IN ({marks})", ids).fetchall()}


def next_position(db: Database, parent_id: int | None) -> int:
    row = db.execute("SELECT max(position) FROM themes WHERE parent_id IS ?", [parent_id]).fetchone()
    return int(row[0]) + 1 if row and row[0] is not None else 0


def insert(
    db: Database,
    *,
    name: str,
    color: str,
    parent_id: int | None,
    description: str,
    position: int,
    theme_id: int | None = None,
    key: int | None = None,
) -> int:
    cursor = db.execute(
        'INSERT INTO themes(id, name, color, parent_id, description, position, "key") VALUES (?, ?, ?, ?, ?, ?, ?)',
        [theme_id, name, color, parent_id, description, position, key],
    )
    return int(cursor.lastrowid or 0)


def free_key(db: Database) -> int | None:
    """The lowest theme key (1-9) no theme has, or None."""
    taken = {int(r[0]) for r in db.execute('SELECT "key" FROM themes WHERE "key" IS NOT NULL').fetchall()}
    return next((k for k in range(1, 10) if k not in taken), None)


def holder_of_key(db: Database, key: int) -> int | None:
    row = db.execute('SELECT id FROM themes WHERE "key" = ?', [key]).fetchone()
    return int(row[0]) if row else None


def set_key(db: Database, theme_id: int, key: int | None) -> None:
    db.execute('UPDATE themes SET "key" = ? WHERE id = ?', [key, theme_id])


def update(db: Database, theme_id: int, **fields: Any) -> None:
    if not fields:
        return
    assignments = ", ".join(f"{column} = ?" for column in fields)
    db.execute(f"UPDATE themes SET {assignments} WHERE id = ?", [*fields.values(), theme_id])


def siblings(db: Database, parent_id: int | None) -> list[int]:
    rows = db.execute("SELECT id FROM themes WHERE parent_id IS ? ORDER BY position, id", [parent_id]).fetchall()
    return [int(r[0]) for r in rows]


def renumber(db: Database, ordered_ids: list[int]) -> None:
    for position, theme_id in enumerate(ordered_ids):
        db.execute("UPDATE themes SET position = ? WHERE id = ? AND position IS NOT ?", [position, theme_id, position])


def counts(db: Database) -> dict[int, int]:
    rows = db.execute("SELECT theme_id, count(*) FROM annotation_themes GROUP BY theme_id").fetchall()
    return {int(t): int(n) for t, n in rows}


def _ids_where_theme_in(db: Database, sql: str, theme_ids: Iterable[int]) -> list[int]:
    ids = list(theme_ids)
    if not ids:
        return []
    rows = db.execute(sql.format(marks=",".join("?" for _ in ids)), ids).fetchall()
    return [int(r[0]) for r in rows]


def annotation_ids(db: Database, theme_ids: Iterable[int]) -> list[int]:
    return _ids_where_theme_in(
        db,
        "SELECT DISTINCT annotation_id FROM annotation_themes WHERE theme_id IN ({marks}) ORDER BY annotation_id",
        theme_ids,
    )


def letter_ids(db: Database, theme_ids: Iterable[int]) -> list[int]:
    """Letters with an annotation using one of the themes."""
    return _ids_where_theme_in(
        db,
        "SELECT DISTINCT a.letter_id FROM annotations a JOIN annotation_themes at ON at.annotation_id = a.id "
        "WHERE at.theme_id IN ({marks}) ORDER BY a.letter_id",
        theme_ids,
    )


def move_annotations(db: Database, source_id: int, target_id: int) -> int:
    """Relink every annotation of ``source_id`` to ``target_id`` (no duplicates); returns how many."""
    moved = int(
        db.execute("SELECT count(*) FROM annotation_themes WHERE theme_id = ?", [source_id]).fetchone()[0]
    )
    db.execute(
        "INSERT OR IGNORE INTO annotation_themes(annotation_id, theme_id) "
        "SELECT annotation_id, ? FROM annotation_themes WHERE theme_id = ?",
        [target_id, source_id],
    )
    db.execute("DELETE FROM annotation_themes WHERE theme_id = ?", [source_id])
    return moved


def unlink_annotations(db: Database, theme_id: int) -> int:
    cursor = db.execute("DELETE FROM annotation_themes WHERE theme_id = ?", [theme_id])
    return int(cursor.rowcount)


def link_annotations(db: Database, theme_id: int, annotation_ids: Iterable[int]) -> None:
    for annotation_id in annotation_ids:
        db.execute(
            "INSERT OR IGNORE INTO annotation_themes(annotation_id, theme_id) "
            "SELECT id, ? FROM annotations WHERE id = ?",
            [theme_id, annotation_id],
        )


def delete(db: Database, theme_id: int) -> None:
    db.execute("DELETE FROM themes WHERE id = ?", [theme_id])
