"""Events API: the App Home opening; a redelivered event is never processed twice."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import BoltContext, BoltResponse
from slack_sdk import WebClient

from handlers.common import after_ack, learn_locale, log, publish_homes, samverkan_of, team_of
from samverkan.interactive import first_delivery
from samverkan.service import Samverkan


def skip_redelivered_events(
    body: dict[str, Any], context: BoltContext, next: Callable[[], None]
) -> BoltResponse | None:
    """A global middleware: an event Slack delivers again (X-Slack-Retry-Num) is acked, unrun."""
    # The event_id stays the same across redeliveries; the database remembers processed ids.
    event_id = body.get("event_id") if body.get("type") == "event_callback" else None
    team = str(body.get("team_id") or team_of(body))
    if event_id and not first_delivery(samverkan_of(context), str(event_id), team):
        log.info("event %s was delivered before; skipped", event_id)
        return BoltResponse(status=200, body="")
    next()
    return None


def handle_app_home_opened(
    event: dict[str, Any], body: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """app_home_opened on the Home tab: publish the person's App Home again."""
    if event.get("tab") != "home" or not event.get("user"):
        return
    after_ack(_learn_and_publish, client, samverkan_of(context), team_of(body), event["user"])


def _learn_and_publish(client: WebClient, samverkan: Samverkan, team_id: str, user: str) -> None:
    """The person's Slack locale first (once), so their Home is drawn in their language."""
    learn_locale(client, samverkan, team_id, user)
    publish_homes(client, samverkan, team_id, {user})
