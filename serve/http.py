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
from slack_sdk.signature import SignatureVerifier

from config import Settings
from handlers.shapes import problem
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

    def __init__(
        self,
        app: App,
        health: Callable[[], dict[str, Any]],
        signing_secret: str | None = None,
    ) -> None:
        self.app = app
        self.health = health
        #: Checks the signature before anything of the body is read (None: no check here).
        self.verifier = SignatureVerifier(signing_secret) if signing_secret else None

    def __call__(self, environ: dict[str, Any], start_response: Callable) -> Iterable[bytes]:
        """Answer one HTTP request."""
        method = environ.get("REQUEST_METHOD", "GET")
        path = environ.get("PATH_INFO") or "/"
        if path == HEALTH_PATH and method in ("GET", "HEAD"):
            return self._health(start_response)
        flow = self.app.oauth_flow
        if flow is not None and path in (flow.install_path, flow.redirect_uri_path):
            if method != "GET":
                return _send(start_response, 405, {"allow": "GET"}, "Method Not Allowed")
            return self._oauth(environ, start_response, path == flow.install_path)
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
        data = environ["wsgi.input"].read(length)
        headers = _headers(environ)
        if self.verifier is not None and not self.verifier.is_valid_request(data, headers):
            # Forged, stale or unsigned: refused before the body is read at all.
            log.warning("Invalid request signature or timestamp: refused (401)")
            return _send(start_response, 401, {}, "Unauthorized")
        try:
            raw = data.decode("utf-8")
        except UnicodeDecodeError:
            return _send(start_response, 400, {}, "Bad Request")
        try:
            if not isinstance(parse_body(raw, headers.get("content-type")), dict):
                raise ValueError("not an object")
            request = bolt_request(raw, headers, environ.get("QUERY_STRING") or "")
        except Exception:
            # Signed but unreadable (not JSON, not an object): nothing Slack sends.
            log.info("refused a signed request whose body is not a Slack payload")
            return _send(start_response, 400, {}, "Bad Request")
        found = problem(request.body)
        if found is not None:
            # Checked before Bolt, which reads `actions`, `user`, `view` itself.
            log.warning("refused a malformed request: %s", found)
            return _send(start_response, 400, {}, "Bad Request")
        response = self.app.dispatch(request)
        # Bolt keeps each header as a list of values; a WSGI header has one.
        headers = {k: v if isinstance(v, str) else v[0] for k, v in response.headers.items()}
        return _send(start_response, response.status, headers, response.body or "")

    def _oauth(self, environ: dict[str, Any], start_response: Callable, install: bool):
        """Bolt's OAuth flow: the install page (a state issued, in a cookie too), or Slack's
        redirect back (the state checked, the code exchanged, the installation stored)."""
        flow = self.app.oauth_flow
        assert flow is not None
        request = BoltRequest(
            body="", query=environ.get("QUERY_STRING") or "", headers={**_headers(environ)}
        )
        response = flow.handle_installation(request) if install else flow.handle_callback(request)
        if not install:
            log.info("OAuth redirect answered %s", response.status)
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
    """GET /healthz: the database is sound and writable, and its schema is current."""

    def check() -> dict[str, Any]:
        # Damaged (quick_check) or not writable (the file, its -wal/-shm, its folder): 503.
        state = store.health()
        if state != "ok":
            return {"ok": False, "db": state}
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
        SlackEndpoint(app, health_check(store), settings.signing_secret),
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
