"""The schedule lock: one process per database runs the schedules."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

try:  # POSIX; elsewhere the one-process rule is only documented.
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]


class DatabaseLock:
    """An exclusive lock on `<database>.schedules.lock`, held while the scheduler runs."""

    def __init__(self, db_path: str) -> None:
        self.path = Path(f"{db_path}.schedules.lock")
        self._file: TextIO | None = None

    def acquire(self) -> bool:
        """Take the lock; False when another process holds it."""
        if fcntl is None:
            return True
        handle = self.path.open("a")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            return False
        self._file = handle
        return True

    def release(self) -> None:
        """Let go of the lock."""
        if self._file is not None:
            fcntl.flock(self._file, fcntl.LOCK_UN)
            self._file.close()
            self._file = None
