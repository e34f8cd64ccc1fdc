"""Corrections (DESIGN §6): `edit <L#|F#|H#> <new text>` and `delete <L#|F#|H#>`; a log entry's
participants and hours too (`edit L3 participants 12 hours 2`).

What can be corrected is a table of kinds, one entry each: a new kind (observations, `H#`)
joins with one `Correctable` in KINDS.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from samverkan.context import UserError
from samverkan.digest import build_digest
from samverkan.domain import Unit, check_text
from samverkan.i18n import t
from samverkan.parsing import ParseError, span
from samverkan.production import production_text, take_production
from samverkan.registry import Access, Command, Verb, declare, declare_verb
from samverkan.reply import Effect, Reply, Section
from samverkan.text import esc, mention

#: What an audit event holds in place of a deleted text.
REMOVED = "[removed]"


@dataclass(frozen=True)
class Entry:
    """An item that can be corrected: its row id, ref, text and author."""

    id: int
    ref: str
    text: str
    author: str
    created_at: datetime


@dataclass(frozen=True)
class Correctable:
    """One kind of item people type: how to find it, change its text and erase it."""

    #: The audit entity ("log", "followup").
    entity: str
    get: Callable[[Unit, int], Entry | None]
    set_text: Callable[[Unit, int, str], None]
    remove: Callable[[Unit, int], None]


def _log(u: Unit, number: int) -> Entry | None:
    e = u.tx.logs.get(u.plan.id, number)
    return Entry(e.id, e.ref, e.text, e.user_id, e.created_at) if e else None


def _followup(u: Unit, number: int) -> Entry | None:
    f = u.tx.followups.get(u.plan.id, number)
    return Entry(f.id, f.ref, f.text, f.assigned_by, f.created_at) if f else None


def _observation(u: Unit, number: int) -> Entry | None:
    h = u.tx.observations.get(u.plan.id, number)
    return Entry(h.id, h.ref, h.text, h.user_id, h.created_at) if h else None


#: By ref prefix (upper case).
KINDS: dict[str, Correctable] = {
    "L": Correctable(
        "log",
        _log,
        lambda u, i, text: u.tx.logs.set_text(i, text),
        lambda u, i: u.tx.logs.remove(i),
    ),
    "F": Correctable(
        "followup",
        _followup,
        lambda u, i, text: u.tx.followups.set_text(i, text),
        lambda u, i: u.tx.followups.remove(i),
    ),
    "H": Correctable(
        "observation",
        _observation,
        lambda u, i, text: u.tx.observations.set_text(i, text),
        lambda u, i: u.tx.observations.remove(i),
    ),
}


@dataclass(frozen=True)
class Edit:
    ref: str
    text: str
    #: A log entry's production, when the edit gives it ("" text: only these change).
    participants: int | None = None
    hours: float | None = None


@dataclass(frozen=True)
class Delete:
    ref: str


def _ref(token: str, topic: str) -> str:
    m = re.fullmatch(r"([A-Za-z])(\d{1,9})", token)
    if m is None or m.group(1).upper() not in KINDS:
        raise ParseError(f"error.{topic}_usage", topic)
    return m.group(1).upper() + str(int(m.group(2)))


def parse_edit(rest: list[str]) -> Edit:
    """`edit <L#|F#|H#> <new text>`."""
    if len(rest) < 2:
        raise ParseError("error.edit_usage", "edit")
    ref, words = _ref(rest[0], "edit"), rest[1:]
    participants = hours = None
    if ref[0] == "L":
        words, participants, hours = take_production(words, "log_production")
    return Edit(ref, span(words), participants, hours)


def parse_delete(rest: list[str]) -> Delete:
    """`delete <L#|F#|H#>`."""
    if len(rest) != 1:
        raise ParseError("error.delete_usage", "delete")
    return Delete(_ref(rest[0], "delete"))


def entry_for(u: Unit, ref: str, what: str) -> tuple[Correctable, Entry]:
    """The item a ref names, if the caller is its author or a coordinator."""
    kind = KINDS[ref[0]]
    entry = kind.get(u, int(ref[1:]))
    if entry is None:
        raise UserError("error.no_item", ref=ref)
    me = u.tx.members.get(u.plan.id, u.ctx.user_id)
    if entry.author != u.ctx.user_id and not (me and me.is_coordinator):
        raise UserError(
            "denied.author",
            what=t(u.plan.language, f"what.{what}"),
            ref=ref,
            author=mention(entry.author),
            who=u.d.coordinators(u.tx, u.plan),
        )
    return kind, entry


def edit_item(
    u: Unit, ref: str, text: str, participants: int | None = None, hours: float | None = None
) -> Reply:
    """Correct the text of an item (and a log entry's production); the audit keeps before
    and after."""
    kind, entry = entry_for(u, ref, "edit")
    before: dict[str, object] = {}
    after: dict[str, object] = {}
    new = entry.text
    if text or (participants is None and hours is None):
        new = check_text(text, field="text")
        u.check_personal(new, field="text")
        if new != entry.text:
            kind.set_text(u, entry.id, new)
            before["text"], after["text"] = entry.text, new
    said = esc(new, 500)
    if ref[0] == "L":
        log = u.tx.logs.by_id(entry.id)
        assert log is not None
        now = (
            log.participants if participants is None else participants,
            log.hours if hours is None else hours,
        )
        if now != (log.participants, log.hours):
            u.tx.logs.set_production(entry.id, *now)
            before.update(participants=log.participants, hours=log.hours)
            after.update(participants=now[0], hours=now[1])
        if produced := production_text(u.plan.language, *now):
            said += "\n" + produced
    if not after:
        raise UserError("error.no_change_text", ref=ref)
    u.audit(kind.entity, ref, "edited", before=before, after=after)
    reply = u.changed("correction.edited", ref=ref, by=mention(u.ctx.user_id), text=said)
    shown = tuple(u.tx.posted.of_item(u.plan.id, ref))
    if shown:
        reply.effects = (*reply.effects, Effect.update_messages(shown, reply))
    return reply


def delete_item(u: Unit, ref: str) -> Reply:
    """Erase an item and scrub its text from the audit trail and the bot's own messages."""
    kind, entry = entry_for(u, ref, "delete")
    plan = u.plan
    versions = [entry.text] + [
        str(v)
        for e in u.tx.audit.of_item(plan.id, ref)
        for side in (e.before, e.after)
        if side
        for k, v in side.items()
        if k == "text" and v
    ]
    kind.remove(u, entry.id)
    u.tx.audit.scrub(plan.id, ref, versions, REMOVED)
    u.audit(kind.entity, ref, "deleted")
    shown = tuple(u.tx.posted.of_item(plan.id, ref))
    u.tx.posted.forget(plan.id, ref)
    # Once committed, the write-ahead log is emptied into the file: the text is in neither.
    u.after_commit.append(u.d.store.checkpoint)
    lang = plan.language
    gone = t(lang, "correction.removed", ref=ref, by=mention(u.ctx.user_id))
    reply = u.changed("correction.deleted", ref=ref, by=mention(u.ctx.user_id))
    if shown:
        tombstone = Reply(gone, [Section(gone)], lang=lang, plan_id=plan.id)
        reply.effects = (*reply.effects, Effect.update_messages(shown, tombstone))
    # Digests posted since it was written may show it: each is drawn again without it.
    for digest in u.tx.digests.sent_since(plan.id, entry.created_at):
        if digest.message_ts and digest.sent_at:
            again = build_digest(u.tx, plan, digest.sent_at, u.d.command, period_of=digest.sent_at)
            where = ((digest.channel_id, digest.message_ts),)
            reply.effects = (*reply.effects, Effect.update_messages(where, again))
    return reply


def run_edit(u: Unit, cmd: Edit) -> Reply:
    """`edit`: correct a log entry or a follow-up."""
    return edit_item(u, cmd.ref, cmd.text, cmd.participants, cmd.hours)


def run_delete(u: Unit, cmd: Delete) -> Reply:
    """`delete`: remove a log entry or a follow-up, and every trace of its text."""
    return delete_item(u, cmd.ref)


declare_verb(Verb("edit", words=("edit", "ändra", "andra"), parse=parse_edit, sv="ändra"))
declare_verb(Verb("delete", words=("delete", "radera"), parse=parse_delete, sv="radera"))
declare(
    Command(
        Edit,
        en="edit",
        sv="ändra",
        access=Access.PLAN,
        writes=True,
        run=run_edit,
        topic="edit",
        what="edit",
        examples=(
            "edit L1 Walked the centre with the school",
            "ändra F2 Ring skolan",
            "edit L3 participants 12 hours 2",
        ),
    )
)
declare(
    Command(
        Delete,
        en="delete",
        sv="radera",
        access=Access.PLAN,
        writes=True,
        run=run_delete,
        topic="delete",
        what="delete",
        examples=("delete L1", "radera F2"),
    )
)
