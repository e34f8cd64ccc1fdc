"""Requests to join an organisation of a plan, waiting for a coordinator's decision."""

from __future__ import annotations

from storage.models import JoinRequest
from storage.repos.base import Repo

_SQL = """
SELECT r.id, r.plan_id, r.user_id, r.organisation_id, o.name AS organisation, r.state,
       r.requested_at, r.decided_by, r.decided_at
FROM join_requests r JOIN organisations o ON o.id = r.organisation_id
"""


class JoinRequests(Repo):
    """Join requests and the coordinators' messages that carry them."""

    def add(self, plan_id: int, user_id: str, organisation_id: int) -> JoinRequest:
        """A new pending request."""
        cur = self.db.execute(
            "INSERT INTO join_requests (plan_id, user_id, organisation_id, state, requested_at) "
            "VALUES (?, ?, ?, 'pending', ?)",
            (plan_id, user_id, organisation_id, self._stamp()),
        )
        request = self.get(cur.lastrowid or 0)
        assert request is not None
        return request

    def get(self, request_id: int) -> JoinRequest | None:
        """One request by id."""
        r = self._one(_SQL + " WHERE r.id = ?", (request_id,))
        return JoinRequest.from_row(r) if r else None

    def pending_of(self, plan_id: int, user_id: str) -> JoinRequest | None:
        """The person's pending request in a plan, if any."""
        r = self._one(
            _SQL + " WHERE r.plan_id = ? AND r.user_id = ? AND r.state = 'pending'",
            (plan_id, user_id),
        )
        return JoinRequest.from_row(r) if r else None

    def pending(self, plan_id: int) -> list[JoinRequest]:
        """Every pending request of a plan, oldest first."""
        rows = self._all(
            _SQL + " WHERE r.plan_id = ? AND r.state = 'pending' ORDER BY r.id", (plan_id,)
        )
        return [JoinRequest.from_row(r) for r in rows]

    def decide(self, request_id: int, state: str, user_id: str) -> JoinRequest:
        """Record the decision (approved, declined or withdrawn) on a request."""
        self._update(
            "join_requests",
            request_id,
            {"state": state, "decided_by": user_id, "decided_at": self._stamp()},
            {"state", "decided_by", "decided_at"},
        )
        request = self.get(request_id)
        assert request is not None
        return request

    def forget_org(self, organisation_id: int) -> None:
        """Drop the requests (and their messages) that name an organisation being removed."""
        self.db.execute(
            "DELETE FROM join_request_messages WHERE request_id IN "
            "(SELECT id FROM join_requests WHERE organisation_id = ?)",
            (organisation_id,),
        )
        self.db.execute("DELETE FROM join_requests WHERE organisation_id = ?", (organisation_id,))

    def record_message(self, request_id: int, channel_id: str, ts: str) -> None:
        """Remember a message the bot posted about a request."""
        self.db.execute(
            "INSERT OR REPLACE INTO join_request_messages (request_id, channel_id, ts) "
            "VALUES (?, ?, ?)",
            (request_id, channel_id, ts),
        )

    def messages(self, request_id: int) -> list[tuple[str, str]]:
        """(channel, ts) of every message the bot posted about a request."""
        rows = self._all(
            "SELECT channel_id, ts FROM join_request_messages WHERE request_id = ? "
            "ORDER BY channel_id",
            (request_id,),
        )
        return [(r["channel_id"], r["ts"]) for r in rows]
