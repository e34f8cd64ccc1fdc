"""The week's situation picture: `situation [v<nr>]` (`läge`), `situation note <text>`,
`measure <text> [@person] [by <date>]` (`snabbåtgärd`) and `observe list [v<nr>] [<page>]`."""

from __future__ import annotations

from dataclasses import dataclass

from samverkan.commands.followups import add_followup
from samverkan.commands.observe import ObserveList
from samverkan.context import UserError
from samverkan.domain import Unit, check_text
from samverkan.est_words import fold, take_week
from samverkan.i18n import t
from samverkan.parsing import (
    BY_WORDS,
    ParseError,
    mention_id,
    refuse_dangling_date,
    span,
    take_trailing_date,
)
from samverkan.parsing import check_text as check_typed
from samverkan.registry import Access, Command, Verb, declare, declare_verb
from samverkan.reply import Header, Item, Reply, Section
from samverkan.situation import Week, latest_week, shift, week_of
from samverkan.situation_view import (
    gather,
    list_command,
    observation_line,
    render_picture,
    week_title,
)
from samverkan.text import esc, mention

#: Observations per page of `observe list`.
LIST_PAGE = 60

_NOTE_WORDS = ("note", "notera", "anteckna", "assessment", "bedomning")


@dataclass(frozen=True)
class SituationShow:
    week: int | str | None = None


@dataclass(frozen=True)
class SituationNote:
    text: str
    week: int | str | None = None


@dataclass(frozen=True)
class MeasureAdd:
    text: str
    user: str | None = None
    by: str | None = None


def _week_or_error(words: list[str], topic: str) -> tuple[int | str | None, list[str]]:
    try:
        return take_week(words)
    except ValueError:
        raise ParseError("error.week_usage", topic, {"value": words[0][:20]}) from None


def parse_situation(rest: list[str]) -> SituationShow | SituationNote:
    """`situation [v<nr>|last]` or `situation note [v<nr>] <text>`."""
    if rest and fold(rest[0]) in _NOTE_WORDS:
        week, words = _week_or_error(rest[1:], "situation")
        return SituationNote(check_typed(span(words), "situation"), week)
    week, words = _week_or_error(rest, "situation")
    if words:
        raise ParseError("error.situation_usage", "situation")
    return SituationShow(week)


def parse_measure(rest: list[str]) -> MeasureAdd:
    """`measure <text> [@person] [by <date>]`; the person and the date in either order."""
    words = list(rest)
    user = by = None
    for _ in range(2):
        if words and user is None and (who := mention_id(words[-1])) is not None:
            user, words = who, words[:-1]
        elif by is None:
            words, by = take_trailing_date(words, BY_WORDS)
    if words and user is None and (who := mention_id(words[0])) is not None:
        user, words = who, words[1:]
    if by is None:
        refuse_dangling_date(words, BY_WORDS, "measure")
    return MeasureAdd(check_typed(span(words), "measure"), user, by)


def resolve_week(u: Unit, week: int | str | None, topic: str) -> Week:
    """The ISO week a typed week names: this week, last week, or the latest week N."""
    this = week_of(u.today)
    if week is None:
        return this
    if week == "last":
        return shift(this, -1)
    assert isinstance(week, int)
    found = latest_week(week, u.today)
    if found is None:
        raise UserError("error.no_such_week", topic=topic, week=week)
    return found


def run_situation(u: Unit, cmd: SituationShow) -> Reply:
    """`situation`: the week's picture."""
    plan = u.plan
    week = resolve_week(u, cmd.week, "situation")
    items, lines = render_picture(gather(u.tx, plan, week, u.today), u.d.command)
    return Reply("\n".join(lines)[:3900], items, lang=plan.language)


