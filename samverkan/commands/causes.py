"""The plan's numbered causes (the template's "Orsak"): `cause add <text>`, `cause list`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from samverkan.context import UserError
from samverkan.domain import Unit, check_text
from samverkan.i18n import t
from samverkan.parsing import ParseError, ref_number, span, unquote
from samverkan.parsing import check_text as check_typed
from samverkan.registry import Access, Command, Verb, declare, declare_verb
from samverkan.reply import Header, Reply, Section
from samverkan.text import clip, esc
from samverkan.vocabulary import ADD_WORDS, LIST_WORDS
from storage import Cause

CAUSE_REF = re.compile(r"^[Cc](\d{1,9})$")
#: How long a cause may be (a line of the template's first column).
CAUSE_LIMIT = 500


@dataclass(frozen=True)
class CauseAdd:
    text: str


@dataclass(frozen=True)
class CauseList:
    pass


def parse_cause(rest: list[str]) -> CauseAdd | CauseList:
    """`cause add <text>`, `cause list`."""
    if not rest or rest[0].casefold() in LIST_WORDS:
        return CauseList()
    if rest[0].casefold() not in ADD_WORDS:
        raise ParseError("error.cause_usage", "cause")
    words = rest[1:]
    if rest[0].casefold() == "lägg" and words and words[0].casefold() == "till":
        words = words[1:]
    if not words:
        raise ParseError("error.cause_usage", "cause")
    return CauseAdd(check_typed(unquote(span(words)), "cause"))


def find_or_add_cause(u: Unit, text: str) -> tuple[Cause, bool]:
    """The cause a value names (`C2`, or its text); a new text becomes a new cause."""
    number = ref_number(CAUSE_REF, text.strip())
    if number is not None:
        found = u.tx.causes.get(u.plan.id, number)
        if found is None:
            raise UserError("error.no_cause", topic="cause", ref=f"C{number}")
        return found, False
    text = check_text(text, field="cause", limit=CAUSE_LIMIT)
    found = u.tx.causes.by_text(u.plan.id, text)
    if found is not None:
        return found, False
    cause = u.tx.causes.add(u.plan.id, text, u.ctx.user_id)
    u.audit("cause", cause.ref, "created", after={"text": text})
    return cause, True


def run_cause_add(u: Unit, cmd: CauseAdd) -> Reply:
    """Add a numbered cause; the same text twice is refused, naming the cause it already is."""
    text = check_text(cmd.text, limit=CAUSE_LIMIT)
    same = u.tx.causes.by_text(u.plan.id, text)
    if same is not None:
        raise UserError("error.cause_exists", ref=same.ref, text=esc(same.text, 200))
    cause, _ = find_or_add_cause(u, text)
    return u.changed("cause.added", ref=cause.ref, text=esc(text, 300))


def run_cause_list(u: Unit, cmd: CauseList) -> Reply:
    """The numbered causes, each with how many activities work on it."""
    plan, lang = u.plan, u.plan.language
    causes = u.tx.causes.of_plan(plan.id)
    if not causes:
        text = t(lang, "cause.none", cmd=u.d.command)
        return Reply(text, [Section(text)], lang=lang)
    lines = [
        f"*{c.ref}* {esc(c.text, 300)} — " + t(lang, "cause.activities", n=c.activities)
        for c in causes
    ]
    title = t(lang, "cause.list_title", name=plan.name, n=len(causes))
    items = [Header(clip(title, 150)), *u.d.lines(lang, lines, "cause list", limit=60)]
    return Reply(t(lang, "cause.list_title", name=esc(plan.name), n=len(causes)), items, lang=lang)


declare_verb(
    Verb("cause", words=("cause", "causes", "orsak", "orsaker"), parse=parse_cause, sv="orsak")
)
declare(
    Command(
        CauseAdd,
        en="cause add",
        sv="orsak ny",
        access=Access.COORDINATOR,
        writes=True,
        run=run_cause_add,
        topic="cause",
        what="cause_add",
        examples=("cause add Poor lighting at the underpass", "orsak ny Dålig belysning i tunneln"),
    )
)
declare(
    Command(
        CauseList,
        en="cause list",
        sv="orsak lista",
        access=Access.PLAN,
        writes=False,
        run=run_cause_list,
        topic="cause",
        examples=("cause list", "orsak lista"),
    )
)
