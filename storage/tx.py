"""The unit of work: one connection, one moment, and a repository per entity on it."""

from __future__ import annotations

from datetime import datetime

import sqlite_utils

from storage.repos import (
    Activities,
    Audit,
    Causes,
    Digests,
    Events,
    FollowUps,
    Languages,
    Logs,
    Members,
    Observations,
    Organisations,
    Places,
    Plans,
    Refs,
    Reminders,
    Rounds,
    SearchIndex,
    Situation,
)
from storage.repos.indicators import Indicators
from storage.repos.join_requests import JoinRequests
from storage.repos.posted import Posted
from storage.repos.report_deliveries import ReportDeliveries
from storage.repos.workspaces import Workspaces


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
        self.causes = Causes(db, now, self.refs, self.search)
        self.languages = Languages(db, now)
        self.places = Places(db, now)
        self.observations = Observations(db, now, self.refs, self.search)
        self.situation = Situation(db, now)
        self.rounds = Rounds(db, now)
        self.join_requests = JoinRequests(db, now)
        self.posted = Posted(db, now)
        self.workspaces = Workspaces(db, now)
        self.indicators = Indicators(db, now)
        self.report_deliveries = ReportDeliveries(db, now)
