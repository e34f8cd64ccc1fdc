"""The weekly digest put into words (DESIGN §4): what `samverkan.digest.select` gathered."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from babel.dates import format_interval

from samverkan.dates import babel_locale, format_date, iso_week
from samverkan.i18n import t
from samverkan.reply import Divider, FollowUpCard, Header, Note, Reply, Section
from samverkan.rules import days_late
from samverkan.text import (
    RAG_ICONS,
    STATUS_ICONS,
    activity_summary,
    clip,
    esc,
    mention,
    more_text,
    pack_lines,
)
from storage import Activity, FollowUp, LogEntry, LogGroup, Plan


@dataclass(frozen=True)
class Change:
    """A status or assessment change of one activity in the period (first before, last after)."""

    ref: str
    title: str
    field: str  # "status" or "rag"
    old: str | None
    new: str | None


@dataclass(frozen=True)
class ShownGroup:
    """One activity's (or no activity's) entries of the period as the digest shows them."""

    group: LogGroup
    newest: list[LogEntry]  # the first LOG_ENTRY_LIMIT, newest first
    organisations: list[tuple[str, int]]  # the busiest few, when more than one logged here


@dataclass(frozen=True)
class LogPart:
    """The period's log, counted in storage: totals, the groups shown, the entries not shown."""

    entries: int
    organisations: int
    groups: list[ShownGroup]
    hidden: int


@dataclass(frozen=True)
class DigestData:
    """What one digest reports, before it is put into words."""

    plan: Plan
    today: date
    start: date
    end: date
    activities: list[Activity]
    new: list[Activity]
    changes: list[Change]
    log: LogPart
    overdue: list[FollowUp]
    long_overdue: list[FollowUp]
    due_soon: list[FollowUp]
    completed: list[FollowUp]
    red: list[Activity]
    late: list[Activity]
    quiet: list[Activity]
    last_logged: dict[int, date]

    @property
    def attention_count(self) -> int:
        """How many activities and follow-ups need attention."""
        return len({a.id for a in self.red + self.late + self.quiet}) + len(self.long_overdue)


#: Lines per list before "…and N more".
CHANGE_LIMIT = 8
LOG_GROUP_LIMIT = 8
LOG_ENTRY_LIMIT = 3
FOLLOWUP_LIMIT = 8
#: Overdue and due-soon follow-ups shown with a Done / Snooze menu (one block each); the others
#: of the lists are plain lines.
ACTION_LIMIT = 10
COMPLETED_LIMIT = 6
ATTENTION_LIMIT = 10


# -- words -------------------------------------------------------------------------------------


def weeks_label(lang: str, start: date, end: date) -> str:
    """ "week 48", or "weeks 47–48" for a period across two ISO weeks."""
    first, last = iso_week(start)[1], iso_week(end)[1]
    if first == last:
        return t(lang, "digest.week", week=first)
    return t(lang, "digest.weeks", first=first, last=last)


def date_range(lang: str, start: date, end: date) -> str:
    """ "23–29 Nov 2026" in the plan's language."""
    text = format_interval(start, end, "yMMMd", locale=babel_locale(lang))
    # CLDR puts thin spaces around the dash; plain ones read the same everywhere.
    return text.replace("\u2009", " ").replace("\u202f", " ")


def render(d: DigestData, command: str) -> Reply:
    """Put a digest into words: Header/Section/Fields/Note items and a plain fallback."""
    plan, lang = d.plan, d.plan.language
    weeks = weeks_label(lang, d.start, d.end)
    span = date_range(lang, d.start, d.end)
    title = t(lang, "digest.title", name=clip(plan.name, 100), weeks=weeks)
    sub = [t(lang, "digest.subtitle", range=span)]
    if plan.area:
        sub.append(esc(plan.area, 120))
    items: list = [Header(title), Note(" · ".join(sub))]
    items.extend(_activities_part(d, command))
    items.append(Divider())
    items.extend(_log_part(d, command))
    items.append(Divider())
    items.extend(_followups_part(d, command))
    items.append(Divider())
    items.extend(_attention_part(d, command))
    items.append(Note(t(lang, "digest.act", cmd=command)))
    fallback = t(
        lang,
        "digest.fallback",
        name=esc(clip(plan.name, 200)),
        weeks=weeks,
        range=span,
        logs=d.log.entries,
        overdue=len(d.overdue) + len(d.long_overdue),
        attention=d.attention_count,
    )
    return Reply(fallback, items, lang=lang, plan_id=plan.id)


