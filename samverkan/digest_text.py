"""The weekly digest put into words (DESIGN §4): what `samverkan.digest.select` gathered."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from babel.dates import format_interval

from samverkan.dates import babel_locale, format_date, iso_week
from samverkan.digest_log import LOG_SECTIONS, PeriodLog, log_part
from samverkan.i18n import t
from samverkan.reply import Divider, FollowUpCard, Header, Note, Reply, Section
from samverkan.rules import days_late
from samverkan.situation_view import Picture, merged, render_picture
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
from storage import Activity, FollowUp, Plan


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
    #: The period's log, read as the digest shows it (samverkan.digest_log).
    log: PeriodLog
    overdue: list[FollowUp]
    long_overdue: list[FollowUp]
    due_soon: list[FollowUp]
    completed: list[FollowUp]
    red: list[Activity]
    late: list[Activity]
    quiet: list[Activity]
    last_logged: dict[int, date]
    #: The situation picture of the week the digest reports (None: not gathered).
    picture: Picture | None = None

    @property
    def attention_count(self) -> int:
        """How many activities and follow-ups need attention."""
        return len({a.id for a in self.red + self.late + self.quiet}) + len(self.long_overdue)


#: Slack's blocks per message, and the sections of observations the digest's picture shows.
MESSAGE_BLOCKS = 50
PICTURE_SECTIONS = 1
#: Lines per list before "…and N more".
CHANGE_LIMIT = 8
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


def _capped(lines: list[str], limit: int, lang: str, root: str, command: str) -> list[str]:
    if len(lines) <= limit:
        return lines
    return [*lines[:limit], more_text(lang, len(lines) - limit, root, command)]


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
    if d.picture is not None:
        picture, _ = render_picture(d.picture, command, sections=PICTURE_SECTIONS, heading=False)
        items.extend(merged(picture))
        items.append(Divider())
    rest: list = [Divider()]
    rest.extend(_followups_part(d, command))
    rest.append(Divider())
    rest.extend(_attention_part(d, command))
    rest.append(Note(t(lang, "digest.act", cmd=command)))
    # The log takes the room the other parts leave (one block per item), up to LOG_SECTIONS.
    room = MESSAGE_BLOCKS - len(items) - len(rest)
    items.extend(log_part(d, command, min(LOG_SECTIONS, room)))
    items.extend(rest)
    fallback = t(
        lang,
        "digest.fallback",
        name=esc(clip(plan.name, 200)),
        weeks=weeks,
        range=span,
        logs=d.log.summary.entries,
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
    if not lines:
        items.append(Section(f"{head}\n{t(lang, 'digest.no_changes')}"))
    else:
        items.extend(pack_lines(_capped(lines, CHANGE_LIMIT, lang, command, "activity list"), head))
    return items


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
            lines.append(more_text(lang, len(rows) - len(shown), command, more_cmd))

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
                        days=days_late(f, d.today),
                    ),
                )
                for f in ordered
            ],
            "overdue",
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
            "mine",
        )
    if d.completed:
        lines.append(f"*{t(lang, 'digest.completed', n=len(d.completed))}*")
        rows = [
            _followup_line(d, "digest.completed_line", f, user=mention(f.done_by or f.assignee))
            for f in d.completed
        ]
        lines.extend(_capped(rows, COMPLETED_LIMIT, lang, command, "history <F#>"))
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
            days=days_late(f, d.today),
            by=mention(f.assigned_by),
        )
        for f in sorted(d.long_overdue, key=lambda f: (f.due_date, int(f.ref[1:])))
    ]
    head = f"*{t(lang, 'digest.attention')}*"
    if not lines:
        return [Section(f"{head}\n{t(lang, 'digest.attention_none')}")]
    return list(pack_lines(_capped(lines, ATTENTION_LIMIT, lang, command, "overdue"), head))
