"""The plan as tables: the template sheet and one sheet per kind of record, in the plan's language.

Plain values only; samverkan.files.xlsx and .csvfile write them. A new kind of record (an
observation, an indicator) is one more function in SHEETS.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from samverkan.commands.activity_fields import kind_name, period_of, who_of
from samverkan.files.columns import TEMPLATE, header
from samverkan.i18n import t
from samverkan.periods import write_period
from storage import Activity, Plan, Tx

Value = str | int | float | date | None


@dataclass(frozen=True)
class Row:
    """One row: its cells, and how it reads (a cause heading, or a measure with its RAG)."""

    cells: tuple[Value, ...]
    kind: str = "data"  # "data", "cause" (a heading row) or "measure"
    rag: str | None = None


@dataclass(frozen=True)
class Sheet:
    """One sheet: its name, headers, rows and column widths (characters)."""

    name: str
    headers: tuple[str, ...]
    rows: list[Row] = field(default_factory=list)
    widths: tuple[int, ...] = ()
    template: bool = False


def _rag_word(lang: str, rag: str | None) -> str:
    return t(lang, f"rag.{rag}") if rag else ""


def measure_row(lang: str, a: Activity) -> Row:
    """One activity as the template writes it."""
    cells = (
        "",
        a.title,
        a.goal,
        write_period(period_of(a), lang),
        ", ".join(who_of(a)),
        a.followup,
        t(lang, f"status.{a.status}"),
        _rag_word(lang, a.rag),
        kind_name(lang, a.kind) if a.kind else "",
        a.ref,
    )
    return Row(cells, "measure", a.rag)


def template_sheet(tx: Tx, plan: Plan) -> Sheet:
    """The council's template: each numbered cause as a heading, its measures under it."""
    lang = plan.language
    acts = tx.activities.of_plan(plan.id)
    rows = [measure_row(lang, a) for a in acts if a.cause_id is None]
    for c in tx.causes.of_plan(plan.id):
        rows.append(Row((f"{c.ref} {c.text}", *[""] * (len(TEMPLATE) - 1)), "cause"))
        rows += [measure_row(lang, a) for a in acts if a.cause_id == c.id]
    return Sheet(
        t(lang, "export.sheet_template"),
        tuple(header(key, lang) for key, _, _ in TEMPLATE),
        rows,
        (30, 40, 30, 24, 28, 36, 12, 12, 18, 7),
        template=True,
    )


def _sheet(
    lang: str, key: str, headers: tuple[str, ...], rows: list[Row], widths: tuple[int, ...]
) -> Sheet:
    return Sheet(t(lang, f"export.sheet_{key}"), tuple(t(lang, h) for h in headers), rows, widths)


def activities_sheet(tx: Tx, plan: Plan) -> Sheet:
    """Every field of every activity."""
    lang = plan.language
    rows = [
        Row(
            (
                a.ref,
                a.title,
                a.cause_ref or "",
                a.cause,
                a.goal,
                a.owner or "",
                ", ".join(a.partners),
                a.period_start,
                a.period_end,
                t(lang, "export.yes") if a.period_ongoing else "",
                a.followup,
                kind_name(lang, a.kind) if a.kind else "",
                t(lang, f"status.{a.status}"),
                _rag_word(lang, a.rag),
                a.start_date,
                a.due_date,
            ),
            rag=a.rag,
        )
        for a in tx.activities.of_plan(plan.id)
    ]
    headers = (
        "export.ref",
        "field.title",
        "export.cause_ref",
        "field.cause",
        "field.goal",
        "field.owner",
        "field.partners",
        "export.period_start",
        "export.period_end",
        "export.ongoing",
        "field.followup",
        "field.kind",
        "field.status",
        "field.rag",
        "export.start",
        "field.due",
    )
    widths = (7, 40, 8, 30, 30, 20, 28, 12, 12, 9, 36, 18, 12, 12, 12, 12)
    return _sheet(lang, "activities", headers, rows, widths)