def _fmt(d: DigestData, day: date) -> str:
    return format_date(day, d.plan.language, d.today)


def _status_name(lang: str, value: object) -> str:
    return t(lang, f"status.{value}") if value else "—"


def _rag_name(lang: str, value: object) -> str:
    return t(lang, f"rag.{value}") if value else t(lang, "rag.none")


def _activities_part(d: DigestData, command: str) -> list:
    lang = d.plan.language
    items: list = [
        activity_summary(lang, d.activities, t(lang, "digest.activities", n=len(d.activities)))
    ]
    lines = [
        t(
            lang,
            "digest.new_activity",
            ref=a.ref,
            title=esc(a.title, 80),
            status=_status_name(lang, a.status),
            rag=_rag_name(lang, a.rag),
        )
        for a in d.new[:CHANGE_LIMIT]
    ]
    # Only the lines shown are worded; the rest are counted.
    for c in d.changes[: max(CHANGE_LIMIT - len(lines), 0)]:
        if c.field == "status":
            icon = STATUS_ICONS.get(str(c.new), "")
            old, new = _status_name(lang, c.old), _status_name(lang, c.new)
        else:
            icon = RAG_ICONS.get(c.new, "")
            old, new = _rag_name(lang, c.old), _rag_name(lang, c.new)
        lines.append(
            t(
                lang,
                f"digest.change_{c.field}",
                icon=icon,
                ref=c.ref,
                title=esc(c.title, 80),
                old=old,
                new=new,
            )
        )
    head = f"*{t(lang, 'digest.changes')}*"
    hidden = len(d.new) + len(d.changes) - len(lines)
    if hidden:
        lines.append(more_text(lang, hidden, command, "activity list"))
    if not lines:
        items.append(Section(f"{head}\n{t(lang, 'digest.no_changes')}"))
    else:
        items.extend(pack_lines(lines, head))
    return items


def _log_part(d: DigestData, command: str) -> list:
    lang = d.plan.language
    log = d.log
    if not log.entries:
        return [
            Section(
                f"*{t(lang, 'digest.logged_title')}*\n" + t(lang, "digest.logged_none", cmd=command)
            )
        ]
    head = f"*{t(lang, 'digest.logged_title')}* — " + t(
        lang, "digest.logged_count", n=log.entries, orgs=log.organisations
    )
    lines: list[str] = []
    for shown in log.groups:  # the busiest activities first, entries without one last
        g = shown.group
        orgs_part = ", ".join(f"{esc(o, 60)} {n}" for o, n in shown.organisations[:4])
        if g.organisations > 4:
            orgs_part += ", …"
        key = "digest.entries_one" if g.entries == 1 else "digest.entries"
        count = t(lang, key, n=g.entries)
        if g.activity_id is None:
            name = f"*{t(lang, 'digest.no_activity')}*"
            more_cmd = "search <words>"
        else:
            name = f"*{g.activity_ref}* {esc(g.activity_title or '', 80)}"
            more_cmd = f"activity {g.activity_ref}"
        # Which organisations, when more than one did something here (each line names its own).
        if g.organisations > 1:
            count += f" ({orgs_part})"
        lines.append(f"{name} — {count}")
        for e in shown.newest:
            source = esc(e.organisation, 60) if e.organisation else mention(e.user_id)
            lines.append(f"    • {_fmt(d, e.happened_on)} {source}: {esc(e.text, 160)}")
        if g.entries > LOG_ENTRY_LIMIT:
            lines.append("    " + more_text(lang, g.entries - LOG_ENTRY_LIMIT, command, more_cmd))
    if log.hidden:
        lines.append(more_text(lang, log.hidden, command, "activity list"))
    return list(pack_lines(lines, head))


def _followup_line(d: DigestData, key: str, f: FollowUp, **values: object) -> str:
    lang = d.plan.language
    activity = f" · *{f.activity_ref}*" if f.activity_ref else ""
    return t(lang, key, ref=f.ref, text=esc(f.text, 120), **values) + activity


