"""Watch-list and people readers: good files load, bad ones fail naming line and column."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from salon.accreditation.screening.readers import (
    ScreeningInputError,
    detect_format,
    read_people,
    read_watchlist,
)

TODAY = dt.date(2026, 6, 1)
OS_HEADER = (
    "id,schema,name,aliases,birth_date,countries,addresses,identifiers,sanctions,phones,emails,dataset,"
    "first_seen,last_seen,last_change\n"
)


def write(tmp_path: Path, text: str | bytes, name: str = "list.csv") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_readers_opensanctions_keeps_people_only(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        OS_HEADER
        + "NK-1,Person,Oleg Petrov,Олег Петров;O. Petrov,1965-03-02;1966,ru;ua,,,,,,sanctions,,,\n"
        + "CO-1,Company,Acme Arms,,,ru,,,,,,sanctions,,,\n",
    )
    assert detect_format(path) == "opensanctions"
    entries = list(read_watchlist(path, today=TODAY))
    assert len(entries) == 1
    assert entries[0].id == "NK-1"
    assert entries[0].names == ("Oleg Petrov", "Олег Петров", "O. Petrov")
    assert entries[0].birth_date == "1965-03-02"
    assert entries[0].countries == ("ru", "ua")


def test_readers_plain_list_with_partial_dates(tmp_path: Path) -> None:
    path = write(
        tmp_path, "id,name,birth_date,nationality\nW1,Şahin Yılmaz,1971,TR\nW2,Moshe Cohen,1955-03,\n"
    )
    assert detect_format(path) == "plain"
    entries = list(read_watchlist(path, today=TODAY))
    assert [(e.id, e.birth_date, e.countries) for e in entries] == [
        ("W1", "1971", ("TR",)),
        ("W2", "1955-03", ()),
    ]


@pytest.mark.parametrize(
    ("content", "line", "column", "problem"),
    [
        ("id,fullname\nW1,Oleg\n", 1, None, "unrecognised header"),
        ("id,name,birth_date\nW1,Oleg Petrov,1965\nW2,   ,1970\n", 3, "name", "empty name"),
        ("id,name,birth_date\nW1,Oleg Petrov,2030-01-01\n", 2, "birth_date", "in the future"),
        ("id,name,birth_date\nW1,Oleg Petrov,1965-02-30\n", 2, "birth_date", "does not exist"),
        ("id,name,birth_date\nW1,Oleg Petrov,65\n", 2, "birth_date", "is not YYYY"),
        ("id,name\nW1,Oleg Petrov\nW2," + "A" * 501 + "\n", 3, "name", "exceeds 500"),
        ("id,name\nW1,Oleg Petrov,extra\n", 2, None, "expected 2 fields, found 3"),
        ("id,name\n,Oleg Petrov\n", 2, "id", "empty id"),
    ],
)
def test_readers_reject_bad_watchlist(
    tmp_path: Path, content: str, line: int, column: str | None, problem: str
) -> None:
    path = write(tmp_path, content)
    with pytest.raises(ScreeningInputError) as caught:
        list(read_watchlist(path, today=TODAY))
    assert (caught.value.line, caught.value.column) == (line, column)
    assert problem in caught.value.message
    assert str(path) in caught.value.message


def test_readers_reject_opensanctions_long_alias(tmp_path: Path) -> None:
    path = write(tmp_path, OS_HEADER + "NK-1,Person,Oleg Petrov," + "B" * 600 + ",,ru,,,,,,x,,,\n")
    with pytest.raises(ScreeningInputError) as caught:
        list(read_watchlist(path, today=TODAY))
    assert (caught.value.line, caught.value.column) == (2, "aliases")


def test_readers_reject_non_utf8_with_line_and_column(tmp_path: Path) -> None:
    content = b"id,name,birth_date\nW1,Oleg Petrov,1965\nW2," + "Şahin".encode("cp1254") + b",1970\n"
    path = write(tmp_path, content)
    with pytest.raises(ScreeningInputError) as caught:
        list(read_watchlist(path, today=TODAY))
    assert (caught.value.line, caught.value.column) == (3, "name")
    assert "not valid UTF-8" in caught.value.message


def test_readers_people_duplicate_id(tmp_path: Path) -> None:
    path = write(
        tmp_path, "id,name,birth_date,nationality\nP1,Oleg Petrov,,\nP2,Ana Lima,,\nP1,Ivan Ivanov,,\n"
    )
    with pytest.raises(ScreeningInputError) as caught:
        read_people(path, today=TODAY)
    assert (caught.value.line, caught.value.column) == (4, "id")
    assert "duplicate person id 'P1' (first on line 2)" in caught.value.message


def test_readers_people_optional_columns(tmp_path: Path) -> None:
    path = write(tmp_path, "id,name,birth_date,nationality\nP1,Oleg Petrov,1965-03-02,RU\nP2,Ana Lima,,\n")
    people = read_people(path, today=TODAY)
    assert [(p.id, p.birth_date, p.nationality) for p in people] == [
        ("P1", "1965-03-02", "RU"),
        ("P2", None, None),
    ]


def test_readers_people_bad_nationality(tmp_path: Path) -> None:
    path = write(tmp_path, "id,name,birth_date,nationality\nP1,Oleg Petrov,,R1\n")
    with pytest.raises(ScreeningInputError) as caught:
        read_people(path, today=TODAY)
    assert (caught.value.line, caught.value.column) == (2, "nationality")
