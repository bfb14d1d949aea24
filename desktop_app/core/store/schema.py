"""The library database schema, as versioned sqlite-utils migrations.

Never edit a migration that has shipped: add a new one. tests/data/libraries/ keeps a library made by
each schema version; tests open them with the current code and check nothing is lost.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop_app.core.store.connection import Migrations

if TYPE_CHECKING:
    from sqlite_utils import Database

migrations = Migrations("kamerlezer")


@migrations(name="0001_initial")
def _initial(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE letters (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            source_file TEXT NOT NULL,
            -- source_file without its extension (as Letter.name): the handle users type; one letter per name
            name TEXT GENERATED ALWAYS AS (
                CASE WHEN instr(source_file, '.') > 0
                THEN substr(rtrim(source_file, replace(source_file, '.', '')), 1,
                            length(rtrim(source_file, replace(source_file, '.', ''))) - 1)
                ELSE source_file END
            ) STORED,
            source_path TEXT,  -- the original's copy, relative to the library folder
            content_hash TEXT NOT NULL UNIQUE,
            source_format TEXT NOT NULL,
            text TEXT NOT NULL,
            text_hash TEXT NOT NULL,  -- anchoring.text_hash(text)
            date TEXT,
            subject TEXT,
            chamber TEXT,
            signatory TEXT,
            kind TEXT,
            kamerstuk TEXT,
            kamerstuk_source TEXT,
            pages INTEGER,
            headings TEXT NOT NULL DEFAULT '[]',
            page_starts TEXT NOT NULL DEFAULT '[]',
            imported_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX letters_date ON letters(date);
        CREATE INDEX letters_kamerstuk ON letters(kamerstuk);
        CREATE UNIQUE INDEX letters_name ON letters(name);

        CREATE TABLE footnotes (
            id INTEGER PRIMARY KEY,
            letter_id INTEGER NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
            number INTEGER NOT NULL,
            text TEXT NOT NULL,
            marker_start INTEGER,
            marker_end INTEGER
        );
        CREATE INDEX footnotes_letter ON footnotes(letter_id);

        CREATE TABLE themes (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL,
            color TEXT NOT NULL,
            parent_id INTEGER REFERENCES themes(id) ON DELETE RESTRICT,
            description TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0
        );

        -- Ids of letters, themes and annotations are never reused (AUTOINCREMENT): undo re-inserts a
        -- deleted row with its old id, and a reference held by the GUI must not find a newer row.
        -- Annotations are never deleted by a cascade: deleting a letter that still has annotations
        -- is refused (RESTRICT); the user removes or moves them first.
        CREATE TABLE annotations (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            letter_id INTEGER NOT NULL REFERENCES letters(id) ON DELETE RESTRICT,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            quote TEXT NOT NULL,
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            text_hash TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'anchored',
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        );
        CREATE INDEX annotations_letter ON annotations(letter_id);

        CREATE TABLE annotation_themes (
            annotation_id INTEGER NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
            theme_id INTEGER NOT NULL REFERENCES themes(id) ON DELETE RESTRICT,
            PRIMARY KEY (annotation_id, theme_id)
        );
        CREATE INDEX annotation_themes_theme ON annotation_themes(theme_id);

        CREATE TABLE "references" (
            id INTEGER PRIMARY KEY,
            letter_id INTEGER NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
            location TEXT NOT NULL,
            footnote_number INTEGER,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            raw TEXT NOT NULL,
            kind TEXT NOT NULL,
            canonical TEXT,
            fields TEXT NOT NULL DEFAULT '{}',
            target_letter_id INTEGER REFERENCES letters(id) ON DELETE SET NULL,
            confidence REAL NOT NULL DEFAULT 0,
            reason TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'missing',
            suggestions TEXT NOT NULL DEFAULT '[]'
        );
        CREATE INDEX references_letter ON "references"(letter_id);
        CREATE INDEX references_canonical ON "references"(canonical);
        CREATE INDEX references_target ON "references"(target_letter_id);

        -- The user's decisions on suggested links survive re-extraction and re-import: they are keyed
        -- by what was cited (canonical id, else the raw citation text) and the letter it points to.
        CREATE TABLE reference_decisions (
            id INTEGER PRIMARY KEY,
            cited_key TEXT NOT NULL,
            target_letter_id INTEGER NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
            decision TEXT NOT NULL CHECK (decision IN ('confirmed', 'rejected')),
            created TEXT NOT NULL,
            UNIQUE (cited_key, target_letter_id)
        );

        CREATE TABLE meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        """
    )