def _followups_part(d: DigestData, command: str) -> list:
    """Overdue and due-soon follow-ups, the first ACTION_LIMIT of them with a menu to act on
    them in the message itself, then what was completed."""
    lang = d.plan.language
    head = f"*{t(lang, 'digest.followups')}*"
    if not (d.overdue or d.long_overdue or d.due_soon or d.completed):
        return [Section(f"{head}\n{t(lang, 'digest.followups_none')}")]
    items: list = []
    lines: list[str] = [head]  # waiting to be packed into sections
    budget = ACTION_LIMIT

    def flush() -> None:
        items.extend(pack_lines(lines))
        lines.clear()

    def listed(fus: list[FollowUp], line: Callable[[FollowUp], str], more_cmd: str) -> None:
        # Only the lines shown are worded (dates formatted); the rest are counted.
        nonlocal budget
        shown = [(f, line(f)) for f in fus[:FOLLOWUP_LIMIT]]
        cards = shown[:budget]
        budget -= len(cards)
        if cards:
            flush()
            items.extend(FollowUpCard(d.plan.id, f.ref, line, compact=True) for f, line in cards)
        lines.extend(line for _, line in shown[len(cards) :])
        if len(fus) > len(shown):
            lines.append(more_text(lang, len(fus) - len(shown), command, more_cmd))

    if d.overdue:
        lines.append(f"*{t(lang, 'digest.overdue', n=len(d.overdue))}*")
        ordered = sorted(d.overdue, key=lambda f: (f.due_date, int(f.ref[1:])))
        listed(
            ordered,
            lambda f: _followup_line(
                d, "digest.overdue_line", f, user=mention(f.assignee), days=days_late(f, d.today)
            ),
            "overdue",
        )
    if d.long_overdue:
        lines.append(t(lang, "digest.overdue_elsewhere", n=len(d.long_overdue)))
    if d.due_soon:
        lines.append(f"*{t(lang, 'digest.due_soon', n=len(d.due_soon))}*")
        listed(
            d.due_soon,
            lambda f: _followup_line(
                d,
                "digest.due_today_line" if f.due_date == d.today else "digest.due_soon_line",
                f,
                user=mention(f.assignee),
                due=_fmt(d, f.due_date),  # type: ignore[arg-type]
            ),
            "mine",
        )
    if d.completed:
        lines.append(f"*{t(lang, 'digest.completed', n=len(d.completed))}*")
        done = [
            _followup_line(d, "digest.completed_line", f, user=mention(f.done_by or f.assignee))
            for f in d.completed[:COMPLETED_LIMIT]
        ]
        if len(d.completed) > COMPLETED_LIMIT:
            done.append(
                more_text(lang, len(d.completed) - COMPLETED_LIMIT, command, "history <F#>")
            )
        lines.extend(done)
    flush()
    return items


def _attention_part(d: DigestData, command: str) -> list:
    lang = d.plan.language

    def owner(a: Activity) -> str:
        return t(lang, "digest.owner_part", owner=esc(a.owner, 60)) if a.owner else ""

    def red(a: Activity) -> str:
        return t(lang, "digest.attention_red", ref=a.ref, title=esc(a.title, 80), owner=owner(a))

    def late(a: Activity) -> str:
        due = _fmt(d, a.due_date)  # type: ignore[arg-type]
        title = esc(a.title, 80)
        return t(lang, "digest.attention_late", ref=a.ref, title=title, due=due, owner=owner(a))

    def quiet(a: Activity) -> str:
        last = d.last_logged.get(a.id)
        key = "digest.attention_quiet" if last else "digest.attention_quiet_never"
        when = _fmt(d, last) if last else ""
        return t(lang, key, ref=a.ref, title=esc(a.title, 80), last=when, owner=owner(a))

    def overdue(f: FollowUp) -> str:
        return _followup_line(
            d,
            "digest.attention_followup",
            f,
            user=mention(f.assignee),
            days=days_late(f, d.today),
            by=mention(f.assigned_by),
        )

    # What needs attention, in order; only the lines shown are worded (dates formatted).
    rows: list[tuple[Callable, object]] = [(red, a) for a in d.red]
    rows += [(late, a) for a in sorted(d.late, key=lambda a: (a.due_date, a.id))]
    rows += [(quiet, a) for a in d.quiet]
    rows += [
        (overdue, f) for f in sorted(d.long_overdue, key=lambda f: (f.due_date, int(f.ref[1:])))
    ]
    head = f"*{t(lang, 'digest.attention')}*"
    if not rows:
        return [Section(f"{head}\n{t(lang, 'digest.attention_none')}")]
    lines = [word(item) for word, item in rows[:ATTENTION_LIMIT]]
    if len(rows) > ATTENTION_LIMIT:
        lines.append(more_text(lang, len(rows) - ATTENTION_LIMIT, command, "overdue"))
    return list(pack_lines(lines, head))
