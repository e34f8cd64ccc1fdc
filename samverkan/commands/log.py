"""`log [A#] <text> [on <date>] [participants <n>] [hours <n>]`: record something done."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from samverkan.commands.forms import OpenModal
from samverkan.context import UserError
from samverkan.domain import Unit, check_text
from samverkan.i18n import t
from samverkan.parsing import (
    ACTIVITY_REF,
    ON_WORDS,
    ref_number,
    refuse_dangling_date,
    span,
    take_trailing_date,
    unquote,
)
from samverkan.parsing import (
    check_text as check_typed,
)
from samverkan.production import production_text, take_production
from samverkan.registry import Access, Command, Verb, declare, declare_verb
from samverkan.reply import Reply, Section
from samverkan.text import esc, mention, permalink_or_none
from storage import Activity


@dataclass(frozen=True)
class Log:
    text: str
    activity: int | None = None
    on: str | None = None
    participants: int | None = None
    hours: float | None = None


def parse_log(rest: list[str]) -> Log | OpenModal:
    """`log [A#] <text> [on <date>] [participants <n>] [hours <n>]`; no words open the form."""
    if not rest:
        return OpenModal("log")
    activity = ref_number(ACTIVITY_REF, rest[0])
    words = rest[1:] if activity is not None else rest
    # Production and the date may come in either order at the end.
    words, participants, hours = take_production(words, "log_production")
    words, on = take_trailing_date(words, ON_WORDS)
    if on is None:
        refuse_dangling_date(words, ON_WORDS, "log")
    elif participants is None and hours is None:
        words, participants, hours = take_production(words, "log_production")
    # Quotes that shield keywords are not part of the text (as in `activity add "…"`).
    text = check_typed(unquote(span(words)), "log")
    return Log(text, activity, on, participants, hours)


def run_log(u: Unit, cmd: Log) -> Reply:
    """`log`: record an entry."""
    return add_log(
        u,
        text=cmd.text,
        activity=f"A{cmd.activity}" if cmd.activity is not None else None,
        on=cmd.on,
        participants=cmd.participants,
        hours=cmd.hours,
    )


def activity_by_ref(u: Unit, ref: str | None) -> Activity | None:
    """The activity a typed or picked ref (`A3`) names, or None for no ref."""
    if not ref:
        return None
    number = ref_number(ACTIVITY_REF, ref.strip())
    if number is None:
        raise UserError("error.no_activity", field="activity", ref=esc(ref, 20))
    return u.activity(number, field="activity")


def add_log(
    u: Unit,
    *,
    text: str,
    activity: str | None = None,
    on: str | date | None = None,
    source: str = "command",
    permalink: str | None = None,
    participants: int | None = None,
    hours: float | None = None,
) -> Reply:
    """Record something done (command, form or message shortcut)."""
    text = check_text(text, field="text")
    # Only a Slack permalink becomes a link; anything else could be markup in the channel.
    permalink = permalink_or_none(permalink)
    u.check_personal(text, field="text", form="log")
    plan, ctx = u.plan, u.ctx
    me = u.me
    assert me is not None  # Access.MEMBER
    act = activity_by_ref(u, activity)
    today = u.today
    day = (
        u.d.date(plan, on, today, topic="log", prefer="past", field="date")
        if on is not None
        else today
    )
    if day > today:
        raise UserError("error.log_future", field="date", day=u.fmt(day))
    entry = u.tx.logs.add(
        plan.id,
        text=text,
        user_id=ctx.user_id,
        happened_on=day,
        source=source,
        activity_id=act.id if act else None,
        organisation_id=me.organisation_id,
        permalink=permalink,
        participants=participants,
        hours=hours,
    )
    after: dict[str, object] = {"activity": entry.activity_ref, "text": text, "on": day}
    after["source"] = source
    if participants is not None:
        after["participants"] = participants
    if hours is not None:
        after["hours"] = hours
    u.audit("log", entry.ref, "created", after=after)
    if act:
        u.audit("activity", act.ref, "logged", after={"log": entry.ref, "on": day})
    lang = plan.language
    where = (
        t(lang, "log.on_activity", ref=act.ref, title=esc(act.title, 80))
        if act
        else t(lang, "log.no_activity")
    )
    org = f" ({esc(me.organisation)})" if me.organisation else ""
    head = t(
        lang,
        "log.added",
        ref=entry.ref,
        where=where,
        user=mention(ctx.user_id),
        org=org,
        day=u.fmt(day),
    )
    body = f"> {esc(text)}".replace("\n", "\n> ")
    if produced := production_text(lang, participants, hours):
        body += f"\n{produced}"
    if permalink:
        body += "\n" + t(lang, "log.source_link", link=permalink)
    return Reply(
        f"{head}\n{body}",
        [Section(f"📝 {head}\n{body}")],
        visibility="channel",
        lang=lang,
        plan_id=plan.id,
        shows=entry.ref,
    )


declare_verb(Verb("log", words=("log", "logga"), parse=parse_log, sv="logga"))
declare(
    Command(
        Log,
        en="log",
        sv="logga",
        access=Access.MEMBER,
        writes=True,
        run=run_log,
        topic="log",
        what="log",
        examples=("log A1 Walked the centre on friday", "logga A1 Vandring i centrum den fredag"),
    )
)
