"""Observations for the situation picture: `observe <category> [at <place>] [on <date>]
[<time band>] [concern low|medium|high] <text>` (`händelse …`), `observe list [v<nr>]`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from samverkan.commands.forms import OpenModal
from samverkan.commands.places import new_place
from samverkan.context import UserError
from samverkan.dates import parse_weekday
from samverkan.domain import Unit, check_text
from samverkan.est_words import (
    AT_WORDS,
    CONCERN_KEYWORDS,
    CONCERN_WORDS,
    TIME_BAND_WORDS,
    category_at,
    fold,
    take_week,
)
from samverkan.i18n import t
from samverkan.parsing import (
    ON_WORDS,
    ParseError,
    is_date,
    quoted,
    refuse_dangling_date,
    span,
    split_words,
    take_trailing_date,
    unquote,
)
from samverkan.parsing import check_text as check_typed
from samverkan.registry import Access, Command, Verb, declare, declare_verb
from samverkan.reply import Reply, Section
from samverkan.situation_view import observation_line
from samverkan.text import esc, mention
from samverkan.vocabulary import LIST_WORDS
from storage import Place

#: A day and month without a year (`28/12`).
_DAY_MONTH = re.compile(r"[0-9]{1,2}/[0-9]{1,2}")


def _year_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


#: The date keywords as `fold` writes them (`på` → `pa`).
_ON = tuple(fold(w) for w in ON_WORDS)

#: Day words that need no `on`: `observe graffiti yesterday …`.
_BARE_DAYS = ("today", "idag", "yesterday", "igar")


@dataclass(frozen=True)
class Observe:
    category: str
    text: str
    place: str | None = None
    on: str | None = None
    band: str | None = None
    concern: str | None = None


@dataclass(frozen=True)
class ObserveList:
    week: int | str | None = None
    page: int = 1


def parse_observe(rest: list[str]) -> Observe | ObserveList | OpenModal:
    """`observe <category> [options] <text>` or `observe list [v<nr>] [<page>]`; no words open
    the form."""
    if not rest:
        return OpenModal("observe")
    if rest[0].casefold() in LIST_WORDS:
        return parse_observe_list(rest[1:])
    category, used = category_at(rest)
    if category is None:
        raise ParseError("error.observe_category", "observe", {"word": rest[0][:40]})
    values, words = take_options(rest[used:])
    if "on" not in values:
        words, on = take_trailing_date(words, ON_WORDS)
        if on is not None:
            values["on"] = on
        else:
            refuse_dangling_date(words, ON_WORDS, "observe")
    text = check_typed(span(words), "observe")
    return Observe(category, text, **values)


def take_options(
    words: list[str], values: dict[str, str] | None = None
) -> tuple[dict[str, str], list[str]]:
    """The options at the start of the words (`at`, `on`, a day word, a time band, `concern`),
    each once and in any order, added to `values`; and the words after them (the text)."""
    values = dict(values or {})
    inside = quoted(words)
    i = 0
    while i < len(words):
        word, nxt = fold(words[i]), words[i + 1 : i + 3]
        if inside[i]:
            break
        if word in (*AT_WORDS, *_ON) and nxt and fold(nxt[0]) in TIME_BAND_WORDS:
            if "band" in values:
                break
            # `at night`, `på kvällen`: a time of day, not a place or a date.
            values["band"], i = TIME_BAND_WORDS[fold(nxt[0])], i + 2
            continue
        if word in AT_WORDS and nxt and "place" not in values:
            values["place"], i = _take_place(words, i + 1)
            continue
        if word in _ON and nxt and "on" not in values:
            n = next((n for n in (2, 1) if len(nxt) >= n and is_date(" ".join(nxt[:n]))), 0)
            if not n:
                break
            values["on"], i = " ".join(nxt[:n]), i + 1 + n
            continue
        if word in _BARE_DAYS and "on" not in values:
            values["on"], i = words[i], i + 1
            continue
        if word in TIME_BAND_WORDS and "band" not in values:
            values["band"], i = TIME_BAND_WORDS[word], i + 1
            continue
        if word in CONCERN_KEYWORDS and "concern" not in values:
            level = CONCERN_WORDS.get(fold(nxt[0])) if nxt else None
            if level is None:
                raise ParseError("error.observe_concern", "observe")
            values["concern"], i = level, i + 2
            continue
        break
    return values, words[i:]


def _take_place(words: list[str], i: int) -> tuple[str, int]:
    """The place after `at`: one word, or a quoted stretch ("Rinkeby torg"); and where it ends."""
    if words[i][:1] in "\"“”'«":
        for j in range(i, len(words)):
            if (j > i or len(words[i]) > 1) and words[j][-1:] in "\"”'»":
                return unquote(span(words[i : j + 1])), j + 1
    return words[i], i + 1


def parse_observe_list(rest: list[str]) -> ObserveList:
    """`observe list [v<nr>|last] [<page>]`."""
    try:
        week, rest = take_week(rest)
    except ValueError:
        raise ParseError("error.week_usage", "observe") from None
    page = 1
    if rest and rest[-1].isdigit() and len(rest) == 1:
        page, rest = int(rest[-1]), []
    if rest or page < 1:
        raise ParseError("error.observe_list_usage", "observe")
    return ObserveList(week, page)


def run_observe(u: Unit, cmd: Observe) -> Reply:
    """`observe`: report an observation."""
    values = {k: v for k, v in vars(cmd).items() if k not in ("category", "text") and v}
    text = cmd.text
    if cmd.place is not None:
        where, rest, _ = resolve_place(u, cmd.place, text, create=False)
        if where is not None and rest != text:  # `at Rinkeby torg evening …`: read on
            try:
                values, words = take_options(split_words(rest), {**values, "place": where.name})
                text = check_typed(span(words), "observe")
            except ParseError as e:
                raise UserError(e.key, topic=e.topic, **e.values) from None
    return add_observation(u, category=cmd.category, text=text, **values)


def resolve_place(
    u: Unit, name: str | None, text: str, create: bool = True
) -> tuple[Place | None, str, bool]:
    """The place named (or a new one, for a coordinator), the text left, whether it is new.

    A place of two or three words typed without quotes is found too: `at Rinkeby torg …`
    takes the words after `at` that name a known place (`run_observe` then reads the options
    that follow it).
    """
    if name is None:
        return None, text, False
    plan = u.plan
    place = u.tx.places.by_name(plan.id, name)
    if place is not None:
        return place, text, False
    words = text.split(" ")
    for n in (2, 1):
        if len(words) > n:
            longer = u.tx.places.by_name(plan.id, " ".join([name, *words[:n]]))
            if longer is not None:
                return longer, " ".join(words[n:]), False
    if not create:
        return None, text, False
    if u.me is not None and u.me.is_coordinator:
        return new_place(u, name, field="place"), text, True
    known = ", ".join(f"*{esc(p.name)}*" for p in u.tx.places.of_plan(plan.id))
    raise UserError(
        "error.no_place" if known else "error.no_places_yet",
        topic="observe",
        field="place",
        name=esc(name, 80),
        known=known,
        who=u.d.coordinators(u.tx, plan),
    )


def add_observation(
    u: Unit,
    *,
    category: str,
    text: str,
    place: str | None = None,
    on: str | date | None = None,
    band: str | None = None,
    concern: str | None = None,
    source: str = "command",
    permalink: str | None = None,
) -> Reply:
    """Record an observation (command, form or message shortcut)."""
    text = check_text(text, field="text")
    plan, me = u.plan, u.me
    assert me is not None  # Access.MEMBER
    if place is not None:
        place = check_text(place, field="place", limit=80)
    where, text, is_new = resolve_place(u, place, text)
    text = check_text(text, field="text")
    # What was seen, never who: an age, a name or a home address is refused (DESIGN §6).
    u.check_personal(text, field="text")
    today = u.today
    day = (
        u.d.date(plan, on, today, topic="observe", prefer="past", field="date")
        if on is not None
        else today
    )
    if isinstance(on, str) and parse_weekday(on.strip()) == today.weekday():
        day = today  # what happened: `on friday` typed on a Friday is today (DESIGN §9)
    if day > today and isinstance(on, str) and _DAY_MONTH.fullmatch(on.strip()):
        day = _year_before(day)  # what happened: a date without a year is the latest one
    if day > today:
        raise UserError("error.observe_future", topic="observe", field="date", day=u.fmt(day))
    h = u.tx.observations.add(
        plan.id,
        happened_on=day,
        category=category,
        text=text,
        user_id=u.ctx.user_id,
        source=source,
        place_id=where.id if where else None,
        time_band=band,
        concern=concern,
        organisation_id=me.organisation_id,
        permalink=permalink,
    )
    u.audit(
        "observation",
        h.ref,
        "created",
        after={
            "category": category,
            "place": h.place,
            "on": day,
            "band": band,
            "concern": concern,
            "text": text,
            "source": source,
        },
    )
    lang = plan.language
    head = t(
        lang,
        "observe.added",
        ref=h.ref,
        user=mention(u.ctx.user_id),
        org=f" ({esc(me.organisation)})" if me.organisation else "",
        week=h.iso_week,
    )
    body = (
        observation_line(lang, h, today, listed=False)
        + "\n"
        + f"> {esc(text)}".replace("\n", "\n> ")
    )
    if is_new:
        body += "\n" + t(lang, "observe.new_place", name=esc(h.place or ""))
    return Reply(
        f"{head}\n{body}",
        [Section(f"👁️ {head}\n{body}")],
        visibility="channel",
        lang=lang,
        plan_id=plan.id,
    )


declare_verb(
    Verb(
        "observe",
        words=("observe", "observation", "händelse", "handelse"),
        parse=parse_observe,
        sv="händelse",
        keywords=(*CONCERN_KEYWORDS, *CONCERN_WORDS, *TIME_BAND_WORDS, *AT_WORDS),
    )
)
declare(
    Command(
        Observe,
        en="observe",
        sv="händelse",
        access=Access.MEMBER,
        writes=True,
        run=run_observe,
        topic="observe",
        what="observe",
        examples=(
            "observe graffiti at Centrumtorget on friday evening concern high Tags on the wall",
            "händelse klotter vid Centrumtorget igår kväll oro hög Klotter på väggen",
        ),
    )
)
