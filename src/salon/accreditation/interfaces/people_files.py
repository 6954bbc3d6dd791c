"""Reading a group's registration file (CSV or XLSX) into rows, with the line of each row."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass

from salon.accreditation.domain.registrations import RegistrationData
from salon.errors import DomainError

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_ROWS = 20_000
REQUIRED_COLUMNS = (
    "given_names",
    "family_name",
    "birth_date",
    "nationality",
    "organization",
    "sector",
    "id_document_type",
    "id_document_number",
)
OPTIONAL_COLUMNS = ("original_script_name", "email", "role", "requested_days", "requested_zones", "language")


@dataclass(frozen=True)
class FileProblem:
    line: int
    column: str
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}, {self.column}: {self.reason}"


class PeopleFileError(DomainError):
    def __init__(self, problems: list[FileProblem]):
        self.problems = problems
        shown = "; ".join(str(p) for p in problems[:50])
        more = f" (and {len(problems) - 50} more)" if len(problems) > 50 else ""
        super().__init__("invalid_import", f"Nothing was imported. {shown}{more}")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def _table_rows(file_name: str, data: bytes) -> list[tuple[int, list[str]]]:
    if file_name.lower().endswith(".xlsx"):
        import openpyxl

        try:
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many types for a damaged workbook
            raise PeopleFileError(
                [FileProblem(1, "-", f"not a readable XLSX workbook ({type(exc).__name__})")]
            ) from exc
        sheet = book.worksheets[0]
        return [
            (number, [_cell(v) for v in row])
            for number, row in enumerate(sheet.iter_rows(values_only=True), 1)
        ]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise PeopleFileError(
            [FileProblem(line, "-", "the file is not UTF-8 text (save it as CSV UTF-8)")]
        ) from exc
    reader = csv.reader(io.StringIO(text))
    return [(reader.line_num, [c.strip() for c in row]) for row in reader]


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.replace(",", ";").split(";") if part.strip()]


def parse_people_file(file_name: str, data: bytes) -> list[tuple[int, RegistrationData]]:
    if len(data) > MAX_FILE_BYTES:
        raise PeopleFileError(
            [FileProblem(1, "-", f"the file is larger than {MAX_FILE_BYTES // 1_000_000} MB")]
        )
    rows = [(line, cells) for line, cells in _table_rows(file_name, data) if any(cells)]
    if not rows:
        raise PeopleFileError([FileProblem(1, "-", "the file is empty")])
    header_line, header = rows[0]
    header = [h.strip().lower() for h in header]
    problems = [
        FileProblem(header_line, c, "required column missing") for c in REQUIRED_COLUMNS if c not in header
    ]
    problems += [
        FileProblem(header_line, c, "unknown column")
        for c in header
        if c and c not in REQUIRED_COLUMNS + OPTIONAL_COLUMNS
    ]
    if problems:
        raise PeopleFileError(problems)
    if len(rows) - 1 > MAX_ROWS:
        raise PeopleFileError([FileProblem(header_line, "-", f"more than {MAX_ROWS} people in one file")])
    parsed: list[tuple[int, RegistrationData]] = []
    for line, cells in rows[1:]:
        values = dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=False))
        parsed.append(
            (
                line,
                RegistrationData(
                    given_names=values["given_names"],
                    family_name=values["family_name"],
                    birth_date=values["birth_date"],
                    nationality=values["nationality"],
                    organization=values["organization"],
                    sector=values["sector"],
                    id_document_type=values["id_document_type"],
                    id_document_number=values["id_document_number"],
                    original_script_name=values.get("original_script_name", ""),
                    email=values.get("email", ""),
                    role=values.get("role", ""),
                    requested_days=_split(values.get("requested_days", "")),
                    requested_zones=_split(values.get("requested_zones", "")),
                    language=values.get("language", ""),
                ),
            )
        )
    return parsed
