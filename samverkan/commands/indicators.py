"""Effect indicators (DESIGN §3): `indicator add A# <name> baseline <n> [target <n>] [unit
<text>] [on <date>]` and a measurement, `indicator A# <name> <n> [on <date>]`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from samverkan.commands.activity_fields import require_owner
from samverkan.context import UserError
from samverkan.domain import Unit, check_text
from samverkan.i18n import t
from samverkan.indicators import number
from samverkan.parsing import (
    ACTIVITY_REF,
    ON_WORDS,
    ParseError,
    quoted,
    ref_number,
    span,
    take_trailing_date,
    unquote,
)
from samverkan.registry import Access, Command, Verb, declare, declare_verb
from samverkan.reply import Reply
from samverkan.text import esc, mention
from samverkan.vocabulary import ADD_WORDS

BASELINE_WORDS = ("baseline", "baslinje", "utgångsvärde", "utgångsläge", "nollmätning")
TARGET_WORDS = ("target", "mål", "målvärde")
UNIT_WORDS = ("unit", "enhet")
_NUMBER = re.compile(r"-?[0-9]{1,9}(?:[.,][0-9]{1,4})?")
MAX_NAME = 80
MAX_UNIT = 40


@dataclass(frozen=True)
class IndicatorAdd:
    activity: int
    name: str
    baseline: float
    target: float | None = None
    unit: str = ""
    on: str | None = None


@dataclass(frozen=True)
class IndicatorMeasure:
    activity: int
    name: str
    value: float
    on: str | None = None


def _number(text: str, topic: str) -> float:
    if not _NUMBER.fullmatch(text):
        raise ParseError("error.indicator_number", topic, {"value": text[:20]})
    return float(text.replace(",", "."))


def parse_indicator(rest: list[str]) -> IndicatorAdd | IndicatorMeasure:
    """`indicator add A# <name> baseline <n> …` or `indicator A# <name> <n> [on <date>]`."""
    if rest and rest[0].casefold() in ADD_WORDS:
        return _parse_add(rest[1:])
    number_ = ref_number(ACTIVITY_REF, rest[0]) if rest else None
    if number_ is None:
        raise ParseError("error.indicator_usage", "indicator")
    words, on = take_trailing_date(rest[1:], ON_WORDS)
    if len(words) < 2 or not _NUMBER.fullmatch(words[-1]):
        raise ParseError("error.indicator_usage", "indicator_measure")
    name = unquote(span(words[:-1]))
    return IndicatorMeasure(number_, name, _number(words[-1], "indicator_measure"), on)


def _parse_add(words: list[str]) -> IndicatorAdd:
    number_ = ref_number(ACTIVITY_REF, words[0]) if words else None
    if number_ is None:
        raise ParseError("error.indicator_add_usage", "indicator")
    words, on = take_trailing_date(words[1:], ON_WORDS)
    inside = quoted(words)
    keys = BASELINE_WORDS + TARGET_WORDS + UNIT_WORDS
    marks = [i for i, w in enumerate(words) if w.casefold() in keys and not inside[i]]
    if not marks or words[marks[0]].casefold() not in BASELINE_WORDS or marks[0] == 0:
        raise ParseError("error.indicator_add_usage", "indicator")
    name = unquote(span(words[: marks[0]]))
    found: dict[str, str] = {}
    for at, end in zip(marks, [*marks[1:], len(words)], strict=True):
        word = words[at].casefold()
        kind = (
            "baseline" if word in BASELINE_WORDS else "target" if word in TARGET_WORDS else "unit"
        )
        value = unquote(span(words[at + 1 : end]))
        if kind in found or not value:
            raise ParseError("error.indicator_add_usage", "indicator")
        found[kind] = value
    target = _number(found["target"], "indicator") if "target" in found else None
    return IndicatorAdd(
        number_, name, _number(found["baseline"], "indicator"), target, found.get("unit", ""), on
    )


def _day(u: Unit, on: str | None) -> date:
    if on is None:
        return u.today
    day = u.d.date(u.plan, on, u.today, topic="indicator", prefer="past", field="date")
    if day > u.today:
        raise UserError("error.indicator_future", day=u.fmt(day))
    return day


def run_indicator_add(u: Unit, cmd: IndicatorAdd) -> Reply:
    """Add an indicator with its baseline (and target) to an activity."""
    a = u.activity(cmd.activity)
    require_owner(u, a, "indicator")
    name = check_text(cmd.name, limit=MAX_NAME)
    unit = check_text(cmd.unit, limit=MAX_UNIT) if cmd.unit else ""
    u.check_personal(f"{name}\n{unit}" if unit else name)
    if u.tx.indicators.find(a.id, name) is not None:
        raise UserError("error.indicator_exists", ref=a.ref, name=esc(name))
    day = _day(u, cmd.on)
    u.tx.indicators.add(
        u.plan.id,
        a.id,
        name=name,
        unit=unit,
        baseline=cmd.baseline,
        baseline_on=day,
        target=cmd.target,
        user_id=u.ctx.user_id,
    )
    after = {"name": name, "baseline": cmd.baseline, "on": day, "target": cmd.target, "unit": unit}
    u.audit("activity", a.ref, "indicator_added", after=after)
    lang = u.plan.language
    target = (
        ""
        if cmd.target is None
        else t(lang, "indicator.added_target", target=number(lang, cmd.target))
    )
    return u.changed(
        "indicator.added",
        ref=a.ref,
        name=esc(name),
        unit=f" ({esc(unit)})" if unit else "",
        baseline=number(lang, cmd.baseline),
        day=u.fmt(day),
        target=target,
        user=mention(u.ctx.user_id),
    )


def run_indicator_measure(u: Unit, cmd: IndicatorMeasure) -> Reply:
    """Record a measured value of an activity's indicator."""
    a = u.activity(cmd.activity)
    require_owner(u, a, "indicator")
    found = u.tx.indicators.find(a.id, cmd.name.strip())
    if found is None:
        names = ", ".join(f"`{esc(i.name)}`" for i in u.tx.indicators.of_activity(a.id)) or "—"
        raise UserError("error.no_indicator", ref=a.ref, name=esc(cmd.name, 80), names=names)
    day = _day(u, cmd.on)
    u.tx.indicators.measure(u.plan.id, found.id, cmd.value, day, u.ctx.user_id)
    after = {"indicator": found.name, "value": cmd.value, "on": day}
    u.audit("activity", a.ref, "measured", after=after)
    lang = u.plan.language
    return u.changed(
        "indicator.measured",
        ref=a.ref,
        name=esc(found.name),
        value=number(lang, cmd.value),
        baseline=number(lang, found.baseline),
        day=u.fmt(day),
        user=mention(u.ctx.user_id),
    )


declare_verb(
    Verb("indicator", words=("indicator", "indikator"), parse=parse_indicator, sv="indikator")
)
declare(
    Command(
        IndicatorAdd,
        en="indicator add",
        sv="indikator ny",
        access=Access.OWNER,
        writes=True,
        run=run_indicator_add,
        topic="indicator",
        examples=(
            "indicator add A1 Reports of vandalism baseline 12 target 6 unit per month",
            "indikator ny A1 Anmälda skadegörelser utgångsvärde 12 mål 6 enhet per månad",
        ),
    )
)
declare(
    Command(
        IndicatorMeasure,
        en="indicator",
        sv="indikator",
        access=Access.OWNER,
        writes=True,
        run=run_indicator_measure,
        topic="indicator",
        examples=(
            "indicator A1 Reports of vandalism 9 on 2026-10-31",
            "indikator A1 Anmälda skadegörelser 9 den 2026-10-31",
        ),
    )
)
