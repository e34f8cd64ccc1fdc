"""How one activity, log entry or follow-up reads in a list, for every command that lists them."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from samverkan.dates import format_date, format_weekday
from samverkan.domain import Domain, Unit
from samverkan.i18n import t
from samverkan.production import production_text
from samverkan.reply import FollowUpCard, Item
from samverkan.rules import activity_late, days_late, may_act_on_followup
from samverkan.text import CARD_LIMIT, RAG_ICONS, esc, mention, permalink_or_none
from samverkan.timing import next_digest_at
from storage import Activity, FollowUp, LogEntry, Plan

#: Digest rows in these states mean the week's digest will not go out (any more).
WEEK_DONE = ("sent", "failed")


def activity_line(d: Domain, plan: Plan, a: Activity, today: date) -> str:
    """One activity: assessment, ref, title, status, owner and due date (⏰ when late)."""
    lang = plan.language
    parts = [t(lang, f"status.{a.status}")]
    if a.owner:
        parts.append(esc(a.owner))
    if a.due_date:
        parts.append(
            ("⏰ " if activity_late(a, today) else "")
            + t(lang, "activity.due_part", due=d.fmt(plan, a.due_date))
        )
    return f"{RAG_ICONS[a.rag]} *{a.ref}* {esc(a.title, 120)} — " + " · ".join(parts)


def log_line(
    d: Domain, plan: Plan, e: LogEntry, with_activity: bool = True, text: str | None = None
) -> str:
    """One log entry: ref, day, activity, who (and organisation), the text (or `text`), link."""
    lang = plan.language
    bits = [f"`{e.ref}` {d.fmt(plan, e.happened_on)}"]
    if with_activity and e.activity_ref:
        bits.append(f"*{e.activity_ref}*")
    who = mention(e.user_id) + (f" ({esc(e.organisation)})" if e.organisation else "")
    shown = esc(e.text, 200) if text is None else text
    line = " ".join(bits) + f" {who}: {shown}"
    if produced := production_text(lang, e.participants, e.hours):
        line += f" ({produced})"
    if permalink_or_none(e.permalink):
        line += f" <{e.permalink}|{esc(t(lang, 'log.link'))}>"
    return line


def followup_text(
    d: Domain,
    plan: Plan,
    f: FollowUp,
    today: date,
    with_assignee: bool,
    lang: str | None = None,
) -> str:
    """A follow-up card's mrkdwn: ref, text, when it is due, and who gave or has it.

    `lang`: the reader's language on a personal surface (mine, App Home, reminders); the
    plan's language otherwise.
    """
    lang = lang or plan.language
    bits = []
    if f.due_date:
        late = (today - f.due_date).days
        due = format_date(f.due_date, lang, today)
        if late > 0:
            bits.append("⏰ " + t(lang, "followup.late", n=days_late(f, today), due=due))
        elif late == 0:
            bits.append(t(lang, "followup.due_today"))
        else:
            bits.append(t(lang, "followup.due_part", due=due))
    if with_assignee:
        bits.append(t(lang, "followup.for", user=mention(f.assignee)))
    elif f.assigned_by != f.assignee:
        # A follow-up of one's own needs no "from you".
        bits.append(t(lang, "followup.from", user=mention(f.assigned_by)))
    if f.activity_ref:
        bits.append(f"*{f.activity_ref}*")
    return f"*{f.ref}* {esc(f.text, 250)}\n" + " · ".join(bits)


def cards(
    u: Unit,
    plan: Plan,
    fus: list[FollowUp],
    more_cmd: str,
    with_assignee: bool = True,
    lang: str | None = None,
) -> list[Item]:
    """Follow-ups as cards with Done / Snooze buttons for whoever may act on them."""
    today = u.d.today(plan)
    me = u.tx.members.get(plan.id, u.ctx.user_id)
    shown: list[Item] = [
        FollowUpCard(
            plan.id,
            f.ref,
            followup_text(u.d, plan, f, today, with_assignee, lang),
            can_act=f.status == "open" and may_act_on_followup(f, u.ctx.user_id, me),
        )
        for f in fus[:CARD_LIMIT]
    ]
    if len(fus) > CARD_LIMIT:
        shown.append(u.d.more(lang or plan.language, len(fus) - CARD_LIMIT, more_cmd))
    return shown


def schedule_line(u: Unit, plan: Plan) -> str:
    """When the next weekly digest goes out; a week whose digest is done is skipped."""
    tz = ZoneInfo(plan.timezone)
    if plan.archived_at is not None:
        day = plan.archived_at.astimezone(tz).date()
        return t(plan.language, "plan.archived_line", day=u.fmt(day))

    def week_done(year: int, week: int) -> bool:
        row = u.tx.digests.get(plan.id, year, week)
        return row is not None and row.state in WEEK_DONE

    when = next_digest_at(plan, u.d.clock(), week_done)
    if when is None:
        return t(plan.language, "digest.off_line", cmd=u.d.command)
    local = when.astimezone(tz)
    return t(
        plan.language,
        "digest.next_line",
        day=format_weekday(plan.digest_weekday or 0, plan.language),
        time=plan.digest_time,
        next=f"{format_date(local.date(), plan.language, u.d.today(plan))} {local:%H:%M}",
        tz=plan.timezone,
    )
