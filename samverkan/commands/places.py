"""Places of the area that observations name: `place add <name>`, `place list`."""

from __future__ import annotations

from dataclasses import dataclass

from samverkan.context import UserError
from samverkan.domain import Unit, check_text
from samverkan.i18n import t
from samverkan.parsing import ParseError, span, unquote
from samverkan.registry import Access, Command, Verb, declare, declare_verb
from samverkan.reply import Header, Reply, Section
from samverkan.text import esc
from samverkan.vocabulary import ADD_WORDS, LIST_WORDS
from storage import Place

#: The longest place name.
PLACE_CHARS = 80


@dataclass(frozen=True)
class PlaceAdd:
    name: str


@dataclass(frozen=True)
class PlaceList:
    pass


def parse_place(rest: list[str]) -> PlaceAdd | PlaceList:
    """`place add <name>` or `place list`."""
    if not rest or (rest[0].casefold() in LIST_WORDS and len(rest) == 1):
        return PlaceList()
    if rest[0].casefold() not in ADD_WORDS or len(rest) < 2:
        raise ParseError("error.place_usage", "place")
    return PlaceAdd(unquote(span(rest[1:])))


def new_place(u: Unit, name: str, field: str | None = None) -> Place:
    """Add a place to the plan (checked and audited); refused when it is there already."""
    name = check_text(" ".join(name.split()), field=field, limit=PLACE_CHARS)
    if u.tx.places.by_name(u.plan.id, name) is not None:
        raise UserError("error.place_exists", field=field, name=esc(name))
    place = u.tx.places.add(u.plan.id, name)
    u.audit("place", name, "created", after={"name": name})
    return place


def run_place_add(u: Unit, cmd: PlaceAdd) -> Reply:
    """`place add`: add a place to the plan."""
    place = new_place(u, cmd.name)
    return u.changed("place.added", name=esc(place.name))


def run_place_list(u: Unit, cmd: PlaceList) -> Reply:
    """`place list`: the plan's places."""
    lang = u.plan.language
    places = u.tx.places.of_plan(u.plan.id)
    if not places:
        text = t(lang, "place.none", cmd=u.d.command)
        return Reply(text, [Section(text)], lang=lang)
    title = t(lang, "place.title", n=len(places))
    lines = [f"📍 {esc(p.name)}" for p in places]
    return Reply(
        title + "\n" + "\n".join(lines),
        [Header(title), *u.d.lines(lang, lines, "place list", 200)],
        lang=lang,
    )


declare_verb(
    Verb("place", words=("place", "places", "plats", "platser"), parse=parse_place, sv="plats")
)
declare(
    Command(
        PlaceAdd,
        en="place add",
        sv="plats ny",
        access=Access.COORDINATOR,
        writes=True,
        run=run_place_add,
        topic="place",
        what="place_add",
        examples=("place add Centrumtorget", "plats ny Centrumtorget"),
    )
)
declare(
    Command(
        PlaceList,
        en="place list",
        sv="plats lista",
        access=Access.PLAN,
        writes=False,
        run=run_place_list,
        topic="place",
        examples=("place list", "plats lista"),
    )
)
