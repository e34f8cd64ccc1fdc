"""The one error handler: a failure is logged (what failed, never the request body), and the
person sees no stack trace."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import BoltRequest, BoltResponse
from slack_sdk.errors import SlackApiError

from storage import StoreError

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


def handle_error(
    error: Exception, body: dict[str, Any], request: BoltRequest | None = None
) -> BoltResponse | None:
    """Bolt's global error handler (listeners and middleware).

    Slack refusing or unreachable, or the database refusing (StoreError), is a fault of the
    surroundings: one line, and an ack already given stands. Anything else is a bug: logged
    with its traceback, and Slack gets an empty 500 (it shows its own short notice).
    """
    if isinstance(error, StoreError):
        # The database could not do it (busy, read-only, full, damaged): rolled back, one line.
        log.warning("%s refused: %s", describe(body), error)
    elif isinstance(error, SlackApiError | OSError):
        reason = error.response.get("error") if isinstance(error, SlackApiError) else repr(error)
        log.warning("%s: Slack did not take the answer: %s", describe(body), reason)
    else:
        log_failure(error, describe(body))
        return None
    acked = request.context.ack.response if request is not None else None
    if acked is not None:
        return BoltResponse(status=acked.status, body=acked.body, headers=acked.headers)
    return None
