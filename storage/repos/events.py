"""Delivery de-duplication: Slack redelivers events, each id is handled once."""

from __future__ import annotations

from datetime import timedelta

from storage.repos.base import Repo, utc_stamp

#: How long an event id is remembered against Slack's redeliveries (they come within minutes).
EVENT_MEMORY = timedelta(days=1)


class Events(Repo):
    """The ids of the Slack events already handled."""

    def first_delivery(self, event_id: str) -> bool:
        """Remember an event id; False when it was seen before (a redelivery).

        Ids older than EVENT_MEMORY are forgotten in the same transaction: Slack redelivers
        an event within minutes, so the table stays small.
        """
        cutoff = utc_stamp(self.now - EVENT_MEMORY)
        self.db.execute("DELETE FROM processed_events WHERE received_at < ?", (cutoff,))
        cur = self.db.execute(
            "INSERT INTO processed_events (event_id, received_at) VALUES (?, ?) "
            "ON CONFLICT (event_id) DO NOTHING",
            (event_id, self._stamp()),
        )
        return cur.rowcount == 1
