"""Reading the plan: `status [A#|<org>]` and `overdue`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from samverkan.commands.activities import ActivityShow, run_activity_show
from samverkan.context import UserError
from samverkan.domain import Unit
from samverkan.i18n import t
from samverkan.parsing import ACTIVITY_REF, ref_number, unquote
from samverkan.registry import Access, Command, Verb, declare, declare_verb
from samverkan.reply import Header, Item, Note, Reply, Section
from samverkan.rules import activity_late, late_if_due_before, needs_attention
from samverkan.text import RAG_ICONS, activity_summary, clip, esc, mention
from samverkan.views import activity_line, cards, log_line, schedule_line
from storage import Plan

#: The week's log entries a status shows.
RECENT = 8


@dataclass(frozen=True)
class Status:
    activity: int | None = None
    org: str | None = None


@dataclass(frozen=True)
class Overdue:
    pass


def parse_status(rest: list[str]) -> Status:
    """`status`, `status A#`, `status <org>`."""
    if not rest:
        return Status()
    if len(rest) == 1 and (n := ref_number(ACTIVITY_REF, rest[0])) is not None:
        return Status(activity=n)
    return Status(org=unquote(" ".join(rest)))


def parse_overdue(rest: list[str]) -> Overdue:
    """`overdue`."""
    return Overdue()


def run_status(u: Unit, cmd: Status) -> Reply:
    """The plan at a glance, or one activity, or one organisation."""
    if cmd.activity is not None:
        return run_activity_show(u, ActivityShow(cmd.activity))
    if cmd.org is not None:
        return _org_status(u, cmd.org)
    plan, lang = u.plan, u.plan.language
    tx, today = u.tx, u.today
    acts = tx.activities.of_plan(plan.id)
    week_start = today - timedelta(days=6)
    week_count = tx.logs.count_between(plan.id, week_start, today)
    week_logs = tx.logs.between(plan.id, week_start, today, limit=RECENT) if week_count else []
    open_fus, late_fus = tx.followups.open_counts(plan.id, late_if_due_before(today))
    me = tx.members.get(plan.id, u.ctx.user_id)
    attention = needs_attention(acts, tx.logs.last_logged(plan.id), today, ZoneInfo(plan.timezone))
    title = t(lang, "status.title", name=plan.name)
    items: list[Item] = [Header(clip(title, 150))]  # plain text: not escaped
    if plan.area:
        items.append(Note(t(lang, "status.area", area=esc(plan.area))))
    items.append(activity_summary(lang, acts, t(lang, "status.activities", n=len(acts))))
    late_acts = [a for a in acts if activity_late(a, today)]
    lines = [
        t(lang, "status.open_followups", n=open_fus, late=late_fus),
        t(lang, "status.late_activities", n=len(late_acts)),
        t(lang, "status.week_log", n=week_count),
    ]
    items.append(Section("\n".join("• " + x for x in lines)))
    flagged = [f"{RAG_ICONS['red']} *{a.ref}* {esc(a.title, 100)}" for a in attention.red]
    flagged += [
        f"⏰ *{a.ref}* {esc(a.title, 100)} — " + t(lang, "activity.due_part", due=u.fmt(a.due_date))
        for a in attention.late
    ]
    flagged += [
        f"💤 *{a.ref}* {esc(a.title, 100)} — " + t(lang, "status.quiet") for a in attention.quiet
    ]
    if flagged:
        items.append(Section(f"*{t(lang, 'status.attention')}*"))
        items.extend(u.d.lines(lang, flagged, "overdue", limit=10))
    if week_logs:
        recent = [log_line(u.d, plan, e) for e in week_logs]
        items.append(Section(f"*{t(lang, 'status.recent')}*\n" + "\n".join(recent)))
        if week_count > RECENT:
            # The digest preview lists every entry of the week.
            items.append(u.d.more(lang, week_count - RECENT, "digest preview"))
    notes = [schedule_line(u, plan)]
    if plan.delivery_error and me is not None and me.is_coordinator:
        notes.append("⚠️ " + _delivery_error(u, plan))
    items.append(Note("\n".join(notes)))
    fallback = t(lang, "status.title", name=esc(plan.name)) + "\n" + "\n".join(lines)
    return Reply(fallback, items, lang=lang, plan_id=plan.id)


def _delivery_error(u: Unit, plan: Plan) -> str:
    when: date | None = plan.delivery_error_at.date() if plan.delivery_error_at else None
    return t(
        plan.language,
        "status.delivery_error",
        error=esc(plan.delivery_error or ""),
        when=u.fmt(when) if when else "—",
    )


def _org_status(u: Unit, name: str) -> Reply:
    plan, tx, today = u.plan, u.tx, u.today
    org = tx.organisations.by_name(plan.id, name)
    if org is None:
        known = ", ".join(f"*{esc(o.name)}*" for o in tx.organisations.of_plan(plan.id))
        raise UserError(
            "error.status_target" if known else "error.no_orgs_yet",
            topic="status",
            name=esc(name, 80),
            known=known,
        )
    acts = [a for a in tx.activities.of_plan(plan.id) if a.owner_org_id == org.id]
    people = [m for m in tx.members.of_plan(plan.id) if m.organisation_id == org.id]
    logs = tx.logs.between(
        plan.id, today - timedelta(days=6), today, organisation_id=org.id, limit=RECENT
    )
    ids = {m.user_id for m in people}
    open_fus, late = tx.followups.open_counts(plan.id, late_if_due_before(today), ids)
    lang = plan.language
    title = f"{clip(org.name, 100)} — {t(lang, f'kind.{org.kind}')}"
    items: list[Item] = [Header(title)]
    items.append(
        Section(
            f"*{t(lang, 'org.people')}*: "
            + (", ".join(mention(m.user_id) for m in people) or t(lang, "org.nobody"))
        )
    )
    if acts:
        items.append(Section(f"*{t(lang, 'org.activities', n=len(acts))}*"))
        lines = [activity_line(u.d, plan, a, today) for a in acts]
        items.extend(u.d.lines(lang, lines, "activity list", 15))
    else:
        items.append(Section(t(lang, "org.no_activities")))
    if logs:
        recent = "\n".join(log_line(u.d, plan, e) for e in logs)
        items.append(Section(f"*{t(lang, 'status.recent')}*\n" + recent))
    items.append(Note(t(lang, "status.open_followups", n=open_fus, late=late)))
    fallback = f"{esc(org.name, 100)} — {t(lang, f'kind.{org.kind}')}"
    return Reply(fallback, items, lang=lang, plan_id=plan.id)


def run_overdue(u: Unit, cmd: Overdue) -> Reply:
    """Follow-ups and activities past their due dates."""
    plan, lang, today = u.plan, u.plan.language, u.today
    fus = u.tx.followups.open_due(plan.id, today - timedelta(days=1))
    acts = [a for a in u.tx.activities.of_plan(plan.id) if activity_late(a, today)]
    if not fus and not acts:
        text = t(lang, "overdue.none")
        return Reply(text, [Section("👍 " + text)], lang=lang)
    title = t(lang, "overdue.title", f=len(fus), a=len(acts))
    items: list[Item] = [Header(title)]
    if fus:
        items.append(Section(f"*{t(lang, 'overdue.followups')}*"))
        items.extend(cards(u, plan, fus, "overdue"))
    if acts:
        items.append(Section(f"*{t(lang, 'overdue.activities')}*"))
        lines = [activity_line(u.d, plan, a, today) for a in acts]
        items.extend(u.d.lines(lang, lines, "overdue"))
    return Reply(title, items, lang=lang, plan_id=plan.id)


declare_verb(Verb("status", words=("status",), parse=parse_status, sv="status"))
OVERDUE_WORDS = ("overdue", "försenat", "forsenat")
declare_verb(Verb("overdue", words=OVERDUE_WORDS, parse=parse_overdue, sv="försenat"))
declare(
    Command(
        Status,
        en="status",
        sv="status",
        access=Access.PLAN,
        writes=False,
        run=run_status,
        topic="status",
        examples=("status", "status A1", "status Polisen"),
    )
)
declare(
    Command(
        Overdue,
        en="overdue",
        sv="försenat",
        access=Access.PLAN,
        writes=False,
        run=run_overdue,
        topic="overdue",
        examples=("overdue", "försenat"),
    )
)
