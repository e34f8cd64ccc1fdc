"""Numbered schema migrations, one module each (mNNN_name.py), and the runner that applies them.

Once a migration has landed it is never edited: add a new module and list it in MIGRATIONS.

sqlite-utils 4 has a migrations helper (sqlite_utils.migrations.Migrations), but it is not
compatible with our bookkeeping: it records applied migrations by *name* in its own
`_sqlite_migrations` table (migration_set, name, applied_at), while every existing database
file records them by *version* in `schema_migrations` (version, name, applied_at), and
`Store.schema_version()` reads that. Adopting it would re-run m001 on every existing file, so
we keep this small runner.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime

import sqlite_utils

from storage.migrations import (
    m001_initial,
    m002_audit_by_time,
    m003_who_is_in,
    m004_corrections,
    m006_situation,
    m007_round,
    m008_template_fields,
    m009_search_index,
    m010_reads_by_index,
    m011_user_languages,
    m012_followup_report,
    m013_workspaces,
    m014_search_everything,
)

Migration = tuple[int, str, Callable[[sqlite_utils.Database], None]]

MIGRATIONS: list[Migration] = [
    (1, m001_initial.NAME, m001_initial.migrate),
    (2, m002_audit_by_time.NAME, m002_audit_by_time.migrate),
    (3, m003_who_is_in.NAME, m003_who_is_in.migrate),
    (4, m004_corrections.NAME, m004_corrections.migrate),
    (6, m006_situation.NAME, m006_situation.migrate),
    (7, m007_round.NAME, m007_round.migrate),
    (8, m008_template_fields.NAME, m008_template_fields.migrate),
    (9, m009_search_index.NAME, m009_search_index.migrate),
    (10, m010_reads_by_index.NAME, m010_reads_by_index.migrate),
    (11, m011_user_languages.NAME, m011_user_languages.migrate),
    (12, m012_followup_report.NAME, m012_followup_report.migrate),
    (13, m013_workspaces.NAME, m013_workspaces.migrate),
    (14, m014_search_everything.NAME, m014_search_everything.migrate),
]


def apply(db: sqlite_utils.Database, migrations: Sequence[Migration]) -> list[int]:
    """Apply the migrations not yet recorded, each in its own transaction; returns their versions."""
    db.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations "
        "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    applied: list[int] = []
    for version, name, fn in migrations:
        db.execute("BEGIN IMMEDIATE")
        try:
            done = db.execute(
                "SELECT 1 FROM schema_migrations WHERE version = ?", (version,)
            ).fetchone()
            if not done:
                fn(db)
                db.execute(
                    "INSERT INTO schema_migrations VALUES (?, ?, ?)",
                    (version, name, datetime.now(UTC).isoformat(timespec="seconds")),
                )
                applied.append(version)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
    return applied


def current_version(db: sqlite_utils.Database) -> int:
    """The newest migration recorded in the file."""
    r = db.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
    return int(r[0] or 0)
