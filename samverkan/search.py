"""How `search` shows what it found: each hit's kind, its line, and the matched words in bold.

A kind of item joins search with one entry in SHOWN (and its `tx.search.put` in storage).
"""

from __future__ import annotations

from collections.abc import Callable

from samverkan.domain import Unit
from samverkan.i18n import t
from samverkan.privacy import escape_mrkdwn
from samverkan.situation_view import observation_line
from samverkan.text import RAG_ICONS, clip, mention
from samverkan.views import log_line
from storage.textsearch import Term, matched_spans, parse_query


def marked(text: str, terms: list[Term], limit: int) -> str:
    """User text shortened, escaped for mrkdwn, with the words the terms match in bold."""
    text = clip(text, limit)
    out, at = [], 0
    for start, end in matched_spans(text, terms):
        if start and text[start - 1] == "@":
            continue  # "@channel" stays whole, so escaping keeps it inert
        out.append(escape_mrkdwn(text[at:start]))
        out.append(f"*{escape_mrkdwn(text[start:end])}*")
        at = end
    out.append(escape_mrkdwn(text[at:]))
    return "".join(out)


def _log(u: Unit, item_id: int, terms: list[Term]) -> str | None:
    e = u.tx.logs.by_id(item_id)
    if e is None:
        return None
    return log_line(u.d, u.plan, e, text=marked(e.text, terms, 200))


def _followup(u: Unit, item_id: int, terms: list[Term]) -> str | None:
    f = u.tx.followups.by_id(item_id)
    if f is None:
        return None
    lang = u.plan.language
    bits = [t(lang, f"fstatus.{f.status}"), t(lang, "followup.for", user=mention(f.assignee))]
    if f.due_date:
        bits.append(t(lang, "followup.due_part", due=u.fmt(f.due_date)))
    if f.activity_ref:
        bits.append(f.activity_ref)
    return f"`{f.ref}` {marked(f.text, terms, 200)} — " + " · ".join(bits)


def _activity(u: Unit, item_id: int, terms: list[Term]) -> str | None:
    a = u.tx.activities.by_id(item_id)
    if a is None:
        return None
    lang = u.plan.language
    line = f"{RAG_ICONS[a.rag]} `{a.ref}` {marked(a.title, terms, 120)} — {t(lang, f'status.{a.status}')}"
    for field, value in (("cause", a.cause), ("goal", a.goal)):
        if value and matched_spans(value, terms):
            line += f" · {t(lang, f'field.{field}')}: {marked(value, terms, 120)}"
    return line


def _organisation(u: Unit, item_id: int, terms: list[Term]) -> str | None:
    org = u.tx.organisations.get(item_id)
    if org is None:
        return None
    return f"{marked(org.name, terms, 100)} — {t(u.plan.language, f'kind.{org.kind}')}"


def _observation(u: Unit, item_id: int, terms: list[Term]) -> str | None:
    h = u.tx.observations.by_id(item_id)
    if h is None:
        return None
    return observation_line(u.plan.language, h, u.today, text=marked(h.text, terms, 200))


def _cause(u: Unit, item_id: int, terms: list[Term]) -> str | None:
    c = u.tx.causes.by_id(item_id)
    if c is None:
        return None
    return f"`{c.ref}` {marked(c.text, terms, 200)} — " + t(
        u.plan.language, "search.cause_activities", n=c.activities
    )


#: Per kind of item: how one hit reads (None when the item is gone).
SHOWN: dict[str, Callable[[Unit, int, list[Term]], str | None]] = {
    "organisation": _organisation,
    "cause": _cause,
    "activity": _activity,
    "followup": _followup,
    "log": _log,
    "observation": _observation,
}


def hit_lines(u: Unit, query: str, hits: list[tuple[str, int]]) -> list[str]:
    """The lines of the hits shown: the kind in words, then the item with its matches in bold."""
    terms = parse_query(query)
    lines = []
    for kind, item_id in hits:
        line = SHOWN[kind](u, item_id, terms)
        if line is not None:
            lines.append(f"{t(u.plan.language, f'search.kind.{kind}')} · {line}")
    return lines