def causes_sheet(tx: Tx, plan: Plan) -> Sheet:
    """The numbered causes."""
    lang = plan.language
    rows = [Row((c.ref, c.text, c.activities)) for c in tx.causes.of_plan(plan.id)]
    headers = ("export.ref", "field.cause", "export.activity_count")
    return _sheet(lang, "causes", headers, rows, (7, 60, 12))


def log_sheet(tx: Tx, plan: Plan) -> Sheet:
    """The log, oldest first: what was done, when, for which activity, by which organisation."""
    lang = plan.language
    entries = tx.logs.between(plan.id, date(1900, 1, 1), date(9999, 12, 31))
    rows = [
        Row(
            (
                e.ref,
                e.happened_on,
                e.activity_ref or "",
                e.organisation or "",
                e.text,
                e.participants,
                e.hours,
            )
        )
        for e in reversed(entries)
    ]
    headers: tuple[str, ...] = ("export.ref", "field.on", "field.activity", "field.organisation")
    headers += ("field.text", "field.participants", "field.hours")
    return _sheet(lang, "log", headers, rows, (7, 12, 9, 24, 80, 12, 9))


def followups_sheet(tx: Tx, plan: Plan) -> Sheet:
    """The follow-ups: what, for which activity, by when, and where they stand."""
    lang = plan.language
    rows = [
        Row(
            (
                f.ref,
                f.text,
                f.activity_ref or "",
                f.due_date,
                t(lang, f"export.followup_{f.status}"),
                f.done_at.date() if f.done_at else None,
            )
        )
        for f in tx.followups.of_plan(plan.id)
    ]
    headers = (
        "export.ref",
        "field.text",
        "field.activity",
        "field.due",
        "field.status",
        "export.done_on",
    )
    return _sheet(lang, "followups", headers, rows, (7, 60, 9, 12, 12, 12))


def observations_sheet(tx: Tx, plan: Plan) -> Sheet:
    """The situation picture's observations, oldest first: when, where, what, how concerning."""
    lang = plan.language
    rows = [
        Row(
            (
                h.ref,
                h.happened_on,
                f"{h.iso_year}-W{h.iso_week:02d}",
                t(lang, f"band.{h.time_band}") if h.time_band else "",
                h.place or "",
                t(lang, f"category.{h.category}"),
                t(lang, f"concern.{h.concern}") if h.concern else "",
                h.organisation or "",
                h.text,
            )
        )
        for h in tx.observations.of_plan(plan.id)
    ]
    headers = (
        "export.ref",
        "field.on",
        "field.week",
        "field.band",
        "field.place",
        "field.category",
        "field.concern",
        "field.organisation",
        "field.text",
    )
    return _sheet(lang, "observations", headers, rows, (7, 12, 10, 12, 22, 20, 10, 24, 70))


def indicators_sheet(tx: Tx, plan: Plan) -> Sheet:
    """The effect indicators: baseline, target, the latest value, every measurement."""
    lang = plan.language
    rows = []
    for i in tx.indicators.of_plan(plan.id):
        values = tx.indicators.values(i.id)
        latest = values[-1] if values else None
        measured = "; ".join(f"{m.measured_on.isoformat()}: {m.value:g}" for m in values)
        cells: tuple[Value, ...] = (i.activity_ref, i.name, i.unit, i.baseline, i.baseline_on)
        cells += (i.target, latest.value if latest else None)
        cells += (latest.measured_on if latest else None, measured)
        rows.append(Row(cells))
    headers: tuple[str, ...] = ("field.activity", "export.indicator", "export.unit")
    headers += ("export.baseline",)
    headers += ("export.baseline_on", "export.target", "export.latest", "export.latest_on")
    headers += ("export.measurements",)
    return _sheet(lang, "indicators", headers, rows, (9, 36, 16, 10, 12, 10, 10, 12, 60))


#: The sheets of an export, in order.
SHEETS: list[Callable[[Tx, Plan], Sheet]] = [
    template_sheet,
    activities_sheet,
    causes_sheet,
    log_sheet,
    followups_sheet,
    observations_sheet,
    indicators_sheet,
]


def plan_sheets(tx: Tx, plan: Plan) -> list[Sheet]:
    """Every sheet of the plan's export."""
    return [make(tx, plan) for make in SHEETS]
