"""The bot as a real process in http mode: a digest scheduled a minute ahead goes out once.

This is the one test that waits for real time (up to about 75 s): the digest is scheduled for
the next minute boundary (plan-local), directly in the database before the bot starts.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from storage import Store
from tests.support.bot_process import BotProcess
from tests.support.fake_slack import FakeSlack
from tests.test_schedules import serve_history

STHLM = ZoneInfo("Europe/Stockholm")


def wait_for_log(bot: BotProcess, text: str, timeout: float) -> None:
    """Wait until the bot's log has a line containing `text`."""
    deadline = time.monotonic() + timeout
    while text not in bot.log():
        if time.monotonic() > deadline:
            pytest.fail(f"the bot never logged {text!r}:\n{bot.log()}")
        time.sleep(0.05)


def test_http_mode_posts_a_scheduled_digest_once_and_not_after_a_restart(
    fake_slack: FakeSlack, tmp_path: Path
) -> None:
    serve_history(fake_slack, window=True)
    bot = BotProcess("http", workdir=tmp_path, api_url=fake_slack.base_url)
    store = Store(bot.db)
    store.migrate()
    now = datetime.now(STHLM)
    # The next minute boundary, unless it is too close for the bot to start first.
    due = (now + timedelta(minutes=1 if now.second < 45 else 2)).replace(second=0, microsecond=0)
    with store.write() as tx:
        plan = tx.plans.create(
            team_id="T0SAMVERK",
            channel_id="C0PLAN",
            name="Trygg i Husby",
            language="sv",
            timezone="Europe/Stockholm",
            created_by="U0COORD",
            digest_weekday=due.weekday(),
            digest_time=f"{due:%H:%M}",
        )
        tx.plans.update(plan.id, digest_set_at=now - timedelta(hours=1))
        tx.members.set(plan.id, "U0COORD", None, "coordinator")
    bot.start()
    try:
        wait_for_log(bot, "catch-up done", timeout=10)
        if time.time() < due.timestamp() - 1:
            assert fake_slack.calls("chat.postMessage") == []  # not before its minute
        wait = due.timestamp() - time.time() + 20
        posted = fake_slack.wait_for("chat.postMessage", 1, timeout=wait)
        assert due.timestamp() <= posted[0].time < due.timestamp() + 15
        time.sleep(1)
    finally:
        assert bot.stop() == 0, bot.log()
    assert len(fake_slack.calls("chat.postMessage")) == 1
    message = posted[0]
    assert message.ok and message.params["channel"] == "C0PLAN"
    assert message.params["text"].startswith("Trygg i Husby — veck")

    # Restarted after its minute, on the same database: not posted again.
    (tmp_path / "bot-http.log").rename(tmp_path / "bot-http-first.log")
    again = BotProcess("http", workdir=tmp_path, api_url=fake_slack.base_url).start()
    try:
        wait_for_log(again, "catch-up done", timeout=10)
        time.sleep(1)
    finally:
        assert again.stop() == 0, again.log()
    assert len(fake_slack.calls("chat.postMessage")) == 1
    with store.read() as tx:
        year, week, _ = due.isocalendar()
        row = tx.digests.get(plan.id, year, week)
    assert row is not None and (row.state, row.message_ts) == ("sent", message.response["ts"])
