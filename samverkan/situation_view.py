"""One week's situation picture (DESIGN §9), gathered from storage and drawn as reply items.

`situation` / `läge` shows it on its own; the weekly digest carries the same picture for the
week it reports, in a smaller budget of blocks. Every list ends with "…and N more" and the
command that lists the rest.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from babel.dates import format_interval

from samverkan.dates import babel_locale, format_date
from samverkan.est_words import CATEGORIES
from samverkan.i18n import t
from samverkan.registry import command_word
from samverkan.reply import Header, Item, Note, Section
from samverkan.rules import followup_late
from samverkan.situation import (
    TREND_WEEKS,
    Compared,
    Hotspot,
    Week,
    compare,
    counted_span,
    hotspots,
    monday,
    sparkline,
    trend,
)
from samverkan.text import SECTION_CHARS, esc, mention, more_text, pack_lines
from storage import Measure, Observation, Organisation, Plan, SituationNote, Tx

#: Observations fetched for a picture: more than any budget shows, so the rest is counted.
OBSERVATION_FETCH = 200
#: Places listed before "…and N more".
PLACE_LIMIT = 12
#: Measures listed before "…and N more".
MEASURE_LIMIT = 15
CONCERN_ICONS = {"low": "🟢", "medium": "🟡", "high": "🔴"}
MEASURE_ICONS = {"open": "⬜", "done": "✅", "cancelled": "✖️"}


@dataclass(frozen=True)
class Picture:
    plan: Plan
    week: Week
    today: date
    categories: list[Compared]
    trends: dict[str, list[int]]
    places: list[Compared]
    hotspots: list[Hotspot]
    observations: list[Observation]
    total: int
    reported: list[Organisation]
    silent: list[Organisation]
    note: SituationNote | None
    measures: list[Measure]


def gather(tx: Tx, plan: Plan, week: Week, today: date) -> Picture:
    """Everything the picture of one week shows, read in one unit of work."""
    first, last = counted_span(week)
    counts = tx.observations.counts(plan.id, first, last)
    cats = compare(counts, week, "category")
    order = {c: i for i, c in enumerate(CATEGORIES)}
    cats.sort(key=lambda c: (-c.n, order.get(c.name, 99)))
    shown, total = tx.observations.of_week(plan.id, *week, limit=OBSERVATION_FETCH)
    reporting = tx.observations.reporting_organisations(plan.id, *week)
    reporting |= tx.rounds.nothing_to_report(plan.id, *week)
    orgs = tx.organisations.of_plan(plan.id)
    return Picture(
        plan=plan,
        week=week,
        today=today,
        categories=cats,
        trends={c.name: trend(counts, week, c.name) for c in cats},
        places=compare(counts, week, "place"),
        hotspots=hotspots(counts, week),
        observations=shown,
        total=total,
        reported=[o for o in orgs if o.id in reporting],
        silent=[o for o in orgs if o.id not in reporting],
        note=tx.situation.note(plan.id, *week),
        measures=tx.situation.measures(plan.id, *week),
    )


def week_title(lang: str, week: Week) -> str:
    """ "Week 48, 23–29 Nov" in the plan's language."""
    start = monday(week)
    dates = format_interval(start, start + timedelta(days=6), "yMMMd", locale=babel_locale(lang))
    dates = dates.replace("\u2009", " ").replace("\u202f", " ")  # as the digest writes ranges
    return t(lang, "situation.week", week=week[1], dates=dates)


def observation_line(
    lang: str, h: Observation, today: date, listed: bool = True, text: str | None = None
) -> str:
    """One observation: (ref,) category, place, day and time band, concern (organisation, text,
    escaped unless `text` is given drawn already)."""
    parts = [f"*{t(lang, f'category.{h.category}')}*"]
    if h.place:
        parts.append(t(lang, "observe.at", place=esc(h.place)))
    when = format_date(h.happened_on, lang, today)
    if h.time_band:
        when += " " + t(lang, f"band.{h.time_band}")
    parts.append(when)
    if h.concern:
        parts.append(CONCERN_ICONS[h.concern] + " " + t(lang, f"concern.{h.concern}"))
    if not listed:
        return " · ".join(parts)
    who = f" ({esc(h.organisation)})" if h.organisation else ""
    shown = esc(h.text, 200) if text is None else text
    return f"`{h.ref}` " + " · ".join(parts) + f"{who}: {shown}"


def _compared(lang: str, c: Compared, label: str, bars: str = "") -> str:
    mean = f"{c.mean:.1f}".replace(".", "," if lang == "sv" else ".")
    line = f"{label} *{c.n}* {c.arrow} " + t(lang, "situation.mean", mean=mean)
    return line + (f"  `{bars}`" if bars else "")


