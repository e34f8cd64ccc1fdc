"""The one error handler: a failure is logged (what failed, never the request body), and the
person sees no stack trace (Slack gets an empty 500 and shows its own short notice)."""

from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger("samverkan.slack")


def describe(body: dict[str, Any] | None) -> str:
    """Which kind of request it was (its type and matcher), never what anyone typed."""
    body = body or {}
    if body.get("command"):
        return f"command {body['command']}"
    kind = str(body.get("type") or "request")
    if kind == "event_callback":
        return f"event {(body.get('event') or {}).get('type') or '?'}"
    if body.get("actions"):
        action_ids = ",".join(str(a.get("action_id") or "?") for a in body["actions"])
        return f"{kind} {action_ids}"
    callback_id = body.get("callback_id") or (body.get("view") or {}).get("callback_id")
    return f"{kind} {callback_id}" if callback_id else kind


def log_failure(error: BaseException, what: str) -> None:
    """Log a failure with its traceback, and nothing of the request's content."""
    log.error("%s failed: %r", what, error, exc_info=error)


def handle_error(error: Exception, body: dict[str, Any]) -> None:
    """Bolt's global error handler (listeners and middleware): log, answer nothing more."""
    log_failure(error, describe(body))
