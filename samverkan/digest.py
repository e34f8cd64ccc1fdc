"""The weekly digest (DESIGN §4): the paper for the group's weekly meeting.

Which days a digest covers
--------------------------
A digest reports one *period* of at most seven days, in the plan's own timezone:

* On the plan's digest weekday (Monday by default, and Monday when the digest is off) it covers
  the seven days that just ended, up to and including yesterday. The default Monday 08:00
  digest therefore reports Monday–Sunday of the ISO week that just ended (posted on Monday
  2027-01-04 it reports ISO week 2026-W53, 28 Dec 2026 – 3 Jan 2027), and a Thursday digest
  reports Thursday–Wednesday. Digests on the same weekday tile time without gaps or overlaps:
  what is logged on the digest day itself, before or after it goes out, is in the next one.
* On any other day (a `digest preview` or `digest now` on a Wednesday) it covers the period in
  progress: from the last digest weekday up to and including today, "this week so far".

The header names the ISO week(s) and the dates of the period. A scheduled digest is built with
`period_of` set to its scheduled moment, so a digest caught up on Tuesday (the bot was down on
Monday) still reports the week that ended on Sunday. What is due, overdue or quiet is always
judged on the day the digest is built. The exactly-once key of a scheduled digest is the ISO
week of its scheduled moment (see `schedules.digest_job`), not the period it reports.

What it says, in the plan's language: the header; activities by status and assessment with
what changed in the period (status and assessment changes from the audit trail, new
activities); what was logged, grouped by activity with the organisations that did it;
follow-ups (overdue by up to a week, due in the next 7 days, completed in the period); what
needs attention (red, past due, active with nothing logged for 4 weeks, follow-ups overdue by
more than a week with who assigned them); and how to act. Every list is capped and ends with
"…and N more: `<command>`", so the message stays within Block Kit's limits for any plan.
The first ACTION_LIMIT overdue and due-soon follow-ups are compact `FollowUpCard`s (one line
with a Done / Snooze menu, one block each), so the group can act on them in the digest itself.
User text is escaped; nothing notifies the whole channel.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from babel.dates import format_interval

from samverkan.dates import babel_locale, format_date, iso_week
from samverkan.i18n import t
from samverkan.reply import Divider, FollowUpCard, Header, Note, Reply, Section
from samverkan.service import (
    RAG_ICONS,
    STATUS_ICONS,
    activity_summary,
    clip,
    esc,
    mention,
)
from samverkan.timing import digest_due_in_week
from storage import Activity, FollowUp, LogEntry, Plan, Store, Tx

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
#: A follow-up overdue by more than this many days moves to "needs attention".
LONG_OVERDUE_DAYS = 7
#: An active activity with nothing logged for this many days is "quiet".
QUIET_DAYS = 28
#: Follow-ups due within this many days from today (today included) are "due soon".
DUE_SOON_DAYS = 7
#: Characters of mrkdwn per section; Slack's limit is 3000.
SECTION_CHARS = 2900

OPEN_STATES = ("planned", "active", "paused")


@dataclass(frozen=True)
class Change:
    """A status or assessment change of one activity in the period (first before, last after)."""

    ref: str
    title: str
    field: str  # "status" or "rag"
    old: str | None
    new: str | None


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
    logs: list[LogEntry]
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


def digest_period(plan: Plan, day: date) -> tuple[date, date]:
    """The first and last day a digest built on `day` (plan-local) reports."""
    weekday = plan.digest_weekday if plan.digest_weekday is not None else 0
    if day.weekday() == weekday:
        return day - timedelta(days=7), day - timedelta(days=1)
    return day - timedelta(days=(day.weekday() - weekday) % 7), day


def select(tx: Tx, plan: Plan, now: datetime, period_of: datetime | None = None) -> DigestData:
    """Gather what the digest of a plan reports, as of `now`."""
    tz = ZoneInfo(plan.timezone)
    today = now.astimezone(tz).date()
    start, end = digest_period(plan, (period_of or now).astimezone(tz).date())
    since = datetime.combine(start, time(0), tzinfo=tz)
    until = datetime.combine(end + timedelta(days=1), time(0), tzinfo=tz)

    activities = tx.activities.of_plan(plan.id)
    by_ref = {a.ref: a for a in activities}
    new = [a for a in activities if since <= a.created_at < until]
    new_refs = {a.ref for a in new}
    changes = _changes(tx, plan, since, until, by_ref, new_refs)

    logs = tx.logs.between(plan.id, start, end)
    open_fus = tx.followups.of_plan(plan.id, "open")
    late_fus = [f for f in open_fus if f.due_date and f.due_date < today]
    overdue = [f for f in late_fus if (today - f.due_date).days <= LONG_OVERDUE_DAYS]  # type: ignore[operator]
    long_overdue = [f for f in late_fus if (today - f.due_date).days > LONG_OVERDUE_DAYS]  # type: ignore[operator]
    horizon = today + timedelta(days=DUE_SOON_DAYS - 1)
    due_soon = [f for f in open_fus if f.due_date and today <= f.due_date <= horizon]
    completed = [
        f
        for f in tx.followups.of_plan(plan.id, "done")
        if f.done_at is not None and since <= f.done_at < until
    ]
    completed.sort(key=lambda f: f.done_at or since)

    last = tx.logs.last_logged(plan.id)
    ongoing = [a for a in activities if a.status in OPEN_STATES]
    # Each activity is listed once under "needs attention": red, else past due, else quiet.
    red = [a for a in ongoing if a.rag == "red"]
    late = [a for a in ongoing if a.due_date and a.due_date < today and a.rag != "red"]
    late_ids = {a.id for a in late}
    quiet_before = today - timedelta(days=QUIET_DAYS)
    quiet = [
        a
        for a in ongoing
        if a.status == "active"
        and a.rag != "red"
        and a.id not in late_ids
        and (last.get(a.id) or a.start_date or a.created_at.astimezone(tz).date()) < quiet_before
    ]
    return DigestData(
        plan=plan,
        today=today,
        start=start,
        end=end,
        activities=activities,
        new=new,
        changes=changes,
        logs=logs,
        overdue=overdue,
        long_overdue=long_overdue,
        due_soon=due_soon,
        completed=completed,
        red=red,
        late=late,
        quiet=quiet,
        last_logged=last,
    )


def _changes(
    tx: Tx,
    plan: Plan,
    since: datetime,
    until: datetime,
    by_ref: dict[str, Activity],
    new_refs: set[str],
) -> list[Change]:
    """Status and assessment changes of the period, one per activity and field."""
    first: dict[tuple[str, str], object] = {}
    last: dict[tuple[str, str], object] = {}
    for e in tx.audit.between(plan.id, since, until, entity="activity"):
        if e.action != "updated" or e.ref in new_refs or e.ref not in by_ref:
            continue
        before, after = e.before or {}, e.after or {}
        for field in ("status", "rag"):
            if field in after:
                first.setdefault((e.ref, field), before.get(field))
                last[(e.ref, field)] = after[field]
    changes = [
        Change(ref, by_ref[ref].title, field, first[(ref, field)], new)  # type: ignore[arg-type]
        for (ref, field), new in last.items()
        if first[(ref, field)] != new
    ]
    # Worse news first: a change to red, then by activity number.
    changes.sort(key=lambda c: (c.new != "red", int(c.ref[1:]), c.field))
    return changes


def build_digest(
    tx: Tx, plan: Plan, now: datetime, command: str, *, period_of: datetime | None = None
) -> Reply:
    """Build the digest of a plan as of `now` (see the module docstring for its period)."""
    return render(select(tx, plan, now, period_of), command)


def record_manual_digest(store: Store, plan_id: int, now: datetime, ts: str) -> bool:
    """Count a digest posted by hand (`digest now`, message `ts`) as this week's scheduled one
    when that is still to come later today; True when it was recorded so.

    One digest per plan and ISO week (DESIGN §4): a coordinator who posts it at 07:55 on a
    Monday does not want the 08:00 one as well, so the week's row is claimed as `sent` and the
    scheduled run skips it (`schedules.digest_job`). Posted on any other day, or after the
    moment, it is an extra post that records nothing: the scheduled digest still goes out.
    """
    with store.write() as tx:
        plan = tx.plans.get(plan_id)
        due = digest_due_in_week(plan, now) if plan is not None else None
        if plan is None or due is None:
            return False
        local = now.astimezone(ZoneInfo(plan.timezone))
        if not (local < due and local.date() == due.date()):
            return False
        year, week = iso_week(due.date())
        if not tx.digests.claim(plan_id, year, week, plan.channel_id):
            return False  # the scheduled one is already under way or out
        row = tx.digests.get(plan_id, year, week)
        assert row is not None
        tx.digests.update(row.id, state="sent", message_ts=ts, sent_at=now, error=None)
        return True


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


def more_line(lang: str, n: int, command: str) -> str:
    """ "…and N more: `<command>`", the last line of a capped list."""
    return t(lang, "list.more", n=n, command=f"`{command}`")


def _pack(title: str, lines: list[str]) -> list[Section]:
    """A titled list as sections within Slack's section limit."""
    sections: list[Section] = []
    chunk = [title] if title else []
    size = len(title)
    for line in lines:
        if chunk and size + 1 + len(line) > SECTION_CHARS:
            sections.append(Section("\n".join(chunk)))
            chunk, size = [], 0
        chunk.append(line)
        size += len(line) + 1
    if chunk:
        sections.append(Section("\n".join(chunk)))
    return sections


