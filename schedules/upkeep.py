"""The operator's jobs (DESIGN §13): the erasure of uninstalled workspaces' plans once their
retention has ended, and the daily online backup.

* `retention`: every RETENTION_EVERY; `samverkan.workspaces.erase_expired` erases each
  workspace once (the database records it), so a run twice or in two processes erases once;
* `backup`: daily at BACKUP_AT (UTC) when SAMVERKAN_BACKUP_DIR is set, keeping
  SAMVERKAN_BACKUP_KEEP copies, each checked with `PRAGMA integrity_check`; after a start a
  copy is made at once when the newest is older than a day.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from apscheduler.schedulers.base import BaseScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.date import DateTrigger
from apscheduler.triggers.interval import IntervalTrigger

from samverkan.service import Samverkan
from samverkan.workspaces import erase_expired
from storage import StoreError
from storage.backups import BackupFailed, back_up, newest
from storage.store import BackupRefused

log = logging.getLogger(__name__)

RETENTION_JOB = "retention"
BACKUP_JOB = "backup"
BACKUP_CATCH_UP_JOB = "backup-catch-up"
RETENTION_EVERY = timedelta(hours=1)
#: 03:00 UTC: a quiet hour in Sweden.
BACKUP_AT = (3, 0)


@dataclass(frozen=True)
class Backups:
    """Where the daily backups go and how many are kept."""

    folder: str
    keep: int = 7


class Upkeep:
    """Adds the retention and backup jobs to a scheduler and runs them."""

    def __init__(
        self,
        app: Samverkan,
        scheduler: BaseScheduler,
        clock: Callable[[], datetime],
        backups: Backups | None = None,
    ) -> None:
        self.app = app
        self.scheduler = scheduler
        self.clock = clock
        self.backups = backups

    def start(self) -> None:
        """Add the jobs (once; their ids are fixed) and a backup now when the last is old."""
        self.scheduler.add_job(
            self.run_retention,
            IntervalTrigger(seconds=RETENTION_EVERY.total_seconds()),
            id=RETENTION_JOB,
            replace_existing=True,
        )
        self.scheduler.add_job(
            self.run_retention,
            DateTrigger(run_date=self.clock()),
            id=RETENTION_JOB + "-now",
            replace_existing=True,
        )
        if self.backups is None:
            return
        hour, minute = BACKUP_AT
        self.scheduler.add_job(
            self.run_backup,
            CronTrigger(hour=hour, minute=minute, timezone=UTC),
            id=BACKUP_JOB,
            replace_existing=True,
        )
        last = newest(self.backups.folder)
        if last is None or self.clock() - last >= timedelta(days=1):
            self.scheduler.add_job(
                self.run_backup,
                DateTrigger(run_date=self.clock()),
                id=BACKUP_CATCH_UP_JOB,
                replace_existing=True,
            )

    def run_retention(self) -> list[int]:
        """Erase the plans whose workspace's retention has ended (each exactly once)."""
        try:
            return erase_expired(self.app)
        except StoreError as e:
            log.warning("retention: %s", e)
            return []

    def run_backup(self) -> Path | None:
        """Make today's backup; a failure is logged in one line and tried again tomorrow."""
        assert self.backups is not None
        try:
            path = back_up(self.app.store, self.backups.folder, self.backups.keep, self.clock())
        except (BackupRefused, BackupFailed, StoreError, OSError) as e:
            log.error("backup failed: %s", e)
            return None
        log.info("backup: %s (integrity ok)", path)
        return path
