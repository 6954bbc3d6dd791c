"""`salon screen` end to end on temporary files."""

from __future__ import annotations

import csv
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

OS_HEADER = (
    "id,schema,name,aliases,birth_date,countries,addresses,identifiers,sanctions,phones,emails,dataset,"
    "first_seen,last_seen,last_change\n"
)


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    sanctions = tmp_path / "targets.simple.csv"
    sanctions.write_text(
        OS_HEADER
        + "NK-1,Person,Muhammad Abd al-Rahman,محمد عبد الرحمن,1971,eg,,,,,,x,,,\n"
        + "NK-2,Person,Oleg Ivanovich Petrov,Олег Иванович Петров,1965-03-02,ru,,,,,,x,,,\n",
        encoding="utf-8",
    )
    national = tmp_path / "national.csv"
    national.write_text("id,name,birth_date,nationality\nFR-9,Şahin Yılmaz,1968,TR\n", encoding="utf-8")
    people = tmp_path / "people.csv"
    people.write_text(
        "id,name,birth_date,nationality\n"
        "P1,Mohamed Abdelrahman,1971-05-05,EG\n"
        "P2,Petrov Oleg,1965-03-02,\n"
        "P3,Sahin Yilmaz,1968-04-12,TR\n"
        "P4,Claire Martin,1980-01-01,FR\n",
        encoding="utf-8",
    )
    return {"sanctions": sanctions, "national": national, "people": people, "out": tmp_path / "hits.csv"}


def test_screen_cli_writes_hits(files: dict[str, Path]) -> None:
    stdout = StringIO()
    call_command(
        "screen",
        "--watchlist",
        str(files["sanctions"]),
        "--watchlist",
        str(files["national"]),
        "--people",
        str(files["people"]),
        "--out",
        str(files["out"]),
        "--workers",
        "1",
        verbosity=0,
        stdout=stdout,
    )
    with files["out"].open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [(row["person_id"], row["entry_id"]) for row in rows] == [
        ("P1", "NK-1"),
        ("P2", "NK-2"),
        ("P3", "FR-9"),
    ]
    assert list(rows[0]) == ["person_id", "entry_id", "score", "explanation"]
    assert rows[0]["explanation"].startswith("given name Mohamed ≈ Muhammad (transliteration variant)")
    assert "3 hits for 4 people against 3 listed entries" in stdout.getvalue()


def test_screen_cli_threshold_one_keeps_exact_corroborated_only(files: dict[str, Path]) -> None:
    call_command(
        "screen",
        "--watchlist",
        str(files["sanctions"]),
        "--people",
        str(files["people"]),
        "--out",
        str(files["out"]),
        "--threshold",
        "1.0",
        "--workers",
        "1",
        verbosity=0,
        stdout=StringIO(),
    )
    with files["out"].open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [(row["person_id"], row["score"]) for row in rows] == [("P1", "1.0000"), ("P2", "1.0000")]


def test_screen_cli_bad_people_file_names_line(files: dict[str, Path]) -> None:
    files["people"].write_text(
        "id,name,birth_date,nationality\nP1,Oleg Petrov,1965-13-01,\n", encoding="utf-8"
    )
    with pytest.raises(CommandError) as caught:
        call_command(
            "screen",
            "--watchlist",
            str(files["sanctions"]),
            "--people",
            str(files["people"]),
            "--out",
            str(files["out"]),
            verbosity=0,
            stdout=StringIO(),
        )
    assert str(caught.value) == (
        f"{files['people']}, line 2, column birth_date: birth date '1965-13-01' does not exist"
    )


def test_screen_cli_bad_watchlist_header(files: dict[str, Path]) -> None:
    files["national"].write_text("name,id\nOleg,1\n", encoding="utf-8")
    with pytest.raises(CommandError) as caught:
        call_command(
            "screen",
            "--watchlist",
            str(files["national"]),
            "--people",
            str(files["people"]),
            "--out",
            str(files["out"]),
            verbosity=0,
            stdout=StringIO(),
        )
    assert str(caught.value).startswith(f"{files['national']}, line 1: unrecognised header 'name,id'")


def test_screen_cli_missing_file(files: dict[str, Path], tmp_path: Path) -> None:
    with pytest.raises(CommandError) as caught:
        call_command(
            "screen",
            "--watchlist",
            str(tmp_path / "nope.csv"),
            "--people",
            str(files["people"]),
            "--out",
            str(files["out"]),
            verbosity=0,
            stdout=StringIO(),
        )
    assert str(caught.value).startswith(f"{tmp_path / 'nope.csv'}: cannot open file")
