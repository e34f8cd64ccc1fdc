"""Migration 9, search_index. Landed: never edit it, add a new migration instead."""

from __future__ import annotations

import sqlite_utils

from storage.textsearch import index_columns

NAME = "search_index"

#: What each kind of item contributes to the index: its table and the columns of its text.
#: A kind added later indexes its existing rows in its own migration, the same way.
SOURCES = {
    "organisation": ("organisations", ("name",)),
    "activity": ("activities", ("title", "cause", "goal")),
    "followup": ("followups", ("text",)),
    "log": ("log_entries", ("text",)),
}


def migrate(db: sqlite_utils.Database) -> None:
    """Replace the log's FTS table with one per-plan index of every text people write (and
    the organisations' names).

    It indexes what the file holds in one pass: about 20 s for 1,000,000 log entries on two
    shared vCPUs (16–32 s over runs of `make bench-scale`), a fraction of a second for a plan's
    life of ordinary use.
    """
    if "log_entries_fts" in db.table_names():
        db.table("log_entries").disable_fts()
    db.execute(
        "CREATE TABLE search_items (id INTEGER PRIMARY KEY, plan_id INTEGER NOT NULL "
        "REFERENCES plans(id), kind TEXT NOT NULL, item_id INTEGER NOT NULL)"
    )
    db.execute("CREATE UNIQUE INDEX idx_search_items_kind_item ON search_items (kind, item_id)")
    # Terms are `<plan id>_<word>`: the ascii tokenizer splits on spaces only here (every
    # character of a term is a letter, a digit or the underscore), and leaves folding to us.
    db.execute(
        "CREATE VIRTUAL TABLE search_terms USING fts5(sv, en, words, "
        "tokenize = \"ascii tokenchars '_'\", columnsize = 0)"
    )
    index_existing(db, SOURCES)


def index_existing(
    db: sqlite_utils.Database, sources: dict[str, tuple[str, tuple[str, ...]]]
) -> None:
    """Index every existing row of the given kinds, oldest first (so newest-first order holds)."""
    width = max(len(columns) for _table, columns in sources.values())
    selects = []
    for kind, (table, columns) in sources.items():
        cols = list(columns) + ["NULL"] * (width - len(columns))
        # Organisations have no creation time: they come first, as the oldest.
        at = "created_at" if table != "organisations" else "''"
        selects.append(f"SELECT '{kind}', id, plan_id, {at}, {', '.join(cols)} FROM {table}")
    cur = db.conn.execute(" UNION ALL ".join(selects) + " ORDER BY 4, 1, 2")
    n = _next_id(db)
    while batch := cur.fetchmany(5000):
        items, terms = [], []
        for kind, item_id, plan_id, _at, *texts in batch:
            items.append((n, plan_id, kind, item_id))
            terms.append((n, *index_columns(plan_id, [t for t in texts if t])))
            n += 1
        db.conn.executemany("INSERT INTO search_items VALUES (?, ?, ?, ?)", items)
        db.conn.executemany(
            "INSERT INTO search_terms (rowid, sv, en, words) VALUES (?, ?, ?, ?)", terms
        )


def _next_id(db: sqlite_utils.Database) -> int:
    r = db.execute("SELECT MAX(id) FROM search_items").fetchone()
    return int(r[0] or 0) + 1
