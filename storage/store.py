"""The SQLite store: a database file, one connection kept per thread for its units of work."""

from __future__ import annotations

import os
import sqlite3
import threading
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from storage import migrations
from storage.migrations import MIGRATIONS
from storage.tx import Tx

BUSY_TIMEOUT_MS = 10_000


class _Kept(threading.local):
    """The connection a thread keeps to one database file, and whether a unit of work is on it."""

    db: sqlite_utils.Database | None = None
    pid: int = 0
    busy: bool = False


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
        return sqlite_utils.Database(conn)

    @contextmanager
    def _connection(self) -> Iterator[sqlite_utils.Database]:
        """This thread's kept connection (a fresh one when it is in use or from before a fork)."""
        kept = self._kept
        if kept.busy:
            db = self._connect()
            try:
                yield db
            finally:
                db.conn.close()
            return
        if kept.db is None or kept.pid != os.getpid():
            kept.db, kept.pid = self._connect(), os.getpid()
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
        with self._connection() as db:
            db.execute("BEGIN")
            try:
                yield Tx(db, self.clock())
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    @contextmanager
    def write(self) -> Iterator[Tx]:
        """A writing unit of work: one transaction, committed on success, rolled back on error."""
        with self._writing, self._connection() as db:
            # IMMEDIATE takes the write lock up front so concurrent writers (of other processes)
            # queue on the busy timeout instead of failing half-way with SQLITE_BUSY.
            db.execute("BEGIN IMMEDIATE")
            try:
                yield Tx(db, self.clock())
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    def backup(self, target: str | Path) -> None:
        """Copy the live database to a file with SQLite's online backup API."""
        src = sqlite3.connect(self.path)
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
            src.close()