def run_situation_note(u: Unit, cmd: SituationNote) -> Reply:
    """`situation note`: record the assessment the group agreed for the week."""
    plan = u.plan
    week = resolve_week(u, cmd.week, "situation")
    text = check_text(cmd.text, field="text")
    before = u.tx.situation.note(plan.id, *week)
    u.tx.situation.set_note(plan.id, *week, text, u.ctx.user_id)
    u.audit(
        "situation",
        f"{week[0]}-W{week[1]:02d}",
        "noted",
        before={"text": before.text} if before else None,
        after={"text": text},
    )
    return u.changed(
        "situation.noted",
        week=week_title(plan.language, week),
        user=mention(u.ctx.user_id),
        text=esc(text),
    )


def run_measure(u: Unit, cmd: MeasureAdd) -> Reply:
    """`measure`: a follow-up linked to this week's situation picture."""
    week = week_of(u.today)
    reply = add_followup(u, assignee=cmd.user or u.ctx.user_id, text=cmd.text, by=cmd.by)
    ref = u.tx.situation.link_newest_followup(u.plan.id, *week)
    u.audit("followup", ref, "measure", after={"week": f"{week[0]}-W{week[1]:02d}"})
    note = t(u.plan.language, "measure.linked", week=week[1])
    reply.text += "\n" + note
    reply.items.append(Section(note))
    return reply


def run_observe_list(u: Unit, cmd: ObserveList) -> Reply:
    """`observe list`: every observation of a week, a page at a time."""
    plan, lang = u.plan, u.plan.language
    week = resolve_week(u, cmd.week, "observe")
    shown, total = u.tx.observations.of_week(
        plan.id, *week, limit=LIST_PAGE, offset=(cmd.page - 1) * LIST_PAGE
    )
    title = t(lang, "observe.list_title", week=week_title(lang, week), n=total)
    if not shown:
        text = t(lang, "observe.list_none", week=week_title(lang, week), cmd=u.d.command)
        return Reply(text, [Section(text)], lang=lang)
    lines = [observation_line(lang, h, u.today) for h in shown]
    items: list[Item] = [Header(title[:150]), *u.d.lines(lang, lines, "observe list", LIST_PAGE)]
    if cmd.page * LIST_PAGE < total:
        items.append(
            u.d.more(lang, total - cmd.page * LIST_PAGE, list_command(lang, week, cmd.page + 1))
        )
    return Reply(title + "\n" + "\n".join(lines)[:3800], items, lang=lang)


declare_verb(
    Verb(
        "situation",
        words=("situation", "läge", "lage", "lägesbild", "lagesbild"),
        parse=parse_situation,
        sv="läge",
    )
)
declare_verb(
    Verb(
        "measure",
        words=("measure", "snabbåtgärd", "snabbatgard"),
        parse=parse_measure,
        sv="snabbåtgärd",
    )
)
declare(
    Command(
        SituationShow,
        en="situation",
        sv="läge",
        access=Access.PLAN,
        writes=False,
        run=run_situation,
        topic="situation",
        examples=("situation v48", "läge v48", "lägesbild"),
    )
)
declare(
    Command(
        SituationNote,
        en="situation note",
        sv="läge notera",
        access=Access.COORDINATOR,
        writes=True,
        run=run_situation_note,
        topic="situation",
        what="situation_note",
        examples=(
            "situation note Calmer at the square; tags moved to the underpass",
            "läge notera Lugnare på torget, klottret har flyttat till gångtunneln",
        ),
    )
)
declare(
    Command(
        MeasureAdd,
        en="measure",
        sv="snabbåtgärd",
        access=Access.MEMBER,
        writes=True,
        run=run_measure,
        topic="measure",
        what="measure",
        examples=(
            "measure Remove the tags in the underpass <@erik> by friday",
            "snabbåtgärd Sanera klottret i gångtunneln <@erik> senast fredag",
        ),
    )
)
declare(
    Command(
        ObserveList,
        en="observe list",
        sv="händelse lista",
        access=Access.PLAN,
        writes=False,
        run=run_observe_list,
        topic="observe",
        examples=("observe list v48", "händelse lista v48 2"),
    )
)
