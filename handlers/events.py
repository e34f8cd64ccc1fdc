"""Events API: the App Home opening; a redelivered event is never processed twice."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import App, BoltResponse
from slack_sdk import WebClient

from handlers.common import after_ack, log, publish_homes, team_of
from samverkan.interactive import first_delivery
from samverkan.service import Samverkan


def register(app: App, service: Samverkan) -> None:
    """Listen to app_home_opened, behind a guard against Slack's redeliveries."""

    def skip_redelivered_events(
        body: dict[str, Any], next: Callable[[], None]
    ) -> BoltResponse | None:
        # Slack redelivers an event it thinks was missed (X-Slack-Retry-Num); the event_id
        # stays the same, and the database remembers which ids were processed.
        event_id = body.get("event_id") if body.get("type") == "event_callback" else None
        if event_id and not first_delivery(service, str(event_id)):
            log.info("event %s was delivered before; skipped", event_id)
            return BoltResponse(status=200, body="")
        next()
        return None

    app.middleware(skip_redelivered_events)

    def handle_home_opened(event: dict[str, Any], body: dict[str, Any], client: WebClient) -> None:
        if event.get("tab") != "home" or not event.get("user"):
            return
        after_ack(publish_homes, client, service, team_of(body), {event["user"]})

    app.event("app_home_opened")(handle_home_opened)
