"""How the report names things in the plan's language: statuses, assessments, categories,
changes, months and its period."""

from __future__ import annotations

from datetime import date

from babel.dates import format_skeleton

from samverkan.dates import babel_locale, format_date
from samverkan.i18n import t
from samverkan.report.figures import Change
from samverkan.report.period import Period

STATUSES = ("planned", "active", "done", "paused", "cancelled")


def status_name(lang: str, status: str | None) -> str:
    """`active` / `pågår`; "—" for none."""
    return t(lang, f"status.{status}") if status else "—"


def rag_name(lang: str, rag: str | None) -> str:
    """`green` / `grön`; "not assessed" for none."""
    return t(lang, f"rag.{rag}") if rag and rag != "none" else t(lang, "rag.none")


def category_name(lang: str, category: str) -> str:
    """An observation category's name."""
    return t(lang, f"category.{category}")


def change_text(lang: str, c: Change) -> str:
    """`status planned → active`, `assessment amber → red`."""
    name = status_name if c.field == "status" else rag_name
    key = "report.change_status" if c.field == "status" else "report.change_rag"
    return t(lang, key, old=name(lang, c.old), new=name(lang, c.new))


def month_label(lang: str, month: date, short: bool = False) -> str:
    """`Jan 2026` / `jan. 2026`; `short`: `Jan` / `jan.`."""
    return format_skeleton("MMM" if short else "yMMM", month, locale=babel_locale(lang))


def period_label(lang: str, period: Period) -> str:
    """`tertial 2 2026`, `2026`, `1 Jan 2026 – 30 Jun 2026`."""
    if period.kind == "tertial":
        return t(lang, "report.period_tertial", n=period.number, year=period.start.year)
    if period.kind == "year":
        return str(period.start.year)
    return f"{format_date(period.start, lang, None)} – {format_date(period.end, lang, None)}"
