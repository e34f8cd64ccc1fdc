"""The Slack side of the process: the Bolt app, its Web API client, and the two ways to serve it.

- `http`: a WSGI endpoint served by waitress (one process, a thread pool): `POST /slack/events`
  for commands, interactivity and events, `GET /healthz`.
- `socket`: Socket Mode over a WebSocket opened with the app-level token.

The Bolt app runs listeners with `process_before_response=True`: the reply is computed and
committed before the HTTP response goes out, so Slack's answer is the reply itself and no
ack-polling loop sits in the path (Bolt's default waits for ack() in a 10 ms loop).
"""

from __future__ import annotations

import json
import logging
import signal
import threading
from collections.abc import Callable, Iterable
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qsl

from slack_bolt import App, BoltContext, BoltRequest
from slack_bolt.request.internals import build_context
from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)

from config import Settings
from samverkan.service import Samverkan
from storage import Store

log = logging.getLogger("samverkan.server")

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
#: Slack's requests are small; anything much larger is not from Slack.
MAX_BODY = 1_000_000
WSGI_THREADS = 8


# -- the Bolt app ----------------------------------------------------------------------------


def api_base_url(url: str | None) -> str | None:
    """SLACK_API_URL as slack_sdk wants it (with a trailing slash), or None for Slack's own."""
    if not url:
        return None
    return url if url.endswith("/") else url + "/"


def web_client(token: str | None, api_url: str | None = None) -> WebClient:
    """A Web API client that honours SLACK_API_URL and retries what is worth retrying.

    Rate limits wait for Retry-After; connection errors and 5xx answers are retried once.
    """
    kwargs: dict[str, Any] = {
        "token": token,
        "retry_handlers": [
            RateLimitErrorRetryHandler(max_retry_count=3),
            ConnectionErrorRetryHandler(max_retry_count=2),
            ServerErrorRetryHandler(max_retry_count=1),
        ],
    }
    base = api_base_url(api_url)
    if base:
        kwargs["base_url"] = base
    return WebClient(**kwargs)


def build_app(service: Samverkan, settings: Settings, mode: str) -> App:
    """The Bolt app with every listener registered (checks the bot token with auth.test)."""
    from handlers import register

    logging.getLogger("slack_bolt.App").addFilter(_SameTokenNotice())
    # Bolt logs the whole body of a request it refuses; that body may hold what a person typed
    # (even a personal identity number), so only the refusal itself is logged (DESIGN §6).
    logging.getLogger("slack_bolt.RequestVerification").addFilter(_RefusalWithoutBody())
    app = App(
        client=web_client(settings.bot_token, settings.api_url),
        signing_secret=settings.signing_secret or "",
        # Requests over HTTP are verified (signature, 5-minute window); Socket Mode needs none.
        request_verification_enabled=mode == "http",
        # Fail at start, not at the first request, when the token is wrong.
        token_verification_enabled=True,
        process_before_response=True,
        # Deprecated by Slack and never relied on (DESIGN §8).
        ssl_check_enabled=False,
        name="samverkan",
    )
    register(app, service)
    return app


class _SameTokenNotice(logging.Filter):
    """Bolt also reads SLACK_BOT_TOKEN and warns that the client's token wins: it is the same."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "`token` will be unused" not in record.getMessage()


class _RefusalWithoutBody(logging.Filter):
    """Log a refused signature without the request body Bolt puts in the message."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if ", body:" in message:
            record.msg = message.split(", body:")[0].split(" (signature:")[0]
            record.args = ()
        return True


# -- HTTP: a WSGI endpoint -------------------------------------------------------------------


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


def bolt_request(raw: str, headers: dict[str, str], query: str = "") -> BoltRequest:
    """A BoltRequest over the raw body (for the signature) with the body parsed correctly."""
    request = BoltRequest(body=raw, query=query, headers=headers)
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
        headers = {
            k: v[0] if isinstance(v, list | tuple) else v for k, v in response.headers.items()
        }
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


def serve_http(app: App, store: Store, settings: Settings) -> int:
    """Serve Slack's requests with waitress until SIGTERM or Ctrl-C."""
    from waitress.server import create_server

    server = create_server(
        SlackEndpoint(app, health_check(store)),
        host=settings.host,
        port=settings.port,
        threads=WSGI_THREADS,
        ident="samverkan",
        clear_untrusted_proxy_headers=True,
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


# -- Socket Mode -----------------------------------------------------------------------------


def serve_socket(app: App, settings: Settings) -> int:
    """Serve Slack's requests over Socket Mode until SIGTERM or Ctrl-C."""
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    # The handler opens its WebSocket with apps.connections.open on app.client, so it honours
    # SLACK_API_URL and the retry handlers too.
    handler = SocketModeHandler(app, app_token=settings.app_token, web_client=app.client)
    stop = threading.Event()
    previous = {
        sig: signal.signal(sig, lambda *_: stop.set()) for sig in (signal.SIGTERM, signal.SIGINT)
    }
    try:
        handler.connect()
        log.info("Socket Mode: connected")
        stop.wait()
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)
        handler.close()
    return 0


# -- both ------------------------------------------------------------------------------------


def missing_settings(settings: Settings, mode: str) -> list[str]:
    """The environment variables a mode needs and lacks."""
    need = {
        "http": ["SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"],
        "socket": ["SLACK_BOT_TOKEN", "SLACK_APP_TOKEN"],
    }
    have = {
        "SLACK_BOT_TOKEN": settings.bot_token,
        "SLACK_SIGNING_SECRET": settings.signing_secret,
        "SLACK_APP_TOKEN": settings.app_token,
    }
    return [name for name in need.get(mode, []) if not have[name]]


def serve(app: App, store: Store, settings: Settings, mode: str) -> int:
    """Serve Slack in `mode` ("http" or "socket") until told to stop."""
    from handlers.common import shutdown_after_ack

    try:
        if mode == "http":
            return serve_http(app, store, settings)
        return serve_socket(app, settings)
    finally:
        shutdown_after_ack()
