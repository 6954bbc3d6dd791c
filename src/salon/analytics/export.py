"""CSV and XLSX files of dashboard tables (what the organizer's staff paste into their reports).

Pure Python (csv, openpyxl): no Django import.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable

from openpyxl import Workbook
from openpyxl.styles import Font

from salon.analytics.tables import Table

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_TYPE = "text/csv; charset=utf-8"


def to_csv(table: Table) -> bytes:
    """UTF-8 with a BOM so that Excel opens accented country and session names correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([column.label for column in table.columns])
    writer.writerows(["" if cell is None else cell for cell in row] for row in table.rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _sheet_name(title: str, taken: set[str]) -> str:
    """Excel limits sheet names to 31 characters without []:*?/\\ and wants them unique."""
    base = re.sub(r"[\[\]:*?/\\]", " ", title).strip()[:31] or "Sheet"
    name, number = base, 2
    while name.lower() in taken:
        suffix = f" ({number})"
        name, number = base[: 31 - len(suffix)] + suffix, number + 1
    taken.add(name.lower())
    return name


def to_xlsx(tables: Iterable[Table]) -> bytes:
    """One sheet per table: header row in bold, numbers kept as numbers."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    taken: set[str] = set()
    for table in tables:
        sheet = workbook.create_sheet(_sheet_name(table.title, taken))
        sheet.append([column.label for column in table.columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append(list(row))
        sheet.column_dimensions["A"].width = min(60, max([12, *(len(str(r[0])) + 2 for r in table.rows)]))
        sheet.freeze_panes = "B2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
