"""The edge: a request must carry Slack's ids and the shapes the listeners read, or it is
refused with 400 and one log line, before any listener runs (Slack itself never sends one)."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any

from slack_bolt import BoltResponse

log = logging.getLogger("samverkan.slack")

#: Slack's ids: a kind letter, then upper-case letters and digits (e.g. `U0A1B2C3D`).
_ID = re.compile(r"[A-Z][A-Z0-9]{1,39}")
USER_KINDS = "UW"
CHANNEL_KINDS = "CGD"
TEAM_KINDS = "TE"
INTERACTIVE = ("block_actions", "view_submission", "view_closed", "shortcut", "message_action")


def is_slack_id(value: object, kinds: str) -> bool:
    """Whether `value` is a Slack id of one of the `kinds` (`"UW"`: a user)."""
    return isinstance(value, str) and bool(_ID.fullmatch(value)) and value[0] in kinds


def problem(body: object) -> str | None:
    """What is wrong with a request body's shape (None when the listeners can read it)."""
    if not isinstance(body, dict):
        return "the body is not an object"
    if "command" in body:
        return _command(body)
    kind = body.get("type")
    if kind in INTERACTIVE:
        return _interactive(body)
    if kind == "event_callback":
        return _event(body)
    return None


def _command(body: dict[str, Any]) -> str | None:
    if not is_slack_id(body.get("user_id"), USER_KINDS):
        return "user_id is not a user id"
    if not is_slack_id(body.get("channel_id"), CHANNEL_KINDS):
        return "channel_id is not a channel id"
    if not is_slack_id(body.get("team_id"), TEAM_KINDS):
        return "team_id is not a team id"
    return _strings(body, "command", "text", "trigger_id", "response_url") or _url(body)


def _interactive(body: dict[str, Any]) -> str | None:
    user = body.get("user")
    if not isinstance(user, dict) or not is_slack_id(user.get("id"), USER_KINDS):
        return "user.id is not a user id"
    team = body.get("team")
    if team is not None and not (isinstance(team, dict) and _id_or_none(team, TEAM_KINDS)):
        return "team.id is not a team id"
    channel = body.get("channel")
    if channel is not None and not (isinstance(channel, dict) and _id_or_none(channel, "CGD")):
        return "channel.id is not a channel id"
    for name in ("container", "message", "view"):
        if body.get(name) is not None and not isinstance(body[name], dict):
            return f"{name} is not an object"
    container = body.get("container") or {}
    if not _id_or_none(container, CHANNEL_KINDS, "channel_id"):
        return "container.channel_id is not a channel id"
    actions = body.get("actions")
    if actions is not None and not (
        isinstance(actions, list) and all(_action_ok(a) for a in actions)
    ):
        return "actions are not a list of actions"
    message = body.get("message") or {}
    if not _blocks_ok(message.get("blocks")) or _strings(message, "text", "ts") is not None:
        return "message is not a message"
    if body.get("view") is not None and not _view_ok(body["view"]):
        return "view is not a view"
    # What Bolt's own matchers read without looking first.
    kind = body.get("type")
    if kind == "block_actions" and not (isinstance(actions, list) and actions):
        return "actions are missing"
    if kind in ("view_submission", "view_closed") and not isinstance(
        (body.get("view") or {}).get("callback_id"), str
    ):
        return "view.callback_id is missing"
    if kind in ("shortcut", "message_action") and not isinstance(body.get("callback_id"), str):
        return "callback_id is missing"
    return _strings(body, "callback_id", "trigger_id", "response_url", "message_ts") or _url(body)


def _event(body: dict[str, Any]) -> str | None:
    event = body.get("event")
    if not isinstance(event, dict) or not isinstance(event.get("type"), str):
        return "event is not an event"
    if event.get("user") is not None and not is_slack_id(event["user"], USER_KINDS):
        return "event.user is not a user id"
    if not _id_or_none(body, TEAM_KINDS, "team_id"):
        return "team_id is not a team id"
    return _strings(body, "event_id") or _strings(event, "type", "tab")


def _id_or_none(where: dict[str, Any], kinds: str, key: str = "id") -> bool:
    return where.get(key) is None or is_slack_id(where[key], kinds)


def _url(body: dict[str, Any]) -> str | None:
    """A response_url is a web address (Slack's is https://hooks.slack.com/…), or absent."""
    url = body.get("response_url")
    if url and not str(url).startswith(("https://", "http://")):
        return "response_url is not a URL"
    return None


def _strings(where: dict[str, Any], *keys: str) -> str | None:
    for key in keys:
        if where.get(key) is not None and not isinstance(where[key], str):
            return f"{key} is not a string"
    return None


def _action_ok(action: object) -> bool:
    if not isinstance(action, dict) or not isinstance(action.get("action_id"), str):
        return False
    if _strings(action, "action_id", "block_id", "value") is not None:
        return False
    option = action.get("selected_option")
    return option is None or (isinstance(option, dict) and _strings(option, "value") is None)


def _blocks_ok(blocks: object) -> bool:
    return blocks is None or (isinstance(blocks, list) and all(isinstance(b, dict) for b in blocks))


def _view_ok(view: dict[str, Any]) -> bool:
    if _strings(view, "callback_id", "private_metadata", "id") is not None:
        return False
    if not _blocks_ok(view.get("blocks")):
        return False
    state = view.get("state")
    if state is None:
        return True
    values = state.get("values") if isinstance(state, dict) else None
    if not isinstance(values, dict):
        return False
    return all(
        isinstance(actions, dict) and all(isinstance(e, dict) for e in actions.values())
        for actions in values.values()
    )


def refuse_malformed(body: dict[str, Any], next: Callable[[], None]) -> BoltResponse | None:
    """A global middleware: a body the listeners cannot read is answered 400, never run."""
    found = problem(body)
    if found is not None:
        log.warning("refused a malformed request: %s", found)
        return BoltResponse(status=400, body="")
    next()
    return None
