"""Tests of the Slack test infrastructure itself: FakeSlack, signed bodies, FakeSocket."""

from __future__ import annotations

import json
import time
from urllib.parse import parse_qs

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler
from slack_sdk.signature import SignatureVerifier
from slack_sdk.socket_mode import SocketModeClient
from slack_sdk.socket_mode.request import SocketModeRequest
from slack_sdk.socket_mode.response import SocketModeResponse
from websockets.sync.client import connect

from tests.support.fake_slack import FakeSlack
from tests.support.fake_socket import FakeSocket
from tests.support.shared import fixtures_dir, web_api_spec_path
from tests.support.signed import (
    fixture_json,
    interactive_body,
    post,
    sign,
    slash_command_body,
    slash_command_payload,
)

pytest_plugins = ["tests.support.fixtures"]

SECTION = {"type": "section", "text": {"type": "mrkdwn", "text": "Walked the area"}}

# Slack's documented signing example ("Verifying requests from Slack").
DOC_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
DOC_TIMESTAMP = 1531420618
DOC_BODY = (
    b"token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
    b"&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner"
    b"&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands"
    b"%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
    b"&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c"
)
DOC_SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"


def client_for(fake: FakeSlack, **kwargs: object) -> WebClient:
    """A real slack_sdk WebClient pointed at the fake."""
    return WebClient(token="xoxb-test", base_url=fake.base_url, **kwargs)  # type: ignore[arg-type]


def test_valid_post_message_is_recorded_without_violations(fake_slack: FakeSlack) -> None:
    """A well-formed chat.postMessage is recorded with decoded blocks and answered like Slack."""
    client = client_for(fake_slack)
    first = client.chat_postMessage(channel="C0PLAN", text="Walked the area", blocks=[SECTION])
    second = client.chat_postMessage(channel="C0PLAN", text="Again", blocks=[SECTION])

    assert first["channel"] == "C0PLAN"
    assert first["message"]["text"] == "Walked the area"
    assert first["message"]["bot_id"] == "B0SAMVERK"
    assert float(second["ts"]) > float(first["ts"])
    (call, _) = fake_slack.calls("chat.postMessage")
    assert call.params["blocks"] == [SECTION]
    assert call.token == "xoxb-test"
    assert call.ok
    assert fake_slack.violations == []


def test_answers_carry_the_fields_the_spec_requires(fake_slack: FakeSlack) -> None:
    """Each answered method returns the keys web-api.json's success schema requires."""
    client = client_for(fake_slack)
    posted = client.chat_postMessage(channel="C0PLAN", text="x")
    modal = {"type": "modal", "title": {"type": "plain_text", "text": "Log"}, "blocks": [SECTION]}
    answers = {
        "auth.test": client.auth_test(),
        "chat.postMessage": posted,
        "chat.postEphemeral": client.chat_postEphemeral(channel="C0PLAN", user="U0COORD", text="x"),
        "chat.update": client.chat_update(channel="C0PLAN", ts=posted["ts"], text="y"),
        "chat.getPermalink": client.chat_getPermalink(channel="C0PLAN", message_ts=posted["ts"]),
        "chat.delete": client.chat_delete(channel="C0PLAN", ts=posted["ts"]),
        "users.info": client.users_info(user="U0COORD"),
        "conversations.open": client.conversations_open(users="U0COORD"),
        "conversations.info": client.conversations_info(channel="C0PLAN"),
        "views.open": client.views_open(trigger_id="1.2.abc", view=modal),
    }
    spec = json.loads(web_api_spec_path().read_text(encoding="utf-8"))["paths"]
    for method, answer in answers.items():
        schema = next(iter(spec["/" + method].values()))["responses"]["200"]["schema"]
        assert set(schema["required"]) <= set(answer.data), method  # type: ignore[arg-type]
    ts = posted["ts"].replace(".", "")
    link = f"https://samverkan-test.slack.com/archives/C0PLAN/p{ts}"
    assert answers["chat.getPermalink"]["permalink"] == link
    assert answers["conversations.open"]["channel"]["id"] == "DU0COORD"
    assert answers["views.open"]["view"]["id"].startswith("V")
    assert answers["users.info"]["user"]["tz"] == "Europe/Stockholm"


