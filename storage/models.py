"""Plain dataclasses that storage returns; nothing outside storage sees a row."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from storage.rows import Row, from_columns, ref


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
    #: How people join: "approval" (a coordinator decides) or "open" (at once).
    joining: str = "approval"
    #: When the plan was closed (read-only, no schedules), and by whom.
    archived_at: datetime | None = None
    archived_by: str | None = None

    @property
    def archived(self) -> bool:
        """True when the plan is closed: read-only, its schedules stopped."""
        return self.archived_at is not None

    @classmethod
    def from_row(cls, r: Row) -> Plan:
        """A plan from a row of `plans`."""
        return from_columns(
            cls,
            r,
            area=r["area"] or "",
            digest_time=r["digest_time"] or "08:00",
            joining=r["joining"] or "approval",
        )


@dataclass(frozen=True)
class JoinRequest:
    id: int
    plan_id: int
    user_id: str
    organisation_id: int
    organisation: str
    state: str  # pending, approved, declined, withdrawn
    requested_at: datetime
    decided_by: str | None
    decided_at: datetime | None

    @classmethod
    def from_row(cls, r: Row) -> JoinRequest:
        """A join request from a row of `join_requests` with its `organisation` name."""
        return from_columns(cls, r)


@dataclass(frozen=True)
class Organisation:
    id: int
    plan_id: int
    name: str
    kind: str

    @classmethod
    def from_row(cls, r: Row) -> Organisation:
        """An organisation from a row of `organisations`."""
        return from_columns(cls, r)


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

    @classmethod
    def from_row(cls, r: Row) -> Member:
        """A member from a row of `members` joined with its organisation's `organisation` name."""
        return from_columns(cls, r)


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
    cause_id: int | None = None
    cause_ref: str | None = None
    period_start: date | None = None
    period_end: date | None = None
    period_ongoing: bool = False
    followup: str = ""
    kind: str | None = None
    partners: tuple[str, ...] = ()

    @classmethod
    def from_row(cls, r: Row) -> Activity:
        """An activity from a row of `activities` joined with its `owner` organisation's name."""
        return from_columns(
            cls,
            r,
            ref=f"A{r['ref_no']}",
            cause=r["cause"] or "",
            goal=r["goal"] or "",
            cause_ref=ref("C", r["cause_no"]),
            period_ongoing=bool(r["period_ongoing"]),
            followup=r["followup"] or "",
            partners=tuple(json.loads(r["partners"] or "[]")),
        )


@dataclass(frozen=True)
class Cause:
    id: int
    plan_id: int
    ref: str
    text: str
    created_by: str
    created_at: datetime
    activities: int

    @classmethod
    def from_row(cls, r: Row) -> Cause:
        """A cause from a row of `causes` with the count of its `activities`."""
        return from_columns(cls, r, ref=f"C{r['ref_no']}")


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

    @classmethod
    def from_row(cls, r: Row) -> FollowUp:
        """A follow-up from a row of `followups` joined with its activity's `activity_ref_no`."""
        return from_columns(
            cls, r, ref=f"F{r['ref_no']}", activity_ref=ref("A", r["activity_ref_no"])
        )


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

    @classmethod
    def from_row(cls, r: Row) -> AuditEvent:
        """An audit event from a row of `audit_events`; before and after are JSON text."""
        return from_columns(
            cls,
            r,
            before=json.loads(r["before"]) if r["before"] else None,
            after=json.loads(r["after"]) if r["after"] else None,
        )


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

    @classmethod
    def from_row(cls, r: Row) -> Digest:
        """A digest record from a row of `digests`."""
        return from_columns(cls, r)


@dataclass(frozen=True)
class UserLanguage:
    team_id: str
    user_id: str
    #: The language the person chose (`settings my language sv`), or None.
    chosen: str | None
    #: The locale Slack last reported ("sv-SE"), "" when it reported none, None if not asked.
    slack_locale: str | None
    checked_at: datetime | None

    @classmethod
    def from_row(cls, r: Row) -> UserLanguage:
        """A person's language record from a row of `user_languages`."""
        return from_columns(cls, r, chosen=r["chosen"] or None)
