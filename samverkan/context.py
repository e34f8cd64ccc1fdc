"""Who asks and where, and the refusal the domain answers with: plain values, no Slack."""

from __future__ import annotations

from dataclasses import dataclass

from samverkan.i18n import t
from samverkan.privacy import escape_mrkdwn


@dataclass(frozen=True)
class Context:
    """Who asks, where: the only things the domain knows about a request."""

    team_id: str
    channel_id: str
    user_id: str
    surface: str = "slack"  # "slack" or "console"
    #: The person chose *Save anyway* for text that looked personal (DESIGN §6).
    personal_ok: bool = False


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

    def values_for(self, lang: str) -> dict[str, object]:
        """The values of the message, in a language (most are the same in both)."""
        return self.values


class PersonalData(UserError):
    """Text that looks like it names or locates a person: not stored unless confirmed.

    `findings` are (kind, words) pairs; `text` is what was typed (never stored by this);
    `form` is the form that can rewrite it ("log", "follow"), if any.
    """

    def __init__(
        self,
        findings: list[tuple[str, str]],
        *,
        text: str,
        field: str | None = None,
        form: str | None = None,
    ) -> None:
        super().__init__("personal.found", field=field)
        self.findings = findings
        self.text = text
        self.form = form

    def values_for(self, lang: str) -> dict[str, object]:
        """What looked personal, in words of the language."""
        found = "; ".join(
            f"{t(lang, f'personal.kind_{kind}')} (“{escape_mrkdwn(words)}”)"
            for kind, words in self.findings
        )
        return {"found": found}
