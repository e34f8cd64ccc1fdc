"""The bot's own Slack messages that showed an item (by ref), so they can be updated later."""

from __future__ import annotations

from storage.repos.base import Repo


class Posted(Repo):
    """Where the bot posted what: plan, ref, channel and ts."""

    def record(self, plan_id: int, ref: str, channel_id: str, ts: str) -> None:
        """Remember a message the bot posted that shows the item `ref`."""
        self.db.execute(
            "INSERT INTO posted_messages (plan_id, ref, channel_id, ts, posted_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (plan_id, ref, channel_id, ts, self._stamp()),
        )

    def of_item(self, plan_id: int, ref: str) -> list[tuple[str, str]]:
        """(channel, ts) of the messages that showed an item, oldest first."""
        rows = self._all(
            "SELECT channel_id, ts FROM posted_messages WHERE plan_id = ? AND ref = ? ORDER BY id",
            (plan_id, ref),
        )
        return [(r["channel_id"], r["ts"]) for r in rows]

    def forget(self, plan_id: int, ref: str) -> None:
        """Forget the messages of an item (once they have been updated)."""
        self.db.execute("DELETE FROM posted_messages WHERE plan_id = ? AND ref = ?", (plan_id, ref))
