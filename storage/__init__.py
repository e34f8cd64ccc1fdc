"""Storage: the only package that knows SQL and table names."""

from storage.models import (
    Activity,
    AuditEvent,
    Digest,
    FollowUp,
    LogEntry,
    Member,
    Organisation,
    Plan,
)
from storage.repos.logs import LogGroup, LogSummary
from storage.store import Store
from storage.tx import Tx

__all__ = [
    "Activity",
    "AuditEvent",
    "Digest",
    "FollowUp",
    "LogEntry",
    "LogGroup",
    "LogSummary",
    "Member",
    "Organisation",
    "Plan",
    "Store",
    "Tx",
]
