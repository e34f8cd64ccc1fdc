"""The follow-up report as a Word document (python-docx), in the plan's language: cover,
summary, per cause its activities (production, process, effect), the situation picture, each
organisation's contribution and what is open. Editable before it goes to the committee."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from io import BytesIO

from docx import Document
from docx.document import Document as DocumentType
from docx.enum.text import WD_BREAK
from docx.shared import Cm, Pt

from samverkan.dates import format_date
from samverkan.i18n import t
from samverkan.indicators import number
from samverkan.production import hours_text
from samverkan.report import charts
from samverkan.report.figures import ActivityFigures, Figures, plain
from samverkan.report.words import (
    STATUSES,
    category_name,
    change_text,
    month_label,
    period_label,
    rag_name,
    status_name,
)

Cell = str | int | float


#: The text width of an A4 page with 2.5 cm margins, and a table's font size.
TEXT_WIDTH = 16.0
TABLE_FONT = Pt(9)
MONTHS_FONT = Pt(7)


def _table(
    doc: DocumentType,
    headers: list[str],
    rows: list[list[Cell]],
    first: float = 4.5,
    font: Pt = TABLE_FONT,
    last: float | None = None,
) -> None:
    """A table with a bold header row; the first column `first` cm wide (and the last `last`
    cm, if given), the others share the rest."""
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Light Grid Accent 1"
    shared = len(headers) - 1 - (last is not None)
    rest = (TEXT_WIDTH - first - (last or 0)) / max(1, shared)
    widths = [Cm(first)] + [Cm(rest)] * shared + ([Cm(last)] if last is not None else [])
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = value if isinstance(value, str) else f"{value:g}"
    # Word reads the cells' widths, LibreOffice the grid's: both are set.
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row_ in table.rows:
        for cell, width in zip(row_.cells, widths, strict=True):
            cell.width = width
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = font
    doc.add_paragraph()


def _picture(doc: DocumentType, png: bytes, caption: str) -> None:
    doc.add_picture(BytesIO(png), width=Cm(16))
    doc.add_paragraph(caption, style="Caption")


def build(f: Figures) -> bytes:
    """The report as DOCX bytes."""
    lang = f.plan.language

    def day(d: date) -> str:
        return format_date(d, lang, None)

    doc = Document()
    for section in doc.sections:
        section.left_margin = section.right_margin = Cm(2.5)
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(11)
    _cover(doc, f, day)
    _summary(doc, f)
    doc.add_heading(t(lang, "report.h_activities"), level=1)
    for cause in f.causes:
        head = f"{cause.ref} {plain(cause.text)}" if cause.ref else t(lang, "report.no_cause")
        doc.add_heading(head, level=2)
        for a in cause.activities:
            _activity(doc, f, a, day)
    _situation(doc, f)
    _contributions(doc, f)
    _open(doc, f, day)
    out = BytesIO()
    doc.save(out)
    return out.getvalue()


def _cover(doc: DocumentType, f: Figures, day: Callable) -> None:
    lang = f.plan.language
    doc.add_heading(plain(f.plan.name), level=0)
    doc.add_paragraph(t(lang, "report.subtitle", period=period_label(lang, f.period)))
    lines = [
        (t(lang, "report.cover_period"), f"{day(f.period.start)} – {day(f.period.end)}"),
        (t(lang, "report.cover_area"), plain(f.plan.area) or "—"),
        (t(lang, "report.cover_organisations"), ", ".join(map(plain, f.organisations)) or "—"),
        (t(lang, "report.cover_made"), day(f.today)),
    ]
    for label, value in lines:
        p = doc.add_paragraph()
        p.add_run(f"{label}: ").bold = True
        p.add_run(value)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _summary(doc: DocumentType, f: Figures) -> None:
    lang = f.plan.language
    doc.add_heading(t(lang, "report.h_summary"), level=1)
    p = f.production
    for key, values in (
        ("report.sum_activities", {"n": f.activities, "changes": f.changes}),
        (
            "report.sum_production",
            {"n": p.entries, "participants": p.participants, "hours": hours_text(lang, p.hours)},
        ),
        (
            "report.sum_followups",
            {
                "n": f.followups_done,
                "on_time": f.followups_on_time,
                "assigned": f.followups_assigned,
            },
        ),
        ("report.sum_observations", {"n": f.situation.total}),
    ):
        doc.add_paragraph(t(lang, key, **values), style="List Bullet")
    rows: list[list[Cell]] = [
        [status_name(lang, s), f.status_start.get(s, 0), f.status_end.get(s, 0)] for s in STATUSES
    ]
    rows += [
        [rag_name(lang, r), f.rag_start.get(r, 0), f.rag_end.get(r, 0)]
        for r in ("green", "amber", "red", "none")
    ]
    # Activities added during the period had no state at its start.
    rows.append([t(lang, "report.not_yet"), f.activities - sum(f.status_start.values()), 0])
    headers = [t(lang, "report.col_state"), t(lang, "report.col_start"), t(lang, "report.col_end")]
    _table(doc, headers, rows, first=6)


def _activity(doc: DocumentType, f: Figures, a: ActivityFigures, day: Callable) -> None:
    lang = f.plan.language
    act = a.activity
    doc.add_heading(f"{act.ref} {plain(act.title)}", level=3)
    status = status_name(lang, a.status_end)
    line = t(
        lang,
        "report.activity_state",
        owner=plain(act.owner or "—"),
        status=status,
        rag=rag_name(lang, a.rag_end),
    )
    doc.add_paragraph(line)
    p = doc.add_paragraph()
    p.add_run(t(lang, "report.production") + ": ").bold = True
    prod = a.production
    text = t(
        lang,
        "report.production_line",
        n=prod.entries,
        participants=prod.participants,
        hours=hours_text(lang, prod.hours),
    )
    if a.organisations:
        text += " " + t(lang, "report.involved", orgs=", ".join(map(plain, a.organisations)))
    p.add_run(text)
    p = doc.add_paragraph()
    p.add_run(t(lang, "report.process") + ": ").bold = True
    if not a.changes:
        p.add_run(t(lang, "report.no_changes"))
    for c in a.changes:
        doc.add_paragraph(f"{day(c.day)}: {change_text(lang, c)}", style="List Bullet")
    if a.notable:
        doc.add_paragraph(t(lang, "report.notable"))
    for e in a.notable:
        bits = [day(e.happened_on)]
        if e.organisation:
            bits.append(plain(e.organisation))
        tail = []
        if e.participants is not None:
            tail.append(t(lang, "report.participants", n=e.participants))
        if e.hours is not None:
            tail.append(t(lang, "report.hours", hours=hours_text(lang, e.hours)))
        extra = f" ({', '.join(tail)})" if tail else ""
        doc.add_paragraph(
            f"{e.ref} {' · '.join(bits)}: {plain(e.text)}{extra}", style="List Bullet"
        )
    if not a.indicators:
        return
    p = doc.add_paragraph()
    p.add_run(t(lang, "report.effect") + ":").bold = True
    for pr in a.indicators:
        i = pr.indicator
        latest_day, latest = pr.latest
        text = t(
            lang,
            "report.indicator_line",
            name=plain(i.name),
            unit=f" ({plain(i.unit)})" if i.unit else "",
            baseline=number(lang, i.baseline),
            since=day(i.baseline_on),
            latest=number(lang, latest),
            on=day(latest_day),
        )
        if i.target is not None:
            text += "; " + t(lang, "report.target", target=number(lang, i.target))
        if pr.share is not None:
            text += "; " + t(lang, "report.share", share=round(pr.share * 100))
        doc.add_paragraph(text, style="List Bullet")
        labels = (
            t(lang, "report.measured"),
            t(lang, "report.baseline"),
            t(lang, "report.target_line"),
        )
        title = f"{plain(i.name)}" + (f" ({plain(i.unit)})" if i.unit else "")
        caption = t(lang, "report.caption_indicator", name=title)
        _picture(doc, charts.indicator_chart(title, pr.points, i.target, labels), caption)


def _situation(doc: DocumentType, f: Figures) -> None:
    lang, s = f.plan.language, f.situation
    doc.add_heading(t(lang, "report.h_situation"), level=1)
    doc.add_paragraph(t(lang, "report.situation_total", n=s.total))
    if not s.total:
        return
    one_year = len({m.year for m in s.months}) == 1
    months = [month_label(lang, m, short=one_year) for m in s.months]
    names = {c: category_name(lang, c) for c in s.by_month}
    category = t(lang, "report.col_category")
    if one_year:
        category += f" ({s.months[0].year})"
    headers = [category, *months, t(lang, "report.col_total")]
    rows: list[list[Cell]] = [[names[c], *counts, sum(counts)] for c, counts in s.by_month.items()]
    # Thirteen narrow columns (a year's months and the total): a smaller type keeps "Sept"
    # on one line.
    _table(doc, headers, rows, first=2.0, font=MONTHS_FONT, last=1.4)
    series = {names[c]: counts for c, counts in s.by_month.items()}
    _picture(
        doc,
        charts.month_chart(t(lang, "report.chart_months"), months, series),
        t(lang, "report.chart_months"),
    )
    if s.hotspots:
        doc.add_heading(t(lang, "report.h_hotspots"), level=2)
        headers = [
            t(lang, "report.col_place"),
            t(lang, "report.col_observations"),
            t(lang, "report.col_high"),
        ]
        _table(doc, headers, [[plain(p), n, high] for p, n, high in s.hotspots])


def _contributions(doc: DocumentType, f: Figures) -> None:
    lang = f.plan.language
    doc.add_heading(t(lang, "report.h_contributions"), level=1)
    headers = [
        t(lang, "report.col_organisation"),
        t(lang, "report.col_entries"),
        t(lang, "report.col_participants"),
        t(lang, "report.col_hours"),
        t(lang, "report.col_activities"),
        t(lang, "report.col_observations"),
    ]
    rows: list[list[Cell]] = [
        [plain(o.name), o.entries, o.participants, o.hours, o.activities, o.observations]
        for o in f.contributions
    ]
    _table(doc, headers, rows)
    shown = [o for o in f.contributions if o.hours]
    if shown:
        png = charts.bar_chart(
            t(lang, "report.chart_hours"),
            [plain(o.name) for o in shown],
            [o.hours for o in shown],
            t(lang, "report.col_hours"),
        )
        _picture(doc, png, t(lang, "report.chart_hours"))


def _open(doc: DocumentType, f: Figures, day: Callable) -> None:
    lang = f.plan.language
    doc.add_heading(t(lang, "report.h_open"), level=1)
    att = f.attention
    if not (f.open_followups or att.red or att.late or att.quiet):
        doc.add_paragraph(t(lang, "report.nothing_open"))
        return
    for key, acts in (
        ("report.open_red", att.red),
        ("report.open_late", att.late),
        ("report.open_quiet", att.quiet),
    ):
        for a in acts:
            doc.add_paragraph(
                t(
                    lang,
                    key,
                    ref=a.ref,
                    title=plain(a.title),
                    due=day(a.due_date) if a.due_date else "—",
                ),
                style="List Bullet",
            )
    if f.open_followups:
        headers = [
            t(lang, "report.col_followup"),
            t(lang, "report.col_ref"),
            t(lang, "report.col_due"),
            t(lang, "report.col_activity"),
        ]
        rows: list[list[Cell]] = [
            [plain(x.text), x.ref, day(x.due_date) if x.due_date else "—", x.activity_ref or "—"]
            for x in f.open_followups
        ]
        _table(doc, headers, rows, first=9)
