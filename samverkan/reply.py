"""What the domain answers: plain data that the Block Kit builder and the text renderer draw."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal


@dataclass(frozen=True)
class Header:
    """A heading line (plain text)."""

    text: str


@dataclass(frozen=True)
class Section:
    """A paragraph of mrkdwn; user text inside it is already escaped."""

    text: str


@dataclass(frozen=True)
class Fields:
    """Short label/value pairs shown side by side (mrkdwn)."""

    pairs: tuple[str, ...]


@dataclass(frozen=True)
class Note:
    """Small print under a reply (mrkdwn)."""

    text: str


@dataclass(frozen=True)
class Divider:
    """A horizontal rule."""


@dataclass(frozen=True)
class FollowUpCard:
    """One follow-up with its Done / Snooze buttons when the viewer may act on it.

    `compact`: one line with the actions in a menu beside it (the digest), instead of a row of
    buttons under it, so a long list takes one block per follow-up.
    """

    plan_id: int
    ref: str
    text: str
    can_act: bool = True
    compact: bool = False


@dataclass(frozen=True)
class LogButton:
    """A button that opens the log modal (App Home)."""

    label: str


Item = Header | Section | Fields | Note | Divider | FollowUpCard | LogButton


@dataclass
class Reply:
    """A reply to one command: items to draw, a plain fallback, and who should see it."""

    text: str
    items: list[Item] = field(default_factory=list)
    visibility: Literal["ephemeral", "channel"] = "ephemeral"
    ok: bool = True
    lang: str = "en"
    modal: str | None = None
    touched_users: frozenset[str] = frozenset()
    plan_id: int | None = None
