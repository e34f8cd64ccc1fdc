"""Who asks and where, and the refusal the domain answers with: plain values, no Slack."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Context:
    """Who asks, where: the only things the domain knows about a request."""

    team_id: str
    channel_id: str
    user_id: str
    surface: str = "slack"  # "slack" or "console"


class UserError(Exception):
    """A request the domain refuses, with a catalog key; `field` names the modal input at fault."""

    def __init__(
        self, key: str, *, topic: str | None = None, field: str | None = None, **values: object
    ) -> None:
        super().__init__(key)
        self.key = key
        self.topic = topic
        self.field = field
        self.values = values