@migrations(name="0002_letters_summary_index")
def _letters_summary_index(db: Database) -> None:
    """A covering index for the letter list (``letters_repo.summaries``): its columns are read from
    this index instead of from the rows, which hold the whole text before these columns. (The row id
    is in every index. ``name`` is left out: SQLite reads the row for a generated column anyway.)"""
    db.execute("CREATE INDEX letters_summary ON letters(date, subject, chamber, kamerstuk, kind, source_file)")


@migrations(name="0003_inferred_kamerstuk")
def _inferred_kamerstuk(db: Database) -> None:
    """A letter's own Kamerstuk id as inferred from the citations (see references/resolver.py,
    ``Resolver.claims``), with the reason, beside the id it names itself or the user set. Derived
    data: written by every resolution of the citations. The letter list shows it, so the covering
    index ``letters_summary`` holds it too."""
    db.executescript(
        """
        ALTER TABLE letters ADD COLUMN inferred_kamerstuk TEXT;
        ALTER TABLE letters ADD COLUMN inferred_reason TEXT;
        DROP INDEX IF EXISTS letters_summary;
        CREATE INDEX letters_summary
            ON letters(date, subject, chamber, kamerstuk, kind, source_file, inferred_kamerstuk);
        """
    )


@migrations(name="0004_theme_keys")
def _theme_keys(db: Database) -> None:
    """A theme's key (1-9) is its own, chosen by the user and unique, instead of its place in the
    list. Existing libraries keep the keys they had: the first nine themes in tree order."""
    db.execute('ALTER TABLE themes ADD COLUMN "key" INTEGER CHECK ("key" BETWEEN 1 AND 9)')
    db.execute('CREATE UNIQUE INDEX themes_key ON themes("key") WHERE "key" IS NOT NULL')
    rows = db.execute("SELECT id, parent_id FROM themes ORDER BY position, id").fetchall()
    children: dict[int | None, list[int]] = {}
    for theme_id, parent_id in rows:
        children.setdefault(parent_id, []).append(theme_id)
    order: list[int] = []

    def walk(parent_id: int | None) -> None:
        for theme_id in children.get(parent_id, []):
            order.append(theme_id)
            walk(theme_id)

    walk(None)
    for key, theme_id in enumerate(order[:9], start=1):
        db.execute('UPDATE themes SET "key" = ? WHERE id = ?', [key, theme_id])


# The tables whose rows the history records (see store/history_repo.py): everything the user's
# changes write, derived rows included, so undo puts back exactly what was there.
HISTORY_TABLES = (
    "letters", "footnotes", "themes", "annotations", "annotation_themes", "references", "reference_decisions", "meta",
)  # fmt: skip


def install_history_triggers(db: Database) -> None:
    """(Re)create the triggers that copy every row a recorded change writes into ``history_rows``:
    the table, the rowid, the column list and the row before and after as SQL literals (``quote()``,
    exact for every type, floats included). They fire only while ``history_recording`` holds the id
    of the change being recorded. A later migration that adds a column to one of HISTORY_TABLES calls
    this again, so the new column is recorded too (older rows keep their own column list)."""
    for table in HISTORY_TABLES:
        columns = [str(r[1]) for r in db.execute(f'PRAGMA table_info("{table}")').fetchall()]
        cols = ",".join(f'"{c}"' for c in columns)

        def row(alias: str, columns: list[str] = columns) -> str:
            return "||','||".join(f'quote({alias}."{c}")' for c in columns)

        literal = cols.replace("'", "''")
        for event, rowid, before, after in (
            ("INSERT", "NEW.rowid", "NULL", row("NEW")),
            ("UPDATE", "NEW.rowid", row("OLD"), row("NEW")),
            ("DELETE", "OLD.rowid", row("OLD"), "NULL"),
        ):
            name = f"history_{table}_{event.lower()}"
            db.execute(f'DROP TRIGGER IF EXISTS "{name}"')
            db.execute(
                f'CREATE TRIGGER "{name}" AFTER {event} ON "{table}" WHEN EXISTS (SELECT 1 FROM history_recording) '
                f"BEGIN INSERT INTO history_rows(change_id, tbl, row_id, cols, before, after) "
                f"SELECT change_id, '{table}', {rowid}, '{literal}', {before}, {after} FROM history_recording; END"
            )


