"""The weekly round (DESIGN §9): when it is due, what its direct message says, and the answers.

At the plan's round moment (default Thursday 12:00, plan-local) every member gets one direct
message for the ISO week with *Report an observation* and *Nothing to report*. Delivery is the
schedules' business (`schedules.round_job`: claimed before, recorded after, like the digest);
this module decides when, who, and what an answer records.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from samverkan.context import Context, UserError
from samverkan.domain import Domain, Unit
from samverkan.i18n import t
from samverkan.registry import Access
from samverkan.situation import Week, week_of
from samverkan.text import esc, mention
from storage import Plan, RoundSchedule, Tx

NOTHING, REPORTED = "nothing", "report"


def round_time(schedule: RoundSchedule) -> time:
    """The round's time of day."""
    hh, mm = schedule.time.split(":")
    return time(int(hh), int(mm))


def round_due_in_week(plan: Plan, schedule: RoundSchedule, any_day: datetime) -> datetime | None:
    """The round moment in the ISO week of `any_day` (plan-local), or None when it is off."""
    if schedule.weekday is None:
        return None
    tz = ZoneInfo(plan.timezone)
    local = any_day.astimezone(tz)
    monday = local.date() - timedelta(days=local.weekday())
    return datetime.combine(monday + timedelta(days=schedule.weekday), round_time(schedule), tz)


def round_due(plan: Plan, schedule: RoundSchedule, now: datetime) -> datetime | None:
    """This week's round moment if it has passed and was scheduled in time (catch-up rule)."""
    due = round_due_in_week(plan, schedule, now)
    if due is None or due > now:
        return None
    if plan.created_at > due or (schedule.set_at is not None and schedule.set_at > due):
        return None  # the plan or its schedule is newer than that moment: nothing was missed
    return due


def week_key(week: Week) -> str:
    """`2026-W49`: how a round's week is written in button values and markers."""
    return f"{week[0]}-W{week[1]:02d}"


def parse_week_key(text: str) -> Week | None:
    """`2026-W49` → (2026, 49), or None."""
    year, _, week = text.partition("-W")
    if not (year.isdigit() and week.isdigit()):
        return None
    return int(year), int(week)


@dataclass(frozen=True)
class RoundMessage:
    """The text of one member's round message: the question, or the answer given."""

    lang: str
    text: str
    #: Whether the buttons are still shown (a "nothing" answer can still be followed by a report).
    open: bool


def round_message(plan: Plan, week: Week, answer: str | None = None, ref: str = "") -> RoundMessage:
    """The direct message of the round for one week, before or after the member answered."""
    lang = plan.language
    ask = t(lang, "round.ask", plan=esc(plan.name, 150), week=week[1])
    if answer == NOTHING:
        return RoundMessage(lang, ask + "\n" + t(lang, "round.answered_nothing"), True)
    if answer == REPORTED:
        return RoundMessage(lang, ask + "\n" + t(lang, "round.answered_report", ref=ref), True)
    return RoundMessage(lang, ask, True)


@dataclass(frozen=True)
class RoundAnswer:
    """What a button press on a round message did, and where that message is to update it."""

    ok: bool
    text: str
    message: RoundMessage | None = None
    channel_id: str | None = None
    ts: str | None = None


def answer_nothing(d: Domain, ctx: Context, plan_id: int, week: Week) -> RoundAnswer:
    """*Nothing to report*: the member's organisation counts as reported for the week."""
    try:
        with d.unit(ctx, writes=True, access=Access.MEMBER, what="observe", plan_id=plan_id) as u:
            return _nothing(u, week)
    except UserError as e:
        lang = d.language_for(ctx)
        return RoundAnswer(False, d.error_reply(lang, e).text)


def _nothing(u: Unit, week: Week) -> RoundAnswer:
    plan, me = u.plan, u.me
    assert me is not None
    if week_of(u.today) != week:
        raise UserError("round.week_over", week=week[1])
    u.tx.rounds.answer(plan.id, *week, me.user_id, me.organisation_id, NOTHING)
    u.audit("round", week_key(week), "nothing", after={"user": me.user_id})
    row = u.tx.rounds.get(plan.id, *week, me.user_id)
    text = t(plan.language, "round.thanks_nothing", week=week[1], user=mention(me.user_id))
    return RoundAnswer(
        True,
        text,
        round_message(plan, week, NOTHING),
        row.channel_id if row else None,
        row.message_ts if row else None,
    )


def after_report(u: Unit, ref: str) -> tuple[str | None, str | None, RoundMessage | None]:
    """After an observation from the round's form: the answer recorded, the DM to update."""
    plan, me = u.plan, u.me
    assert me is not None
    week = week_of(u.today)
    u.tx.rounds.answer(plan.id, *week, me.user_id, me.organisation_id, REPORTED)
    row = u.tx.rounds.get(plan.id, *week, me.user_id)
    if row is None or row.message_ts is None:
        return None, None, None
    return row.channel_id, row.message_ts, round_message(plan, week, REPORTED, ref)


def round_status_line(tx: Tx, plan: Plan, now: datetime) -> str:
    """This week's round at a glance, for coordinators (App Home): asked, answered, and which
    organisations have not reported yet (an observation or *Nothing to report* counts)."""
    lang = plan.language
    week = week_of(now.astimezone(ZoneInfo(plan.timezone)).date())
    schedule = tx.rounds.schedule(plan.id)
    asked = tx.rounds.of_week(plan.id, *week)
    reported = tx.observations.reporting_organisations(plan.id, *week)
    reported |= tx.rounds.nothing_to_report(plan.id, *week)
    silent = [o.name for o in tx.organisations.of_plan(plan.id) if o.id not in reported]
    answered = sum(1 for r in asked if tx.rounds.answer_of(plan.id, *week, r.user_id))
    if schedule.weekday is None:
        head = t(lang, "round.home_off", week=week[1])
    elif not asked:
        head = t(lang, "round.home_not_yet", week=week[1])
    else:
        head = t(lang, "round.home_status", week=week[1], answered=answered, asked=len(asked))
    missing = ", ".join(esc(name, 60) for name in silent[:12]) or "—"
    if len(silent) > 12:
        missing += ", …"
    return head + " " + t(lang, "round.home_missing", orgs=missing)
