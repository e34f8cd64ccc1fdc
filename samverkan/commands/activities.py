"""The plan's activities: `activity add|list`, `activity A#`, `activity A# <field> <value>`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from samverkan.commands import activity_fields
from samverkan.commands.activity_log import LOG_WORDS, ActivityLog, parse_activity_log
from samverkan.commands.forms import OpenModal
from samverkan.context import UserError
from samverkan.domain import Unit, check_text
from samverkan.followup_view import followup_items
from samverkan.i18n import t
from samverkan.parsing import (
    ACTIVITY_REF,
    BY_WORDS,
    OWNER_WORDS,
    ParseError,
    is_date,
    quoted,
    ref_number,
    refuse_dangling_date,
    span,
    take_trailing_date,
    unquote,
)
from samverkan.parsing import (
    check_text as check_typed,
)
from samverkan.registry import Access, Command, Verb, command_word, declare, declare_verb
from samverkan.reply import Fields, Header, Item, Note, Reply, Section
from samverkan.text import RAG_ICONS, STATUS_ICONS, STATUS_ORDER, clip, esc, mention
from samverkan.views import activity_line, cards, log_line
from samverkan.vocabulary import ACTIVITY_FIELDS, ADD_WORDS, LIST_WORDS, RAGS, STATUSES


@dataclass(frozen=True)
class ActivityAdd:
    title: str
    owner: str | None = None
    due: str | None = None


@dataclass(frozen=True)
class ActivityShow:
    number: int


@dataclass(frozen=True)
class ActivityList:
    by_cause: bool = False


@dataclass(frozen=True)
class ActivitySet:
    number: int
    field: str  # status, rag, cause, goal, owner, due, title, period, partners, followup, kind
    value: str


def parse_activity(
    rest: list[str],
) -> ActivityAdd | ActivityShow | ActivityList | ActivitySet | ActivityLog | OpenModal:
    """`activity add …`, `activity list`, `activity A#`, `activity A# <field> <value>`."""
    if not rest or rest[0].casefold() in LIST_WORDS:
        grouping = " ".join(w.casefold() for w in rest[1:])
        if grouping not in ("", "by cause", "per orsak", "cause", "orsak", "efter orsak"):
            raise ParseError("error.activity_usage", "activity")
        return ActivityList(by_cause=bool(grouping))
    head = rest[0].casefold()
    if head in ADD_WORDS:
        words = rest[1:]
        if head == "lägg" and words and words[0].casefold() == "till":  # "lägg till"
            words = words[1:]
        return _parse_add(words)
    number = ref_number(ACTIVITY_REF, rest[0])
    if number is None:
        raise ParseError("error.activity_usage", "activity")
    if len(rest) == 1:
        return ActivityShow(number)
    if rest[1].casefold() in LOG_WORDS:
        return parse_activity_log(number, rest[2:])
    fld = ACTIVITY_FIELDS.get(rest[1].casefold())
    if fld is None:
        raise ParseError("error.activity_usage", "activity")
    # Errors point at an example of the field being changed.
    topic = f"activity_{fld}"
    value = " ".join(rest[2:]).strip()
    if not value:
        raise ParseError(f"error.activity_{fld}_value", topic)
    if fld == "status":
        if value.casefold() not in STATUSES:
            raise ParseError("error.activity_status_value", topic, {"value": value[:40]})
        value = STATUSES[value.casefold()]
    elif fld == "rag":
        if value.casefold() not in RAGS:
            raise ParseError("error.activity_rag_value", topic, {"value": value[:40]})
        value = RAGS[value.casefold()]
    elif fld == "due":
        if value.casefold() not in ("none", "ingen") and not is_date(value):
            raise ParseError("error.bad_date", topic, {"value": value[:40]})
    elif fld == "kind":
        value = activity_fields.parse_kind(value, topic)
    elif fld in ("cause", "goal", "followup"):
        # Kept as typed, line breaks and all.
        value = check_typed(unquote(span(rest[2:])), topic)
    elif fld == "title":
        value = check_typed(unquote(value), topic)
    else:
        value = unquote(value)
    return ActivitySet(number, fld, value)


def _parse_add(words: list[str]) -> ActivityAdd | OpenModal:
    if not words:
        return OpenModal("activity")
    words, due = take_trailing_date(words, BY_WORDS)
    if due is None:
        refuse_dangling_date(words, BY_WORDS, "activity")
    owner = None
    lowered = [w.casefold() for w in words]
    # A keyword inside a quoted title is part of the title: "Meet the owner of the kiosk".
    inside = quoted(words)
    for i in range(len(words) - 1, 0, -1):
        if lowered[i] in OWNER_WORDS and not inside[i] and i + 1 < len(words):
            owner = unquote(" ".join(words[i + 1 :]))
            words = words[:i]
            break
    if due is None:
        words, due = take_trailing_date(words, BY_WORDS)
        if due is None:
            refuse_dangling_date(words, BY_WORDS, "activity")
    title = unquote(" ".join(words))
    if not title:
        raise ParseError("error.activity_add_usage", "activity")
    if len(title) > 200:
        raise ParseError("error.text_too_long", "activity", {"max": "200"})
    return ActivityAdd(title, owner, due)


def run_activity_add(u: Unit, cmd: ActivityAdd) -> Reply:
    """`activity add`: a refused owner may have been part of the title, so say how to keep it."""
    try:
        return add_activity(u, title=cmd.title, owner=cmd.owner, due=cmd.due)
    except UserError as e:
        if cmd.owner is None or e.key not in ("error.no_org", "error.no_orgs_yet"):
            raise
        lang = u.lang
        word = "ägare" if lang == "sv" else "owner"
        title = f"{cmd.title} {word} {cmd.owner}"
        raise UserError(
            "error.no_owner_org",
            topic="activity",
            name=esc(cmd.owner, 80),
            known=e.values.get("known") or "—",
            word=word,
            example=f'{u.d.command} {command_word(lang, "activity add")} "{esc(title)}"',
        ) from None


def add_activity(
    u: Unit,
    *,
    title: str,
    owner: str | None = None,
    due: str | date | None = None,
    cause: str = "",
    goal: str = "",
    **template: str | list[str],
) -> Reply:
    """Create an activity (command or form); `template`: period, partners, followup, kind."""
    title = check_text(title, field="title", limit=200)
    goal = check_text(goal, field="goal") if goal.strip() else ""
    for field, text in (("title", title), ("cause", cause), ("goal", goal)):
        u.check_personal(text, field=field)
    plan = u.plan
    org = u.org(owner, field="owner") if owner else None
    today = u.today
    due_date = (
        u.d.date(plan, due, today, topic="activity", field="due") if due is not None else None
    )
    a = u.tx.activities.add(
        plan.id,
        title=title,
        created_by=u.ctx.user_id,
        owner_org_id=org.id if org else None,
        due_date=due_date,
        goal=goal,
        start_date=today,
    )
    a = activity_fields.fill(u, a, cause=cause, **template)
    u.audit(
        "activity",
        a.ref,
        "created",
        after={"title": title, "owner": a.owner, "due": due_date, "status": a.status},
    )
    details = []
    if a.owner:
        details.append(t(plan.language, "activity.owner_part", owner=esc(a.owner)))
    if a.due_date:
        details.append(t(plan.language, "activity.due_part", due=u.fmt(a.due_date)))
    reply = u.changed(
        "activity.added",
        ref=a.ref,
        title=esc(title),
        details=" (" + ", ".join(details) + ")" if details else "",
    )
    return u.warn_if_past_due(reply, due_date)


def run_activity_list(u: Unit, cmd: ActivityList) -> Reply:
    """Every activity of the plan, ongoing first."""
    plan, lang = u.plan, u.plan.language
    acts = u.tx.activities.of_plan(plan.id)
    if not acts:
        text = t(lang, "activity.none", cmd=u.d.command)
        return Reply(text, [Section(text)], lang=lang)
    today = u.today
    order = {s: i for i, s in enumerate(STATUS_ORDER)}
    acts.sort(key=lambda a: (order[a.status], a.id))
    lines = [activity_line(u.d, plan, a, today) + activity_fields.suffix(u, a) for a in acts]
    if cmd.by_cause:
        lines = activity_fields.by_cause(u, acts, lines)
    title = t(lang, "activity.list_title", name=plan.name, n=len(acts))
    items = [Header(clip(title, 150)), *u.d.lines(lang, lines, "activity list", limit=60)]
    items.append(Note(t(lang, "activity.legend")))
    # Headers are plain text; the fallback is mrkdwn, so the plan's name is escaped there.
    fallback = t(lang, "activity.list_title", name=esc(plan.name), n=len(acts))
    return Reply(fallback, items, lang=lang)


def run_activity_show(u: Unit, cmd: ActivityShow) -> Reply:
    """One activity: its fields, recent log and open follow-ups."""
    plan, lang = u.plan, u.plan.language
    a = u.activity(cmd.number)
    logs, logged = u.tx.logs.of_activity(plan.id, a.id, limit=5)
    fus = u.tx.followups.of_plan(plan.id, "open", activity_id=a.id)
    title = f"{a.ref} {clip(a.title, 140)}"
    pairs = [
        f"*{t(lang, 'field.status')}*\n{STATUS_ICONS[a.status]} {t(lang, f'status.{a.status}')}",
        f"*{t(lang, 'field.rag')}*\n{RAG_ICONS[a.rag]} "
        + (t(lang, f"rag.{a.rag}") if a.rag else t(lang, "rag.none")),
        f"*{t(lang, 'field.owner')}*\n{esc(a.owner) if a.owner else '—'}",
        f"*{t(lang, 'field.due')}*\n{u.fmt(a.due_date)}",
    ]
    items: list[Item] = [Header(title), Fields(tuple(pairs))]
    if extra := activity_fields.template_pairs(u, a):
        items.append(Fields(tuple(extra[:10])))
    if a.goal:
        items.append(Section(f"*{t(lang, 'field.goal')}*: {esc(a.goal)}"))
    if logs:
        lines = [log_line(u.d, plan, e, with_activity=False) for e in logs]
        items.append(Section(f"*{t(lang, 'activity.recent_log')}*\n" + "\n".join(lines)))
        if logged > len(logs):
            items.append(u.d.more(lang, logged - len(logs), f"activity {a.ref} log"))
    else:
        items.append(Section(t(lang, "activity.no_log", cmd=u.d.command, ref=a.ref)))
    items += followup_items(u, a)
    if fus:
        items.append(Section(f"*{t(lang, 'activity.open_followups')}*"))
        items.extend(cards(u, plan, fus, "overdue"))
    items.append(Note(t(lang, "activity.detail_help", cmd=u.d.command, ref=a.ref)))
    return Reply(f"{a.ref} {esc(a.title, 140)}", items, lang=lang, plan_id=plan.id)


def run_activity_set(u: Unit, cmd: ActivitySet) -> Reply:
    """Change one field of an activity."""
    plan, lang = u.plan, u.plan.language
    a = u.activity(cmd.number)
    activity_fields.require_owner(u, a, cmd.field)
    old: object
    new: object
    if cmd.field == "owner":
        org = u.org(cmd.value)
        old, new = a.owner, org.name
        changes: dict[str, object] = {"owner_org_id": org.id}
        shown_old, shown_new = esc(a.owner) if a.owner else "—", esc(org.name)
    elif cmd.field == "due":
        due = None
        if cmd.value.casefold() not in ("none", "ingen"):
            due = u.d.date(plan, cmd.value, u.today, topic="activity_due")
        old, new = a.due_date, due
        changes = {"due_date": due}
        shown_old, shown_new = u.fmt(a.due_date), u.fmt(due)
    elif cmd.field == "status":
        old, new = a.status, cmd.value
        changes = {"status": cmd.value}
        shown_old = t(lang, f"status.{old}")
        shown_new = t(lang, f"status.{new}")
    elif cmd.field == "rag":
        old, new = a.rag, cmd.value
        changes = {"rag": cmd.value}
        shown_old = t(lang, f"rag.{old}") if old else t(lang, "rag.none")
        shown_new = t(lang, f"rag.{new}")
    elif cmd.field in activity_fields.TEMPLATE_FIELDS:
        found = activity_fields.change(u, a, cmd.field, cmd.value)
        old, new, shown_old, shown_new = found.old, found.new, found.shown_old, found.shown_new
        changes = {}
    else:
        value = check_text(cmd.value, limit=200 if cmd.field == "title" else 2000)
        if cmd.field in ("title", "cause", "goal"):
            u.check_personal(value)
        current: str = getattr(a, cmd.field)
        old, new = current, value
        changes = {cmd.field: value}
        shown_old, shown_new = esc(current, 200) if current else "—", esc(value, 200)
    if old == new:
        raise no_change(lang, a.ref, cmd.field, new, shown_new)
    if changes:
        u.tx.activities.update(a.id, **changes)
    else:
        found.write()
    u.audit("activity", a.ref, "updated", before={cmd.field: old}, after={cmd.field: new})
    icon = ""
    if cmd.field == "status":
        icon = STATUS_ICONS[cmd.value] + " "
    elif cmd.field == "rag":
        icon = RAG_ICONS[cmd.value] + " "
    reply = u.changed(
        "activity.changed",
        icon=icon,
        ref=a.ref,
        title=esc(a.title, 120),
        field=t(lang, f"field.{cmd.field}"),
        old=shown_old,
        new=shown_new,
        user=mention(u.ctx.user_id),
    )
    return u.warn_if_past_due(reply, new if isinstance(new, date) else None)


def no_change(lang: str, ref: str, fld: str, new: object, shown: str) -> UserError:
    """The refusal of a change to what a field already holds, worded for the field."""
    if fld in ("status", "rag", "assignee"):
        return UserError(f"error.no_change_{fld}", ref=ref, value=shown)
    if fld == "due":
        if new is None:
            return UserError("error.no_change_no_due", ref=ref)
        return UserError("error.no_change_due", ref=ref, value=shown)
    return UserError(
        "error.no_change_value", ref=ref, name=t(lang, f"field.{fld}").lower(), value=shown
    )


ACTIVITY_WORDS = ("activity", "activities", "aktivitet", "aktiviteter", "åtgärd")
declare_verb(Verb("activity", words=ACTIVITY_WORDS, parse=parse_activity, sv="aktivitet"))
declare(
    Command(
        ActivityAdd,
        en="activity add",
        sv="aktivitet ny",
        access=Access.COORDINATOR,
        writes=True,
        run=run_activity_add,
        topic="activity",
        what="activity_add",
        examples=(
            "activity add Night walks owner Polisen due 2026-12-18",
            "aktivitet ny Nattvandring ägare Polisen senast 2026-12-18",
        ),
    )
)
declare(
    Command(
        ActivityList,
        en="activity list",
        sv="aktivitet lista",
        access=Access.PLAN,
        writes=False,
        run=run_activity_list,
        topic="activity",
        examples=("activity list", "aktivitet lista"),
    )
)
declare(
    Command(
        ActivityShow,
        en="activity",
        sv="aktivitet",
        access=Access.PLAN,
        writes=False,
        run=run_activity_show,
        topic="activity",
        examples=("activity A1", "aktivitet A1"),
    )
)
declare(
    Command(
        ActivitySet,
        en="activity",
        sv="aktivitet",
        access=Access.OWNER,
        writes=True,
        run=run_activity_set,
        topic="activity",
        examples=("activity A1 status active", "aktivitet A1 bedömning grön"),
    )
)
