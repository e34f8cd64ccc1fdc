"""The tertial reminder (DESIGN §11): on 30 April, 31 August and 31 December each coordinator
gets one message offering the tertial's report; its button makes the report."""

from __future__ import annotations

import re
from datetime import datetime, time
from zoneinfo import ZoneInfo

from samverkan.context import Context
from samverkan.i18n import t
from samverkan.reply import Reply, Section
from samverkan.report.period import tertial_ending
from samverkan.service import Samverkan
from samverkan.text import esc
from storage import Plan

#: When the reminder goes out on the tertial's last day, in the plan's timezone.
REMINDER_TIME = time(9, 0)
_KEY = re.compile(r"([0-9]{1,18}):((?:19|20)[0-9]{2})-T([123])")


def reminder_due(plan: Plan, now: datetime) -> tuple[int, int] | None:
    """(tertial, year) when `now` is on or after 09:00 on a tertial's last day in the plan's
    zone (the day itself only: a reminder missed that day is not sent later), else None."""
    local = now.astimezone(ZoneInfo(plan.timezone))
    number = tertial_ending(local.date())
    if number is None or local.time() < REMINDER_TIME or plan.archived:
        return None
    return number, local.year


def period_key(number: int, year: int) -> str:
    """`2026-T2`: the delivery's period."""
    return f"{year}-T{number}"


def reminder_text(plan: Plan, number: int, year: int) -> str:
    """The reminder's words, in the plan's language."""
    return t(plan.language, "report.reminder", plan=esc(plan.name), n=number, year=year)


def button_value(plan_id: int, number: int, year: int) -> str:
    """`12:2026-T2`: the plan and tertial a reminder's button makes the report of."""
    return f"{plan_id}:{period_key(number, year)}"


def report_from_button(app: Samverkan, ctx: Context, value: str) -> Reply:
    """The report a reminder's button asks for, made as `report tertial N YEAR` in the plan's
    channel by the person who clicked (so the same access rules apply)."""
    m = _KEY.fullmatch(value or "")
    with app.store.read() as tx:
        plan = tx.plans.get(int(m.group(1))) if m else None
    if m is None or plan is None or plan.team_id != ctx.team_id:
        lang = plan.language if plan else app.default_language
        text = t(lang, "action.stale", cmd=app.command)
        return Reply(text, [Section("⚠️ " + text)], ok=False, lang=lang)
    where = Context(ctx.team_id, plan.channel_id, ctx.user_id, surface=ctx.surface)
    return app.run(where, f"report tertial {m.group(3)} {m.group(2)}")