@migrations(name="0005_history")
def _history(db: Database) -> None:
    """The history of changes (undo, redo, ``kamerlezer history``): one row per change in
    ``history``, the rows it wrote in ``history_rows`` (filled by triggers, see
    :func:`install_history_triggers`), and ``history_recording``, which holds the id of the change
    being recorded while one is (empty otherwise: nothing else is recorded)."""
    db.executescript(
        """
        CREATE TABLE history (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            label TEXT NOT NULL,           -- what the change did, as the user reads it: "Tagged …"
            created TEXT NOT NULL,
            undone INTEGER NOT NULL DEFAULT 0,  -- 1: undone (redo puts it back)
            touched TEXT NOT NULL DEFAULT '{}'  -- JSON: {"letters": [ids], "themes": [...], "annotations": [...]}
        );
        CREATE TABLE history_rows (
            id INTEGER PRIMARY KEY AUTOINCREMENT,  -- the order the rows were written in
            change_id INTEGER NOT NULL REFERENCES history(id) ON DELETE CASCADE,
            tbl TEXT NOT NULL,
            row_id INTEGER NOT NULL,
            cols TEXT NOT NULL,   -- the columns, quoted and comma-separated, as the literals list them
            before TEXT,          -- the row's values as SQL literals; NULL: the change inserted it
            after TEXT            -- NULL: the change deleted it
        );
        CREATE INDEX history_rows_change ON history_rows(change_id);
        CREATE TABLE history_recording (change_id INTEGER NOT NULL);
        """
    )
    install_history_triggers(db)


@migrations(name="0006_letter_head")
def _letter_head(db: Database) -> None:
    """The letter head's citing fields (``ParsedLetter.head``: "Uw kenmerk 2022Z20676", an Aanhangsel's
    "Zie ook ..." remark), which are not in the body; the references store their citations with
    location "head", spans into this text. NULL: the letter was imported before the head was kept (its
    head is unread: importing its file again reads it, instead of skipping the file as known); every
    import since writes the text, "" when the head cites nothing. ``letters`` is recorded by the
    history: its triggers are made again to record the column."""
    db.execute("ALTER TABLE letters ADD COLUMN head TEXT")
    install_history_triggers(db)


@migrations(name="0007_history_label_parts")
def _history_label_parts(db: Database) -> None:
    """Each change's label also as the template and arguments it was made from (JSON, see
    ``core/labels.py``), so an interface in another language translates the wording and keeps the
    names as written. NULL for changes recorded before: their parts are read from the English text."""
    db.execute("ALTER TABLE history ADD COLUMN label_parts TEXT")


# The tables whose rows make the letter list (``letters_repo.summaries``), and the triggers that set the
# list's stamp at every row written to them (store/list_cache.py uses the list only while all are there).
LIST_TABLES = ("letters", "annotations", "annotation_themes")
LIST_TRIGGERS = {table: {event: f"letter_list_{table}_{event.lower()}" for event in ("INSERT", "UPDATE", "DELETE")}
                 for table in LIST_TABLES}  # fmt: skip


@migrations(name="0008_letter_list_stamp")
def _letter_list_stamp(db: Database) -> None:
    """A stamp of the letter list: one random value that triggers set anew at every row written to
    LIST_TABLES (by any code, undo and redo included), so a copy of the list kept outside the database
    (``<library>/cache/``, store/list_cache.py) is known to be current when it was made under the
    stamp the database holds. Random, not a counter: a library restored from a backup, or a change
    rolled back, cannot come back to a stamp a different list was kept under. Not recorded by the
    history (undo sets a new stamp instead of putting back the old one)."""
    db.executescript(
        """
        CREATE TABLE letter_list_stamp (stamp BLOB NOT NULL);
        INSERT INTO letter_list_stamp (stamp) VALUES (randomblob(8));
        """
    )
    for table, triggers in LIST_TRIGGERS.items():
        for event, name in triggers.items():
            db.execute(
                f'CREATE TRIGGER "{name}" AFTER {event} ON "{table}" '
                "BEGIN UPDATE letter_list_stamp SET stamp = randomblob(8); END"
            )


SCHEMA_VERSION = len(migrations._migrations)  # noqa: SLF001 - the count of registered migrations
