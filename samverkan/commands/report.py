"""`report [tertial <1-3> | year | <date> <date>] [<year>]` (`rapport`, `slutrapport`): the
follow-up report (DESIGN §11) as a Word document and a workbook of the same figures, sent to
the coordinator who asked, with a short summary in chat that says the same in words."""

from __future__ import annotations

import re
from dataclasses import dataclass

from samverkan.context import UserError
from samverkan.domain import Unit
from samverkan.i18n import t
from samverkan.parsing import ParseError, is_date
from samverkan.registry import Access, Command, Verb, declare, declare_verb
from samverkan.reply import Effect, OutFile, Reply, Section
from samverkan.report import period as periods
from samverkan.report.figures import Figures, gather
from samverkan.text import esc

TERTIAL_WORDS = ("tertial", "tertiary", "t")
YEAR_WORDS = ("year", "år", "helår", "annual")
_YEAR = re.compile(r"(19|20)[0-9]{2}")
_SAFE = re.compile(r"[\\/:*?\"<>|\x00-\x1f]+")
#: The longest period a report covers.
MAX_DAYS = 5 * 366


@dataclass(frozen=True)
class Report:
    kind: str = "year"  # "tertial", "year" or "dates"
    number: int = 0
    year: int | None = None
    start: str | None = None
    end: str | None = None


def parse_report(rest: list[str]) -> Report:
    """`report`, `report tertial 2 [2026]`, `report year [2026]`, `report 2026`, two dates."""
    words = [w.casefold() for w in rest]
    if len(words) == 1 and _YEAR.fullmatch(words[0]):
        return Report("year", 0, int(words[0]))
    year = int(words.pop()) if len(words) > 1 and _YEAR.fullmatch(words[-1]) else None
    if not words or (words[0] in YEAR_WORDS and len(words) == 1):
        return Report("year", 0, year)
    if words[0] in TERTIAL_WORDS and len(words) == 2 and words[1] in ("1", "2", "3"):
        return Report("tertial", int(words[1]), year)
    if year is None and len(rest) == 2 and all(is_date(w) for w in rest):
        return Report("dates", start=rest[0], end=rest[1])
    raise ParseError("error.report_usage", "report", {"value": " ".join(rest)[:40]})


def report_period(u: Unit, cmd: Report) -> periods.Period:
    """The period a command names; refused when it is not one a report can cover."""
    today = u.today
    if cmd.kind == "dates":
        assert cmd.start is not None and cmd.end is not None
        start = u.d.date(u.plan, cmd.start, today, topic="report", prefer="past")
        end = u.d.date(u.plan, cmd.end, today, topic="report", prefer="past", base=start)
        if end < start or (end - start).days > MAX_DAYS:
            raise UserError(
                "error.report_dates", topic="report", start=u.fmt(start), end=u.fmt(end)
            )
        found = periods.Period(start, end, "dates")
    elif cmd.kind == "tertial":
        found = periods.tertial(cmd.number, cmd.year or today.year)
    else:
        found = periods.year(cmd.year or today.year)
    if found.start > today:
        raise UserError("error.report_future", topic="report", start=u.fmt(found.start))
    return found


def file_stem(u: Unit, label: str) -> str:
    """`Trygg i Husby — uppföljning 2026`: the plan's name, without what a file name cannot hold."""
    name = _SAFE.sub(" ", u.plan.name).strip()[:80] or "plan"
    return t(u.plan.language, "report.file", plan=name, period=_SAFE.sub("-", label))


def _document(figures: Figures) -> bytes:
    # The document draws charts (matplotlib): loaded when a file is written, not at start
    # and not while Slack waits for the command's answer.
    from samverkan.report.document import build

    return build(figures)


def _workbook(figures: Figures, title: str) -> bytes:
    from samverkan.files.xlsx import workbook
    from samverkan.report.sheets import report_sheets

    return workbook(report_sheets(figures), title)


def run_report(u: Unit, cmd: Report) -> Reply:
    """Gather the period's figures, write the document and the workbook, and say what they say."""
    from samverkan.report.summary import summary_lines
    from samverkan.report.words import period_label

    plan, lang = u.plan, u.plan.language
    period = report_period(u, cmd)
    figures = gather(u.tx, plan, period, u.today)
    label = period_label(lang, period)
    stem = file_stem(u, label)
    title = t(lang, "report.title", plan=plan.name, period=label)
    # The figures are plain values: the files are written from them once the reply has gone.
    files = (
        OutFile(f"{stem}.docx", b"", title, make=lambda: _document(figures)),
        OutFile(f"{stem}.xlsx", b"", title, make=lambda: _workbook(figures, title)),
    )
    key = "report.made" if u.ctx.surface == "console" else "report.sent"
    lines = summary_lines(figures)
    head = t(
        lang,
        key,
        plan=esc(plan.name),
        period=esc(label),
        days=f"{u.fmt(period.start)} – {u.fmt(period.end)}",
    )
    text = head + "\n" + "\n".join(lines)
    return Reply(
        text,
        [Section(text)],
        lang=lang,
        plan_id=plan.id,
        effects=tuple(Effect.send_file(f) for f in files),
    )


declare_verb(
    Verb(
        "report",
        words=("report", "rapport", "slutrapport", "uppföljningsrapport"),
        parse=parse_report,
        sv="rapport",
    )
)
declare(
    Command(
        Report,
        en="report",
        sv="rapport",
        access=Access.COORDINATOR,
        writes=False,
        run=run_report,
        topic="report",
        what="report",
        examples=("report tertial 2 2026", "rapport år 2026"),
    )
)
