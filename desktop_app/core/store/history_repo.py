"""SQL for the history of changes: the tables ``history``, ``history_rows`` and ``history_recording``
(migration 0005_history). Callers own the transactions.

Triggers (``schema.install_history_triggers``) copy every row a change writes into ``history_rows``
while ``history_recording`` holds that change's id: the row before and after, as SQL literals
(``quote()``: exact for text, integers and floats). Undo writes the "before" literals back in the
reverse order; redo the "after" literals in the original order. Nothing is recorded meanwhile.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from desktop_app.core.labels import Label, from_stored
from desktop_app.core.store.connection import Database

KEEP = 500  # the newest changes kept; older ones are dropped (and can no longer be undone)


@dataclass(frozen=True)
class RowChange:
    """One row a change wrote: ``before`` None means the change inserted it, ``after`` None deleted it."""

    table: str
    row_id: int
    before: dict[str, Any] | None
    after: dict[str, Any] | None


@dataclass(frozen=True)
class Change:
    """One recorded change: what the user did (``label``), what it touched (ids by kind: "letters",
    "themes", "annotations") and, when loaded with its rows, every row before and after."""

    id: int
    label: str  # a Label (with its template and arguments) when they are known
    created: str
    undone: bool
    touched: dict[str, tuple[int, ...]]
    rows: tuple[RowChange, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "label": self.label, "created": self.created, "undone": self.undone,
            "touched": {k: list(v) for k, v in self.touched.items()},
        }  # fmt: skip


@dataclass(frozen=True)
class _Row:
    table: str
    row_id: int
    cols: str
    before: str | None
    after: str | None


def _parts(label: str) -> str | None:
    return label.stored() if isinstance(label, Label) else None


def begin(db: Database, label: Label, created: str) -> int:
    """Start recording a change: every row written until :func:`finish` belongs to it."""
    db.execute("DELETE FROM history_recording")
    sql = "INSERT INTO history(label, label_parts, created) VALUES (?, ?, ?)"
    change_id = int(db.execute(sql, [label, _parts(label), created]).lastrowid or 0)
    db.execute("INSERT INTO history_recording(change_id) VALUES (?)", [change_id])
    return change_id


def stop(db: Database) -> None:
    """Nothing is recorded from here on (also after a crash left a recording open)."""
    db.execute("DELETE FROM history_recording")


def close_interrupted(db: Database) -> None:
    """A change whose recording a crash cut short (a batch import commits file by file): what it
    committed is kept as one change, labelled as interrupted, so undo takes it back whole."""
    change_id = recording(db)
    if change_id is None:
        return
    with db.atomic():
        change = get(db, change_id)
        if change is None:
            label = "Interrupted change"
        else:
            label = change.label.cut_short() if isinstance(change.label, Label) else f"{change.label} (interrupted)"
        finish(db, change_id, label, touched(db, change_id))


def recording(db: Database) -> int | None:
    row = db.execute("SELECT change_id FROM history_recording").fetchone()
    return int(row[0]) if row else None


def finish(db: Database, change_id: int, label: str, touched: dict[str, list[int]]) -> bool:
    """Stop recording; keep the change when it wrote rows (then the changes undone before it can no
    longer be redone, and only the newest :data:`KEEP` stay), else forget it. True when kept."""
    stop(db)
    if db.execute("SELECT 1 FROM history_rows WHERE change_id = ? LIMIT 1", [change_id]).fetchone() is None:
        db.execute("DELETE FROM history WHERE id = ?", [change_id])
        return False
    db.execute(
        "UPDATE history SET label = ?, label_parts = ?, touched = ? WHERE id = ?",
        [label, _parts(label), json.dumps({k: sorted(set(v)) for k, v in touched.items() if v}), change_id],
    )
    db.execute("DELETE FROM history WHERE undone = 1 AND id <> ?", [change_id])
    db.execute("DELETE FROM history WHERE id NOT IN (SELECT id FROM history ORDER BY id DESC LIMIT ?)", [KEEP])
    return True


def fold_into_previous(db: Database, change_id: int) -> bool:
    """Make a change part of the one before it, when both wrote the same single row and carry the same
    label (a note typed in several sittings is one change: undo takes back the whole edit). True when
    folded (the change is gone; the previous one now ends where it ended)."""
    previous = db.execute(
        "SELECT id, label FROM history WHERE id < ? AND undone = 0 ORDER BY id DESC LIMIT 1", [change_id]
    ).fetchone()
    current = get(db, change_id)
    if previous is None or current is None or previous[1] != current.label:
        return False
    mine = list(_rows(db, change_id))
    theirs = list(_rows(db, int(previous[0])))
    if len(mine) != 1 or len(theirs) != 1:
        return False
    (row,), (before,) = mine, theirs
    if (row.table, row.row_id, row.cols) != (before.table, before.row_id, before.cols) or row.before != before.after:
        return False
    if row.after is None or row.before is None:
        return False
    db.execute(
        "UPDATE history_rows SET after = ? WHERE change_id = ? AND tbl = ? AND row_id = ?",
        [row.after, int(previous[0]), row.table, row.row_id],
    )
    db.execute("DELETE FROM history WHERE id = ?", [change_id])
    return True


def _change(row: Any) -> Change:
    change_id, label, parts, created, undone, touched = row
    data = json.loads(touched or "{}")
    return Change(int(change_id), from_stored(str(label), parts), str(created), bool(undone),
                  {k: tuple(v) for k, v in data.items()})


_CHANGE = "SELECT id, label, label_parts, created, undone, touched FROM history"


def changes(db: Database, limit: int | None = None) -> list[Change]:
    """Newest first (undone ones included: they are what redo puts back)."""
    sql = f"{_CHANGE} ORDER BY id DESC" + (" LIMIT ?" if limit is not None else "")
    return [_change(r) for r in db.execute(sql, [limit] if limit is not None else []).fetchall()]


def get(db: Database, change_id: int) -> Change | None:
    row = db.execute(f"{_CHANGE} WHERE id = ?", [change_id]).fetchone()
    return _change(row) if row else None


def last_done(db: Database) -> Change | None:
    """The change undo would take back: the newest one not undone."""
    row = db.execute(f"{_CHANGE} WHERE undone = 0 ORDER BY id DESC LIMIT 1").fetchone()
    return _change(row) if row else None


def first_undone(db: Database) -> Change | None:
    """The change redo would put back: the oldest undone one."""
    row = db.execute(f"{_CHANGE} WHERE undone = 1 ORDER BY id LIMIT 1").fetchone()
    return _change(row) if row else None


def set_undone(db: Database, change_id: int, undone: bool) -> None:
    db.execute("UPDATE history SET undone = ? WHERE id = ?", [int(undone), change_id])


def _rows(db: Database, change_id: int, *, reverse: bool = False) -> Iterator[_Row]:
    order = "DESC" if reverse else "ASC"
    sql = f"SELECT tbl, row_id, cols, before, after FROM history_rows WHERE change_id = ? ORDER BY id {order}"
    for tbl, row_id, cols, before, after in db.execute(sql, [change_id]).fetchall():
        yield _Row(str(tbl), int(row_id), str(cols), before, after)


def _values(db: Database, cols: str, literal: str | None) -> dict[str, Any] | None:
    if literal is None:
        return None
    names = json.loads(f"[{cols}]")
    return dict(zip(names, db.execute(f"SELECT {literal}").fetchone(), strict=True))


def rows(db: Database, change_id: int) -> list[RowChange]:
    """The rows the change wrote, in the order written, with their values."""
    return [
        RowChange(r.table, r.row_id, _values(db, r.cols, r.before), _values(db, r.cols, r.after))
        for r in _rows(db, change_id)
    ]


def _current(db: Database, table: str, row_id: int, cols: str) -> str | None:
    names = json.loads(f"[{cols}]")
    expr = "||','||".join(f'quote("{c}")' for c in names)
    row = db.execute(f'SELECT {expr} FROM "{table}" WHERE rowid = ?', [row_id]).fetchone()
    return str(row[0]) if row else None


def conflicts(db: Database, change_id: int, *, undo: bool, tables: tuple[str, ...]) -> list[tuple[str, int]]:
    """The rows of ``tables`` that are no longer as the change left them (undo) or found them (redo):
    something wrote them outside the history. Empty when the change can be applied exactly."""
    expected: dict[tuple[str, int], tuple[str, str | None]] = {}
    for row in _rows(db, change_id, reverse=not undo):  # the last state it left (first it found)
        if row.table in tables:
            expected[(row.table, row.row_id)] = (row.cols, row.after if undo else row.before)
    return [
        key for key, (cols, literal) in expected.items() if _current(db, key[0], key[1], cols) != literal
    ]


def apply(db: Database, change_id: int, *, undo: bool) -> None:
    """Write the rows back as they were before the change (undo) or after it (redo). Foreign keys are
    checked at the commit (the order of cascaded rows in the record is SQLite's)."""
    db.execute("PRAGMA defer_foreign_keys = ON")
    for row in _rows(db, change_id, reverse=undo):
        now, wanted = (row.after, row.before) if undo else (row.before, row.after)
        table = f'"{row.table}"'
        if wanted is None:
            db.execute(f"DELETE FROM {table} WHERE rowid = ?", [row.row_id])
        elif now is None:
            db.execute(f"INSERT INTO {table}(rowid, {row.cols}) VALUES (?, {wanted})", [row.row_id])
        else:
            db.execute(f"UPDATE {table} SET ({row.cols}) = ({wanted}) WHERE rowid = ?", [row.row_id])


def touched(db: Database, change_id: int) -> dict[str, list[int]]:
    """The letters, themes and annotations a change wrote (an annotation's letter counts too; a
    theme's link to an annotation counts for both), and the "documents": letters whose own rows
    (the letter, its footnotes, its citations, decisions on links to it) changed."""
    out: dict[str, list[int]] = {"letters": [], "themes": [], "annotations": [], "documents": []}
    for row in _rows(db, change_id):
        if row.table == "letters":
            out["letters"].append(row.row_id)
            out["documents"].append(row.row_id)
            continue
        if row.table == "themes":
            out["themes"].append(row.row_id)
            continue
        values = [v for v in (_values(db, row.cols, row.before), _values(db, row.cols, row.after)) if v is not None]
        if row.table in ("references", "footnotes"):
            out["documents"].extend(int(v["letter_id"]) for v in values)
        elif row.table == "reference_decisions":
            out["documents"].extend(int(v["target_letter_id"]) for v in values)
        elif row.table == "annotations":
            out["annotations"].append(row.row_id)
            out["letters"].extend(int(v["letter_id"]) for v in values)
        elif row.table == "annotation_themes":
            out["annotations"].extend(int(v["annotation_id"]) for v in values)
            out["themes"].extend(int(v["theme_id"]) for v in values)
    return out
