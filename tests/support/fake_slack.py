"""A Slack-compatible Web API server on 127.0.0.1 that records calls and checks Slack's contract."""

from __future__ import annotations

import json
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit
from zoneinfo import ZoneInfo

from slack_sdk.errors import SlackObjectFormationError
from slack_sdk.models.blocks import Block
from slack_sdk.models.views import View

from tests.support.shared import web_api_spec_path

TEAM_ID = "T0SAMVERK"
TEAM_DOMAIN = "samverkan-test"
TEAM_NAME = "Samverkan Test"
APP_ID = "A0SAMVERK"
BOT_ID = "B0SAMVERK"
BOT_USER_ID = "U0SAMBOT"
BOT_NAME = "samverkan"

MAX_MESSAGE_BLOCKS = 50
MAX_VIEW_BLOCKS = 100
MAX_TEXT = 4000
MAX_SECTION_FIELD = 2000
MAX_PRIVATE_METADATA = 3000
MAX_HOME_VIEW_BYTES = 250_000
MAX_RESPONSE_URL_POSTS = 5

MESSAGE_METHODS = frozenset({"chat.postMessage", "chat.postEphemeral", "chat.update"})
VIEW_METHODS = frozenset({"views.open", "views.push", "views.update", "views.publish"})
JSON_STRING_PARAMS = frozenset({"blocks", "attachments", "view", "metadata", "files"})
# Accepted by every method: slack_sdk's WebClient(team_id=...) (which Bolt sets) sends team_id.
GLOBAL_PARAMS = frozenset({"token", "team_id"})

# Methods newer than the 2020 OpenAPI description (docs.slack.dev), with their arguments.
EXTRA_METHODS: dict[str, frozenset[str]] = {
    "apps.connections.open": frozenset(),
    "files.getUploadURLExternal": frozenset({"filename", "length", "alt_txt", "snippet_type"}),
    "files.completeUploadExternal": frozenset(
        {"files", "channel_id", "channels", "initial_comment", "thread_ts", "blocks"}
    ),
}
# Arguments added to existing methods since the 2020 description (docs.slack.dev).
EXTRA_PARAMS: dict[str, frozenset[str]] = {
    "chat.postMessage": frozenset({"metadata", "markdown_text"}),
    "chat.postEphemeral": frozenset({"markdown_text"}),
    "chat.update": frozenset({"metadata", "markdown_text", "file_ids", "reply_broadcast"}),
    "conversations.open": frozenset({"prevent_creation"}),
    # Token rotation's refresh grant (docs.slack.dev, oauth.v2.access).
    "oauth.v2.access": frozenset({"grant_type", "refresh_token"}),
}
#: The app's OAuth credentials the fake accepts (SLACK_CLIENT_ID / SLACK_CLIENT_SECRET).
CLIENT_ID = "1111.2222"
CLIENT_SECRET = "fake-client-secret"
RESPONSE_URL_KEYS = frozenset(
    {
        "text",
        "blocks",
        "attachments",
        "response_type",
        "replace_original",
        "delete_original",
        "thread_ts",
        "mrkdwn",
        "unfurl_links",
        "unfurl_media",
        "metadata",
    }
)
VIEW_KEYS = frozenset(
    {
        "type",
        "title",
        "submit",
        "close",
        "blocks",
        "private_metadata",
        "callback_id",
        "clear_on_close",
        "notify_on_close",
        "external_id",
        "submit_disabled",
    }
)
# user id -> (name, real_name) for the fixtures' placeholder users.
KNOWN_USERS: dict[str, tuple[str, str]] = {
    "U0COORD": ("samverkan.coord", "Anna Samordnare"),
    "U0POLICE": ("samverkan.police", "Per Polis"),
    BOT_USER_ID: (BOT_NAME, "Samverkan"),
}
KNOWN_CHANNELS: dict[str, str] = {"C0PLAN": "samverkan-planering"}


@dataclass(frozen=True)
class MethodSpec:
    """Declared and required arguments of one Web API method (without `token`)."""

    params: frozenset[str]
    required: frozenset[str]


@cache
def web_api_methods() -> dict[str, MethodSpec]:
    """Return every Web API method in web-api.json (plus newer ones) with its arguments."""
    spec = json.loads(web_api_spec_path().read_text(encoding="utf-8"))
    methods: dict[str, MethodSpec] = {}
    for path, operations in spec["paths"].items():
        params: set[str] = set()
        required: set[str] = set()
        for operation in operations.values():
            for param in operation.get("parameters", []):
                name = param.get("name")
                if not name or name == "token":
                    continue
                params.add(name)
                if param.get("required"):
                    required.add(name)
        name = path.lstrip("/")
        params |= EXTRA_PARAMS.get(name, frozenset())
        methods[name] = MethodSpec(frozenset(params), frozenset(required))
    for name, params in EXTRA_METHODS.items():
        methods.setdefault(name, MethodSpec(params, frozenset()))
    return methods


@dataclass
class Call:
    """One request the fake received: method, parameters (JSON strings decoded), and the answer."""

    method: str
    params: dict[str, Any]
    time: float
    token: str | None = None
    status: int = 200
    response: Any = None

    @property
    def ok(self) -> bool:
        """Whether Slack answered this call with HTTP 200 and `ok: true`."""
        return (
            self.status == 200 and isinstance(self.response, dict) and bool(self.response.get("ok"))
        )


@dataclass
class _Script:
    """A scripted answer (failure or delay) for matching calls."""

    method: str
    status: int
    error: str | None
    retry_after: float | None
    times: int | None
    match: dict[str, Any] | None
    delay: float = 0.0
    #: Do the call's work first (a message is stored), then answer with the failure.
    handled: bool = False

    def matches(self, method: str, params: dict[str, Any]) -> bool:
        """Whether this script applies to a call."""
        if self.times is not None and self.times <= 0:
            return False
        if method != self.method:
            return False
        return all(_same(params.get(key), value) for key, value in (self.match or {}).items())


def _same(actual: Any, expected: Any) -> bool:
    """Compare a parameter with a match value; form values are strings."""
    if actual == expected:
        return True
    return isinstance(actual, str) and not isinstance(expected, str) and actual == str(expected)


