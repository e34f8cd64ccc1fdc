"""Migration 14, search_everything. Landed: never edit it, add a new migration instead."""

from __future__ import annotations

import sqlite_utils

from storage.migrations.m009_search_index import SOURCES, index_existing

NAME = "search_everything"

#: Observations and causes join the per-plan index beside what migration 9 indexed.
EVERYTHING = {
    **SOURCES,
    "observation": ("observations", ("text",)),
    "cause": ("causes", ("text",)),
}


def migrate(db: sqlite_utils.Database) -> None:
    """Observations and causes into the per-plan search index (word forms, prefixes, phrases),
    in place of the observations' own FTS table that matched every plan's rows.

    The index is built again from every kind, so that its newest-first order holds across
    kinds: about as long as migration 9 (some 20 s per million log entries on two shared
    vCPUs), a fraction of a second for a plan's life of ordinary use.
    """
    if "observations_fts" in db.table_names():
        db.table("observations").disable_fts()
    db.execute("DELETE FROM search_items")
    db.execute("DROP TABLE search_terms")
    db.execute(
        "CREATE VIRTUAL TABLE search_terms USING fts5(sv, en, words, "
        "tokenize = \"ascii tokenchars '_'\", columnsize = 0)"
    )
    index_existing(db, EVERYTHING)
