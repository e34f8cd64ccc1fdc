"""The template sheet as CSV for Excel in a Swedish locale: UTF-8 with a BOM, `;` between cells."""

from __future__ import annotations

import csv
from datetime import date
from io import StringIO

from samverkan.files.tables import Sheet, Value

#: What makes a spreadsheet read a cell as a formula; such text is written after a `'`.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell_text(value: Value) -> str:
    """A cell as CSV text: dates ISO, text that would start a formula quoted with `'`."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    # A text's own leading ' is quoted too, so reading the file back keeps it.
    return "'" + text if text.startswith((*FORMULA_START, "'")) else text


def template_csv(sheet: Sheet) -> bytes:
    """The template sheet: its header row, then every row (cause headings included)."""
    out = StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(sheet.headers)
    for row in sheet.rows:
        writer.writerow([cell_text(v) for v in row.cells])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
