"""Slack's Socket Mode side on a local WebSocket server (127.0.0.1, `websockets` sync API)."""

from __future__ import annotations

import json
import threading
import time
import uuid
from typing import Any

from websockets.exceptions import ConnectionClosed
from websockets.sync.server import Server, ServerConnection, serve

from tests.support.fake_slack import APP_ID, FakeSlack

# Envelope types Slack sends over Socket Mode; the first two accept a response payload.
ENVELOPE_TYPES = ("slash_commands", "interactive", "events_api")


class FakeSocket:
    """Plays Slack's WebSocket end of Socket Mode: hello, envelopes, acks, disconnects."""

    def __init__(self, slack: FakeSlack | None = None, *, app_id: str = APP_ID) -> None:
        """Create a stopped server; if `slack` is given, its apps.connections.open returns our URL."""
        self.slack = slack
        self.app_id = app_id
        self._lock = threading.Condition()
        self._server: Server | None = None
        self._thread: threading.Thread | None = None
        self._connections: list[ServerConnection] = []
        self.hellos = 0
        self.received: list[dict[str, Any]] = []
        self.acks: list[dict[str, Any]] = []
        self.sent: list[dict[str, Any]] = []

    # -- lifecycle ---------------------------------------------------------------------------

    def start(self) -> FakeSocket:
        """Start listening on 127.0.0.1 with a free port; wire the FakeSlack if given."""
        if self._server is not None:
            return self
        self._server = serve(
            self._serve_connection,
            "127.0.0.1",
            0,
            compression=None,
            close_timeout=1,
            ping_interval=None,
        )
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        if self.slack is not None:
            self.slack.socket_url = self.url
        return self

    def stop(self) -> None:
        """Close every connection and stop listening."""
        if self._server is None:
            return
        prefix = f"ws://127.0.0.1:{self.port}/"
        server, self._server = self._server, None
        if self.slack is not None and (self.slack.socket_url or "").startswith(prefix):
            self.slack.socket_url = None
        server.shutdown()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> FakeSocket:
        """Start and return the server."""
        return self.start()

    def __exit__(self, *exc: object) -> None:
        """Stop the server."""
        self.stop()

    @property
    def port(self) -> int:
        """The TCP port the server listens on."""
        if self._server is None:
            raise RuntimeError("FakeSocket is not started")
        return int(self._server.socket.getsockname()[1])

    @property
    def url(self) -> str:
        """The WebSocket URL, shaped like Slack's `wss://.../link/?ticket=...&app_id=...`."""
        return f"ws://127.0.0.1:{self.port}/link/?ticket={uuid.uuid4()}&app_id={self.app_id}"

    # -- connections -------------------------------------------------------------------------

    def _serve_connection(self, connection: ServerConnection) -> None:
        """Send hello, then record everything the client sends until it closes."""
        with self._lock:
            self._connections.append(connection)
            live = len(self._connections)
        hello = {
            "type": "hello",
            "num_connections": live,
            "debug_info": {
                "host": "applink-fake-127001",
                "build_number": 1,
                "approximate_connection_time": 18060,
            },
            "connection_info": {"app_id": self.app_id},
        }
        try:
            connection.send(json.dumps(hello))
            with self._lock:
                self.hellos += 1
                self._lock.notify_all()
            for raw in connection:
                try:
                    message = json.loads(raw)
                except ValueError:
                    message = {"unparsed": raw}
                with self._lock:
                    self.received.append(message)
                    if isinstance(message, dict) and "envelope_id" in message:
                        self.acks.append(message)
                    self._lock.notify_all()
        except ConnectionClosed:
            pass
        finally:
            with self._lock:
                if connection in self._connections:
                    self._connections.remove(connection)
                self._lock.notify_all()

    @property
    def connection_count(self) -> int:
        """How many clients are connected now."""
        with self._lock:
            return len(self._connections)

    def wait_connected(self, count: int = 1, timeout: float = 5) -> None:
        """Wait until `count` hellos were sent and a client is connected."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while self.hellos < count or not self._connections:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"no Socket Mode client connected within {timeout}s")
                self._lock.wait(remaining)

    def _send(self, message: dict[str, Any], timeout: float) -> None:
        """Send a JSON message to the newest connected client."""
        self.wait_connected(timeout=timeout)
        with self._lock:
            connection = self._connections[-1]
            self.sent.append(message)
        connection.send(json.dumps(message))

    def send_envelope(
        self,
        type: str,
        payload: dict[str, Any],
        *,
        accepts_response_payload: bool | None = None,
        retry_attempt: int = 0,
        retry_reason: str = "",
        timeout: float = 5,
    ) -> str:
        """Send an envelope (`slash_commands`, `interactive`, `events_api`); return its id."""
        if type not in ENVELOPE_TYPES:
            raise ValueError(f"unknown envelope type {type!r}; Slack sends {ENVELOPE_TYPES}")
        envelope_id = str(uuid.uuid4())
        if accepts_response_payload is None:
            accepts_response_payload = type != "events_api"
        envelope: dict[str, Any] = {
            "envelope_id": envelope_id,
            "payload": payload,
            "type": type,
            "accepts_response_payload": accepts_response_payload,
        }
        if type == "events_api":
            envelope["retry_attempt"] = retry_attempt
            envelope["retry_reason"] = retry_reason
        self._send(envelope, timeout)
        return envelope_id

    def send_disconnect(self, reason: str = "refresh_requested", timeout: float = 5) -> None:
        """Send Slack's `disconnect` message (`warning`, `refresh_requested`, `link_disabled`)."""
        message = {"type": "disconnect", "reason": reason, "debug_info": {"host": "wss-fake"}}
        self._send(message, timeout)

    def drop_connections(self) -> None:
        """Close every client connection from Slack's side (the server keeps listening)."""
        with self._lock:
            connections = list(self._connections)
        for connection in connections:
            connection.close()

    def wait_for_ack(self, envelope_id: str, timeout: float = 5) -> dict[str, Any]:
        """Wait for the client's ack of an envelope; return it (`envelope_id`, maybe `payload`)."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                for ack in self.acks:
                    if ack.get("envelope_id") == envelope_id:
                        return ack
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"envelope {envelope_id} not acked within {timeout}s")
                self._lock.wait(remaining)