def render_picture(
    p: Picture, root: str, *, sections: int = 8, heading: bool = True
) -> tuple[list[Item], list[str]]:
    """The picture as reply items (within `sections` sections of observations) and text lines."""
    lang, week = p.plan.language, p.week
    items: list[Item] = []
    text: list[str] = []
    title = t(lang, "situation.title", plan=p.plan.name, week=week_title(lang, week))
    if heading:
        items.append(Header(title[:150]))
    else:
        items.append(Section(f"*{esc(title)}*"))
    text.append(esc(title))
    total_line = t(lang, "situation.total", n=p.total)
    if not p.total and not p.categories:
        empty = t(lang, "situation.empty", cmd=root)
        items.append(Section(empty))
        text.append(empty)
    else:
        cat_lines = [
            _compared(lang, c, t(lang, f"category.{c.name}"), sparkline(p.trends[c.name]))
            for c in p.categories
        ]
        head = f"*{total_line}*\n_" + t(lang, "situation.by_category", weeks=TREND_WEEKS) + "_"
        items.extend(pack_lines(cat_lines, head))
        text.append(total_line)
        text.extend(cat_lines)
        place_lines = [_compared(lang, c, "📍 " + esc(c.name)) for c in p.places[:PLACE_LIMIT]]
        if len(p.places) > PLACE_LIMIT:
            place_lines.append(more_text(lang, len(p.places) - PLACE_LIMIT, root, "place list"))
        if place_lines:
            items.extend(pack_lines(place_lines, "*" + t(lang, "situation.by_place") + "*"))
        if p.hotspots:
            spots = [
                "🔥 "
                + t(lang, "situation.hotspot", place=esc(h.place), n=h.n)
                + (" · " + t(lang, "situation.hotspot_high", n=h.high) if h.high else "")
                for h in p.hotspots
            ]
            items.append(Section("*" + t(lang, "situation.hotspots") + "*\n" + "\n".join(spots)))
            text.extend(spots)
    items.append(Section(_reporters(p)))
    items.extend(_observations(p, root, sections))
    note = _note(p, root)
    items.append(Section(note))
    text.append(note)
    items.extend(_measures(p, root))
    return items, text


def merged(items: list[Item]) -> list[Item]:
    """Neighbouring sections joined while they fit in one (the digest's compact picture)."""
    out: list[Item] = []
    for item in items:
        last = out[-1] if out else None
        if (
            isinstance(item, Section)
            and isinstance(last, Section)
            and len(last.text) + 1 + len(item.text) <= SECTION_CHARS
        ):
            out[-1] = Section(last.text + "\n" + item.text)
        else:
            out.append(item)
    return out


def _reporters(p: Picture) -> str:
    lang = p.plan.language
    done = ", ".join(esc(o.name) for o in p.reported) or "—"
    missing = ", ".join(esc(o.name) for o in p.silent) or "—"
    return (
        f"*{t(lang, 'situation.reported')}* {done}\n*{t(lang, 'situation.not_reported')}* {missing}"
    )


def _observations(p: Picture, root: str, sections: int) -> list[Item]:
    lang = p.plan.language
    if not p.observations:
        return []
    lines = [observation_line(lang, h, p.today) for h in p.observations]
    out: list[Item] = []
    chunk = ["*" + t(lang, "situation.observations") + "*"]
    size, listed = len(chunk[0]), 0
    for line in lines:
        if size + 1 + len(line) > SECTION_CHARS:
            out.append(Section("\n".join(chunk)))
            chunk, size = [], 0
            if len(out) == sections:
                break
        chunk.append(line)
        size += len(line) + 1
        listed += 1
    else:
        out.append(Section("\n".join(chunk)))
    if p.total > listed:
        out.append(Note(more_text(lang, p.total - listed, root, list_command(lang, p.week))))
    return out


def list_command(lang: str, week: Week, page: int = 1) -> str:
    """The words that list a week's observations (`observe list v48 2`), in the plan's language."""
    return f"{command_word(lang, 'observe list')} v{week[1]}" + (f" {page}" if page > 1 else "")


def _note(p: Picture, root: str) -> str:
    lang = p.plan.language
    if p.note is None:
        return f"*{t(lang, 'situation.assessment')}*\n" + t(lang, "situation.no_note", cmd=root)
    by = t(lang, "situation.note_by", user=mention(p.note.user_id))
    body = f"> {esc(p.note.text)}".replace("\n", "\n> ")
    return f"*{t(lang, 'situation.assessment')}* {by}\n{body}"[:SECTION_CHARS]


def _measures(p: Picture, root: str) -> list[Item]:
    lang = p.plan.language
    head = "*" + t(lang, "situation.measures") + "*"
    if not p.measures:
        return [Section(head + "\n" + t(lang, "situation.no_measures", cmd=root))]
    lines = []
    for m in p.measures[:MEASURE_LIMIT]:
        f = m.followup
        bits = [mention(f.assignee), t(lang, f"fstatus.{f.status}")]
        if f.due_date:
            late = "⏰ " if followup_late(f, p.today) else ""
            bits.append(
                late + t(lang, "followup.due_part", due=format_date(f.due_date, lang, p.today))
            )
        if (m.iso_year, m.iso_week) != p.week:
            bits.append(t(lang, "situation.from_week", week=m.iso_week))
        lines.append(
            f"{MEASURE_ICONS.get(f.status, '⬜')} `{f.ref}` {esc(f.text, 200)} — "
            + " · ".join(bits)
        )
    if len(p.measures) > MEASURE_LIMIT:
        lines.append(more_text(lang, len(p.measures) - MEASURE_LIMIT, root, "overdue"))
    return list(pack_lines(lines, head))
