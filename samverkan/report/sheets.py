"""The report's figures as sheets of a workbook, for those who want the numbers: the summary,
each activity's production and process, the indicators, the situation per month and each
organisation's contribution (the same figures as the document)."""

from __future__ import annotations

from samverkan.files.tables import Row, Sheet, Value
from samverkan.i18n import t
from samverkan.report.figures import Figures, plain
from samverkan.report.words import STATUSES, category_name, month_label, rag_name, status_name


def _sheet(lang: str, key: str, headers: list[str], rows: list[tuple[Value, ...]]) -> Sheet:
    widths = tuple(max(10, min(50, len(h) + 4)) for h in headers)
    return Sheet(t(lang, key), tuple(headers), [Row(r) for r in rows], widths)


def report_sheets(f: Figures) -> list[Sheet]:
    """The sheets of the report's workbook."""
    lang = f.plan.language
    p = f.production
    summary: list[tuple[Value, ...]] = [
        (t(lang, "report.x_period"), f"{f.period.start.isoformat()} – {f.period.end.isoformat()}"),
        (t(lang, "report.x_activities"), f.activities),
        (t(lang, "report.x_changes"), f.changes),
        (t(lang, "report.col_entries"), p.entries),
        (t(lang, "report.col_participants"), p.participants),
        (t(lang, "report.col_hours"), p.hours),
        (t(lang, "report.x_followups_done"), f.followups_done),
        (t(lang, "report.x_followups_on_time"), f.followups_on_time),
        (t(lang, "report.x_followups_assigned"), f.followups_assigned),
        (t(lang, "report.col_observations"), f.situation.total),
    ]
    summary += [
        (f"{t(lang, 'field.status')}: {status_name(lang, s)}", f.status_end.get(s, 0))
        for s in STATUSES
    ]
    summary += [
        (f"{t(lang, 'field.rag')}: {rag_name(lang, r)}", f.rag_end.get(r, 0))
        for r in ("green", "amber", "red", "none")
    ]
    activities: list[tuple[Value, ...]] = []
    indicators: list[tuple[Value, ...]] = []
    for cause in f.causes:
        for a in cause.activities:
            act = a.activity
            activities.append(
                (
                    cause.ref or "",
                    act.ref,
                    plain(act.title),
                    plain(act.owner or ""),
                    status_name(lang, a.status_start),
                    status_name(lang, a.status_end),
                    rag_name(lang, a.rag_start) if a.status_start else "—",
                    rag_name(lang, a.rag_end),
                    len(a.changes),
                    a.production.entries,
                    a.production.participants,
                    a.production.hours,
                    ", ".join(map(plain, a.organisations)),
                )
            )
            for pr in a.indicators:
                i = pr.indicator
                day, latest = pr.latest
                share = round(pr.share * 100) if pr.share is not None else None
                indicators.append(
                    (
                        act.ref,
                        plain(i.name),
                        plain(i.unit),
                        i.baseline,
                        i.baseline_on,
                        i.target,
                        latest,
                        day,
                        share,
                    )
                )
    s = f.situation
    situation: list[tuple[Value, ...]] = [
        (category_name(lang, c), *counts, sum(counts)) for c, counts in s.by_month.items()
    ]
    orgs: list[tuple[Value, ...]] = [
        (plain(o.name), o.entries, o.participants, o.hours, o.activities, o.observations)
        for o in f.contributions
    ]
    col = lambda key: t(lang, key)  # noqa: E731
    return [
        _sheet(
            lang, "report.x_sheet_summary", [col("report.x_figure"), col("report.x_value")], summary
        ),
        _sheet(
            lang,
            "report.x_sheet_activities",
            [
                col("report.x_cause"),
                col("report.col_ref"),
                col("field.title"),
                col("field.owner"),
                col("report.x_status_start"),
                col("report.x_status_end"),
                col("report.x_rag_start"),
                col("report.x_rag_end"),
                col("report.x_changes"),
                col("report.col_entries"),
                col("report.col_participants"),
                col("report.col_hours"),
                col("report.x_involved"),
            ],
            activities,
        ),
        _sheet(
            lang,
            "export.sheet_indicators",
            [
                col("field.activity"),
                col("export.indicator"),
                col("export.unit"),
                col("export.baseline"),
                col("export.baseline_on"),
                col("export.target"),
                col("export.latest"),
                col("export.latest_on"),
                col("report.x_share"),
            ],
            indicators,
        ),
        _sheet(
            lang,
            "report.x_sheet_situation",
            [
                col("report.col_category"),
                *(month_label(lang, m) for m in s.months),
                col("report.col_total"),
            ],
            situation,
        ),
        _sheet(
            lang,
            "report.x_sheet_organisations",
            [
                col("report.col_organisation"),
                col("report.col_entries"),
                col("report.col_participants"),
                col("report.col_hours"),
                col("report.col_activities"),
                col("report.col_observations"),
            ],
            orgs,
        ),
    ]
