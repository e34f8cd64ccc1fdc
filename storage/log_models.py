"""The log's dataclasses (entries with their production) and the follow-up report's: indicators,
their measurements, and the tertial reminders' deliveries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import cast

from storage.models import Row, _ref, parse_date, parse_datetime


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
    #: Production (DESIGN §1): how many took part, hours spent; None when not given.
    participants: int | None = None
    hours: float | None = None

    @classmethod
    def from_row(cls, r: Row) -> LogEntry:
        """A log entry from a row of `log_entries` joined with its activity and organisation."""
        return cls(
            id=r["id"],
            plan_id=r["plan_id"],
            ref=f"L{r['ref_no']}",
            activity_id=r["activity_id"],
            activity_ref=_ref("A", r["activity_ref_no"]),
            activity_title=r["activity_title"],
            text=r["text"],
            organisation_id=r["organisation_id"],
            organisation=r["organisation"],
            user_id=r["user_id"],
            happened_on=cast(date, parse_date(r["happened_on"])),
            source=r["source"],
            permalink=r["permalink"],
            created_at=cast(datetime, parse_datetime(r["created_at"])),
            participants=r["participants"],
            hours=r["hours"],
        )


@dataclass(frozen=True)
class Production:
    """Log entries of one activity (or none) and organisation (or none), with participants and
    hours summed over those that gave them."""

    activity_id: int | None
    organisation: str | None
    entries: int
    participants: int
    hours: float


@dataclass(frozen=True)
class Indicator:
    id: int
    plan_id: int
    activity_id: int
    activity_ref: str
    name: str
    unit: str
    baseline: float
    baseline_on: date
    target: float | None
    created_by: str
    created_at: datetime

    @classmethod
    def from_row(cls, r: Row) -> Indicator:
        """An indicator from a row of `indicators` with its activity's `activity_ref_no`."""
        return cls(
            id=r["id"],
            plan_id=r["plan_id"],
            activity_id=r["activity_id"],
            activity_ref=f"A{r['activity_ref_no']}",
            name=r["name"],
            unit=r["unit"] or "",
            baseline=float(r["baseline"]),
            baseline_on=cast(date, parse_date(r["baseline_on"])),
            target=float(r["target"]) if r["target"] is not None else None,
            created_by=r["created_by"],
            created_at=cast(datetime, parse_datetime(r["created_at"])),
        )


@dataclass(frozen=True)
class Measurement:
    id: int
    indicator_id: int
    value: float
    measured_on: date
    user_id: str

    @classmethod
    def from_row(cls, r: Row) -> Measurement:
        """A measurement from a row of `indicator_values`."""
        return cls(
            id=r["id"],
            indicator_id=r["indicator_id"],
            value=float(r["value"]),
            measured_on=cast(date, parse_date(r["measured_on"])),
            user_id=r["user_id"],
        )


@dataclass(frozen=True)
class ReportDelivery:
    id: int
    plan_id: int
    period: str
    user_id: str
    state: str
    channel_id: str | None
    message_ts: str | None
    attempts: int
    claimed_at: datetime
    sent_at: datetime | None
    error: str | None

    @classmethod
    def from_row(cls, r: Row) -> ReportDelivery:
        """A tertial reminder's delivery from a row of `report_deliveries`."""
        return cls(
            id=r["id"],
            plan_id=r["plan_id"],
            period=r["period"],
            user_id=r["user_id"],
            state=r["state"],
            channel_id=r["channel_id"],
            message_ts=r["message_ts"],
            attempts=r["attempts"],
            claimed_at=cast(datetime, parse_datetime(r["claimed_at"])),
            sent_at=parse_datetime(r["sent_at"]),
            error=r["error"],
        )
