"""HTTP mode: a WSGI endpoint served by waitress (one process, a thread pool).

`POST /slack/events` takes commands, interactivity and events; `GET /healthz` says whether the
database answers and its schema is current.
"""

from __future__ import annotations

import json
import logging
import signal
import socket
from collections.abc import Callable, Iterable, Mapping
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qsl

from slack_bolt import App, BoltContext, BoltRequest
from slack_bolt.request.internals import build_context

from config import Settings
from storage import Store

log = logging.getLogger("samverkan.server")

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
#: Slack's requests are small; anything much larger is not from Slack.
MAX_BODY = 1_000_000
WSGI_THREADS = 8


def parse_body(raw: str, content_type: str | None) -> dict[str, Any]:
    """A Slack request body as Bolt should see it.

    slack-bolt 1.30's parse_body treats any form body containing the substring "payload" as
    interactivity, so `/samverkan log checked the payload of the van` would reach no listener.
    Here only a real `payload` form field makes a body interactive.
    """
    if not raw:
        return {}
    if (content_type or "").startswith("application/json") or raw.startswith("{"):
        return json.loads(raw)
    fields = dict(parse_qsl(raw, keep_blank_values=True))
    if "payload" in fields:
        return json.loads(fields["payload"])
    return fields


def bolt_request(raw: str, headers: Mapping[str, str], query: str = "") -> BoltRequest:
    """A BoltRequest over the raw body (for the signature) with the body parsed correctly."""
    request = BoltRequest(body=raw, query=query, headers={**headers})
    if "payload" in raw and not raw.startswith("{"):
        # Bolt may have misread it (see parse_body); parse again and rebuild its context.
        request.body = parse_body(raw, request.content_type)
        request.context = build_context(BoltContext({}), request.body)
    return request


class SlackEndpoint:
    """A WSGI application: Slack's requests to Bolt, and a health check."""

    def __init__(self, app: App, health: Callable[[], dict[str, Any]]) -> None:
        self.app = app
        self.health = health

    def __call__(self, environ: dict[str, Any], start_response: Callable) -> Iterable[bytes]:
        """Answer one HTTP request."""
        method = environ.get("REQUEST_METHOD", "GET")
        path = environ.get("PATH_INFO") or "/"
        if path == HEALTH_PATH and method in ("GET", "HEAD"):
            return self._health(start_response)
        if path != EVENTS_PATH:
            return _send(start_response, 404, {"content-type": "text/plain"}, "Not Found")
        if method != "POST":
            return _send(start_response, 405, {"allow": "POST"}, "Method Not Allowed")
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = -1
        if length < 0 or length > MAX_BODY:
            return _send(start_response, 413, {}, "Payload Too Large")
        try:
            raw = environ["wsgi.input"].read(length).decode("utf-8")
        except UnicodeDecodeError:
            return _send(start_response, 400, {}, "Bad Request")
        try:
            request = bolt_request(raw, _headers(environ), environ.get("QUERY_STRING") or "")
        except ValueError:
            # Unreadable JSON: answer like a forged request would be, after Bolt's own check.
            return _send(start_response, 400, {}, "Bad Request")
        response = self.app.dispatch(request)
        # Bolt keeps each header as a list of values; a WSGI header has one.
        headers = {k: v if isinstance(v, str) else v[0] for k, v in response.headers.items()}
        return _send(start_response, response.status, headers, response.body or "")

    def _health(self, start_response: Callable) -> Iterable[bytes]:
        try:
            body = self.health()
            status = 200 if body.get("ok") else 503
        except Exception as e:
            log.warning("health check failed: %s", e)
            body, status = {"ok": False, "db": "error"}, 503
        return _send(start_response, status, {"content-type": "application/json"}, json.dumps(body))


def _headers(environ: dict[str, Any]) -> dict[str, str]:
    headers = {
        key[5:].replace("_", "-").lower(): value
        for key, value in environ.items()
        if key.startswith("HTTP_")
    }
    if environ.get("CONTENT_TYPE"):
        headers["content-type"] = environ["CONTENT_TYPE"]
    if environ.get("CONTENT_LENGTH"):
        headers["content-length"] = environ["CONTENT_LENGTH"]
    return headers


def _send(start_response: Callable, status: int, headers: dict[str, str], body: str | bytes):
    data = body.encode("utf-8") if isinstance(body, str) else body
    reason = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else ""
    out = [(k, v) for k, v in headers.items() if k.lower() != "content-length"]
    if not any(k.lower() == "content-type" for k, _ in out):
        out.append(("Content-Type", "text/plain; charset=utf-8"))
    out.append(("Content-Length", str(len(data))))
    start_response(f"{status} {reason}".strip(), out)
    return [data]


def health_check(store: Store) -> Callable[[], dict[str, Any]]:
    """GET /healthz: the database answers and its schema is current."""

    def check() -> dict[str, Any]:
        version = store.schema_version()
        return {"ok": version > 0, "db": "ok" if version > 0 else "empty", "schema": version}

    return check


def serve_http(
    app: App, store: Store, settings: Settings, sockets: list[socket.socket] | None = None
) -> int:
    """Serve Slack's requests with waitress until SIGTERM or Ctrl-C (on `sockets` when the
    listening socket is shared by worker processes, see serve.workers)."""
    from waitress.server import create_server

    where: dict[str, Any] = (
        {"sockets": sockets} if sockets else {"host": settings.host, "port": settings.port}
    )
    server = create_server(
        SlackEndpoint(app, health_check(store)),
        threads=WSGI_THREADS,
        ident="samverkan",
        clear_untrusted_proxy_headers=True,
        **where,
    )
    log.info(
        "HTTP mode: POST %s and GET %s on %s:%s",
        EVENTS_PATH,
        HEALTH_PATH,
        settings.host,
        settings.port,
    )
    previous = signal.signal(signal.SIGTERM, _exit)
    try:
        server.run()  # returns after SystemExit / KeyboardInterrupt closed the server
    finally:
        signal.signal(signal.SIGTERM, previous)
        server.close()
    return 0


def _exit(signum: int, frame: Any) -> None:
    raise SystemExit(0)