def test_form_encoded_calls_and_configured_users(fake_slack: FakeSlack) -> None:
    """users.info (form-encoded) sees per-user overrides."""
    fake_slack.set_user("U0POLICE", tz="America/New_York", real_name="Kim Polis")
    user = client_for(fake_slack).users_info(user="U0POLICE")["user"]
    assert (user["tz"], user["real_name"], user["profile"]["real_name"]) == (
        "America/New_York",
        "Kim Polis",
        "Kim Polis",
    )
    assert fake_slack.calls("users.info")[0].params == {"user": "U0POLICE"}


def test_51_blocks_is_a_violation(fake_slack: FakeSlack) -> None:
    """A message with more than 50 blocks is flagged."""
    client_for(fake_slack).chat_postMessage(channel="C0PLAN", text="x", blocks=[SECTION] * 51)
    assert any("51 blocks (max 50)" in v for v in fake_slack.take_violations())


def test_block_kit_limits_are_violations(fake_slack: FakeSlack) -> None:
    """slack_sdk's model checks reach nested elements (button text over 75 chars)."""
    button = {
        "type": "button",
        "text": {"type": "plain_text", "text": "x" * 76},
        "action_id": "followup_done",
        "value": "F1",
    }
    blocks = [{"type": "actions", "elements": [button]}]
    client_for(fake_slack).chat_postMessage(channel="C0PLAN", text="x", blocks=blocks)
    assert any("75 characters" in v for v in fake_slack.take_violations())


def test_missing_text_is_a_violation(fake_slack: FakeSlack) -> None:
    """Blocks without a `text` fallback are flagged."""
    client = client_for(fake_slack)
    with pytest.warns(UserWarning):  # slack_sdk warns too
        client.chat_postMessage(channel="C0PLAN", blocks=[SECTION])
    assert any("no non-empty `text`" in v for v in fake_slack.take_violations())


def test_unknown_method_is_a_violation(fake_slack: FakeSlack) -> None:
    """A method missing from web-api.json answers unknown_method and is flagged."""
    with pytest.raises(SlackApiError) as raised:
        client_for(fake_slack).api_call("chat.postMesage", json={"channel": "C0PLAN"})
    assert raised.value.response["error"] == "unknown_method"
    assert fake_slack.take_violations() == [
        "chat.postMesage: unknown Web API method 'chat.postMesage'"
    ]


def test_unknown_parameter_is_a_violation(fake_slack: FakeSlack) -> None:
    """A parameter web-api.json does not declare for the method is flagged."""
    client_for(fake_slack).chat_postMessage(channel="C0PLAN", text="x", colour="red")
    assert fake_slack.take_violations() == [
        "chat.postMessage: parameter 'colour' is not declared for chat.postMessage"
    ]


def test_view_limits_are_violations(fake_slack: FakeSlack) -> None:
    """Long modal titles, private_metadata over 3000 chars and Home views over 250 kB are flagged."""
    client = client_for(fake_slack)
    modal = {
        "type": "modal",
        "title": {"type": "plain_text", "text": "x" * 25},
        "blocks": [SECTION],
        "private_metadata": "m" * 3001,
    }
    client.views_open(trigger_id="1.2.abc", view=modal)
    big = {"type": "section", "text": {"type": "mrkdwn", "text": "y" * 2900}}
    client.views_publish(user_id="U0COORD", view={"type": "home", "blocks": [big] * 100})
    found = "\n".join(fake_slack.take_violations())
    assert "title must be between 1 and 24 characters" in found
    assert "private_metadata is 3001 chars" in found
    assert "home view is" in found


def test_response_url_posts_are_recorded_and_checked(fake_slack: FakeSlack) -> None:
    """A JSON post to a response_url is recorded as `response_url:<name>`."""
    url = fake_slack.response_url("cmd1")
    body = json.dumps({"text": "Logged L1", "response_type": "ephemeral"}).encode()
    status, _, answer = post(url, body, {"Content-Type": "application/json"})
    assert (status, json.loads(answer)) == (200, {"ok": True})
    (call,) = fake_slack.wait_for("response_url:cmd1")
    assert call.params == {"text": "Logged L1", "response_type": "ephemeral"}
    post(url, json.dumps({"blocks": [SECTION] * 51}).encode(), {"Content-Type": "application/json"})
    found = fake_slack.take_violations()
    assert any("no non-empty `text`" in v for v in found)
    assert any("51 blocks" in v for v in found)


