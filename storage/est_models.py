"""The dataclasses of the weekly situation picture (places, observations, notes, the round)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import cast

from storage.models import FollowUp, Row, parse_date, parse_datetime


@dataclass(frozen=True)
class Place:
    id: int
    plan_id: int
    name: str

    @classmethod
    def from_row(cls, r: Row) -> Place:
        """A place from a row of `places`."""
        return cls(id=r["id"], plan_id=r["plan_id"], name=r["name"])


@dataclass(frozen=True)
class Observation:
    id: int
    plan_id: int
    ref: str
    iso_year: int
    iso_week: int
    happened_on: date
    time_band: str | None
    place_id: int | None
    place: str | None
    category: str
    concern: str | None
    text: str
    organisation_id: int | None
    organisation: str | None
    user_id: str
    source: str
    permalink: str | None
    created_at: datetime

    @classmethod
    def from_row(cls, r: Row) -> Observation:
        """An observation from a row of `observations` joined with its place and organisation."""
        return cls(
            id=r["id"],
            plan_id=r["plan_id"],
            ref=f"H{r['ref_no']}",
            iso_year=r["iso_year"],
            iso_week=r["iso_week"],
            happened_on=cast(date, parse_date(r["happened_on"])),
            time_band=r["time_band"],
            place_id=r["place_id"],
            place=r["place"],
            category=r["category"],
            concern=r["concern"],
            text=r["text"],
            organisation_id=r["organisation_id"],
            organisation=r["organisation"],
            user_id=r["user_id"],
            source=r["source"],
            permalink=r["permalink"],
            created_at=cast(datetime, parse_datetime(r["created_at"])),
        )


@dataclass(frozen=True)
class WeekCount:
    """How many observations of one category at one place a plan had in one ISO week."""

    iso_year: int
    iso_week: int
    category: str
    place: str | None
    concern: str | None
    n: int


@dataclass(frozen=True)
class SituationNote:
    plan_id: int
    iso_year: int
    iso_week: int
    text: str
    user_id: str
    at: datetime

    @classmethod
    def from_row(cls, r: Row) -> SituationNote:
        """An agreed assessment from a row of `situation_notes`."""
        return cls(
            plan_id=r["plan_id"],
            iso_year=r["iso_year"],
            iso_week=r["iso_week"],
            text=r["text"],
            user_id=r["user_id"],
            at=cast(datetime, parse_datetime(r["at"])),
        )


@dataclass(frozen=True)
class Measure:
    """A short-term measure: a follow-up linked to one week's situation picture."""

    iso_year: int
    iso_week: int
    followup: FollowUp


@dataclass(frozen=True)
class RoundSchedule:
    """When a plan's round asks its members: weekday 0–6 and HH:MM; weekday None is off."""

    plan_id: int
    weekday: int | None
    time: str
    set_at: datetime | None = None


@dataclass(frozen=True)
class RoundDelivery:
    id: int
    plan_id: int
    iso_year: int
    iso_week: int
    user_id: str
    state: str
    channel_id: str | None
    message_ts: str | None
    attempts: int
    claimed_at: datetime
    sent_at: datetime | None
    error: str | None

    @classmethod
    def from_row(cls, r: Row) -> RoundDelivery:
        """A round delivery from a row of `round_deliveries`."""
        return cls(
            id=r["id"],
            plan_id=r["plan_id"],
            iso_year=r["iso_year"],
            iso_week=r["iso_week"],
            user_id=r["user_id"],
            state=r["state"],
            channel_id=r["channel_id"],
            message_ts=r["message_ts"],
            attempts=r["attempts"],
            claimed_at=cast(datetime, parse_datetime(r["claimed_at"])),
            sent_at=parse_datetime(r["sent_at"]),
            error=r["error"],
        )
