"""The SQLite store: a database file that hands out one connection per unit of work."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from storage import faults, migrations
from storage.migrations import MIGRATIONS
from storage.tx import Tx

#: How long a unit of work waits for another writer: well within Slack's 3 s, after which
#: the request is refused ("busy, nothing was changed") rather than answered late.
BUSY_TIMEOUT_MS = 2_000


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
        with self._faults():
            db = self._connect()
            try:
                db.execute("BEGIN")
                yield Tx(db, self.clock())
                db.execute("COMMIT")
            finally:
                db.conn.close()

    @contextmanager
    def write(self) -> Iterator[Tx]:
        """A writing unit of work: one transaction, committed on success, rolled back on error.

        A busy, read-only, full or damaged database raises StoreError, with nothing changed.
        """
        self._repair_sidecars()
        with self._faults():
            db = self._connect()
            try:
                # IMMEDIATE takes the write lock up front: a writer waits for another at most
                # BUSY_TIMEOUT_MS, before anything is done, instead of failing half-way.
                db.execute("BEGIN IMMEDIATE")
                try:
                    yield Tx(db, self.clock())
                    db.execute("COMMIT")
                except BaseException:
                    if db.conn.in_transaction:
                        db.execute("ROLLBACK")
                    raise
            finally:
                db.conn.close()

    @contextmanager
    def _faults(self) -> Iterator[None]:
        """SQLite's errors of the surroundings as StoreError; a bug's error passes unchanged."""
        try:
            yield
        except sqlite3.Error as e:
            fault = faults.classify(e, self.path)
            if fault is None:
                raise
            raise fault from e

    def _repair_sidecars(self) -> None:
        """Before a write: once the operator made the file writable again, its -wal/-shm (which
        SQLite made with the file's old, read-only mode) get the file's mode too."""
        try:
            if not faults.not_writable(self.path) or not Path(self.path).exists():
                return
            mode = Path(self.path).stat().st_mode & 0o777
            if mode & 0o200:
                for f in faults.sidecars(self.path):
                    if f.exists():
                        f.chmod(mode)
        except OSError:
            pass

    def problem_at_start(self) -> str | None:
        """Why the bot must not start on this file (damaged, not writable), in one line."""
        return faults.problem_at_start(self.path)

    def health(self) -> str:
        """ok, damaged, read_only or missing (for /healthz)."""
        return faults.health(self.path)

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
        """Copy the live database to a file with SQLite's online backup API.

        Refused (BackupRefused, nothing written) when there is no database to copy, the
        target's folder does not exist, or the target is the database itself.
        """
        source, out = Path(self.path), Path(target)
        if not source.is_file():
            raise BackupRefused(f"there is no database at {source}; nothing was backed up")
        if not out.parent.is_dir():
            raise BackupRefused(f"the folder {out.parent} does not exist; nothing was backed up")
        if out.exists() and out.resolve() == source.resolve():
            raise BackupRefused(f"{out} is the database itself; choose another file")
        with self._faults():
            src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
            try:
                dst = sqlite3.connect(str(out))
                try:
                    src.backup(dst)
                finally:
                    dst.close()
            finally:
                src.close()


class BackupRefused(Exception):
    """A backup that would copy nothing, or copy a database onto itself."""
