"""The unit of work: one connection, one moment, and a repository per entity on it."""

from __future__ import annotations

from datetime import datetime

import sqlite_utils

from storage.repos import (
    Activities,
    Audit,
    Digests,
    Events,
    FollowUps,
    Logs,
    Members,
    Organisations,
    Plans,
    Refs,
    Reminders,
    SearchIndex,
)


class Tx:
    """One unit of work on one connection; every read and write goes through its repositories."""

    def __init__(self, db: sqlite_utils.Database, now: datetime) -> None:
        self.db = db
        self.now = now
        self.refs = Refs(db, now)
        self.audit = Audit(db, now)
        self.plans = Plans(db, now)
        self.search = SearchIndex(db, now)
        self.organisations = Organisations(db, now, self.search)
        self.members = Members(db, now)
        self.activities = Activities(db, now, self.refs, self.search)
        self.logs = Logs(db, now, self.refs, self.search)
        self.followups = FollowUps(db, now, self.refs, self.search)
        self.reminders = Reminders(db, now)
        self.digests = Digests(db, now)
        self.events = Events(db, now)
