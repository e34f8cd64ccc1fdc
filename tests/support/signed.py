"""Request bodies exactly as Slack sends them, Slack's request signature, and a loopback POST."""

from __future__ import annotations

import copy
import hashlib
import hmac
import ipaddress
import json
import secrets
import time
import urllib.error
import urllib.request
from functools import cache
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode, urlsplit

from tests.support.fake_slack import KNOWN_CHANNELS, KNOWN_USERS
from tests.support.shared import fixtures_dir

USER_AGENT = "Slackbot 1.0 (+https://api.slack.com/robots)"
FORM = "application/x-www-form-urlencoded"
JSON = "application/json"


@cache
def _fixture_text(name: str) -> str:
    """Read one fixture file (cached)."""
    return (fixtures_dir() / name).read_text(encoding="utf-8")


def fixture_json(name: str) -> dict[str, Any]:
    """Return a fresh copy of a JSON fixture, e.g. `fixture_json("view_submission")`."""
    if not name.endswith(".json"):
        name += ".json"
    return copy.deepcopy(json.loads(_fixture_text(name)))


def fixture_form() -> list[tuple[str, str]]:
    """Return the fields of slash_command.form in Slack's order."""
    return parse_qsl(_fixture_text("slash_command.form"), keep_blank_values=True)


def new_trigger_id() -> str:
    """Return a fresh trigger_id shaped like Slack's (`<digits>.<digits>.<32 hex>`)."""
    return f"{secrets.randbelow(9 * 10**12) + 10**12}.8590312764417.{secrets.token_hex(16)}"


def slash_command_payload(
    text: str,
    *,
    user: str = "U0COORD",
    channel: str = "C0PLAN",
    team: str = "T0SAMVERK",
    command: str = "/samverkan",
    response_url: str | None = None,
    trigger_id: str | None = None,
    **extra: str,
) -> dict[str, str]:
    """Return the slash command fields (all strings, Slack's order) with the given values."""
    fields = dict(fixture_form())
    if user != fields["user_id"]:
        fields["user_name"] = KNOWN_USERS.get(user, (user.lower(), ""))[0]
    if channel != fields["channel_id"]:
        fields["channel_name"] = (
            "directmessage"
            if channel.startswith("D")
            else KNOWN_CHANNELS.get(channel, channel.lower())
        )
    fields.update(
        team_id=team,
        channel_id=channel,
        user_id=user,
        command=command,
        text=text,
        trigger_id=trigger_id or new_trigger_id(),
    )
    if response_url is not None:
        fields["response_url"] = response_url
    fields.update(extra)
    return fields


def slash_command_body(
    text: str,
    *,
    user: str = "U0COORD",
    channel: str = "C0PLAN",
    team: str = "T0SAMVERK",
    command: str = "/samverkan",
    response_url: str | None = None,
    trigger_id: str | None = None,
    **extra: str,
) -> bytes:
    """Return a slash command body form-encoded like slash_command.form (one line, no newline)."""
    fields = slash_command_payload(
        text,
        user=user,
        channel=channel,
        team=team,
        command=command,
        response_url=response_url,
        trigger_id=trigger_id,
        **extra,
    )
    return urlencode(fields).encode("ascii")


def interactive_body(payload: dict[str, Any]) -> bytes:
    """Return an interactivity body: `payload=` + the URL-encoded compact JSON."""
    return ("payload=" + quote(json.dumps(payload, separators=(",", ":")), safe="")).encode("ascii")


def event_body(payload: dict[str, Any]) -> bytes:
    """Return an Events API body (compact JSON)."""
    return json.dumps(payload, separators=(",", ":")).encode("utf-8")


def signature(body: bytes, secret: str, timestamp: int) -> str:
    """Return Slack's `v0=` signature of a raw body."""
    base = b"v0:" + str(timestamp).encode("ascii") + b":" + body
    return "v0=" + hmac.new(secret.encode("utf-8"), base, hashlib.sha256).hexdigest()


def sign(
    body: bytes,
    secret: str,
    timestamp: int | None = None,
    *,
    content_type: str | None = None,
    retry_num: int | None = None,
    retry_reason: str = "http_timeout",
) -> dict[str, str]:
    """Return the headers Slack sends with `body`; content type defaults to JSON for `{...}`, else form."""
    ts = int(time.time()) if timestamp is None else timestamp
    if content_type is None:
        content_type = JSON if body.lstrip().startswith(b"{") else FORM
    headers = {
        "Content-Type": content_type,
        "User-Agent": USER_AGENT,
        "X-Slack-Request-Timestamp": str(ts),
        "X-Slack-Signature": signature(body, secret, ts),
    }
    if retry_num is not None:
        headers["X-Slack-Retry-Num"] = str(retry_num)
        headers["X-Slack-Retry-Reason"] = retry_reason
    return headers


def _require_loopback(url: str) -> None:
    """Refuse any URL whose host is not a loopback address."""
    host = urlsplit(url).hostname or ""
    if host != "localhost":
        try:
            if ipaddress.ip_address(host).is_loopback:
                return
        except ValueError:
            pass
        raise ValueError(f"refusing non-loopback URL in tests: {url}")


_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def post(
    url: str, body: bytes, headers: dict[str, str], *, timeout: float = 10
) -> tuple[int, dict[str, str], bytes]:
    """POST to a loopback URL (no proxies); return status, headers and body, also for 4xx/5xx."""
    _require_loopback(url)
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            return response.status, dict(response.headers.items()), response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, dict(error.headers.items()), error.read()


def get(
    url: str, *, timeout: float = 10, headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], bytes]:
    """GET a loopback URL (no proxies); return status, headers and body, also for 4xx/5xx."""
    _require_loopback(url)
    request = urllib.request.Request(url, method="GET", headers=headers or {})
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            return response.status, dict(response.headers.items()), response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, dict(error.headers.items()), error.read()
