"""When the database file cannot do its part: busy, read-only, full, damaged or unreadable.

A fault of the surroundings, not a bug: `StoreError` says which (its `kind`) in one line, and
the unit of work it broke was rolled back, so nothing was changed. `problem_at_start` checks a
file before the bot uses it (without writing to it); `health` is what `/healthz` reports.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

BUSY = "busy"
READ_ONLY = "read_only"
FULL = "full"
DAMAGED = "damaged"
UNAVAILABLE = "unavailable"

#: SQLite's primary result codes (https://sqlite.org/rescode.html) and what they mean here.
_KINDS = {
    5: BUSY,  # SQLITE_BUSY
    6: BUSY,  # SQLITE_LOCKED
    8: READ_ONLY,  # SQLITE_READONLY
    13: FULL,  # SQLITE_FULL
    11: DAMAGED,  # SQLITE_CORRUPT
    26: DAMAGED,  # SQLITE_NOTADB
    10: UNAVAILABLE,  # SQLITE_IOERR
    14: UNAVAILABLE,  # SQLITE_CANTOPEN
}
_WHY = {
    BUSY: "another process holds the write lock",
    READ_ONLY: "the file or its folder is read-only",
    FULL: "the disk is full",
    DAMAGED: "the file is damaged",
    UNAVAILABLE: "the file cannot be read or written",
}


class StoreError(Exception):
    """The database could not do what was asked; nothing was changed."""

    def __init__(self, kind: str, path: str, detail: str = "") -> None:
        super().__init__(f"{path}: {_WHY.get(kind, kind)}" + (f" ({detail})" if detail else ""))
        self.kind = kind
        self.path = path


def classify(error: sqlite3.Error, path: str) -> StoreError | None:
    """The StoreError a SQLite error stands for, or None when it is a bug (a constraint, SQL)."""
    if isinstance(error, sqlite3.IntegrityError | sqlite3.ProgrammingError):
        return None
    code = getattr(error, "sqlite_errorcode", None)
    kind = _KINDS.get(code & 0xFF) if isinstance(code, int) else None
    if kind is None:
        text = str(error).casefold()
        if "locked" in text:
            kind = BUSY
        elif "readonly" in text or "read-only" in text:
            kind = READ_ONLY
        elif "disk is full" in text or "database or disk is full" in text:
            kind = FULL
        elif "malformed" in text or "not a database" in text:
            kind = DAMAGED
    if kind == UNAVAILABLE and _disk_free(path) < LOW_DISK:
        kind = FULL  # a write-ahead log or shared-memory file that could not grow
    return StoreError(kind, path, str(error)) if kind else None


#: Free bytes under which an I/O error is taken for a full disk.
LOW_DISK = 1 << 20


def _disk_free(path: str) -> int:
    try:
        return shutil.disk_usage(Path(path).resolve().parent).free
    except OSError:
        return LOW_DISK


def sidecars(path: str | Path) -> list[Path]:
    """The write-ahead log and shared-memory files beside a database file."""
    return [Path(f"{path}-wal"), Path(f"{path}-shm")]


def not_writable(path: str | Path) -> list[str]:
    """What of the file, its -wal/-shm and its folder cannot be written (empty: all can)."""
    p = Path(path)
    folder = p.parent if str(p.parent) else Path(".")
    found = [str(folder) + "/"] if not os.access(folder, os.W_OK | os.X_OK) else []
    for f in (p, *sidecars(p)):
        if f.exists() and not os.access(f, os.W_OK):
            found.append(str(f))
    return found


def integrity(path: str | Path, *, tidy: bool = False) -> str | None:
    """`PRAGMA quick_check` of an existing file: None when it is sound, else what is wrong.

    Reads only: the file is opened read-only and nothing is written to it. With `tidy` (at
    start, before this process serves anything) the -wal/-shm the read-only connection had to
    make are removed again; never while running, when another process may have made them
    meanwhile and be using them (removing a -shm in use splits the processes' view of the
    write-ahead log).
    """
    p = Path(path)
    if not p.exists() or p.stat().st_size == 0:
        return None
    rows = _read_only(p, "PRAGMA quick_check", tidy=tidy)
    if isinstance(rows, str):
        return rows
    found = [str(r[0]) for r in rows if r and r[0] != "ok"]
    return "; ".join(found[:3]) or None


def _read_only(p: Path, sql: str, *, tidy: bool) -> list[tuple] | str:
    """The rows of one statement on a read-only connection, or SQLite's error. With `tidy`,
    the -wal/-shm the connection had to make are removed again (see `integrity`)."""
    made = [f for f in sidecars(p) if not f.exists()] if tidy else []
    try:
        conn = sqlite3.connect(f"{p.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return conn.execute(sql).fetchall()
        finally:
            conn.close()
    except sqlite3.Error as e:
        return str(e)
    finally:
        for f in made:
            if f.exists() and (f.name.endswith("-shm") or f.stat().st_size == 0):
                f.unlink(missing_ok=True)


#: Files up to this size get the whole `PRAGMA quick_check` before the bot starts (about 0.2 s
#: here); a larger one the signs of damage at once and the whole check just after, beside the
#: serving, so that a plan of many years still starts in under a second (DESIGN §12).
FULL_CHECK_AT_START = 256 << 20
_HEADER = b"SQLite format 3\x00"


def signs_of_damage(path: str | Path, *, at_start: bool = False) -> str | None:
    """What a glance at a file shows wrong, reading a few pages only: not an SQLite header,
    shorter than its header says, or a schema that does not read. None when nothing shows.

    `at_start` (before this process has the file open) also reads the header's bytes and
    tidies the -wal/-shm a read-only connection had to make. A running process never opens the
    file outside SQLite: closing any descriptor of it would drop the locks SQLite holds.
    """
    p = Path(path)
    if not p.exists() or p.stat().st_size == 0:
        return None
    if at_start:
        with p.open("rb") as f:
            head = f.read(100)
        if len(head) < 100 or not head.startswith(_HEADER):
            return "file is not a database"
        page_size = int.from_bytes(head[16:18], "big") or 65536
        pages = int.from_bytes(head[28:32], "big")
        if pages and p.stat().st_size < pages * page_size:
            return f"the file is shorter than its {pages} pages"
    found = _read_only(p, "SELECT COUNT(*) FROM sqlite_master", tidy=at_start)
    return found if isinstance(found, str) else None


def problem_at_start(path: str | Path) -> str | None:
    """One line saying why the bot must not start on this database file, or None."""
    p = Path(path)
    if p.exists() and not p.is_file():
        return f"{p} is not a database file."
    large = p.exists() and p.stat().st_size > FULL_CHECK_AT_START
    damaged = signs_of_damage(p, at_start=True) if large else integrity(p, tidy=True)
    if damaged is not None:
        return (
            f"The database {p} is damaged ({damaged}); it was not changed. Stop the bot, "
            f"move {p} aside and copy your latest backup (bot.py backup) to {p}."
        )
    locked = not_writable(p)
    if locked:
        return (
            f"The database {p} cannot be written: {', '.join(locked)} "
            "not writable by this user; fix the permissions of the file, its -wal and -shm "
            "files and its folder, then start again."
        )
    return None


def health(path: str | Path) -> str:
    """The database's state for /healthz: ok, damaged, read_only (or missing). Cheap enough to
    ask every few seconds whatever the file's size: the signs of damage, not the whole check."""
    p = Path(path)
    if not p.exists():
        return "missing"
    if signs_of_damage(p) is not None:
        return DAMAGED
    if not_writable(p):
        return READ_ONLY
    return "ok"
