"""Follow-ups: `follow @person <text> [by <date>] [A#]`, `done`, `cancel`, `snooze`, `reassign`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, timedelta

from samverkan.commands.activities import no_change
from samverkan.commands.forms import OpenModal
from samverkan.commands.log import activity_by_ref
from samverkan.context import UserError
from samverkan.domain import Unit, check_text
from samverkan.i18n import t
from samverkan.parsing import (
    ACTIVITY_REF,
    BY_WORDS,
    FOLLOWUP_REF,
    ParseError,
    is_date,
    is_offset,
    mention_id,
    ref_number,
    refuse_dangling_date,
    span,
    take_trailing_date,
    unquote,
)
from samverkan.parsing import (
    check_text as check_typed,
)
from samverkan.registry import Access, Command, Verb, declare, declare_verb
from samverkan.reply import Effect, Reply, Section
from samverkan.rules import may_act_on_followup
from samverkan.text import esc, mention, permalink_or_none
from storage import FollowUp


@dataclass(frozen=True)
class Follow:
    user: str
    text: str
    by: str | None = None
    activity: int | None = None


@dataclass(frozen=True)
class Done:
    number: int


@dataclass(frozen=True)
class Cancel:
    number: int


@dataclass(frozen=True)
class Snooze:
    number: int
    until: str


@dataclass(frozen=True)
class Reassign:
    number: int
    user: str


def parse_follow(rest: list[str]) -> Follow | OpenModal:
    """`follow @person <text> [by <date>] [A#]`; no words open the form."""
    if not rest:
        return OpenModal("follow")
    user = mention_id(rest[0])
    if user is None:
        raise ParseError("error.follow_usage", "follow")
    words = rest[1:]
    by = None
    activity = None
    # `by <date>` and `A#` may come at the end in either order.
    for _ in range(2):
        if words and activity is None and (n := ref_number(ACTIVITY_REF, words[-1])) is not None:
            activity = n
            words = words[:-1]
        elif by is None:
            words, by = take_trailing_date(words, BY_WORDS)
    if by is None:
        refuse_dangling_date(words, BY_WORDS, "follow")
    # Quotes that shield keywords are not part of the text (as in `activity add "…"`).
    text = check_typed(unquote(span(words)), "follow")
    return Follow(user, text, by, activity)


def _followup_ref(rest: list[str], topic: str) -> int:
    number = ref_number(FOLLOWUP_REF, rest[0]) if rest else None
    if number is None:
        raise ParseError(f"error.{topic}_usage", topic)
    return number


def parse_done(rest: list[str]) -> Done:
    """`done F#`."""
    number = _followup_ref(rest, "done")
    if len(rest) > 1:
        raise ParseError("error.done_usage", "done")
    return Done(number)


def parse_cancel(rest: list[str]) -> Cancel:
    """`cancel F#`."""
    number = _followup_ref(rest, "cancel")
    if len(rest) > 1:
        raise ParseError("error.cancel_usage", "cancel")
    return Cancel(number)


def parse_snooze(rest: list[str]) -> Snooze:
    """`snooze F# <date>`."""
    number = _followup_ref(rest, "snooze")
    words = rest[1:]
    if words and words[0].casefold() in (*BY_WORDS, "to", "until"):
        words = words[1:]
    value = " ".join(words)
    if not value:
        raise ParseError("error.snooze_usage", "snooze")
    if not is_date(value):
        raise ParseError("error.bad_date", "snooze", {"value": value[:40]})
    return Snooze(number, value)


def parse_reassign(rest: list[str]) -> Reassign:
    """`reassign F# @person`."""
    number = _followup_ref(rest, "reassign")
    words = rest[1:]
    if words and words[0].casefold() in ("to", "till"):
        words = words[1:]
    user = mention_id(words[0]) if len(words) == 1 else None
    if user is None:
        raise ParseError("error.reassign_usage", "reassign")
    return Reassign(number, user)


def run_follow(u: Unit, cmd: Follow) -> Reply:
    """`follow`: assign a follow-up."""
    return add_followup(
        u,
        assignee=cmd.user,
        text=cmd.text,
        by=cmd.by,
        activity=f"A{cmd.activity}" if cmd.activity is not None else None,
    )


def add_followup(
    u: Unit,
    *,
    assignee: str,
    text: str,
    by: str | date | None = None,
    activity: str | None = None,
    permalink: str | None = None,
) -> Reply:
    """Assign a follow-up (command, form or message shortcut)."""
    text = check_text(text, field="text")
    # Only a Slack permalink becomes a link; anything else could be markup in the channel.
    permalink = permalink_or_none(permalink)
    u.check_personal(text, field="text", form="follow")
    plan = u.plan
    act = activity_by_ref(u, activity)
    today = u.today
    due = u.d.date(plan, by, today, topic="follow", field="due") if by is not None else None
    f = u.tx.followups.add(
        plan.id,
        text=text,
        assignee=assignee,
        assigned_by=u.ctx.user_id,
        due_date=due,
        activity_id=act.id if act else None,
        permalink=permalink,
    )
    u.audit(
        "followup",
        f.ref,
        "created",
        after={"assignee": assignee, "text": text, "due": due, "activity": f.activity_ref},
    )
    lang = plan.language
    extra = []
    if due:
        extra.append(t(lang, "followup.due_part", due=u.fmt(due)))
    if act:
        extra.append(f"*{act.ref}* {esc(act.title, 80)}")
    head = t(
        lang,
        # Someone's note to themselves needs no "from them".
        "followup.added_own" if assignee == u.ctx.user_id else "followup.added",
        ref=f.ref,
        assignee=mention(assignee),
        by=mention(u.ctx.user_id),
        extra=(" — " + ", ".join(extra)) if extra else "",
    )
    body = f"> {esc(text)}".replace("\n", "\n> ")
    if permalink:
        body += "\n" + t(lang, "log.source_link", link=permalink)
    reply = Reply(
        f"{head}\n{body}",
        [Section(f"📌 {head}\n{body}")],
        visibility="channel",
        lang=lang,
        plan_id=plan.id,
        effects=(Effect.refresh_homes(frozenset({assignee})),),
        shows=f.ref,
    )
    return u.warn_if_past_due(reply, due)


def open_followup(u: Unit, number: int, what: str, reassign: bool = False) -> FollowUp:
    """An open follow-up the caller may act on (`what`: done, cancel, snooze, reassign)."""
    plan = u.plan
    f = u.followup(number)
    me = u.tx.members.get(plan.id, u.ctx.user_id)
    if not may_act_on_followup(f, u.ctx.user_id, me, reassign=reassign):
        who = u.d.coordinators(u.tx, plan)
        if reassign:
            raise UserError("denied.reassign", ref=f.ref, by=mention(f.assigned_by), who=who)
        raise UserError(
            "denied.followup_own" if f.assignee == f.assigned_by else "denied.followup",
            what=t(plan.language, f"what.{what}"),
            ref=f.ref,
            assignee=mention(f.assignee),
            by=mention(f.assigned_by),
            who=who,
        )
    if f.status != "open":
        raise UserError(
            "error.followup_closed", ref=f.ref, status=t(plan.language, f"fstatus.{f.status}")
        )
    return f


def run_done(u: Unit, cmd: Done) -> Reply:
    """`done F#`."""
    return close_followup(u, cmd.number, "done")


def run_cancel(u: Unit, cmd: Cancel) -> Reply:
    """`cancel F#`."""
    return close_followup(u, cmd.number, "cancelled")


def close_followup(u: Unit, number: int, status: str = "done") -> Reply:
    """Complete or cancel a follow-up (command or button)."""
    f = open_followup(u, number, "done" if status == "done" else "cancel")
    u.tx.followups.update(
        f.id, status=status, done_by=u.ctx.user_id, done_at=u.d.clock().astimezone(UTC)
    )
    u.audit("followup", f.ref, status, before={"status": "open"}, after={"status": status})
    return u.changed(
        "followup.done" if status == "done" else "followup.cancelled",
        frozenset({f.assignee, f.assigned_by}),
        ref=f.ref,
        text=esc(f.text, 200),
        user=mention(u.ctx.user_id),
    )


def run_snooze(u: Unit, cmd: Snooze) -> Reply:
    """`snooze F# <date>`."""
    return snooze_followup(u, cmd.number, cmd.until)


def snooze_followup(u: Unit, number: int, until: str | timedelta) -> Reply:
    """Move a follow-up's due date later (command, or a button's 1 day / 1 week).

    A step (`+3d`, `1w`, a button) counts from the due date, or from today when that has
    passed; a date or weekday is that day. Snoozing never moves a due date earlier.
    """
    plan = u.plan
    f = open_followup(u, number, "snooze")
    today = u.today
    base = max(f.due_date or today, today)
    if isinstance(until, timedelta):
        new_due = base + until
    else:
        start = base if is_offset(until) else today
        new_due = u.d.date(plan, until, today, topic="snooze", base=start)
    if new_due < today:
        raise UserError("error.due_past", day=u.fmt(new_due))
    if f.due_date is not None and new_due < f.due_date:
        raise UserError(
            "error.snooze_earlier",
            ref=f.ref,
            due=u.fmt(f.due_date),
            suggest=(f.due_date + timedelta(days=1)).isoformat(),
        )
    if new_due == f.due_date:
        raise no_change(plan.language, f.ref, "due", new_due, u.fmt(new_due))
    u.tx.followups.update(f.id, due_date=new_due, snoozed_until=new_due)
    u.audit("followup", f.ref, "snoozed", before={"due": f.due_date}, after={"due": new_due})
    return u.changed(
        "followup.snoozed",
        frozenset({f.assignee}),
        ref=f.ref,
        text=esc(f.text, 120),
        old=u.fmt(f.due_date),
        new=u.fmt(new_due),
        user=mention(u.ctx.user_id),
    )


def run_reassign(u: Unit, cmd: Reassign) -> Reply:
    """`reassign F# @person`."""
    f = open_followup(u, cmd.number, "reassign", reassign=True)
    if f.assignee == cmd.user:
        raise no_change(u.plan.language, f.ref, "assignee", cmd.user, mention(cmd.user))
    u.tx.followups.update(f.id, assignee=cmd.user, last_reminded_on=None)
    u.audit(
        "followup",
        f.ref,
        "reassigned",
        before={"assignee": f.assignee},
        after={"assignee": cmd.user},
    )
    return u.changed(
        "followup.reassigned",
        frozenset({f.assignee, cmd.user}),
        ref=f.ref,
        text=esc(f.text, 120),
        old=mention(f.assignee),
        new=mention(cmd.user),
    )


FOLLOW_WORDS = ("follow", "uppföljning", "följ")
declare_verb(Verb("follow", words=FOLLOW_WORDS, parse=parse_follow, sv="uppföljning"))
declare_verb(Verb("done", words=("done", "klar"), parse=parse_done, sv="klar"))
declare_verb(Verb("cancel", words=("cancel", "avbryt"), parse=parse_cancel, sv="avbryt"))
declare_verb(Verb("snooze", words=("snooze", "skjut"), parse=parse_snooze, sv="skjut"))
REASSIGN_WORDS = ("reassign", "omfördela")
declare_verb(Verb("reassign", words=REASSIGN_WORDS, parse=parse_reassign, sv="omfördela"))
declare(
    Command(
        Follow,
        en="follow",
        sv="uppföljning",
        access=Access.MEMBER,
        writes=True,
        run=run_follow,
        topic="follow",
        what="follow",
        examples=(
            "follow <@U1> Call the housing company by friday A1",
            "uppföljning <@U1> Ring bostadsbolaget senast fredag A1",
        ),
    )
)
for parsed, en, sv, run in (
    (Done, "done", "klar", run_done),
    (Cancel, "cancel", "avbryt", run_cancel),
):
    declare(
        Command(
            parsed,
            en=en,
            sv=sv,
            access=Access.FOLLOWUP,
            writes=True,
            run=run,
            topic=en,
            what=en,
            examples=(f"{en} F1", f"{sv} F1"),
        )
    )
declare(
    Command(
        Snooze,
        en="snooze",
        sv="skjut",
        access=Access.FOLLOWUP,
        writes=True,
        run=run_snooze,
        topic="snooze",
        what="snooze",
        examples=("snooze F1 +3d", "skjut F1 fredag"),
    )
)
declare(
    Command(
        Reassign,
        en="reassign",
        sv="omfördela",
        access=Access.FOLLOWUP,
        writes=True,
        run=run_reassign,
        topic="reassign",
        what="reassign",
        examples=("reassign F1 <@U2>", "omfördela F1 till <@U2>"),
    )
)
