"""Reading a plan in the council's template from a file: XLSX or CSV (`;` or `,`), the header
row anywhere in the first ten rows, headers in either language, any order (DESIGN §10)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from io import BytesIO, StringIO

from samverkan.files.columns import column_of
from samverkan.files.csvfile import FORMULA_START

#: How many rows above the header a file may have (title rows).
HEADER_WITHIN = 10
#: What an assessment's fill colour says (the template colours the follow-up column).
FILL_RAGS = {"92D050": "green", "00B050": "green", "FFC000": "amber", "FFFF00": "amber"}
FILL_RAGS |= {"FF5050": "red", "FF0000": "red", "C00000": "red"}

Grid = list[list[tuple[str, str | None]]]


class FileError(ValueError):
    """A file that cannot be read as a plan; the key is a catalog message."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


@dataclass(frozen=True)
class Line:
    """One row under the header: its number in the file and its cells by template column."""

    number: int
    cells: dict[str, str]
    #: The assessment a cell's fill colour gives, when the row has one.
    fill_rag: str | None = None


def _text(value: object, *, csv_quoted: bool = False) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return str(value.isoformat())[:10]
    text = str(value).strip()
    # In a CSV file a leading ' keeps a spreadsheet from reading text as a formula
    # (csvfile.cell_text); a workbook's cell holds its text as it is.
    if csv_quoted and text[:1] == "'" and text[1:2] and text[1:2] in (*FORMULA_START, "'"):
        text = text[1:]
    return text


def _grid_xlsx(content: bytes) -> Grid:
    # openpyxl (and numpy, which it loads) only when a workbook is read, not at every start.
    from openpyxl import load_workbook

    wb = load_workbook(BytesIO(content), data_only=True)
    for ws in wb.worksheets:
        grid = []
        for row in ws.iter_rows():
            cells = []
            for cell in row:
                colour = None
                fill = getattr(cell, "fill", None)
                if fill is not None and fill.fill_type == "solid":
                    rgb = fill.fgColor.rgb
                    colour = rgb[-6:].upper() if isinstance(rgb, str) else None
                cells.append((_text(cell.value), colour))
            grid.append(cells)
        if _header_at(grid) is not None:
            return grid
    raise FileError("error.import_no_header")


def _grid_csv(content: bytes) -> Grid:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = content.decode("cp1252")
    head = "\n".join(text.splitlines()[: HEADER_WITHIN + 1])
    delimiter = ";" if head.count(";") >= head.count(",") else ","
    rows = csv.reader(StringIO(text), delimiter=delimiter)
    return [[(_text(v, csv_quoted=True), None) for v in row] for row in rows]


def _header_at(grid: Grid) -> int | None:
    for index, row in enumerate(grid[:HEADER_WITHIN]):
        keys = {column_of(v) for v, _ in row} - {None}
        if "measure" in keys and len(keys) >= 2:
            return index
    return None


def read_lines(name: str, content: bytes) -> list[Line]:
    """The rows of a template file by column; raises FileError when it is none."""
    lowered = name.casefold()
    if lowered.endswith(".xlsx") or content[:2] == b"PK":
        try:
            grid = _grid_xlsx(content)
        except FileError:
            raise
        except Exception:
            raise FileError("error.import_unreadable") from None
    elif lowered.endswith((".csv", ".txt")):
        grid = _grid_csv(content)
    else:
        raise FileError("error.import_format")
    at = _header_at(grid)
    if at is None:
        raise FileError("error.import_no_header")
    columns: dict[int, str] = {}
    for index, (value, _) in enumerate(grid[at]):
        key = column_of(value)
        if key and key not in columns.values():
            columns[index] = key
    lines = []
    for number, row in enumerate(grid[at + 1 :], at + 2):
        cells = {key: row[i][0] for i, key in columns.items() if i < len(row) and row[i][0]}
        if not cells:
            continue
        rag = None
        for i, key in columns.items():
            if key in ("followup", "assessment") and i < len(row) and row[i][1] in FILL_RAGS:
                rag = FILL_RAGS[row[i][1] or ""]
        lines.append(Line(number, cells, rag))
    return lines