def _capped(lines: list[str], limit: int, lang: str, command: str) -> list[str]:
    if len(lines) <= limit:
        return lines
    return [*lines[:limit], more_line(lang, len(lines) - limit, command)]


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
        logs=len(d.logs),
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
        for a in d.new
    ]
    for c in d.changes:
        if c.field == "status":
            icon = STATUS_ICONS.get(str(c.new), "")
            old, new = _status_name(lang, c.old), _status_name(lang, c.new)
        else:
            icon = RAG_ICONS.get(c.new, "")  # type: ignore[call-overload]
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
    if not lines:
        items.append(Section(f"{head}\n{t(lang, 'digest.no_changes')}"))
    else:
        items.extend(_pack(head, _capped(lines, CHANGE_LIMIT, lang, f"{command} activity list")))
    return items


def _log_part(d: DigestData, command: str) -> list:
    lang = d.plan.language
    if not d.logs:
        return [
            Section(
                f"*{t(lang, 'digest.logged_title')}*\n" + t(lang, "digest.logged_none", cmd=command)
            )
        ]
    orgs = {e.organisation for e in d.logs if e.organisation}
    head = f"*{t(lang, 'digest.logged_title')}* — " + t(
        lang, "digest.logged_count", n=len(d.logs), orgs=len(orgs)
    )
    groups: dict[int | None, list[LogEntry]] = {}
    for e in d.logs:  # newest first
        groups.setdefault(e.activity_id, []).append(e)
    # The busiest activities first, entries without an activity last.
    order = sorted(
        groups,
        key=lambda k: (k is None, -len(groups[k]), int((groups[k][0].activity_ref or "A0")[1:])),
    )
    lines: list[str] = []
    for key in order[:LOG_GROUP_LIMIT]:
        entries = groups[key]
        first = entries[0]
        who = Counter(e.organisation for e in entries if e.organisation)
        orgs_part = ", ".join(f"{esc(o, 60)} {n}" for o, n in who.most_common(4))
        if len(who) > 4:
            orgs_part += ", …"
        count = t(
            lang, "digest.entries_one" if len(entries) == 1 else "digest.entries", n=len(entries)
        )
        if key is None:
            name = f"*{t(lang, 'digest.no_activity')}*"
            more_cmd = f"{command} search <words>"
        else:
            name = f"*{first.activity_ref}* {esc(first.activity_title or '', 80)}"
            more_cmd = f"{command} activity {first.activity_ref}"
        # Which organisations, when more than one did something here (each line names its own).
        if len(who) > 1:
            count += f" ({orgs_part})"
        lines.append(f"{name} — {count}")
        for e in entries[:LOG_ENTRY_LIMIT]:
            source = esc(e.organisation, 60) if e.organisation else mention(e.user_id)
            lines.append(f"    • {_fmt(d, e.happened_on)} {source}: {esc(e.text, 160)}")
        if len(entries) > LOG_ENTRY_LIMIT:
            lines.append("    " + more_line(lang, len(entries) - LOG_ENTRY_LIMIT, more_cmd))
    if len(order) > LOG_GROUP_LIMIT:
        hidden = sum(len(groups[k]) for k in order[LOG_GROUP_LIMIT:])
        lines.append(more_line(lang, hidden, f"{command} activity list"))
    return list(_pack(head, lines))


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
        items.extend(_pack("", lines))
        lines.clear()

    def listed(rows: list[tuple[FollowUp, str]], more_cmd: str) -> None:
        nonlocal budget
        shown = rows[:FOLLOWUP_LIMIT]
        cards = shown[:budget]
        budget -= len(cards)
        if cards:
            flush()
            items.extend(FollowUpCard(d.plan.id, f.ref, line, compact=True) for f, line in cards)
        lines.extend(line for _, line in shown[len(cards) :])
        if len(rows) > len(shown):
            lines.append(more_line(lang, len(rows) - len(shown), more_cmd))

    if d.overdue:
        lines.append(f"*{t(lang, 'digest.overdue', n=len(d.overdue))}*")
        ordered = sorted(d.overdue, key=lambda f: (f.due_date, int(f.ref[1:])))
        listed(
            [
                (
                    f,
                    _followup_line(
                        d,
                        "digest.overdue_line",
                        f,
                        user=mention(f.assignee),
                        days=(d.today - f.due_date).days,  # type: ignore[operator]
                    ),
                )
                for f in ordered
            ],
            f"{command} overdue",
        )
    if d.long_overdue:
        lines.append(t(lang, "digest.overdue_elsewhere", n=len(d.long_overdue)))
    if d.due_soon:
        lines.append(f"*{t(lang, 'digest.due_soon', n=len(d.due_soon))}*")
        listed(
            [
                (
                    f,
                    _followup_line(
                        d,
                        "digest.due_today_line"
                        if f.due_date == d.today
                        else "digest.due_soon_line",
                        f,
                        user=mention(f.assignee),
                        due=_fmt(d, f.due_date),  # type: ignore[arg-type]
                    ),
                )
                for f in d.due_soon
            ],
            f"{command} mine",
        )
    if d.completed:
        lines.append(f"*{t(lang, 'digest.completed', n=len(d.completed))}*")
        rows = [
            _followup_line(d, "digest.completed_line", f, user=mention(f.done_by or f.assignee))
            for f in d.completed
        ]
        lines.extend(_capped(rows, COMPLETED_LIMIT, lang, f"{command} history <F#>"))
    flush()
    return items


