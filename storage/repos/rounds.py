"""The weekly round: its schedule per plan, one delivery per plan, week and member, answers."""

from __future__ import annotations

from typing import Any

from storage.est_models import RoundDelivery, RoundSchedule
from storage.repos.base import Repo
from storage.rows import parse_datetime

#: The round's default moment (DESIGN §9): Thursday 12:00, the day before a Friday meeting.
DEFAULT_WEEKDAY = 3
DEFAULT_TIME = "12:00"

_COLS = (
    "id, plan_id, iso_year, iso_week, user_id, state, channel_id, message_ts, attempts, "
    "claimed_at, sent_at, error"
)
_UPDATABLE = {"state", "channel_id", "message_ts", "attempts", "claimed_at", "sent_at", "error"}


class Rounds(Repo):
    """Round schedules, deliveries (claimed before sending, recorded after) and answers."""

    def schedule(self, plan_id: int) -> RoundSchedule:
        """When the plan's round goes out (the default when never set)."""
        r = self._one(
            "SELECT weekday, time, set_at FROM round_schedules WHERE plan_id = ?", (plan_id,)
        )
        if r is None:
            return RoundSchedule(plan_id, DEFAULT_WEEKDAY, DEFAULT_TIME)
        set_at = parse_datetime(r["set_at"])
        return RoundSchedule(plan_id, r["weekday"], r["time"] or DEFAULT_TIME, set_at)

    def set_schedule(self, plan_id: int, weekday: int | None, time: str) -> None:
        """Set the round's weekday and time; weekday None turns it off."""
        self.db.execute(
            "INSERT INTO round_schedules (plan_id, weekday, time, set_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (plan_id) DO UPDATE SET weekday = excluded.weekday, "
            "time = excluded.time, set_at = excluded.set_at",
            (plan_id, weekday, time, self._stamp()),
        )

    def get(self, plan_id: int, iso_year: int, iso_week: int, user_id: str) -> RoundDelivery | None:
        """The round delivery of one member in one week, if any."""
        r = self._one(
            f"SELECT {_COLS} FROM round_deliveries WHERE plan_id = ? AND iso_year = ? "
            "AND iso_week = ? AND user_id = ?",
            (plan_id, iso_year, iso_week, user_id),
        )
        return RoundDelivery.from_row(r) if r else None

    def of_week(self, plan_id: int, iso_year: int, iso_week: int) -> list[RoundDelivery]:
        """Every round delivery of a plan's week."""
        rows = self._all(
            f"SELECT {_COLS} FROM round_deliveries WHERE plan_id = ? AND iso_year = ? "
            "AND iso_week = ? ORDER BY user_id",
            (plan_id, iso_year, iso_week),
        )
        return [RoundDelivery.from_row(r) for r in rows]

    def claim(self, plan_id: int, iso_year: int, iso_week: int, user_id: str) -> bool:
        """Record the intent to ask one member this week; False when already recorded."""
        cur = self.db.execute(
            "INSERT INTO round_deliveries (plan_id, iso_year, iso_week, user_id, state, "
            "attempts, claimed_at) VALUES (?, ?, ?, ?, 'sending', 1, ?) "
            "ON CONFLICT (plan_id, iso_year, iso_week, user_id) DO NOTHING",
            (plan_id, iso_year, iso_week, user_id, self._stamp()),
        )
        return cur.rowcount == 1

    def update(self, delivery_id: int, **fields: Any) -> None:
        """Change the state of a round delivery."""
        self._update("round_deliveries", delivery_id, fields, _UPDATABLE)

    def answer(
        self,
        plan_id: int,
        iso_year: int,
        iso_week: int,
        user_id: str,
        organisation_id: int | None,
        answer: str,
    ) -> None:
        """Record a member's answer to the week's round ("nothing" or "report")."""
        self.db.execute(
            "INSERT INTO round_answers (plan_id, iso_year, iso_week, user_id, organisation_id, "
            "answer, at) VALUES (?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (plan_id, iso_year, iso_week, user_id) DO UPDATE SET "
            "answer = excluded.answer, organisation_id = excluded.organisation_id, at = excluded.at",
            (plan_id, iso_year, iso_week, user_id, organisation_id, answer, self._stamp()),
        )

    def answer_of(self, plan_id: int, iso_year: int, iso_week: int, user_id: str) -> str | None:
        """A member's answer to a week's round, if any."""
        r = self._one(
            "SELECT answer FROM round_answers WHERE plan_id = ? AND iso_year = ? AND iso_week = ? "
            "AND user_id = ?",
            (plan_id, iso_year, iso_week, user_id),
        )
        return str(r["answer"]) if r else None

    def nothing_to_report(self, plan_id: int, iso_year: int, iso_week: int) -> set[int]:
        """The organisations one of whose members answered "nothing to report" in a week."""
        rows = self._all(
            "SELECT DISTINCT organisation_id FROM round_answers WHERE plan_id = ? "
            "AND iso_year = ? AND iso_week = ? AND answer = 'nothing' "
            "AND organisation_id IS NOT NULL",
            (plan_id, iso_year, iso_week),
        )
        return {int(r["organisation_id"]) for r in rows}
