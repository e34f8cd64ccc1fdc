"""The log's dataclasses (entries with their production) and the follow-up report's: indicators,
their measurements, and the tertial reminders' deliveries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from storage.rows import Row, from_columns, ref


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
        return from_columns(
            cls, r, ref=f"L{r['ref_no']}", activity_ref=ref("A", r["activity_ref_no"])
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
        return from_columns(
            cls,
            r,
            activity_ref=f"A{r['activity_ref_no']}",
            unit=r["unit"] or "",
            baseline=float(r["baseline"]),
            target=float(r["target"]) if r["target"] is not None else None,
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
        return from_columns(cls, r, value=float(r["value"]))


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
        return from_columns(cls, r)
