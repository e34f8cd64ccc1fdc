"""When members are asked each week for their observations: `round <weekday> <HH:MM>`,
`round off`, `round` (`omgång`): the schedule and this week's answers."""

from __future__ import annotations

from dataclasses import dataclass

from samverkan.context import UserError
from samverkan.dates import DateError, format_weekday, parse_hhmm, parse_weekday
from samverkan.domain import Unit
from samverkan.i18n import t
from samverkan.parsing import HHMM, ParseError
from samverkan.registry import Access, Command, Verb, declare, declare_verb
from samverkan.reply import Reply, Section
from samverkan.round import round_due_in_week
from samverkan.situation import week_of
from samverkan.text import esc, mention
from samverkan.vocabulary import ON_OFF
from storage import RoundSchedule


@dataclass(frozen=True)
class RoundCmd:
    weekday: int | None = None
    time: str | None = None
    off: bool = False
    show: bool = False


def parse_round(rest: list[str]) -> RoundCmd:
    """`round`, `round <weekday> <HH:MM>`, `round off`."""
    if not rest:
        return RoundCmd(show=True)
    if len(rest) == 1 and ON_OFF.get(rest[0].casefold()) is False:
        return RoundCmd(off=True)
    if len(rest) != 2:
        raise ParseError("error.round_usage", "round")
    weekday = parse_weekday(rest[0])
    if weekday is None:
        raise ParseError("error.bad_weekday", "round", {"value": rest[0][:40]})
    if not HHMM.match(rest[1]):
        raise ParseError("error.bad_time", "round", {"value": rest[1][:40]})
    return RoundCmd(weekday, str(rest[1]))


def run_round(u: Unit, cmd: RoundCmd) -> Reply:
    """Show the round, or change when it goes out (coordinators)."""
    plan = u.plan
    if cmd.show:
        return _show(u)
    u.d.require(u.tx, plan, u.ctx, Access.COORDINATOR, "round")
    before = u.tx.rounds.schedule(plan.id)
    if cmd.off:
        u.tx.rounds.set_schedule(plan.id, None, before.time)
        u.audit(
            "plan", "round", "updated", before={"round": _label(u, before)}, after={"round": "off"}
        )
        u.after_commit.append(lambda: u.d.notify_schedule(plan.id))
        return u.changed("round.off", cmd=u.d.command)
    assert cmd.weekday is not None and cmd.time is not None
    try:
        at = parse_hhmm(cmd.time)
    except DateError:
        raise UserError("error.bad_time", topic="round", value=esc(cmd.time, 20)) from None
    hhmm = f"{at:%H:%M}"
    u.tx.rounds.set_schedule(plan.id, cmd.weekday, hhmm)
    after = u.tx.rounds.schedule(plan.id)
    u.audit(
        "plan",
        "round",
        "updated",
        before={"round": _label(u, before)},
        after={"round": _label(u, after)},
    )
    u.after_commit.append(lambda: u.d.notify_schedule(plan.id))
    return u.changed(
        "round.set", day=format_weekday(cmd.weekday, plan.language), time=hhmm, tz=plan.timezone
    )


def _label(u: Unit, schedule: RoundSchedule) -> str:
    if schedule.weekday is None:
        return "off"
    return f"{format_weekday(schedule.weekday, u.plan.language)} {schedule.time}"


def _show(u: Unit) -> Reply:
    plan, lang = u.plan, u.plan.language
    schedule = u.tx.rounds.schedule(plan.id)
    if schedule.weekday is None:
        lines = [t(lang, "round.is_off", cmd=u.d.command)]
    else:
        due = round_due_in_week(plan, schedule, u.d.clock())
        lines = [
            t(
                lang,
                "round.when",
                day=format_weekday(schedule.weekday, lang),
                time=schedule.time,
                tz=plan.timezone,
            )
        ]
        if due is not None:
            lines.append(_status(u, week_of(due.date())))
    text = "\n".join(lines)
    return Reply(text, [Section(text)], lang=lang)


def _status(u: Unit, week: tuple[int, int]) -> str:
    """This week's round: who was asked, who answered (what a coordinator follows up)."""
    plan, lang = u.plan, u.plan.language
    asked = u.tx.rounds.of_week(plan.id, *week)
    if not asked:
        return t(lang, "round.not_yet", week=week[1])
    answered: list[str] = []
    waiting: list[str] = []
    for row in asked:
        answer = u.tx.rounds.answer_of(plan.id, *week, row.user_id)
        (answered if answer else waiting).append(mention(row.user_id))
    return t(
        lang,
        "round.status",
        week=week[1],
        asked=len(asked),
        answered=", ".join(answered) or "—",
        waiting=", ".join(waiting) or "—",
    )


declare_verb(Verb("round", words=("round", "omgång", "omgang"), parse=parse_round, sv="omgång"))
declare(
    Command(
        RoundCmd,
        en="round",
        sv="omgång",
        access=Access.PLAN,
        writes=lambda cmd: not cmd.show,
        run=run_round,
        topic="round",
        what="round",
        phrases=(("round off", "omgång av"),),
        examples=("round thursday 12:00", "omgång torsdag 12:00", "round off", "omgång"),
    )
)
