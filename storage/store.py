"""The SQLite store: a database file that hands out one connection per unit of work."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from storage import migrations
from storage.migrations import MIGRATIONS
from storage.tx import Tx

BUSY_TIMEOUT_MS = 10_000


class Store:
    """A SQLite database file; hands out one connection per unit of work."""

    def __init__(self, path: str | Path, clock: Callable[[], datetime] | None = None) -> None:
        self.path = str(path)
        self.clock: Callable[[], datetime] = clock or (lambda: datetime.now(UTC))

    def _connect(self) -> sqlite_utils.Database:
        """A new connection with the pragmas every unit of work relies on."""
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA synchronous = NORMAL")
        # Deleted content is overwritten, not left in free pages: a deletion leaves no trace.
        conn.execute("PRAGMA secure_delete = ON")
        return sqlite_utils.Database(conn)

    def migrate(self) -> list[int]:
        """Bring the schema up to date; returns the migrations applied now."""
        db = self._connect()
        try:
            db.execute("PRAGMA journal_mode = WAL")
            # MIGRATIONS is looked up here, in this module, so a test can offer fewer of them.
            return migrations.apply(db, MIGRATIONS)
        finally:
            db.conn.close()

    def schema_version(self) -> int:
        """The newest migration applied to the file."""
        db = self._connect()
        try:
            return migrations.current_version(db)
        finally:
            db.conn.close()

    @contextmanager
    def read(self) -> Iterator[Tx]:
        """A read-only unit of work (a consistent snapshot)."""
        db = self._connect()
        try:
            db.execute("BEGIN")
            yield Tx(db, self.clock())
            db.execute("COMMIT")
        finally:
            db.conn.close()

    @contextmanager
    def write(self) -> Iterator[Tx]:
        """A writing unit of work: one transaction, committed on success, rolled back on error."""
        db = self._connect()
        try:
            # IMMEDIATE takes the write lock up front so concurrent writers queue on the busy
            # timeout instead of failing half-way with SQLITE_BUSY.
            db.execute("BEGIN IMMEDIATE")
            try:
                yield Tx(db, self.clock())
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")
        finally:
            db.conn.close()

    def checkpoint(self) -> None:
        """Copy the write-ahead log into the database file and empty it (after a deletion, so
        the deleted text is in neither)."""
        db = self._connect()
        try:
            # Never wait for readers (a reply waits for this): what cannot be copied now is
            # copied by SQLite's next automatic checkpoint.
            db.execute("PRAGMA busy_timeout = 0")
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        except sqlite3.OperationalError:
            pass
        finally:
            db.conn.close()

    def backup(self, target: str | Path) -> None:
        """Copy the live database to a file with SQLite's online backup API."""
        src = sqlite3.connect(self.path)
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
            src.close()
