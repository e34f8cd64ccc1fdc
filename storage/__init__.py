"""Storage: the only package that knows SQL and table names."""

from storage import _lean  # noqa: F401  (first: sqlite-utils without numpy)
from storage.est_models import (
    Measure,
    Observation,
    Place,
    RoundDelivery,
    RoundSchedule,
    SituationNote,
    WeekCount,
)
from storage.faults import StoreError
from storage.log_models import LogEntry
from storage.models import (
    Activity,
    AuditEvent,
    Cause,
    Digest,
    FollowUp,
    JoinRequest,
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
    "Cause",
    "Digest",
    "FollowUp",
    "JoinRequest",
    "LogEntry",
    "LogGroup",
    "LogSummary",
    "Measure",
    "Member",
    "Observation",
    "Organisation",
    "Place",
    "Plan",
    "RoundDelivery",
    "RoundSchedule",
    "SituationNote",
    "Store",
    "StoreError",
    "Tx",
    "WeekCount",
]