def test_rate_limit_is_retried_once_with_the_retry_handler(fake_slack: FakeSlack) -> None:
    """One scripted 429 with Retry-After: 1, then success, through RateLimitErrorRetryHandler."""
    fake_slack.fail("chat.postMessage", status=429, retry_after=1)
    client = client_for(fake_slack, retry_handlers=[RateLimitErrorRetryHandler(max_retry_count=1)])
    started = time.monotonic()
    answer = client.chat_postMessage(channel="C0PLAN", text="digest")
    assert answer["ok"]
    assert time.monotonic() - started >= 1
    calls = fake_slack.calls("chat.postMessage")
    assert [c.status for c in calls] == [429, 200]
    assert [c for c in calls if c.ok] == [calls[1]]


def test_scripted_error_matches_params(fake_slack: FakeSlack) -> None:
    """A scripted channel_not_found hits only calls whose params match."""
    fake_slack.fail("chat.postMessage", error="channel_not_found", match={"channel": "C2"})
    client = client_for(fake_slack)
    assert client.chat_postMessage(channel="C1", text="x")["ok"]
    with pytest.raises(SlackApiError) as raised:
        client.chat_postMessage(channel="C2", text="x")
    assert raised.value.response["error"] == "channel_not_found"
    assert client.chat_postMessage(channel="C2", text="x")["ok"]  # times=1 is used up


def test_server_error_raises(fake_slack: FakeSlack) -> None:
    """A scripted HTTP 500 reaches the client as SlackApiError with status 500."""
    fake_slack.fail("users.info", status=500, times=None)
    with pytest.raises(SlackApiError) as raised:
        client_for(fake_slack).users_info(user="U0COORD")
    assert raised.value.response.status_code == 500


def test_sign_reproduces_slacks_test_vector() -> None:
    """`sign` gives the signature of Slack's documented example."""
    headers = sign(DOC_BODY, DOC_SECRET, DOC_TIMESTAMP)
    assert headers["X-Slack-Signature"] == DOC_SIGNATURE
    assert headers["X-Slack-Request-Timestamp"] == "1531420618"
    assert headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert headers["User-Agent"].startswith("Slackbot 1.0")


def test_signed_bodies_match_slacks_shapes() -> None:
    """The slash command body reproduces slash_command.form; interactive bodies round-trip."""
    form = (fixtures_dir() / "slash_command.form").read_bytes()
    fields = parse_qs(form.decode())
    body = slash_command_body(
        "log A1 Walked the area",
        response_url=fields["response_url"][0],
        trigger_id=fields["trigger_id"][0],
    )
    assert body == form
    payload = fixture_json("view_submission")
    wrapped = interactive_body(payload)
    assert json.loads(parse_qs(wrapped.decode())["payload"][0]) == payload
    headers = sign(wrapped, "secret")
    assert SignatureVerifier("secret").is_valid_request(wrapped, headers)
    other = slash_command_payload("mine", user="U0POLICE", channel="D0SAMHOME")
    assert (other["user_name"], other["channel_name"]) == ("samverkan.police", "directmessage")
    assert other["trigger_id"] != slash_command_payload("mine")["trigger_id"]


def test_socket_mode_client_receives_and_acks(
    fake_slack: FakeSlack, fake_socket: FakeSocket
) -> None:
    """slack_sdk's builtin SocketModeClient connects via apps.connections.open and acks."""
    seen: list[SocketModeRequest] = []

    def on_request(client: SocketModeClient, request: SocketModeRequest) -> None:
        """Record and ack with a payload."""
        seen.append(request)
        response = SocketModeResponse(envelope_id=request.envelope_id, payload={"text": "ok"})
        client.send_socket_mode_response(response)

    client = SocketModeClient(
        app_token="xapp-1-test", web_client=client_for(fake_slack), auto_reconnect_enabled=False
    )
    client.socket_mode_request_listeners.append(on_request)
    try:
        client.connect()
        fake_socket.wait_connected()
        payload = slash_command_payload("help", response_url=fake_slack.response_url("sm"))
        envelope_id = fake_socket.send_envelope("slash_commands", payload)
        ack = fake_socket.wait_for_ack(envelope_id)
    finally:
        fake_socket.stop()  # Slack's side closes first, so the client shuts down quickly
        client.close()
    assert ack == {"envelope_id": envelope_id, "payload": {"text": "ok"}}
    assert seen[0].type == "slash_commands"
    assert seen[0].payload["text"] == "help"
    (opened,) = fake_slack.calls("apps.connections.open")
    assert opened.token == "xapp-1-test"


