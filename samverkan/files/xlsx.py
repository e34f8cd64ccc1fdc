"""The plan's sheets as an XLSX workbook (openpyxl): the template ready to print on A4 landscape."""

from __future__ import annotations

from datetime import date
from io import BytesIO

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from samverkan.files.tables import Sheet, Value

#: Fills of the assessment, as the template colours its follow-up column.
RAG_FILLS = {
    "green": PatternFill("solid", fgColor="92D050"),
    "amber": PatternFill("solid", fgColor="FFC000"),
    "red": PatternFill("solid", fgColor="FF5050"),
}
HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
CAUSE_FILL = PatternFill("solid", fgColor="DDEBF7")
THIN = Side(style="thin", color="A6A6A6")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
#: The template's columns that carry the assessment's colour: follow-up and assessment.
RAG_COLUMNS = (6, 8)


def _put(ws: Worksheet, row: int, column: int, value: Value) -> None:
    """A cell; text is always text (a value like `=1+1` is never a formula), dates as dates."""
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        # Control characters have no place in a worksheet (openpyxl refuses them).
        cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell.data_type = "s"
    else:
        cell.value = value
        if isinstance(value, date):
            cell.number_format = "yyyy-mm-dd"
    cell.alignment = WRAP
    cell.border = BORDER


def _write(ws: Worksheet, sheet: Sheet, title: str) -> None:
    first = 1
    if sheet.template:
        ws.cell(row=1, column=1, value=title).font = Font(bold=True, size=14)
        first = 3
    for column, text in enumerate(sheet.headers, 1):
        _put(ws, first, column, text)
        cell = ws.cell(row=first, column=column)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = HEADER_FILL
    for offset, row in enumerate(sheet.rows, 1):
        r = first + offset
        for column, value in enumerate(row.cells, 1):
            _put(ws, r, column, value)
        if row.kind == "cause":
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=len(sheet.headers))
            ws.cell(row=r, column=1).font = Font(bold=True)
            ws.cell(row=r, column=1).fill = CAUSE_FILL
        elif row.rag in RAG_FILLS:
            for column in RAG_COLUMNS if sheet.template else ():
                ws.cell(row=r, column=column).fill = RAG_FILLS[row.rag]
    for column, width in enumerate(sheet.widths, 1):
        ws.column_dimensions[get_column_letter(column)].width = width
    ws.freeze_panes = ws.cell(row=first + 1, column=1)
    ws.auto_filter.ref = None
    ws.print_title_rows = f"{first}:{first}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.gridLines = False


def workbook(sheets: list[Sheet], title: str) -> bytes:
    """The sheets as an XLSX file; the template sheet gets `title` above its header."""
    wb = Workbook()
    for index, sheet in enumerate(sheets):
        ws = wb.active if index == 0 else wb.create_sheet()
        assert ws is not None
        ws.title = sheet.name[:31]
        _write(ws, sheet, title)
    out = BytesIO()
    wb.save(out)
    return out.getvalue()
