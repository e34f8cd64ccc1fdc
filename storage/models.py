"""Plain dataclasses that storage returns; nothing outside storage sees a row."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class Plan:
    id: int
    team_id: str
    channel_id: str
    name: str
    area: str
    period_start: date | None
    period_end: date | None
    language: str
    timezone: str
    digest_weekday: int | None
    digest_time: str
    digest_set_at: datetime | None
    delivery_error: str | None
    delivery_error_at: datetime | None
    created_by: str
    created_at: datetime


@dataclass(frozen=True)
class Organisation:
    id: int
    plan_id: int
    name: str
    kind: str


@dataclass(frozen=True)
class Member:
    id: int
    plan_id: int
    user_id: str
    organisation_id: int | None
    organisation: str | None
    role: str

    @property
    def is_coordinator(self) -> bool:
        """True when this member coordinates the plan."""
        return self.role == "coordinator"


@dataclass(frozen=True)
class Activity:
    id: int
    plan_id: int
    ref: str
    title: str
    cause: str
    goal: str
    owner_org_id: int | None
    owner: str | None
    contact_user: str | None
    start_date: date | None
    due_date: date | None
    status: str
    rag: str | None
    created_by: str
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class LogEntry:
    id: int
    plan_id: int
    ref: str
    activity_id: int | None
    activity_ref: str | None
    activity_title: str | None
    text: str
    organisation_id: int | None
    organisation: str | None
    user_id: str
    happened_on: date
    source: str
    permalink: str | None
    created_at: datetime


@dataclass(frozen=True)
class FollowUp:
    id: int
    plan_id: int
    ref: str
    text: str
    assignee: str
    assigned_by: str
    due_date: date | None
    activity_id: int | None
    activity_ref: str | None
    status: str
    done_by: str | None
    done_at: datetime | None
    snoozed_until: date | None
    last_reminded_on: date | None
    permalink: str | None
    created_at: datetime


@dataclass(frozen=True)
class AuditEvent:
    id: int
    at: datetime
    team_id: str
    plan_id: int | None
    user_id: str
    entity: str
    ref: str
    action: str
    before: dict | None
    after: dict | None


@dataclass(frozen=True)
class Digest:
    id: int
    plan_id: int
    iso_year: int
    iso_week: int
    state: str
    channel_id: str
    message_ts: str | None
    attempts: int
    claimed_at: datetime
    sent_at: datetime | None
    error: str | None
