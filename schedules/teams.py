"""Which client a scheduled message goes out with: the plan's own workspace's (DESIGN §13)."""

from __future__ import annotations

from slack_sdk import WebClient

from slackapi.installs import TeamClients
from storage import Store


def plan_client(clients: TeamClients, store: Store, plan_id: int) -> WebClient:
    """The client of the team that set the plan up (the one client with one bot token)."""
    if not clients.multi:
        return clients.base
    with store.read() as tx:
        plan = tx.plans.get(plan_id)
    found = clients.for_team(plan.team_id) if plan is not None else None
    return found or clients.base


def installed(clients: TeamClients, team_id: str) -> bool:
    """Whether the team has an installation to send with (always, with one bot token)."""
    return not clients.multi or clients.for_team(team_id) is not None
