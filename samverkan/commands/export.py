"""`export [xlsx|csv]`: the plan in the council's template, as a file for the person who asked."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from samverkan.domain import Unit
from samverkan.files.csvfile import template_csv
from samverkan.files.tables import plan_sheets, template_sheet
from samverkan.i18n import t
from samverkan.parsing import ParseError
from samverkan.registry import Access, Command, Verb, declare, declare_verb
from samverkan.reply import Effect, OutFile, Reply, Section
from samverkan.text import esc

FORMATS = {"xlsx": "xlsx", "excel": "xlsx", "csv": "csv"}


@dataclass(frozen=True)
class Export:
    format: str = "xlsx"


def parse_export(rest: list[str]) -> Export:
    """`export [xlsx|csv]`."""
    if not rest:
        return Export()
    found = FORMATS.get(" ".join(rest).casefold())
    if found is None:
        raise ParseError("error.export_usage", "export", {"value": " ".join(rest)[:40]})
    return Export(found)


def file_name(u: Unit, extension: str) -> str:
    """`atgardsplan-trygg-i-jarva-2026-11-25.xlsx`: the plan's name in plain letters, today."""
    plain = unicodedata.normalize("NFKD", u.plan.name).encode("ascii", "ignore").decode()
    slug = "-".join(re.findall(r"[a-z0-9]+", plain.casefold()))[:60] or "plan"
    stem = t(u.plan.language, "export.file_stem")
    return f"{stem}-{slug}-{u.today.isoformat()}.{extension}"


def run_export(u: Unit, cmd: Export) -> Reply:
    """Build the file and send it to the person who asked."""
    plan, lang = u.plan, u.plan.language
    title = t(lang, "export.title", name=plan.name, day=u.fmt(u.today))
    if cmd.format == "csv":
        content = template_csv(template_sheet(u.tx, plan))
    else:
        # openpyxl (and numpy, which it loads) only when a workbook is made, not at every start.
        from samverkan.files.xlsx import workbook

        content = workbook(plan_sheets(u.tx, plan), title)
    out = OutFile(file_name(u, cmd.format), content, title)
    key = "export.made" if u.ctx.surface == "console" else "export.sent"
    text = t(lang, key, name=esc(out.name))
    return Reply(
        text, [Section(text)], lang=lang, plan_id=plan.id, effects=(Effect.send_file(out),)
    )


declare_verb(Verb("export", words=("export", "exportera"), parse=parse_export, sv="exportera"))
declare(
    Command(
        Export,
        en="export",
        sv="exportera",
        access=Access.PLAN,
        writes=False,
        run=run_export,
        topic="export",
        examples=("export", "exportera csv"),
    )
)