def _attention_part(d: DigestData, command: str) -> list:
    lang = d.plan.language

    def owner(a: Activity) -> str:
        return t(lang, "digest.owner_part", owner=esc(a.owner, 60)) if a.owner else ""

    lines = [
        t(lang, "digest.attention_red", ref=a.ref, title=esc(a.title, 80), owner=owner(a))
        for a in d.red
    ]
    lines += [
        t(
            lang,
            "digest.attention_late",
            ref=a.ref,
            title=esc(a.title, 80),
            due=_fmt(d, a.due_date),  # type: ignore[arg-type]
            owner=owner(a),
        )
        for a in sorted(d.late, key=lambda a: (a.due_date, a.id))
    ]
    for a in d.quiet:
        last = d.last_logged.get(a.id)
        key = "digest.attention_quiet" if last else "digest.attention_quiet_never"
        lines.append(
            t(
                lang,
                key,
                ref=a.ref,
                title=esc(a.title, 80),
                last=_fmt(d, last) if last else "",
                owner=owner(a),
            )
        )
    lines += [
        _followup_line(
            d,
            "digest.attention_followup",
            f,
            user=mention(f.assignee),
            days=(d.today - f.due_date).days,  # type: ignore[operator]
            by=mention(f.assigned_by),
        )
        for f in sorted(d.long_overdue, key=lambda f: (f.due_date, int(f.ref[1:])))
    ]
    head = f"*{t(lang, 'digest.attention')}*"
    if not lines:
        return [Section(f"{head}\n{t(lang, 'digest.attention_none')}")]
    return list(_pack(head, _capped(lines, ATTENTION_LIMIT, lang, f"{command} overdue")))