def _dropped_keys(given: Any, kept: Any, path: str) -> list[str]:
    """Return paths of non-empty keys in `given` that slack_sdk's round trip did not keep."""
    found: list[str] = []
    if isinstance(given, dict) and isinstance(kept, dict):
        for key, value in given.items():
            if value in (None, "", [], {}):
                continue
            if key not in kept:
                found.append(f"{path}.{key}")
            else:
                found.extend(_dropped_keys(value, kept[key], f"{path}.{key}"))
    elif isinstance(given, list) and isinstance(kept, list) and len(given) == len(kept):
        for index, (a, b) in enumerate(zip(given, kept, strict=True)):
            found.extend(_dropped_keys(a, b, f"{path}[{index}]"))
    return found


def _empty_texts(value: Any, path: str) -> list[str]:
    """Return paths of text objects whose `text` is empty (Slack rejects them)."""
    found: list[str] = []
    if isinstance(value, dict):
        if value.get("type") in ("plain_text", "mrkdwn") and not value.get("text"):
            found.append(path)
        for key, item in value.items():
            found.extend(_empty_texts(item, f"{path}.{key}"))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.extend(_empty_texts(item, f"{path}[{index}]"))
    return found


def block_problems(blocks: Any, *, limit: int) -> list[str]:
    """Return what slack_sdk's Block Kit models (and Slack's limits) reject in a list of blocks."""
    if not isinstance(blocks, list):
        return [f"blocks must be a JSON array, got {type(blocks).__name__}"]
    problems: list[str] = []
    if len(blocks) > limit:
        problems.append(f"blocks: {len(blocks)} blocks (max {limit})")
    for index, raw in enumerate(blocks):
        where = f"blocks[{index}]"
        if not isinstance(raw, dict):
            problems.append(f"{where} is not an object")
            continue
        try:
            block = Block.parse(raw)
            if block is None:
                problems.append(f"{where}: unknown block type {raw.get('type')!r}")
                continue
            block.validate_json()
            kept = block.to_dict()  # validates nested elements and text objects too
        except SlackObjectFormationError as error:
            problems.append(f"{where} ({raw.get('type')}): {error}")
            continue
        except (TypeError, ValueError, AttributeError, KeyError) as error:
            problems.append(f"{where} ({raw.get('type')}): malformed: {error!r}")
            continue
        problems.extend(f"{p}: key unknown to Block Kit" for p in _dropped_keys(raw, kept, where))
        problems.extend(f"{p}: empty text" for p in _empty_texts(raw, where))
        fields = raw.get("fields") if raw.get("type") == "section" else None
        for number, item in enumerate(fields if isinstance(fields, list) else []):
            text = item.get("text") if isinstance(item, dict) else None
            if isinstance(text, str) and len(text) > MAX_SECTION_FIELD:
                problems.append(
                    f"{where}.fields[{number}]: {len(text)} chars (max {MAX_SECTION_FIELD})"
                )
    return problems


def view_problems(view: Any, *, method: str) -> list[str]:
    """Return what slack_sdk's View model (and Slack's limits) reject in a view payload."""
    if not isinstance(view, dict):
        return [f"view must be a JSON object, got {type(view).__name__}"]
    problems = [f"view.{key}: not a view field" for key in sorted(set(view) - VIEW_KEYS)]
    kind = view.get("type")
    if method == "views.publish" and kind != "home":
        problems.append(f"view.type is {kind!r}; views.publish takes a 'home' view")
    if method in ("views.open", "views.push") and kind != "modal":
        problems.append(f"view.type is {kind!r}; {method} takes a 'modal' view")
    blocks = view.get("blocks")
    if blocks is None:
        problems.append("view.blocks is missing")
    else:
        problems.extend(f"view.{p}" for p in block_problems(blocks, limit=MAX_VIEW_BLOCKS))
    if kind == "modal":
        if not view.get("title"):
            problems.append("modal view without title")
        has_input = isinstance(blocks, list) and any(
            isinstance(b, dict) and b.get("type") == "input" for b in blocks
        )
        if has_input and not view.get("submit"):
            problems.append("modal with input blocks needs a submit button")
    metadata = view.get("private_metadata")
    if isinstance(metadata, str) and len(metadata) > MAX_PRIVATE_METADATA:
        problems.append(f"private_metadata is {len(metadata)} chars (max {MAX_PRIVATE_METADATA})")
    if kind == "home":
        size = len(json.dumps(view, separators=(",", ":"), ensure_ascii=False).encode("utf-8"))
        if size > MAX_HOME_VIEW_BYTES:
            problems.append(f"home view is {size} bytes (max {MAX_HOME_VIEW_BYTES})")
    if isinstance(blocks, list) and not blocks:
        problems.append("view has no blocks (slack_sdk requires 1 to 100)")
    # The view's own fields, with blocks (checked above) replaced by one divider.
    shell = {k: v for k, v in view.items() if k in VIEW_KEYS and k != "blocks"}
    shell.pop("private_metadata", None)  # checked above with a clearer message
    try:
        model = View(**shell, blocks=[{"type": "divider"}])
        model.validate_json()
        model.to_dict()
    except SlackObjectFormationError as error:
        problems.append(f"view: {error}")
    except (TypeError, ValueError, AttributeError, KeyError) as error:
        problems.append(f"view: malformed: {error!r}")
    return problems


def message_problems(params: dict[str, Any], *, need_text: bool = True) -> list[str]:
    """Return contract problems of a message payload (text fallback, length, blocks)."""
    problems: list[str] = []
    text = params.get("text")
    if need_text and (not isinstance(text, str) or not text.strip()):
        problems.append("no non-empty `text` (the fallback Slack requires with blocks)")
    if isinstance(text, str) and len(text) > MAX_TEXT:
        problems.append(f"text is {len(text)} chars (max {MAX_TEXT})")
    if "blocks" in params and params["blocks"] is not None:
        problems.extend(block_problems(params["blocks"], limit=MAX_MESSAGE_BLOCKS))
    return problems


def _multipart_file(raw: bytes, content_type: str) -> bytes:
    """The file part of a multipart/form-data body (slack_sdk posts the bytes so)."""
    boundary = content_type.split("boundary=", 1)[-1].strip().strip('"').encode()
    for part in raw.split(b"--" + boundary):
        head, _, body = part.partition(b"\r\n\r\n")
        if b"filename=" in head:
            return body[:-2] if body.endswith(b"\r\n") else body
    return raw


