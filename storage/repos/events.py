"""Delivery de-duplication: Slack redelivers events, each id is handled once per workspace."""

from __future__ import annotations

from datetime import timedelta

from storage.repos.base import Repo, utc_stamp

#: How long an event id is remembered against Slack's redeliveries (they come within minutes).
EVENT_MEMORY = timedelta(days=1)


class Events(Repo):
    """The ids of the Slack events already handled, per team."""

    def first_delivery(self, event_id: str, team_id: str = "") -> bool:
        """Remember a team's event id; False when it was seen before (a redelivery).

        An event id is unique within a workspace only, so another team's event with the same
        id is a first delivery. Ids older than EVENT_MEMORY are forgotten in the same
        transaction: Slack redelivers an event within minutes, so the table stays small.
        """
        cutoff = utc_stamp(self.now - EVENT_MEMORY)
        self.db.execute("DELETE FROM processed_events WHERE received_at < ?", (cutoff,))
        cur = self.db.execute(
            "INSERT INTO processed_events (team_id, event_id, received_at) VALUES (?, ?, ?) "
            "ON CONFLICT (team_id, event_id) DO NOTHING",
            (team_id, event_id, self._stamp()),
        )
        return cur.rowcount == 1
