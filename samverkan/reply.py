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
    """A button that opens the log modal (App Home), and beside it one that opens the
    observation form when `observe` names its label."""

    label: str
    observe: str = ""


Item = Header | Section | Fields | Note | Divider | FollowUpCard | LogButton


@dataclass(frozen=True)
class OutFile:
    """A file for the person who asked: its name, bytes and title (a DM in Slack, a path in the
    console)."""

    name: str
    content: bytes
    title: str


@dataclass(frozen=True)
class Effect:
    """Something the adapter (Slack handlers or the console) carries out for a reply.

    kinds: "open_form" (`form`: log, follow or activity), "post_digest" (post the reply in the
    channel as the week's digest), "refresh_homes" (`users` whose App Home tab changed),
    "send_file" (`file` to the person who asked).
    """

    kind: Literal["open_form", "post_digest", "refresh_homes", "send_file"]
    form: str | None = None
    users: frozenset[str] = frozenset()
    file: OutFile | None = None

    @staticmethod
    def send_file(file: OutFile) -> Effect:
        """Send this file to the person who asked."""
        return Effect("send_file", file=file)

    @staticmethod
    def open_form(kind: str) -> Effect:
        """Open the form of `kind` instead of answering with text."""
        return Effect("open_form", form=kind)

    @staticmethod
    def post_digest() -> Effect:
        """Post the reply to the channel as this week's digest."""
        return Effect("post_digest")

    @staticmethod
    def refresh_homes(users: frozenset[str]) -> Effect:
        """Redraw these people's App Home tabs."""
        return Effect("refresh_homes", users=users)


@dataclass
class Reply:
    """A reply to one command: items to draw, a plain fallback, who sees it, and its effects."""

    text: str
    items: list[Item] = field(default_factory=list)
    visibility: Literal["ephemeral", "channel"] = "ephemeral"
    ok: bool = True
    lang: str = "en"
    plan_id: int | None = None
    effects: tuple[Effect, ...] = ()

    @property
    def modal(self) -> str | None:
        """The form this reply opens, if any."""
        return next((e.form for e in self.effects if e.kind == "open_form"), None)

    @property
    def touched_users(self) -> frozenset[str]:
        """The people whose App Home tab this reply changed."""
        users: frozenset[str] = frozenset()
        for e in self.effects:
            if e.kind == "refresh_homes":
                users |= e.users
        return users

    @property
    def files(self) -> list[OutFile]:
        """The files this reply sends to the person who asked."""
        return [e.file for e in self.effects if e.kind == "send_file" and e.file is not None]

    @property
    def posts_digest(self) -> bool:
        """Whether the reply is a digest to post in the channel."""
        return any(e.kind == "post_digest" for e in self.effects)
