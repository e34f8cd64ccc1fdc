"""Reminder messages (DESIGN §4): who gets one today, and what it says.

On working days (weekends, Swedish public holidays and the eves everyone takes off are skipped;
see `samverkan.dates.is_working_day`) from 09:00 in a plan's timezone, each assignee with open
follow-ups due today or overdue gets one direct message listing them, across the plans of that
timezone in one workspace. Deciding who is reminded of what and recording it
(`followups.last_reminded_on`) is one transaction that commits before anything is sent, so a
follow-up is reminded at most once a day however often this runs; a message Slack finally
refuses is not sent again that day. People who turned reminders off are skipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from samverkan.dates import is_working_day
from samverkan.i18n import t
from samverkan.reply import FollowUpCard, Header, Note, Reply, Section
from samverkan.service import Samverkan
from samverkan.text import CARD_LIMIT, clip, esc, more_text
from storage import FollowUp, Plan

#: When reminders go out, in each plan's timezone.
REMINDER_TIME = time(9, 0)


@dataclass(frozen=True)
class Reminder:
    """One direct message to send: to whom, and what."""

    team_id: str
    user_id: str
    reply: Reply
    followup_ids: tuple[int, ...]


def reminder_day(timezone: str, now: datetime) -> date | None:
    """The plan-local day whose reminders are due at `now`, or None (not a working day or
    before 09:00)."""
    local = now.astimezone(ZoneInfo(timezone))
    if not is_working_day(local.date()) or local.time() < REMINDER_TIME:
        return None
    return local.date()


def claim_reminders(app: Samverkan, timezone: str, now: datetime) -> list[Reminder]:
    """Decide today's reminders for the plans in one timezone and record them as sent."""
    today = reminder_day(timezone, now)
    if today is None:
        return []
    out: list[Reminder] = []
    with app.store.write() as tx:
        per_user: dict[tuple[str, str], list[tuple[Plan, FollowUp]]] = {}
        for plan in tx.plans.all():
            if plan.timezone != timezone:
                continue
            for f in tx.followups.open_due(plan.id, today):
                if f.last_reminded_on is not None and f.last_reminded_on >= today:
                    continue
                per_user.setdefault((plan.team_id, f.assignee), []).append((plan, f))
        for (team_id, user_id), items in per_user.items():
            if not tx.reminders.enabled(team_id, user_id):
                continue
            ids = tuple(f.id for _, f in items)
            tx.followups.mark_reminded(list(ids), today)
            lang = app.personal_language(tx, team_id, user_id, items[0][0].language)
            out.append(Reminder(team_id, user_id, build_reminder(app, items, today, lang), ids))
    return out


def build_reminder(
    app: Samverkan, items: list[tuple[Plan, FollowUp]], today: date, lang: str | None = None
) -> Reply:
    """The reminder message of one person: their due and overdue follow-ups, with buttons.

    In `lang`, the person's own language (samverkan.domain.Domain.personal_language).
    """
    command = app.command
    lang = lang or items[0][0].language
    several_plans = len({p.id for p, _ in items}) > 1
    items = sorted(items, key=lambda pf: (pf[1].due_date or today, pf[0].id, pf[1].id))
    n = len(items)
    intro = t(lang, "reminder.intro", n=n)
    out: list = [Header(t(lang, "reminder.title")), Section(intro)]
    for plan, f in items[:CARD_LIMIT]:
        # The same card as `mine` shows: when it is due, who gave it, its activity.
        text = app.followup_text(plan, f, today, with_assignee=False, lang=lang)
        if several_plans:
            text += f" · _{esc(plan.name, 80)}_"
        out.append(FollowUpCard(plan.id, f.ref, text))
    if n > CARD_LIMIT:
        out.append(Note(more_text(lang, n - CARD_LIMIT, command, "mine")))
    out.append(Note(t(lang, "reminder.footer", cmd=command)))
    fallback = intro + "\n" + "\n".join(f"{f.ref} {esc(clip(f.text, 80))}" for _, f in items[:20])
    return Reply(fallback, out, lang=lang)
