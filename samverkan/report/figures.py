"""The follow-up report's figures (DESIGN §11): plain numbers of one plan over one period,
gathered in a read unit of work. Production, process and effect per cause and activity, the
situation picture per month, each organisation's contribution, what is still open."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from samverkan.indicators import Progress, progress
from samverkan.privacy import contains_identity_number
from samverkan.production import total
from samverkan.report.period import Period
from samverkan.rules import Attention, followup_late, needs_attention
from storage import Activity, FollowUp, LogEntry, Plan, Tx
from storage.log_models import Production

#: Entries shown per activity as the period's notable ones.
NOTABLE = 3
#: Places listed as hotspots.
HOTSPOTS = 5
_MENTION = re.compile(r"<@[A-Za-z0-9._\-]+(?:\|[^>]*)?>")
_LINK = re.compile(r"<(?:https?://|mailto:)[^|>]*\|([^>]*)>|<((?:https?://)[^>]*)>")
_SPECIAL = re.compile(r"<!(channel|here|everyone)(?:\|[^>]*)?>")


def plain(text: str, member: str = "(member)") -> str:
    """User text for a document: Slack markup made plain, mentions without the person, and
    never an identity number (stored text passed the guard; this is the second lock)."""
    text = _MENTION.sub(member, text)
    text = _LINK.sub(lambda m: m.group(1) or m.group(2), text)
    text = _SPECIAL.sub(lambda m: "@" + m.group(1), text)
    if contains_identity_number(text):
        return "[…]"
    return text


@dataclass(frozen=True)
class Change:
    """A status or assessment change of an activity within the period."""

    day: date
    field: str  # "status" or "rag"
    old: str | None
    new: str | None


@dataclass(frozen=True)
class ActivityFigures:
    """One activity over the period: production, process and effect."""

    activity: Activity
    status_start: str | None  # None: the activity did not exist yet
    status_end: str
    rag_start: str | None
    rag_end: str | None
    production: Production
    organisations: list[str]
    changes: list[Change]
    notable: list[LogEntry]
    indicators: list[Progress]


@dataclass(frozen=True)
class CauseFigures:
    """A cause (or none: ref None) and its activities."""

    ref: str | None
    text: str
    activities: list[ActivityFigures]


@dataclass(frozen=True)
class OrgFigures:
    """What one organisation contributed in the period."""

    name: str
    entries: int
    participants: int
    hours: float
    activities: int
    observations: int


@dataclass(frozen=True)
class Situation:
    """The situation picture over the period: observations per month by category, hotspots."""

    total: int
    months: list[date]
    #: category → count per month (in the order of `months`), the largest category first.
    by_month: dict[str, list[int]]
    #: (place, observations, of which high concern), the busiest first.
    hotspots: list[tuple[str, int, int]]


@dataclass
class Figures:
    """Everything the report says, as numbers and plain values."""

    plan: Plan
    period: Period
    today: date
    organisations: list[str]
    activities: int
    status_start: Counter[str]
    status_end: Counter[str]
    rag_start: Counter[str]
    rag_end: Counter[str]
    changes: int
    production: Production
    followups_done: int
    followups_on_time: int
    followups_assigned: int
    causes: list[CauseFigures]
    situation: Situation
    contributions: list[OrgFigures]
    open_followups: list[FollowUp]
    attention: Attention
    notes: list[str] = field(default_factory=list)


def _moment(day: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0), tzinfo=tz)


def _history(tx: Tx, plan: Plan, period: Period, tz: ZoneInfo) -> dict[str, list[tuple]]:
    """Per activity ref: its status and assessment changes from the period's start on, as
    (moment, field, old, new), oldest first."""
    far = _moment(date(9999, 12, 30), tz)
    events = tx.audit.between(plan.id, _moment(period.start, tz), far, "activity", "updated")
    out: dict[str, list[tuple]] = {}
    for e in events:
        for key in ("status", "rag"):
            if e.after and key in e.after:
                old = (e.before or {}).get(key)
                out.setdefault(e.ref, []).append((e.at, key, old, e.after[key]))
    return out


def _value_at(current: str | None, changes: list[tuple], key: str, moment: datetime) -> str | None:
    """A field's value at a moment: the old value of its first change after it, else now's."""
    for at, fld, old, _ in changes:
        if fld == key and at >= moment:
            return old
    return current


def _activity(
    tx: Tx,
    a: Activity,
    period: Period,
    tz: ZoneInfo,
    changes: list[tuple],
    rows: list[Production],
    entries: list[LogEntry],
) -> ActivityFigures:
    start, end = _moment(period.start, tz), _moment(period.end + timedelta(days=1), tz)
    existed = a.created_at < start
    mine = [r for r in rows if r.activity_id == a.id]
    notable = sorted(
        (e for e in entries if e.activity_id == a.id),
        key=lambda e: (e.participants or 0, e.hours or 0, e.happened_on, e.ref),
        reverse=True,
    )[:NOTABLE]
    indicators = [
        progress(i, tx.indicators.values(i.id, until=period.end))
        for i in tx.indicators.of_activity(a.id)
        if i.baseline_on <= period.end
    ]
    return ActivityFigures(
        activity=a,
        status_start=_value_at(a.status, changes, "status", start) if existed else None,
        status_end=_value_at(a.status, changes, "status", end) or a.status,
        rag_start=_value_at(a.rag, changes, "rag", start) if existed else None,
        rag_end=_value_at(a.rag, changes, "rag", end),
        production=total(mine),
        organisations=[r.organisation for r in mine if r.organisation],
        changes=[
            Change(at.astimezone(tz).date(), fld, old, new)
            for at, fld, old, new in changes
            if start <= at < end
        ],
        notable=notable,
        indicators=indicators,
    )


def _situation(tx: Tx, plan: Plan, period: Period) -> Situation:
    seen = [
        h for h in tx.observations.of_plan(plan.id) if period.start <= h.happened_on <= period.end
    ]
    months = period.months()
    index = {(m.year, m.month): n for n, m in enumerate(months)}
    by_month: dict[str, list[int]] = {}
    for h in seen:
        by_month.setdefault(h.category, [0] * len(months))[
            index[h.happened_on.year, h.happened_on.month]
        ] += 1
    ordered = dict(sorted(by_month.items(), key=lambda kv: (-sum(kv[1]), kv[0])))
    places = Counter(h.place for h in seen if h.place)
    high = Counter(h.place for h in seen if h.place and h.concern == "high")
    hotspots = sorted(places, key=lambda p: (-places[p], -high[p], p))[:HOTSPOTS]
    return Situation(len(seen), months, ordered, [(p, places[p], high[p]) for p in hotspots])


def gather(tx: Tx, plan: Plan, period: Period, today: date) -> Figures:
    """The report's figures for one plan and period."""
    tz = ZoneInfo(plan.timezone)
    end_moment = _moment(period.end + timedelta(days=1), tz)
    acts = [a for a in tx.activities.of_plan(plan.id) if a.created_at < end_moment]
    history = _history(tx, plan, period, tz)
    rows = tx.logs.production(plan.id, period.start, period.end)
    entries = tx.logs.between(plan.id, period.start, period.end)
    figures = {
        a.id: _activity(tx, a, period, tz, history.get(a.ref, []), rows, entries) for a in acts
    }
    causes = [
        CauseFigures(c.ref, c.text, [figures[a.id] for a in acts if a.cause_id == c.id])
        for c in tx.causes.of_plan(plan.id)
    ]
    causes = [c for c in causes if c.activities]
    loose = [figures[a.id] for a in acts if a.cause_id is None]
    if loose:
        causes.append(CauseFigures(None, "", loose))
    followups = tx.followups.of_plan(plan.id)
    closed = {f.id: f.done_at.astimezone(tz).date() for f in followups if f.done_at}
    done = [
        f
        for f in followups
        if f.status == "done" and f.id in closed and period.start <= closed[f.id] <= period.end
    ]
    on_time = [f for f in done if f.due_date is None or closed[f.id] <= f.due_date]
    assigned = [
        f for f in followups if period.start <= f.created_at.astimezone(tz).date() <= period.end
    ]
    open_now = sorted(
        (f for f in followups if f.status == "open"),
        key=lambda f: (not followup_late(f, today), f.due_date or date.max, f.ref),
    )
    observations = Counter(
        h.organisation
        for h in tx.observations.of_plan(plan.id)
        if h.organisation and period.start <= h.happened_on <= period.end
    )
    contributions = []
    for org in tx.organisations.of_plan(plan.id):
        mine = [r for r in rows if r.organisation == org.name]
        sums = total(mine)
        contributions.append(
            OrgFigures(
                org.name,
                sums.entries,
                sums.participants,
                sums.hours,
                len({r.activity_id for r in mine if r.activity_id is not None}),
                observations.get(org.name, 0),
            )
        )
    contributions.sort(key=lambda o: (-o.entries, -o.observations, o.name.casefold()))
    ongoing = [a for a in tx.activities.of_plan(plan.id)]
    return Figures(
        plan=plan,
        period=period,
        today=today,
        organisations=[o.name for o in tx.organisations.of_plan(plan.id)],
        activities=len(acts),
        status_start=Counter(f.status_start for f in figures.values() if f.status_start),
        status_end=Counter(f.status_end for f in figures.values()),
        rag_start=Counter(f.rag_start or "none" for f in figures.values() if f.status_start),
        rag_end=Counter(f.rag_end or "none" for f in figures.values()),
        changes=sum(len(f.changes) for f in figures.values()),
        production=total(rows),
        followups_done=len(done),
        followups_on_time=len(on_time),
        followups_assigned=len(assigned),
        causes=causes,
        situation=_situation(tx, plan, period),
        contributions=contributions,
        open_followups=open_now,
        attention=needs_attention(ongoing, tx.logs.last_logged(plan.id), today, tz),
    )
