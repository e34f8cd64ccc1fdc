"""Many workspaces (DESIGN §13): the OAuth install's record, the uninstall events, and the
Enterprise Grid org each workspace belongs to."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from slack_bolt import BoltContext
from slack_sdk.oauth.installation_store import InstallationStore

from handlers.common import samverkan_of
from samverkan.service import Samverkan
from samverkan.workspaces import installed, remember_workspace, uninstalled
from slackapi.installs import delete_installation, forget_team

log = logging.getLogger("samverkan.slack")

#: Where the installation settings sit in every request's Bolt context (OAuth mode only).
INSTALLS = "samverkan_installs"


@dataclass
class Installs:
    """What the uninstall listeners need: the installation store and the retention period."""

    store: InstallationStore
    retain_days: int
    #: Workspaces whose org is recorded already (this process); saves a write a request.
    known: set[str]
    lock: threading.Lock


def on_install(samverkan: Samverkan) -> Callable[[str, str | None, bool], None]:
    """Called once an installation is stored: record the workspace; a reinstall restores it."""

    def record(team_id: str, enterprise_id: str | None, org_wide: bool) -> None:
        forget_team(team_id or None)
        installed(samverkan, team_id, enterprise_id, org_wide)

    return record


def provide_installs(installs: Installs) -> Callable[..., None]:
    """A global middleware: the installation settings into the context, and the org of a
    workspace of an Enterprise Grid org recorded the first time it is seen."""

    def put_installs_in_context(context: BoltContext, next: Callable[[], None]) -> None:
        context[INSTALLS] = installs
        team, org = context.team_id, context.enterprise_id
        if team and org:
            with installs.lock:
                new = team not in installs.known
                installs.known.add(team)
            if new:
                remember_workspace(samverkan_of(context), team, org)
        next()

    return put_installs_in_context


def handle_app_uninstalled(body: dict[str, Any], context: BoltContext) -> None:
    """app_uninstalled: the workspace's schedules stop at once, its plans are kept read-only
    until the retention period ends, its installation is forgotten."""
    _revoke(body, context)


def handle_tokens_revoked(
    event: dict[str, Any], body: dict[str, Any], context: BoltContext
) -> None:
    """tokens_revoked: when the bot's token is among them, as app_uninstalled."""
    if (event.get("tokens") or {}).get("bot"):
        _revoke(body, context)


def _revoke(body: dict[str, Any], context: BoltContext) -> None:
    installs: Installs | None = context.get(INSTALLS)
    if installs is None:  # one bot token: nothing is installed per workspace
        log.info(
            "%s received with a single bot token; ignored", (body.get("event") or {}).get("type")
        )
        return
    team = str(body.get("team_id") or context.team_id or "")
    org = context.enterprise_id or body.get("enterprise_id") or None
    org_wide = bool(context.is_enterprise_install or body.get("is_enterprise_install"))
    delete_installation(installs.store, None if org_wide else team, org)
    forget_team(None if org_wide else team)
    uninstalled(samverkan_of(context), "" if org_wide else team, org, installs.retain_days)
