"""CSV and XLSX files of the protocol lists."""

from __future__ import annotations

import csv
import io

from openpyxl import Workbook
from openpyxl.styles import Font

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _safe(value: str) -> str:
    # A cell starting with = + - @ is a formula to a spreadsheet: never let imported names run as one.
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def to_csv(columns: list[str], rows: list[dict[str, str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: _safe(v) for k, v in row.items()} for row in rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # the BOM makes Excel read UTF-8 names right


def to_xlsx(sheets: list[tuple[str, list[str], list[dict[str, str]]]]) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for title, columns, rows in sheets:
        sheet = book.create_sheet(title)
        sheet.append(columns)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append([_safe(row[c]) for c in columns])
        sheet.freeze_panes = "A2"
        for index, column in enumerate(columns, start=1):
            width = max([len(column), *(len(row[column]) for row in rows)]) + 2
            sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = min(width, 60)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