def test_a_trigger_id_works_once(fake_slack: FakeSlack) -> None:
    """Reusing a trigger_id answers exchanged_trigger_id, as Slack does, and is flagged."""
    client = client_for(fake_slack)
    modal = {"type": "modal", "title": {"type": "plain_text", "text": "Log"}, "blocks": [SECTION]}
    client.views_open(trigger_id="1.2.abc", view=modal)
    with pytest.raises(SlackApiError) as raised:
        client.views_open(trigger_id="1.2.abc", view=modal)
    assert raised.value.response["error"] == "exchanged_trigger_id"
    assert fake_slack.take_violations() == ["views: trigger_id 1.2.abc used twice"]


def test_socket_messages_have_slacks_shape(fake_socket: FakeSocket) -> None:
    """A raw WebSocket client sees Slack's hello and envelope shapes."""
    with connect(fake_socket.url, proxy=None) as ws:
        hello = json.loads(ws.recv(timeout=5))
        envelope_id = fake_socket.send_envelope("events_api", {"type": "event_callback"})
        envelope = json.loads(ws.recv(timeout=5))
        ws.send(json.dumps({"envelope_id": envelope_id}))
        assert fake_socket.wait_for_ack(envelope_id) == {"envelope_id": envelope_id}
    assert hello["type"] == "hello"
    assert hello["connection_info"] == {"app_id": "A0SAMVERK"}
    assert hello["num_connections"] == 1
    assert envelope == {
        "envelope_id": envelope_id,
        "payload": {"type": "event_callback"},
        "type": "events_api",
        "accepts_response_payload": False,
        "retry_attempt": 0,
        "retry_reason": "",
    }


# -- OAuth (oauth.v2.access) ------------------------------------------------------------------


def test_fake_exchanges_a_code_once_for_a_token_of_its_team(fake_slack: FakeSlack) -> None:
    from tests.support.fake_slack import CLIENT_ID, CLIENT_SECRET

    client = WebClient(base_url=fake_slack.base_url)
    code = fake_slack.install_code("T0AAAAAA", team_name="Team A")
    answer = client.oauth_v2_access(client_id=CLIENT_ID, client_secret=CLIENT_SECRET, code=code)
    token = answer["access_token"]
    assert answer["team"] == {"id": "T0AAAAAA", "name": "Team A"}
    assert answer["token_type"] == "bot" and "refresh_token" not in answer.data
    assert client.auth_test(token=token)["team_id"] == "T0AAAAAA"
    with pytest.raises(SlackApiError, match="invalid_code"):
        client.oauth_v2_access(client_id=CLIENT_ID, client_secret=CLIENT_SECRET, code=code)
    with pytest.raises(SlackApiError, match="invalid_client_id"):
        client.oauth_v2_access(client_id=CLIENT_ID, client_secret="wrong", code="x")
    fake_slack.revoke_team("T0AAAAAA")
    with pytest.raises(SlackApiError, match="token_revoked"):
        client.auth_test(token=token)
    assert fake_slack.violations == []


def test_fake_rotates_tokens_with_the_refresh_grant(fake_slack: FakeSlack) -> None:
    from tests.support.fake_slack import CLIENT_ID, CLIENT_SECRET

    fake_slack.rotation_seconds = 43200
    client = WebClient(base_url=fake_slack.base_url)
    first = client.oauth_v2_access(
        client_id=CLIENT_ID, client_secret=CLIENT_SECRET, code=fake_slack.install_code("T0B")
    )
    assert first["expires_in"] == 43200 and first["refresh_token"].startswith("xoxe-1-")
    fake_slack.expire_tokens()
    with pytest.raises(SlackApiError, match="token_expired"):
        client.auth_test(token=first["access_token"])
    second = client.oauth_v2_access(
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        grant_type="refresh_token",
        refresh_token=first["refresh_token"],
    )
    assert second["access_token"] != first["access_token"]
    assert client.auth_test(token=second["access_token"])["team_id"] == "T0B"
    with pytest.raises(SlackApiError, match="invalid_refresh_token"):  # a refresh token works once
        client.oauth_v2_access(
            client_id=CLIENT_ID,
            client_secret=CLIENT_SECRET,
            grant_type="refresh_token",
            refresh_token=first["refresh_token"],
        )
    assert fake_slack.violations == []
