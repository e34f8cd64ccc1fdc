"""Which client a scheduled message goes out with: the plan's own workspace's (DESIGN §13)."""

from __future__ import annotations

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.web import SlackResponse

from slackapi.installs import TeamClients
from storage import Store

#: The error a scheduled message records when its workspace has no installation.
NOT_INSTALLED = "not_installed"


def plan_client(clients: TeamClients, store: Store, plan_id: int) -> WebClient:
    """The client of the team that set the plan up (the one client with one bot token).

    A workspace without an installation raises SlackApiError `not_installed`, which the jobs
    record as Slack's refusal (nothing is sent without a token).
    """
    if not clients.multi:
        return clients.base
    with store.read() as tx:
        plan = tx.plans.get(plan_id)
    found = clients.for_team(plan.team_id) if plan is not None else None
    if found is None:
        answer = SlackResponse(
            client=clients.base,
            http_verb="POST",
            api_url="",
            req_args={},
            data={"ok": False, "error": NOT_INSTALLED},
            headers={},
            status_code=200,
        )
        raise SlackApiError(f"the workspace of plan {plan_id} is not installed", answer)
    return found


def installed(clients: TeamClients, team_id: str) -> bool:
    """Whether the team has an installation to send with (always, with one bot token)."""
    return not clients.multi or clients.for_team(team_id) is not None
