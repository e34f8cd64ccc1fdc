"""The SQLite store: a database file, one connection kept per thread for its units of work."""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from storage import faults, migrations
from storage.migrations import MIGRATIONS
from storage.tx import Tx

log = logging.getLogger("samverkan.storage")

#: How long a unit of work waits for another writer: well within Slack's 3 s, after which
#: the request is refused ("busy, nothing was changed") rather than answered late.
BUSY_TIMEOUT_MS = 2_000


class _Kept(threading.local):
    """The connection a thread keeps to one database file, and whether a unit of work is on it."""

    db: sqlite_utils.Database | None = None
    pid: int = 0
    busy: bool = False
    #: Whether the file could be written when the connection was opened.
    writable: bool = True


class Store:
    """A SQLite database file; each thread keeps one connection for its units of work.

    A connection never crosses threads: it lives in a thread-local slot and is only used by
    the thread that opened it (Bolt's and APScheduler's pools each get their own). A unit of
    work opened inside another on the same thread gets a connection of its own for its length;
    a process made by fork opens new ones. `close()` closes them all.
    """

    def __init__(self, path: str | Path, clock: Callable[[], datetime] | None = None) -> None:
        self.path = str(path)
        self.clock: Callable[[], datetime] = clock or (lambda: datetime.now(UTC))
        self._kept = _Kept()
        # Weak: a thread that ends takes its connection with it.
        self._all: weakref.WeakSet[sqlite_utils.Database] = weakref.WeakSet()
        self._lock = threading.Lock()
        # Writers of this process queue here, handed over at once, rather than in SQLite's busy
        # handler, which sleeps and polls (1, 2, 5 … 100 ms) while another connection writes.
        self._writing = threading.RLock()
        #: What the whole check found after the start (a file too large to check before it).
        self._damage: str | None = None

    def _connect(self) -> sqlite_utils.Database:
        """A new connection with the pragmas every unit of work relies on."""
        # check_same_thread=False only so that close() may close every thread's connection at
        # the end; in use, each connection stays on the thread that opened it (see _Kept).
        conn = sqlite3.connect(
            self.path,
            timeout=BUSY_TIMEOUT_MS / 1000,
            isolation_level=None,
            check_same_thread=False,
        )
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA synchronous = NORMAL")
        # Deleted content is overwritten, not left in free pages: a deletion leaves no trace.
        conn.execute("PRAGMA secure_delete = ON")
        return sqlite_utils.Database(conn)

    @contextmanager
    def _connection(
        self, *, fresh: bool = False, write: bool = False
    ) -> Iterator[sqlite_utils.Database]:
        """This thread's kept connection (a fresh one when it is in use, from before a fork, or
        `fresh` is asked for). A write never uses one opened while the file could not be
        written (SQLite then opens it read-only, for good)."""
        kept = self._kept
        if kept.db is not None and kept.pid != os.getpid():
            kept.db = None  # the parent's, from before a fork: left alone, never used here
        if fresh and not kept.busy:
            # Not kept past a change of the file: closed, the last connection takes the -wal and
            # -shm with it, and SQLite makes them anew with the file's own mode.
            self._forget(kept)
        if kept.busy or fresh:
            db = self._connect()
            try:
                yield db
            finally:
                db.conn.close()
            return
        if kept.db is not None and write and not kept.writable:
            self._forget(kept)
        if kept.db is None:
            writable = not faults.not_writable(self.path)
            kept.db, kept.pid, kept.writable = self._connect(), os.getpid(), writable
            with self._lock:
                self._all.add(kept.db)
        kept.busy = True
        try:
            yield kept.db
        except BaseException:
            if kept.db.conn.in_transaction:  # a failed ROLLBACK: do not reuse the connection
                self._forget(kept)
            raise
        finally:
            kept.busy = False

    def _forget(self, kept: _Kept) -> None:
        if kept.db is not None:
            with self._lock:
                self._all.discard(kept.db)
            kept.db.conn.close()
        kept.db = None

    def close(self) -> None:
        """Close every connection the threads keep (at shutdown, or before replacing the file)."""
        with self._lock:
            kept, self._all = list(self._all), weakref.WeakSet()
        for db in kept:
            db.conn.close()
        self._kept = _Kept()

    def migrate(self) -> list[int]:
        """Bring the schema up to date; returns the migrations applied now."""
        with self._connection() as db:
            db.execute("PRAGMA journal_mode = WAL")
            # MIGRATIONS is looked up here, in this module, so a test can offer fewer of them.
            return migrations.apply(db, MIGRATIONS)

    def schema_version(self) -> int:
        """The newest migration applied to the file."""
        with self._connection() as db:
            return migrations.current_version(db)

    @contextmanager
    def read(self) -> Iterator[Tx]:
        """A read-only unit of work (a consistent snapshot)."""
        with self._faults(), self._connection() as db:
            db.execute("BEGIN")
            try:
                yield Tx(db, self.clock())
                db.execute("COMMIT")
            except BaseException:
                if db.conn.in_transaction:
                    db.execute("ROLLBACK")
                raise

    @contextmanager
    def write(self) -> Iterator[Tx]:
        """A writing unit of work: one transaction, committed on success, rolled back on error.

        A busy, read-only, full or damaged database raises StoreError, with nothing changed.
        """
        # A file that cannot be written now: this unit of work opens the file anew (and fails
        # as it should), instead of writing through a connection opened before the change.
        # Checked once per write; the sidecars' repair only when something is not writable.
        blocked = bool(faults.not_writable(self.path))
        if blocked:
            self._repair_sidecars()
            blocked = bool(faults.not_writable(self.path))
        with self._faults(), self._write_turn(), self._connection(fresh=blocked, write=True) as db:
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

    @contextmanager
    def _write_turn(self) -> Iterator[None]:
        """This process's writers queue here, at most BUSY_TIMEOUT_MS like SQLite's own wait."""
        if not self._writing.acquire(timeout=BUSY_TIMEOUT_MS / 1000):
            raise faults.StoreError(faults.BUSY, self.path, "another writer of this process")
        try:
            yield
        finally:
            self._writing.release()

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
            if not Path(self.path).exists():
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

    def check_fully_later(self) -> threading.Thread | None:
        """For a file too large to check whole before the start: the whole check beside the
        serving. Damage it finds is logged in one line and reported by /healthz from then on."""
        p = Path(self.path)
        if not p.exists() or p.stat().st_size <= faults.FULL_CHECK_AT_START:
            return None

        def check() -> None:
            found = faults.integrity(self.path)
            if found is not None:
                self._damage = found
                log.error(
                    "the database %s is damaged (%s): stop the bot, move it aside and copy your "
                    "latest backup in its place",
                    self.path,
                    found,
                )

        thread = threading.Thread(target=check, name="database-check", daemon=True)
        thread.start()
        return thread

    def health(self) -> str:
        """ok, damaged, read_only or missing (for /healthz)."""
        return faults.DAMAGED if self._damage else faults.health(self.path)

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