class _Handler(BaseHTTPRequestHandler):
    """Routes one HTTP request to the owning FakeSlack."""

    server: _Server

    def do_POST(self) -> None:
        """Handle a POST."""
        self.server.fake._handle(self)

    def do_GET(self) -> None:
        """Handle a GET."""
        self.server.fake._handle(self)

    def log_message(self, format: str, *args: Any) -> None:
        """Keep test output quiet."""


class _Server(ThreadingHTTPServer):
    """ThreadingHTTPServer that knows its FakeSlack."""

    daemon_threads = True
    fake: FakeSlack


@dataclass
class _Reply:
    """An HTTP answer."""

    status: int
    body: Any
    headers: dict[str, str] = field(default_factory=dict)


class FakeSlack:
    """Slack's Web API on 127.0.0.1:<free port>, recording calls and contract violations."""

    def __init__(self) -> None:
        """Create a stopped fake; use `start()` or `with FakeSlack() as fake:`."""
        self._lock = threading.Condition()
        self._calls: list[Call] = []
        self._scripts: list[_Script] = []
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._last_ts = 0.0
        self._ids = 0
        self.violations: list[str] = []
        self.users: dict[str, dict[str, Any]] = {}
        self.channels: dict[str, dict[str, Any]] = {}
        self.views: dict[str, dict[str, Any]] = {}
        self.home_view_ids: dict[str, str] = {}
        self.messages: dict[tuple[str, str], dict[str, Any]] = {}
        self.used_trigger_ids: set[str] = set()
        self.opened_ims: set[str] = set()
        #: Files by id: what files.getUploadURLExternal promised, the bytes, where shared.
        self.files: dict[str, dict[str, Any]] = {}
        self.socket_url: str | None = None
        self.check_trigger_reuse = True
        #: OAuth: codes handed out by `install_code`, tokens and refresh tokens issued.
        self.codes: dict[str, dict[str, Any]] = {}
        self.tokens: dict[str, dict[str, Any]] = {}
        self.refresh_tokens: dict[str, dict[str, Any]] = {}
        #: Seconds a bot token lives when rotation is on (None: tokens never expire).
        self.rotation_seconds: int | None = None

    # -- lifecycle ---------------------------------------------------------------------------

    def start(self) -> FakeSlack:
        """Start serving on 127.0.0.1 with a free port."""
        if self._server is not None:
            return self
        server = _Server(("127.0.0.1", 0), _Handler)
        server.fake = self
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and free the port."""
        server, self._server = self._server, None
        if server is None:
            return
        server.shutdown()
        server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> FakeSlack:
        """Start and return the fake."""
        return self.start()

    def __exit__(self, *exc: object) -> None:
        """Stop the fake."""
        self.stop()

    @property
    def port(self) -> int:
        """The TCP port the fake listens on."""
        if self._server is None:
            raise RuntimeError("FakeSlack is not started")
        return self._server.server_address[1]

    @property
    def root_url(self) -> str:
        """`http://127.0.0.1:PORT`."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def base_url(self) -> str:
        """The Web API base URL for `WebClient(base_url=...)` / `SLACK_API_URL`."""
        return f"{self.root_url}/api/"

    def response_url(self, name: str) -> str:
        """A response_url served by the fake; posts are recorded as `response_url:<name>`."""
        return f"{self.root_url}/response/{name}"

    # -- configuration -----------------------------------------------------------------------

    def set_user(self, user_id: str, **fields: Any) -> None:
        """Override fields of a user in users.info (e.g. `tz="America/New_York"`, `real_name=`)."""
        with self._lock:
            self.users.setdefault(user_id, {}).update(fields)

    def set_channel(self, channel_id: str, **fields: Any) -> None:
        """Override fields of a channel in conversations.info (e.g. `name=`, `is_archived=`)."""
        with self._lock:
            self.channels.setdefault(channel_id, {}).update(fields)

    def fail(
        self,
        method: str,
        *,
        status: int = 200,
        error: str | None = None,
        retry_after: float | None = None,
        times: int | None = 1,
        match: dict[str, Any] | None = None,
        handled: bool = False,
    ) -> None:
        """Fail the next `times` (None: all) calls matching `match`; 429 sends Retry-After (1 s).

        `handled`: the call still does its work (chat.postMessage stores the message) before
        the failure is answered, as when Slack posts and then answers 500.
        """
        if status == 200 and error is None:
            raise ValueError("fail(status=200) needs an error, e.g. error='channel_not_found'")
        if status == 429:
            error = error or "ratelimited"
            retry_after = 1 if retry_after is None else retry_after
        elif error is None:
            error = "internal_error" if status >= 500 else "invalid_request"
        with self._lock:
            self._scripts.append(
                _Script(method, status, error, retry_after, times, match, handled=handled)
            )

    def delay(
        self,
        method: str,
        seconds: float,
        *,
        times: int | None = 1,
        match: dict[str, Any] | None = None,
    ) -> None:
        """Answer the next `times` matching calls normally but only after `seconds`."""
        with self._lock:
            self._scripts.append(_Script(method, 200, None, None, times, match, delay=seconds))

    def install_code(
        self,
        team_id: str,
        *,
        team_name: str | None = None,
        enterprise_id: str | None = None,
        org_wide: bool = False,
    ) -> str:
        """A one-time code as Slack hands it to the redirect URL after an admin approved the
        install in `team_id` (or, `org_wide`, in the whole Enterprise Grid org)."""
        code = f"code-{secrets.token_hex(6)}"
        with self._lock:
            self.codes[code] = {
                "team_id": team_id,
                "team_name": team_name or f"Team {team_id}",
                "enterprise_id": enterprise_id,
                "org_wide": org_wide,
            }
        return code

    def team_of_token(self, token: str | None) -> str | None:
        """The team an issued token belongs to (None for a token the fake did not issue)."""
        with self._lock:
            grant = self.tokens.get(token or "")
        return grant["team_id"] if grant else None

    def revoke_team(self, team_id: str) -> None:
        """Revoke every token of a team (it uninstalled the app): calls with them fail."""
        with self._lock:
            for grant in self.tokens.values():
                if grant["team_id"] == team_id:
                    grant["revoked"] = True

    def expire_tokens(self) -> None:
        """Let every issued bot token expire now (as if its 12 hours had passed)."""
        with self._lock:
            for grant in self.tokens.values():
                grant["expires_at"] = time.time() - 1

    # -- inspection --------------------------------------------------------------------------

    def calls(self, method: str | None = None) -> list[Call]:
        """Recorded calls, optionally of one method (e.g. `response_url:cmd`)."""
        with self._lock:
            return [c for c in self._calls if method is None or c.method == method]

    def wait_for(self, method: str, count: int = 1, timeout: float = 5) -> list[Call]:
        """Wait until at least `count` calls of `method` were recorded; return them."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                found = [c for c in self._calls if c.method == method]
                if len(found) >= count:
                    return found
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    seen = [c.method for c in self._calls]
                    raise AssertionError(
                        f"expected {count} call(s) of {method} within {timeout}s, got "
                        f"{len(found)}; calls so far: {seen}"
                    )
                self._lock.wait(remaining)

    def clear(self) -> None:
        """Forget recorded calls, violations and scripted answers."""
        with self._lock:
            self._calls.clear()
            self._scripts.clear()
            self.violations.clear()

    def take_violations(self) -> list[str]:
        """Return and forget the violations (for tests that provoke them on purpose)."""
        with self._lock:
            found = list(self.violations)
            self.violations.clear()
            return found

    # -- request handling --------------------------------------------------------------------

    def _violate(self, where: str, problems: list[str]) -> None:
        """Record contract violations."""
        if problems:
            with self._lock:
                self.violations.extend(f"{where}: {p}" for p in problems)

    def _handle(self, request: _Handler) -> None:
        """Parse, route, record and answer one HTTP request."""
        url = urlsplit(request.path)
        length = int(request.headers.get("Content-Length") or 0)
        raw = request.rfile.read(length) if length else b""
        content_type = (request.headers.get("Content-Type") or "").lower()
        path = url.path
        if path.startswith("/api/"):
            reply = self._api(unquote(path[5:]), url.query, raw, content_type, request)
        elif path.startswith("/response/"):
            reply = self._response_url(unquote(path[10:]), raw, content_type)
        elif path.startswith("/upload/"):
            reply = self._upload(unquote(path[8:]), raw, content_type)
        elif path.startswith("/files-pri/"):
            reply = self._download(unquote(path[11:]), request)
        else:
            reply = _Reply(404, "not found", {"Content-Type": "text/plain"})
        self._write(request, reply)

    def _write(self, request: _Handler, reply: _Reply) -> None:
        """Send an HTTP answer."""
        if isinstance(reply.body, str | bytes):
            payload = reply.body.encode("utf-8") if isinstance(reply.body, str) else reply.body
            content_type = reply.headers.pop("Content-Type", "text/plain; charset=utf-8")
        else:
            payload = json.dumps(reply.body).encode("utf-8")
            content_type = "application/json; charset=utf-8"
        try:
            request.send_response(reply.status)
            request.send_header("Content-Type", content_type)
            request.send_header("Content-Length", str(len(payload)))
            for name, value in reply.headers.items():
                request.send_header(name, value)
            request.end_headers()
            request.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _record(self, call: Call) -> None:
        """Append a call and wake waiters."""
        with self._lock:
            self._calls.append(call)
            self._lock.notify_all()

    def _parse_params(
        self, query: str, raw: bytes, content_type: str
    ) -> tuple[dict[str, Any], list[str]]:
        """Merge query and body parameters; decode JSON-string arguments."""
        problems: list[str] = []
        params: dict[str, Any] = dict(parse_qsl(query, keep_blank_values=True))
        if raw:
            if "json" in content_type:
                try:
                    body = json.loads(raw)
                except ValueError:
                    body = None
                if isinstance(body, dict):
                    params.update(body)
                else:
                    problems.append("body is not a JSON object")
            elif "multipart/" in content_type:
                problems.append("multipart bodies are not supported by FakeSlack")
            else:
                params.update(parse_qsl(raw.decode("utf-8"), keep_blank_values=True))
        for key in JSON_STRING_PARAMS & params.keys():
            value = params[key]
            if isinstance(value, str) and value[:1] in ("[", "{"):
                try:
                    params[key] = json.loads(value)
                except ValueError:
                    problems.append(f"`{key}` is not valid JSON")
        return params, problems

    def _api(
        self, method: str, query: str, raw: bytes, content_type: str, request: _Handler
    ) -> _Reply:
        """Answer one Web API call."""
        params, problems = self._parse_params(query, raw, content_type)
        token = params.pop("token", None)
        auth = request.headers.get("Authorization") or ""
        if auth.lower().startswith("bearer "):
            token = auth[7:].strip()
        problems.extend(self._contract(method, params))
        self._violate(method, problems)
        if method == "oauth.v2.access":
            reply = self._oauth_access(params, auth)
        else:
            reply = self._answer(method, params, token)
        self._record(
            Call(method, params, time.time(), token=token, status=reply.status, response=reply.body)
        )
        return reply

    def _contract(self, method: str, params: dict[str, Any]) -> list[str]:
        """Check a call against web-api.json and Slack's limits."""
        spec = web_api_methods().get(method)
        if spec is None:
            return [f"unknown Web API method {method!r}"]
        problems = [
            f"parameter {name!r} is not declared for {method}"
            for name in sorted(params.keys() - spec.params - GLOBAL_PARAMS)
        ]
        required = spec.required
        if method == "oauth.v2.access" and params.get("grant_type") == "refresh_token":
            required = frozenset({"refresh_token"})  # no code in a refresh grant
        problems.extend(
            f"required parameter {name!r} is missing" for name in sorted(required - params.keys())
        )
        if method in MESSAGE_METHODS:
            problems.extend(message_problems(params))
        if method in VIEW_METHODS and "view" in params:
            problems.extend(view_problems(params["view"], method=method))
        return problems

    def _script_for(self, method: str, params: dict[str, Any]) -> _Script | None:
        """Consume the first scripted answer matching a call."""
        with self._lock:
            for script in self._scripts:
                if script.matches(method, params):
                    if script.times is not None:
                        script.times -= 1
                    return script
        return None

    def _answer(self, method: str, params: dict[str, Any], token: str | None) -> _Reply:
        """Compute Slack's answer (scripted failure, auth error, or success)."""
        if method not in web_api_methods():
            return _Reply(200, {"ok": False, "error": "unknown_method"})
        if not token:
            self._violate(method, ["no token (Authorization: Bearer or `token`)"])
            return _Reply(200, {"ok": False, "error": "not_authed"})
        app_token = token.startswith("xapp-")
        if app_token != (method == "apps.connections.open"):
            self._violate(method, [f"wrong token type {token[:5]}… for {method}"])
            return _Reply(200, {"ok": False, "error": "not_allowed_token_type"})
        with self._lock:
            grant = self.tokens.get(token)
        if grant is not None and grant.get("revoked"):
            return _Reply(200, {"ok": False, "error": "token_revoked"})
        if (
            grant is not None
            and grant["expires_at"] is not None
            and grant["expires_at"] < time.time()
        ):
            return _Reply(200, {"ok": False, "error": "token_expired"})
        script = self._script_for(method, params)
        if script is not None and script.delay:
            time.sleep(script.delay)
        elif script is not None:
            if script.handled and (handler := self._handlers().get(method)):
                handler(params)
            headers = {}
            if script.retry_after is not None:
                headers["Retry-After"] = f"{script.retry_after:g}"
            return _Reply(script.status, {"ok": False, "error": script.error}, headers)
        if method == "auth.test" and grant is not None:
            return _Reply(200, self._auth_test_of(grant))
        handler = self._handlers().get(method)
        body = handler(params) if handler else {"ok": True}
        return _Reply(200, body)

    def _handlers(self) -> dict[str, Callable[[dict[str, Any]], dict[str, Any]]]:
        """Method name to answer builder."""
        return {
            "auth.test": self._auth_test,
            "chat.postMessage": self._chat_post_message,
            "chat.postEphemeral": self._chat_post_ephemeral,
            "chat.update": self._chat_update,
            "chat.delete": self._chat_delete,
            "chat.getPermalink": self._chat_get_permalink,
            "views.open": self._views_open,
            "views.push": self._views_open,
            "views.update": self._views_update,
            "views.publish": self._views_publish,
            "users.info": self._users_info,
            "conversations.open": self._conversations_open,
            "conversations.info": self._conversations_info,
            "apps.connections.open": self._apps_connections_open,
            "files.getUploadURLExternal": self._files_get_upload_url,
            "files.completeUploadExternal": self._files_complete_upload,
            "files.info": self._files_info,
        }

    # -- OAuth -------------------------------------------------------------------------------

    def _oauth_access(self, params: dict[str, Any], auth: str) -> _Reply:
        """oauth.v2.access: a code for a bot token, or (token rotation) a refresh token for a
        new one; the app authenticates with its client id and secret (HTTP Basic or form)."""
        client_id, client_secret = params.get("client_id"), params.get("client_secret")
        if auth.lower().startswith("basic "):
            import base64

            decoded = base64.b64decode(auth[6:].strip()).decode("utf-8")
            client_id, _, client_secret = decoded.partition(":")
        if client_id != CLIENT_ID or client_secret != CLIENT_SECRET:
            return _Reply(200, {"ok": False, "error": "invalid_client_id"})
        with self._lock:
            if params.get("grant_type") == "refresh_token":
                grant = self.refresh_tokens.pop(str(params.get("refresh_token") or ""), None)
                if grant is None:
                    return _Reply(200, {"ok": False, "error": "invalid_refresh_token"})
                fresh = self._issue(grant)
                body = {"ok": True, "token_type": "bot", "access_token": fresh["token"]}
                body.update(self._rotation_fields(fresh))
                return _Reply(200, body)
            install = self.codes.pop(str(params.get("code") or ""), None)
            if install is None:
                return _Reply(200, {"ok": False, "error": "invalid_code"})
            fresh = self._issue(install)
        body = {
            "ok": True,
            "app_id": APP_ID,
            "authed_user": {"id": "U0COORD"},
            "scope": "commands,chat:write",
            "token_type": "bot",
            "access_token": fresh["token"],
            "bot_user_id": fresh["bot_user_id"],
            "team": None
            if install["org_wide"]
            else {"id": install["team_id"], "name": install["team_name"]},
            "enterprise": {"id": install["enterprise_id"], "name": "Grid"}
            if install["enterprise_id"]
            else None,
            "is_enterprise_install": bool(install["org_wide"]),
        }
        body.update(self._rotation_fields(fresh))
        return _Reply(200, body)

    def _issue(self, install: dict[str, Any]) -> dict[str, Any]:
        """A new bot token for an install (called with the lock held)."""
        team = install["team_id"]
        token = f"xoxb-{team}-{secrets.token_hex(6)}"
        grant = {
            "token": token,
            "team_id": team,
            "team_name": install.get("team_name") or f"Team {team}",
            "enterprise_id": install.get("enterprise_id"),
            "org_wide": install.get("org_wide", False),
            "bot_user_id": f"U0BOT{team[-4:]}",
            "bot_id": f"B0BOT{team[-4:]}",
            "expires_at": None,
            "refresh": None,
            "revoked": False,
        }
        if self.rotation_seconds is not None:
            grant["expires_at"] = time.time() + self.rotation_seconds
            grant["refresh"] = f"xoxe-1-{secrets.token_hex(6)}"
            self.refresh_tokens[grant["refresh"]] = grant
        self.tokens[token] = grant
        return grant

    def _rotation_fields(self, grant: dict[str, Any]) -> dict[str, Any]:
        """`refresh_token` and `expires_in` when token rotation is on."""
        if grant["refresh"] is None:
            return {}
        return {"refresh_token": grant["refresh"], "expires_in": self.rotation_seconds}

    def _auth_test_of(self, grant: dict[str, Any]) -> dict[str, Any]:
        """auth.test for a token the fake issued: its own team and bot."""
        return {
            "ok": True,
            "url": f"https://{grant['team_id'].lower()}.slack.com/",
            "team": grant["team_name"],
            "user": BOT_NAME,
            "team_id": grant["team_id"],
            "user_id": grant["bot_user_id"],
            "bot_id": grant["bot_id"],
            "enterprise_id": grant["enterprise_id"],
            "is_enterprise_install": bool(grant["org_wide"]),
        }

    # -- answers -----------------------------------------------------------------------------

    def _next_ts(self) -> str:
        """A unique, increasing message ts like `1700000000.000100`."""
        with self._lock:
            self._last_ts = max(time.time(), self._last_ts + 0.000001)
            return f"{self._last_ts:.6f}"

    def _next_id(self, prefix: str) -> str:
        """A unique Slack-style id with `prefix`."""
        with self._lock:
            self._ids += 1
            return f"{prefix}0FAKE{self._ids:05d}"

    @staticmethod
    def _channel_for(channel: Any) -> str:
        """Resolve a user id (DM by user) to its IM channel id."""
        value = str(channel or "")
        return "D" + value if value[:1] in ("U", "W") else value

    def _auth_test(self, params: dict[str, Any]) -> dict[str, Any]:
        """auth.test for the bot token."""
        return {
            "ok": True,
            "url": f"https://{TEAM_DOMAIN}.slack.com/",
            "team": TEAM_NAME,
            "user": BOT_NAME,
            "team_id": TEAM_ID,
            "user_id": BOT_USER_ID,
            "bot_id": BOT_ID,
            "is_enterprise_install": False,
        }

    def _message(self, params: dict[str, Any], ts: str) -> dict[str, Any]:
        """The message object Slack returns for a bot post."""
        message: dict[str, Any] = {
            "user": BOT_USER_ID,
            "type": "message",
            "ts": ts,
            "bot_id": BOT_ID,
            "app_id": APP_ID,
            "text": params.get("text") or "",
            "team": TEAM_ID,
            "bot_profile": {
                "id": BOT_ID,
                "app_id": APP_ID,
                "name": BOT_NAME,
                "deleted": False,
                "team_id": TEAM_ID,
            },
        }
        for key in ("blocks", "attachments", "thread_ts", "metadata"):
            if params.get(key):
                message[key] = params[key]
        return message

    def _chat_post_message(self, params: dict[str, Any]) -> dict[str, Any]:
        """chat.postMessage."""
        channel = self._channel_for(params.get("channel"))
        ts = self._next_ts()
        message = self._message(params, ts)
        with self._lock:
            self.messages[(channel, ts)] = dict(message, channel=channel)
        return {"ok": True, "channel": channel, "ts": ts, "message": message}

    def _chat_post_ephemeral(self, params: dict[str, Any]) -> dict[str, Any]:
        """chat.postEphemeral."""
        return {"ok": True, "message_ts": self._next_ts()}

    def _chat_update(self, params: dict[str, Any]) -> dict[str, Any]:
        """chat.update."""
        channel = self._channel_for(params.get("channel"))
        ts = str(params.get("ts") or "")
        message = self._message(params, ts)
        message.pop("ts")
        message["edited"] = {"user": BOT_USER_ID, "ts": self._next_ts()}
        with self._lock:
            self.messages[(channel, ts)] = dict(message, channel=channel, ts=ts)
        return {
            "ok": True,
            "channel": channel,
            "ts": ts,
            "text": params.get("text") or "",
            "message": message,
        }

    def _chat_delete(self, params: dict[str, Any]) -> dict[str, Any]:
        """chat.delete."""
        channel = self._channel_for(params.get("channel"))
        ts = str(params.get("ts") or "")
        with self._lock:
            self.messages.pop((channel, ts), None)
        return {"ok": True, "channel": channel, "ts": ts}

    def _chat_get_permalink(self, params: dict[str, Any]) -> dict[str, Any]:
        """chat.getPermalink."""
        channel = str(params.get("channel") or "")
        ts = str(params.get("message_ts") or "").replace(".", "")
        permalink = f"https://{TEAM_DOMAIN}.slack.com/archives/{channel}/p{ts}"
        return {"ok": True, "channel": channel, "permalink": permalink}

    def _view(self, view: Any, view_id: str, *, root: str | None = None) -> dict[str, Any]:
        """The view object Slack returns (the sent view plus Slack's fields)."""
        sent = view if isinstance(view, dict) else {}
        answer: dict[str, Any] = {
            "id": view_id,
            "team_id": TEAM_ID,
            "type": sent.get("type", "modal"),
            "blocks": sent.get("blocks", []),
            "private_metadata": sent.get("private_metadata", ""),
            "callback_id": sent.get("callback_id", ""),
            "state": {"values": {}},
            "hash": f"{int(time.time())}.{secrets.token_hex(4)}",
            "title": sent.get("title"),
            "clear_on_close": bool(sent.get("clear_on_close", False)),
            "notify_on_close": bool(sent.get("notify_on_close", False)),
            "close": sent.get("close"),
            "submit": sent.get("submit"),
            "previous_view_id": None,
            "root_view_id": root or view_id,
            "app_id": APP_ID,
            "external_id": sent.get("external_id", ""),
            "app_installed_team_id": TEAM_ID,
            "bot_id": BOT_ID,
        }
        with self._lock:
            self.views[view_id] = answer
        return answer

    def _take_trigger(self, params: dict[str, Any]) -> dict[str, Any] | None:
        """Refuse a trigger_id that was already exchanged (Slack's `exchanged_trigger_id`)."""
        trigger = params.get("trigger_id")
        if not self.check_trigger_reuse or not trigger:
            return None
        with self._lock:
            if trigger in self.used_trigger_ids:
                self.violations.append(f"views: trigger_id {trigger} used twice")
                return {"ok": False, "error": "exchanged_trigger_id"}
            self.used_trigger_ids.add(trigger)
        return None

    def _views_open(self, params: dict[str, Any]) -> dict[str, Any]:
        """views.open and views.push."""
        refused = self._take_trigger(params)
        if refused:
            return refused
        return {"ok": True, "view": self._view(params.get("view"), self._next_id("V"))}

    def _views_update(self, params: dict[str, Any]) -> dict[str, Any]:
        """views.update (by view_id or external_id)."""
        view_id = params.get("view_id")
        if not view_id and params.get("external_id"):
            with self._lock:
                view_id = next(
                    (
                        vid
                        for vid, v in self.views.items()
                        if v.get("external_id") == params["external_id"]
                    ),
                    None,
                )
        if not view_id:
            return {"ok": False, "error": "not_found"}
        return {"ok": True, "view": self._view(params.get("view"), str(view_id))}

    def _views_publish(self, params: dict[str, Any]) -> dict[str, Any]:
        """views.publish (one stable Home view id per user)."""
        user = str(params.get("user_id") or "")
        with self._lock:
            view_id = self.home_view_ids.get(user)
        if view_id is None:
            view_id = self._next_id("V")
            with self._lock:
                self.home_view_ids[user] = view_id
        return {"ok": True, "view": self._view(params.get("view"), view_id)}

    def user(self, user_id: str) -> dict[str, Any]:
        """The users.info `user` object for an id (defaults plus `set_user` overrides)."""
        with self._lock:
            override = dict(self.users.get(user_id, {}))
        name, default_real_name = KNOWN_USERS.get(user_id, (user_id.lower(), f"User {user_id}"))
        real_name = override.get("real_name") or default_real_name
        display_name = override.pop("display_name", real_name.split()[0])
        tz = override.get("tz", "Europe/Stockholm")
        now = datetime.now(ZoneInfo(tz))
        offset = now.utcoffset()
        user: dict[str, Any] = {
            "id": user_id,
            "team_id": TEAM_ID,
            "name": name,
            "deleted": False,
            "color": "9f69e7",
            "real_name": real_name,
            "tz": tz,
            "tz_label": now.tzname() or tz,
            "tz_offset": int(offset.total_seconds()) if offset else 0,
            "profile": {
                "real_name": real_name,
                "real_name_normalized": real_name,
                "display_name": display_name,
                "display_name_normalized": display_name,
                "team": TEAM_ID,
            },
            "is_admin": False,
            "is_owner": False,
            "is_primary_owner": False,
            "is_restricted": False,
            "is_ultra_restricted": False,
            "is_bot": user_id == BOT_USER_ID,
            "is_app_user": False,
            "updated": 1700000000,
        }
        profile = override.pop("profile", None)
        user.update(override)
        if isinstance(profile, dict):
            user["profile"].update(profile)
        return user

    def _users_info(self, params: dict[str, Any]) -> dict[str, Any]:
        """users.info."""
        user_id = str(params.get("user") or "")
        if not user_id:
            return {"ok": False, "error": "user_not_found"}
        user = self.user(user_id)
        if str(params.get("include_locale", "")).lower() in ("1", "true"):
            user.setdefault("locale", "en-US")
        return {"ok": True, "user": user}

    def channel(self, channel_id: str) -> dict[str, Any]:
        """The conversations.info `channel` object for an id (defaults plus overrides)."""
        with self._lock:
            override = dict(self.channels.get(channel_id, {}))
        if channel_id.startswith("D"):
            base: dict[str, Any] = {
                "id": channel_id,
                "created": 1700000000,
                "is_im": True,
                "is_org_shared": False,
                "context_team_id": TEAM_ID,
                "user": channel_id[1:],
                "is_user_deleted": False,
                "priority": 0,
            }
        else:
            name = KNOWN_CHANNELS.get(channel_id, channel_id.lower())
            base = {
                "id": channel_id,
                "name": name,
                "is_channel": channel_id.startswith("C"),
                "is_group": False,
                "is_im": False,
                "is_mpim": False,
                "is_private": channel_id.startswith("G"),
                "created": 1700000000,
                "is_archived": False,
                "is_general": False,
                "unlinked": 0,
                "name_normalized": name,
                "is_shared": False,
                "is_org_shared": False,
                "is_ext_shared": False,
                "is_pending_ext_shared": False,
                "pending_shared": [],
                "context_team_id": TEAM_ID,
                "is_member": True,
                "creator": "U0COORD",
                "topic": {"value": "", "creator": "", "last_set": 0},
                "purpose": {"value": "", "creator": "", "last_set": 0},
                "previous_names": [],
            }
        base.update(override)
        return base

    def _conversations_info(self, params: dict[str, Any]) -> dict[str, Any]:
        """conversations.info."""
        channel_id = str(params.get("channel") or "")
        if not channel_id:
            return {"ok": False, "error": "channel_not_found"}
        return {"ok": True, "channel": self.channel(channel_id)}

    def _conversations_open(self, params: dict[str, Any]) -> dict[str, Any]:
        """conversations.open (a DM with one user is `D` + user id)."""
        users = [u for u in str(params.get("users") or "").split(",") if u]
        if params.get("channel"):
            channel_id = str(params["channel"])
        elif len(users) == 1:
            channel_id = "D" + users[0]
        elif users:
            channel_id = "G" + "".join(sorted(users))[:20]
        else:
            return {"ok": False, "error": "users_list_not_supplied"}
        with self._lock:
            already = channel_id in self.opened_ims
            self.opened_ims.add(channel_id)
        answer: dict[str, Any] = {"ok": True}
        if already:
            answer.update(no_op=True, already_open=True)
        if str(params.get("return_im", "")).lower() in ("1", "true"):
            answer["channel"] = self.channel(channel_id)
        else:
            answer["channel"] = {"id": channel_id}
        return answer

    def _apps_connections_open(self, params: dict[str, Any]) -> dict[str, Any]:
        """apps.connections.open: the wired FakeSocket's URL."""
        if not self.socket_url:
            self._violate("apps.connections.open", ["no FakeSocket is wired (socket_url unset)"])
            return {"ok": False, "error": "internal_error"}
        return {"ok": True, "url": self.socket_url}

    # -- files -------------------------------------------------------------------------------

    def add_file(self, name: str, content: bytes, user: str = "U0COORD") -> str:
        """A file someone uploaded (into a form's file_input); returns its id for files.info."""
        file_id = self._next_id("F")
        with self._lock:
            self.files[file_id] = {
                "name": name,
                "length": len(content),
                "content": content,
                "user": user,
                "complete": True,
                "shared_in": [],
                "title": name,
            }
        return file_id

    def shared_files(self, channel: str | None = None) -> list[dict[str, Any]]:
        """Files completed with files.completeUploadExternal (optionally into one channel)."""
        with self._lock:
            return [
                f
                for f in self.files.values()
                if f["complete"]
                and f["shared_in"]
                and (channel is None or channel in f["shared_in"])
            ]

    def _file_object(self, file_id: str) -> dict[str, Any]:
        f = self.files[file_id]
        name = f["name"]
        return {
            "id": file_id,
            "name": name,
            "title": f.get("title") or name,
            "size": len(f.get("content") or b""),
            "user": f.get("user", BOT_USER_ID),
            "url_private": f"{self.root_url}/files-pri/{file_id}/{name}",
            "url_private_download": f"{self.root_url}/files-pri/{file_id}/download/{name}",
            "channels": [c for c in f["shared_in"] if c[:1] == "C"],
            "ims": [c for c in f["shared_in"] if c[:1] == "D"],
        }

    def _files_get_upload_url(self, params: dict[str, Any]) -> dict[str, Any]:
        """files.getUploadURLExternal: an upload URL for `length` bytes named `filename`."""
        problems = []
        if not params.get("filename"):
            problems.append("filename is missing")
        length = str(params.get("length") or "")
        if not length.isdigit() or int(length) <= 0:
            problems.append(f"length must be a positive byte count, got {length!r}")
        self._violate("files.getUploadURLExternal", problems)
        if problems:
            return {"ok": False, "error": "invalid_arguments"}
        file_id = self._next_id("F")
        with self._lock:
            self.files[file_id] = {
                "name": str(params["filename"]),
                "length": int(length),
                "content": None,
                "complete": False,
                "shared_in": [],
            }
        return {"ok": True, "upload_url": f"{self.root_url}/upload/{file_id}", "file_id": file_id}

    def _files_complete_upload(self, params: dict[str, Any]) -> dict[str, Any]:
        """files.completeUploadExternal: every file uploaded in full, shared where it may be."""
        files = params.get("files") if isinstance(params.get("files"), list) else []
        problems = []
        if not files:
            problems.append("files must be a JSON list of {id, title}")
        channel = str(params.get("channel_id") or "")
        if channel[:1] == "D" and channel not in self.opened_ims:
            problems.append(
                f"channel_id {channel} is a DM the bot never opened (conversations.open)"
            )
        for f in files:
            known = self.files.get(str(f.get("id")))
            if known is None or known["content"] is None:
                problems.append(f"file {f.get('id')} was never uploaded to its upload_url")
            elif len(known["content"]) != known["length"]:
                problems.append(
                    f"file {f.get('id')}: {len(known['content'])} bytes uploaded, "
                    f"{known['length']} announced"
                )
        self._violate("files.completeUploadExternal", problems)
        if problems:
            return {"ok": False, "error": "invalid_arguments"}
        with self._lock:
            for f in files:
                known = self.files[str(f["id"])]
                known.update(complete=True, title=f.get("title") or known["name"])
                known["initial_comment"] = params.get("initial_comment")
                if channel:
                    known["shared_in"].append(channel)
        return {"ok": True, "files": [self._file_object(str(f["id"])) for f in files]}

    def _files_info(self, params: dict[str, Any]) -> dict[str, Any]:
        """files.info of a completed file."""
        file_id = str(params.get("file") or "")
        if file_id not in self.files or not self.files[file_id]["complete"]:
            return {"ok": False, "error": "file_not_found"}
        return {"ok": True, "file": self._file_object(file_id)}

    def _upload(self, file_id: str, raw: bytes, content_type: str) -> _Reply:
        """Accept a file upload to an upload URL (once, to a URL that files.getUploadURLExternal gave)."""
        call = Call(
            f"upload:{file_id}",
            {"size": len(raw), "content_type": content_type, "body": raw},
            time.time(),
            response=f"OK - {len(raw)}",
        )
        self._record(call)
        with self._lock:
            known = self.files.get(file_id)
            problem = None
            if known is None:
                problem = (
                    f"upload to {file_id}, an upload URL files.getUploadURLExternal never gave"
                )
            elif known["content"] is not None:
                problem = f"second upload to the upload URL of {file_id}"
            else:
                body = raw
                if "multipart/form-data" in content_type:
                    body = _multipart_file(raw, content_type)
                known["content"] = body
        if problem:
            self._violate("upload", [problem])
            return _Reply(404, "not found")
        return _Reply(200, f"OK - {len(raw)}")

    def _download(self, path: str, request: _Handler) -> _Reply:
        """A file's url_private: only with the bot token in the Authorization header."""
        file_id = path.split("/", 1)[0]
        auth = request.headers.get("Authorization") or ""
        token = auth[7:].strip() if auth.lower().startswith("bearer ") else ""
        self._record(Call(f"download:{file_id}", {"path": path}, time.time(), token=token))
        if not token.startswith("xoxb-"):
            self._violate("download", [f"url_private of {file_id} fetched without the bot token"])
            # Slack answers a sign-in page; a test server says so plainly.
            return _Reply(403, "sign in first")
        with self._lock:
            known = self.files.get(file_id)
        if known is None or not known["complete"]:
            return _Reply(404, "not found")
        return _Reply(200, known["content"], {"Content-Type": "application/octet-stream"})

    def _response_url(self, name: str, raw: bytes, content_type: str) -> _Reply:
        """Accept a post to a response_url, check it, record it as `response_url:<name>`."""
        method = f"response_url:{name}"
        problems: list[str] = []
        params: dict[str, Any] = {}
        if "json" not in content_type:
            problems.append(f"response_url expects JSON, got Content-Type {content_type!r}")
        try:
            body = json.loads(raw or b"null")
        except ValueError:
            body = None
        if isinstance(body, dict):
            params = body
        else:
            problems.append("body is not a JSON object")
        problems.extend(
            f"key {key!r} is not a response_url field"
            for key in sorted(params.keys() - RESPONSE_URL_KEYS)
        )
        if params:
            problems.extend(message_problems(params, need_text=not params.get("delete_original")))
        with self._lock:
            posts = sum(1 for c in self._calls if c.method == method) + 1
        if posts > MAX_RESPONSE_URL_POSTS:
            problems.append(f"post #{posts} to one response_url (max {MAX_RESPONSE_URL_POSTS})")
        self._violate(method, problems)
        answer = {"ok": True}
        self._record(Call(method, params, time.time(), response=answer))
        return _Reply(200, answer)
