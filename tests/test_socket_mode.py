"""The bot in Socket Mode as a subprocess, against a local WebSocket server playing Slack's part."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.bot_process import BotProcess
from tests.support.fake_slack import FakeSlack
from tests.support.fake_socket import FakeSocket
from tests.support.signed import fixture_json, slash_command_payload


@pytest.fixture
def socket_bot(
    fake_slack: FakeSlack, fake_socket: FakeSocket, tmp_path: Path
) -> Iterator[BotProcess]:
    """`python bot.py socket` with an app-level token; connected to the fake socket."""
    bot = BotProcess(
        "socket", workdir=tmp_path, api_url=fake_slack.base_url, app_token="xapp-1-test"
    )
    bot.start()
    try:
        fake_socket.wait_connected(timeout=20)
    except AssertionError:
        bot.stop()
        raise AssertionError("no connection; the bot logged:\n" + bot.log()) from None
    yield bot
    fake_socket.stop()  # Slack's side closes first, so the client shuts down quickly
    assert bot.stop() == 0, bot.log()
    assert "Traceback" not in bot.log(), bot.log()


def test_start_up_and_a_command_round_trip(
    socket_bot: BotProcess, fake_socket: FakeSocket, fake_slack: FakeSlack
) -> None:
    """Start-up via SLACK_API_URL; a slash_commands envelope is acked with the reply, and stored."""
    (auth,) = fake_slack.calls("auth.test")
    assert auth.token == "xoxb-test"
    opened = fake_slack.calls("apps.connections.open")
    assert opened and opened[0].token == "xapp-1-test"

    setup = slash_command_payload("setup Trygg i Husby", user="U0COORD", channel="C0PLAN")
    ack = fake_socket.wait_for_ack(fake_socket.send_envelope("slash_commands", setup), timeout=10)
    assert ack["payload"]["response_type"] == "in_channel"
    assert ack["payload"]["text"] == (
        "The plan *Trygg i Husby* is set up for this channel. <@U0COORD> is its coordinator."
    )
    assert ack["payload"]["blocks"][0]["type"] == "section"

    fake_socket.wait_for_ack(
        fake_socket.send_envelope("slash_commands", slash_command_payload("org add Polisen")),
        timeout=10,
    )
    fake_socket.wait_for_ack(
        fake_socket.send_envelope("slash_commands", slash_command_payload("join Polisen")),
        timeout=10,
    )
    log = slash_command_payload("log checked the payload of the van")
    ack = fake_socket.wait_for_ack(fake_socket.send_envelope("slash_commands", log), timeout=10)
    # The confirmation is posted by the bot (its ts recorded); the answer is private.
    assert ack["payload"]["text"].startswith("Posted *L1* in the channel.")
    (post,) = fake_slack.wait_for("chat.postMessage")
    assert post.params["text"].endswith("> checked the payload of the van")
    conn = sqlite3.connect(socket_bot.db)
    try:
        rows = conn.execute("SELECT text, source FROM log_entries").fetchall()
    finally:
        conn.close()
    assert rows == [("checked the payload of the van", "command")]


def test_an_event_is_acked_without_payload(
    socket_bot: BotProcess, fake_socket: FakeSocket, fake_slack: FakeSlack
) -> None:
    """app_home_opened over Socket Mode publishes the Home; a redelivery does nothing more."""
    event = fixture_json("event_app_home_opened")
    first = fake_socket.send_envelope("events_api", event)
    assert fake_socket.wait_for_ack(first, timeout=10) == {"envelope_id": first}
    fake_slack.wait_for("views.publish", timeout=10)
    again = fake_socket.send_envelope("events_api", event, retry_attempt=1, retry_reason="timeout")
    fake_socket.wait_for_ack(again, timeout=10)
    time.sleep(0.2)  # a second publish, had there been one, would be after the ack
    assert len(fake_slack.calls("views.publish")) == 1


@pytest.mark.parametrize("error", ["invalid_auth", "not_allowed_token_type"])
def test_a_refused_app_token_is_one_line_and_exit_2(
    fake_slack: FakeSlack, fake_socket: FakeSocket, tmp_path: Path, error: str
) -> None:
    fake_slack.fail("apps.connections.open", error=error, times=None)
    bot = BotProcess(
        "socket", workdir=tmp_path, api_url=fake_slack.base_url, app_token="xapp-1-test"
    )
    bot.start()
    assert bot.proc is not None
    assert bot.proc.wait(30) == 2
    said = (
        f"bot.py: Slack refused to open Socket Mode ({error}): check SLACK_APP_TOKEN "
        "(an xapp- token with connections:write)."
    )
    assert bot.log().splitlines().count(said) == 1
    assert "Traceback" not in bot.log()
