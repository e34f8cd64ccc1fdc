"""Scheduled online backups (DESIGN §13): a dated copy with SQLite's backup API, each copy
checked with `PRAGMA integrity_check`, the newest `keep` kept."""

from __future__ import annotations

import re
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from storage.store import BackupRefused, Store

#: samverkan-20261201T030000Z.db: sorts by time as text.
NAME = "samverkan-{:%Y%m%dT%H%M%SZ}.db"
PATTERN = re.compile(r"^samverkan-\d{8}T\d{6}Z\.db$")


class BackupFailed(Exception):
    """A copy that could not be made or did not pass the integrity check (it was removed)."""


def integrity(path: str | Path) -> str:
    """`PRAGMA integrity_check` of a database file, read-only: "ok" or what is wrong."""
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.DatabaseError as e:
        return str(e)
    finally:
        conn.close()
    return "; ".join(str(r[0]) for r in rows)


def backups(folder: str | Path) -> list[Path]:
    """The backups in a folder, oldest first (only files named as this module names them)."""
    return sorted(p for p in Path(folder).iterdir() if p.is_file() and PATTERN.match(p.name))


def newest(folder: str | Path) -> datetime | None:
    """When the newest backup in a folder was made, or None when there is none."""
    if not Path(folder).is_dir():
        return None
    found = backups(folder)
    if not found:
        return None
    return datetime.strptime(found[-1].name, NAME.replace("{:", "").replace("}", "")).replace(
        tzinfo=UTC
    )


def back_up(store: Store, folder: str | Path, keep: int, now: datetime) -> Path:
    """Copy the live database into `folder`, check the copy, then keep the newest `keep`.

    The copy is written under a temporary name and renamed only once it passed
    `PRAGMA integrity_check`; a copy that fails is removed and no older one is deleted.
    """
    out_dir = Path(folder)
    if not out_dir.is_dir():
        raise BackupRefused(f"the folder {out_dir} does not exist; nothing was backed up")
    target = out_dir / NAME.format(now.astimezone(UTC))
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    store.backup(partial)
    verdict = integrity(partial)
    if verdict != "ok":
        partial.unlink(missing_ok=True)
        raise BackupFailed(f"the copy of {store.path} failed its integrity check: {verdict}")
    partial.replace(target)
    for old in backups(out_dir)[:-keep]:
        old.unlink(missing_ok=True)
    return target
