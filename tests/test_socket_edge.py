"""Socket Mode's edge (issue 10): an envelope whose payload is not what Slack sends is acked,
logged in one line and not run, as HTTP mode answers such a body with 400."""

from __future__ import annotations

import sqlite3

import pytest

from tests.support.bot_process import BotProcess
from tests.support.fake_socket import FakeSocket
from tests.support.signed import fixture_json, slash_command_payload
from tests.test_socket_mode import socket_bot  # noqa: F401  (the fixture)


@pytest.mark.parametrize(
    ("kind", "payload"),
    [
        ("slash_commands", {**slash_command_payload("setup P"), "user_id": "<!channel>"}),
        ("slash_commands", {**slash_command_payload("setup P"), "channel_id": "x" * 3000}),
        ("interactive", {**fixture_json("block_actions_button"), "user": 5}),
        ("interactive", {**fixture_json("block_actions_button"), "actions": {"a": 1}}),
        ("events_api", {**fixture_json("event_app_home_opened"), "event": []}),
    ],
)
def test_a_malformed_envelope_is_acked_and_not_run(
    socket_bot: BotProcess,  # noqa: F811
    fake_socket: FakeSocket,
    kind: str,
    payload: dict,
) -> None:
    envelope = fake_socket.send_envelope(kind, payload)
    assert fake_socket.wait_for_ack(envelope, timeout=10) == {"envelope_id": envelope}
    conn = sqlite3.connect(socket_bot.db)
    try:
        assert conn.execute("SELECT COUNT(*) FROM plans").fetchone() == (0,)
    finally:
        conn.close()
    assert socket_bot.log().count("refused a malformed request") == 1
    assert "Traceback" not in socket_bot.log()
