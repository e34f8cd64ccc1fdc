"""Finding what was recorded: `search <words>` and `history <A#|F#|L#|C#>`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from samverkan.context import UserError
from samverkan.dates import format_date
from samverkan.domain import Unit
from samverkan.i18n import has, t
from samverkan.parsing import ANY_REF, ParseError
from samverkan.registry import Access, Command, Verb, declare, declare_verb
from samverkan.reply import Header, Item, Note, Reply, Section
from samverkan.search import hit_lines
from samverkan.text import LIST_LIMIT, clip, esc, mention
from storage import AuditEvent

#: The newest audit events `history` shows.
HISTORY_LIMIT = 40


@dataclass(frozen=True)
class Search:
    query: str


@dataclass(frozen=True)
class History:
    ref: str


def parse_search(rest: list[str]) -> Search:
    """`search <words>`."""
    query = " ".join(rest).strip()
    if not query:
        raise ParseError("error.search_usage", "search")
    if len(query) > 200:
        raise ParseError("error.text_too_long", "search", {"max": "200"})
    return Search(query)


def parse_history(rest: list[str]) -> History:
    """`history <A#|F#|L#|C#>`."""
    m = ANY_REF.match(rest[0]) if len(rest) == 1 else None
    if m is None:
        raise ParseError("error.history_usage", "history")
    return History(f"{m.group(1).upper()}{int(m.group(2))}")


def run_search(u: Unit, cmd: Search) -> Reply:
    """Everything the plan's people wrote that matches the words, newest first."""
    plan, lang = u.plan, u.plan.language
    found, total = u.tx.search.find(plan.id, cmd.query, LIST_LIMIT)
    if not found:
        text = t(lang, "search.none", query=esc(cmd.query, 100))
        return Reply(text, [Section(text)], lang=lang)
    title = t(lang, "search.title", n=total, query=clip(cmd.query, 80))
    items: list[Item] = [Header(clip(title, 150))]
    lines = hit_lines(u, cmd.query, [(h.kind, h.item_id) for h in found])
    items.extend(u.d.lines(lang, lines, "search", LIST_LIMIT))
    if total > len(found):
        items.append(Note(t(lang, "search.more", n=total - len(found))))
    return Reply(t(lang, "search.title", n=total, query=esc(cmd.query, 80)), items, lang=lang)


def run_history(u: Unit, cmd: History) -> Reply:
    """The audit trail of one item, the newest 40 events."""
    plan, lang = u.plan, u.plan.language
    events = u.tx.audit.of_item(plan.id, cmd.ref, HISTORY_LIMIT)
    if not events:
        raise UserError("error.no_history", ref=cmd.ref)
    # Only the events shown are read and worded; the older ones are counted.
    hidden = u.tx.audit.count_of_item(plan.id, cmd.ref) - len(events)
    tz = ZoneInfo(plan.timezone)
    today = u.today
    lines = []
    for e in events:
        local = e.at.astimezone(tz)
        when = f"{format_date(local.date(), lang, today)} {local:%H:%M}"
        lines.append(f"• {when} {mention(e.user_id)} {describe(u, e)}")
    title = t(lang, "history.title", ref=cmd.ref)
    items: list[Item] = [Header(title)]
    # The newest events matter most when the trail is long.
    if hidden:
        items.append(Note(t(lang, "history.older", n=hidden)))
    items.extend(u.d.lines(lang, lines, "history", HISTORY_LIMIT))
    return Reply(title + "\n" + "\n".join(lines[-10:]), items, lang=lang)


def describe(u: Unit, e: AuditEvent) -> str:
    """One audit event in words: what was created or changed, before → after."""
    lang = u.plan.language

    def show(key: str, value: object) -> str:
        if value is None or value == "":
            return "—"
        if key in ("status",):
            return (
                t(lang, f"status.{value}")
                if e.entity == "activity"
                else t(lang, f"fstatus.{value}")
            )
        if key == "rag":
            return t(lang, f"rag.{value}")
        if key in ("source", "kind", "role", "category", "band", "concern") and has(
            f"{key}.{value}"
        ):
            # Stored values ("command", "social_services") are shown in the plan's words.
            return t(lang, f"{key}.{value}")
        if key in ("assignee",):
            return mention(str(value))
        if key in ("due", "on", "due_date"):
            try:
                return u.fmt(date.fromisoformat(str(value)))
            except ValueError:
                return esc(str(value))
        return esc(str(value), 120)

    def label(key: str) -> str:
        return t(lang, f"field.{key}") if has(f"field.{key}") else key

    if e.action == "created":
        after = e.after or {}
        parts = [f"{label(k)}: {show(k, v)}" for k, v in after.items() if v]
        return t(lang, "history.created") + (" — " + "; ".join(parts) if parts else "")
    if e.action == "logged":
        return t(lang, "history.logged", log=(e.after or {}).get("log", ""))
    before, after = e.before or {}, e.after or {}
    changes = [f"{label(k)}: {show(k, before.get(k))} → {show(k, v)}" for k, v in after.items()]
    action = t(lang, f"history.{e.action}") if has(f"history.{e.action}") else e.action
    return action + (": " + "; ".join(changes) if changes else "")


declare_verb(Verb("search", words=("search", "sök", "sok"), parse=parse_search, sv="sök"))
declare_verb(Verb("history", words=("history", "historik"), parse=parse_history, sv="historik"))
declare(
    Command(
        Search,
        en="search",
        sv="sök",
        access=Access.PLAN,
        writes=False,
        run=run_search,
        topic="search",
        examples=("search lighting", "sök belysning"),
    )
)
declare(
    Command(
        History,
        en="history",
        sv="historik",
        access=Access.PLAN,
        writes=False,
        run=run_history,
        topic="history",
        examples=("history A1", "historik F2"),
    )
)
