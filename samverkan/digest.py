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

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from samverkan.dates import iso_week
from samverkan.digest_log import PeriodLog
from samverkan.digest_text import Change, DigestData, render
from samverkan.reply import Reply
from samverkan.rules import LONG_OVERDUE_DAYS, days_late, followup_late, needs_attention
from samverkan.situation import week_of
from samverkan.situation_view import gather
from samverkan.timing import digest_due_in_week
from storage import Activity, Plan, Store, Tx

#: Follow-ups due within this many days from today (today included) are "due soon".
DUE_SOON_DAYS = 7


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

    # Every entry of the week: the digest lists them while its blocks have room (digest_log).
    log = PeriodLog.read(tx, plan.id, start, end)
    open_fus = tx.followups.of_plan(plan.id, "open")
    late_fus = [f for f in open_fus if followup_late(f, today)]
    overdue = [f for f in late_fus if days_late(f, today) <= LONG_OVERDUE_DAYS]
    long_overdue = [f for f in late_fus if days_late(f, today) > LONG_OVERDUE_DAYS]
    horizon = today + timedelta(days=DUE_SOON_DAYS - 1)
    due_soon = [f for f in open_fus if f.due_date and today <= f.due_date <= horizon]
    completed = tx.followups.done_between(plan.id, since, until)

    last = tx.logs.last_logged(plan.id)
    attention = needs_attention(activities, last, today, tz)
    return DigestData(
        plan=plan,
        today=today,
        start=start,
        end=end,
        activities=activities,
        new=new,
        changes=changes,
        log=log,
        overdue=overdue,
        long_overdue=long_overdue,
        due_soon=due_soon,
        completed=completed,
        red=attention.red,
        late=attention.late,
        quiet=attention.quiet,
        last_logged=last,
        picture=gather(tx, plan, week_of(end), today),
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
    for e in tx.audit.between(plan.id, since, until, entity="activity", action="updated"):
        if e.ref in new_refs or e.ref not in by_ref:
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
