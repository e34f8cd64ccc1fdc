"""What the domain answers: plain data that the Block Kit builder and the text renderer draw."""

from __future__ import annotations

from collections.abc import Callable
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
    #: The plans an observation can be reported in, as (plan id, name); with several, the
    #: button becomes a choice of plan.
    observe_plans: tuple[tuple[int, str], ...] = ()


@dataclass(frozen=True)
class JoinRequestCard:
    """A request to join, with Approve / Decline buttons while it waits (a coordinator's DM).

    `commands` are the typed equivalents (for the console): approve, decline.
    """

    plan_id: int
    request_id: int
    text: str
    pending: bool = True
    commands: tuple[str, ...] = ()


@dataclass(frozen=True)
class PersonalChoice:
    """*Save anyway* (runs `command` again, confirmed) and *Rewrite* (opens `form` with `text`)
    under a refusal of text that looked personal."""

    command: str
    form: str | None = None
    text: str = ""


@dataclass(frozen=True)
class EntryActions:
    """Edit / Delete under an entry shown to its author (plan, ref)."""

    plan_id: int
    ref: str


Item = (
    Header
    | Section
    | Fields
    | Note
    | Divider
    | FollowUpCard
    | LogButton
    | JoinRequestCard
    | PersonalChoice
    | EntryActions
)


@dataclass(frozen=True)
class OutFile:
    """A file for the person who asked: its name, bytes and title (a DM in Slack, a path in the
    console)."""

    name: str
    content: bytes
    title: str
    #: Makes the bytes when the file is sent, after the reply has gone (a report's charts take
    #: a moment, longer than Slack waits for an answer); `content` is then empty.
    make: Callable[[], bytes] | None = field(default=None, compare=False)

    def data(self) -> bytes:
        """The file's bytes (made now, when the file is made when sent)."""
        return self.make() if self.make is not None else self.content


@dataclass(frozen=True)
class Effect:
    """Something the adapter (Slack handlers or the console) carries out for a reply.

    kinds: "open_form" (`form`: log, follow or activity), "post_digest" (post the reply in the
    channel as the week's digest), "refresh_homes" (`users` whose App Home tab changed),
    "send_file" (`file` to the person who asked).
    """

    kind: Literal[
        "open_form",
        "post_digest",
        "refresh_homes",
        "send_file",
        "direct_message",
        "update_messages",
    ]
    form: str | None = None
    users: frozenset[str] = frozenset()
    file: OutFile | None = None
    #: What to send (direct_message) or what the messages now show (update_messages).
    message: Reply | None = None
    #: The bot's own messages to update: (channel, ts).
    messages: tuple[tuple[str, str], ...] = ()
    #: The join request a direct message carries (its channel and ts are recorded).
    join_request: int | None = None

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

    @staticmethod
    def direct_message(user: str, message: Reply, join_request: int | None = None) -> Effect:
        """Send `message` to one person in a direct message."""
        return Effect(
            "direct_message", users=frozenset({user}), message=message, join_request=join_request
        )

    @staticmethod
    def update_messages(messages: tuple[tuple[str, str], ...], message: Reply) -> Effect:
        """Show `message` in place of the bot's own messages (channel, ts)."""
        return Effect("update_messages", message=message, messages=messages)


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
    #: The item (a ref like "L3") this reply shows, when it is meant for the channel: the bot
    #: records where it posted it, so a deletion can update the message.
    shows: str | None = None

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
