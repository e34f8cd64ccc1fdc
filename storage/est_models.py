"""The dataclasses of the weekly situation picture (places, observations, notes, the round)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from storage.models import FollowUp
from storage.rows import Row, from_columns


@dataclass(frozen=True)
class Place:
    id: int
    plan_id: int
    name: str

    @classmethod
    def from_row(cls, r: Row) -> Place:
        """A place from a row of `places`."""
        return from_columns(cls, r)


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
        return from_columns(cls, r, ref=f"H{r['ref_no']}")


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
        return from_columns(cls, r)


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
        return from_columns(cls, r)
