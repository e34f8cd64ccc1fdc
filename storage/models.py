"""Plain dataclasses that storage returns; nothing outside storage sees a row."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Protocol, cast


class Row(Protocol):
    """A query result addressed by column name (sqlite3.Row, or a dict in tests)."""

    def __getitem__(self, key: str, /) -> Any:
        """The value of one column."""
        ...


def parse_date(value: str | None) -> date | None:
    """ISO text to a date; empty or NULL to None."""
    return date.fromisoformat(value) if value else None


def parse_datetime(value: str | None) -> datetime | None:
    """ISO text to a datetime; empty or NULL to None."""
    return datetime.fromisoformat(value) if value else None


def _ref(prefix: str, number: int | None) -> str | None:
    return f"{prefix}{number}" if number is not None else None


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
        return cls(
            id=r["id"],
            team_id=r["team_id"],
            channel_id=r["channel_id"],
            name=r["name"],
            area=r["area"] or "",
            period_start=parse_date(r["period_start"]),
            period_end=parse_date(r["period_end"]),
            language=r["language"],
            timezone=r["timezone"],
            digest_weekday=r["digest_weekday"],
            digest_time=r["digest_time"] or "08:00",
            digest_set_at=parse_datetime(r["digest_set_at"]),
            delivery_error=r["delivery_error"],
            delivery_error_at=parse_datetime(r["delivery_error_at"]),
            created_by=r["created_by"],
            created_at=cast(datetime, parse_datetime(r["created_at"])),
            joining=r["joining"] or "approval",
            archived_at=parse_datetime(r["archived_at"]),
            archived_by=r["archived_by"],
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
        return cls(
            id=r["id"],
            plan_id=r["plan_id"],
            user_id=r["user_id"],
            organisation_id=r["organisation_id"],
            organisation=r["organisation"],
            state=r["state"],
            requested_at=cast(datetime, parse_datetime(r["requested_at"])),
            decided_by=r["decided_by"],
            decided_at=parse_datetime(r["decided_at"]),
        )


@dataclass(frozen=True)
class Organisation:
    id: int
    plan_id: int
    name: str
    kind: str

    @classmethod
    def from_row(cls, r: Row) -> Organisation:
        """An organisation from a row of `organisations`."""
        return cls(id=r["id"], plan_id=r["plan_id"], name=r["name"], kind=r["kind"])


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
        return cls(
            id=r["id"],
            plan_id=r["plan_id"],
            user_id=r["user_id"],
            organisation_id=r["organisation_id"],
            organisation=r["organisation"],
            role=r["role"],
        )


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
        return cls(
            id=r["id"],
            plan_id=r["plan_id"],
            ref=f"A{r['ref_no']}",
            title=r["title"],
            cause=r["cause"] or "",
            goal=r["goal"] or "",
            owner_org_id=r["owner_org_id"],
            owner=r["owner"],
            contact_user=r["contact_user"],
            start_date=parse_date(r["start_date"]),
            due_date=parse_date(r["due_date"]),
            status=r["status"],
            rag=r["rag"],
            created_by=r["created_by"],
            created_at=cast(datetime, parse_datetime(r["created_at"])),
            updated_at=cast(datetime, parse_datetime(r["updated_at"])),
            cause_id=r["cause_id"],
            cause_ref=_ref("C", r["cause_no"]),
            period_start=parse_date(r["period_start"]),
            period_end=parse_date(r["period_end"]),
            period_ongoing=bool(r["period_ongoing"]),
            followup=r["followup"] or "",
            kind=r["kind"],
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
        return cls(
            id=r["id"],
            plan_id=r["plan_id"],
            ref=f"C{r['ref_no']}",
            text=r["text"],
            created_by=r["created_by"],
            created_at=cast(datetime, parse_datetime(r["created_at"])),
            activities=r["activities"],
        )


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
        return cls(
            id=r["id"],
            plan_id=r["plan_id"],
            ref=f"F{r['ref_no']}",
            text=r["text"],
            assignee=r["assignee"],
            assigned_by=r["assigned_by"],
            due_date=parse_date(r["due_date"]),
            activity_id=r["activity_id"],
            activity_ref=_ref("A", r["activity_ref_no"]),
            status=r["status"],
            done_by=r["done_by"],
            done_at=parse_datetime(r["done_at"]),
            snoozed_until=parse_date(r["snoozed_until"]),
            last_reminded_on=parse_date(r["last_reminded_on"]),
            permalink=r["permalink"],
            created_at=cast(datetime, parse_datetime(r["created_at"])),
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
        return cls(
            id=r["id"],
            at=cast(datetime, parse_datetime(r["at"])),
            team_id=r["team_id"],
            plan_id=r["plan_id"],
            user_id=r["user_id"],
            entity=r["entity"],
            ref=r["ref"],
            action=r["action"],
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
        return cls(
            id=r["id"],
            plan_id=r["plan_id"],
            iso_year=r["iso_year"],
            iso_week=r["iso_week"],
            state=r["state"],
            channel_id=r["channel_id"],
            message_ts=r["message_ts"],
            attempts=r["attempts"],
            claimed_at=cast(datetime, parse_datetime(r["claimed_at"])),
            sent_at=parse_datetime(r["sent_at"]),
            error=r["error"],
        )


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
        return cls(
            team_id=r["team_id"],
            user_id=r["user_id"],
            chosen=r["chosen"] or None,
            slack_locale=r["slack_locale"],
            checked_at=parse_datetime(r["checked_at"]),
        )
