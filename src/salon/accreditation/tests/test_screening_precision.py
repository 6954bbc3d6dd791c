"""Precision rules of the screening engine: near names that are other people's real names, and the index
built on parallel workers."""

from __future__ import annotations

import numpy as np
import pytest

from salon.accreditation.screening import Person, ScreeningIndex, WatchlistEntry
from salon.accreditation.screening import index as index_module
from salon.accreditation.screening.matching import compare_parts
from salon.accreditation.screening.normalize import tokenize

LIST = [
    # Undated entry: nothing but the name to go on.
    WatchlistEntry("fanlang", ("Lin Fanlang",), None, ("CN",)),
    # Makes "Lanlang" an attested name part of the list (another person's real name).
    WatchlistEntry("lanlang", ("Zhou Lanlang",), "1950-01-01", ("CN",)),
    WatchlistEntry("karimzadeh", ("Hossein Karimzadeh",), "1966-06-06", ("IR",)),
    WatchlistEntry("karimzade", ("Ali Karimzade",), "1940-01-01", ("IR",)),  # attests "Karimzade"
    WatchlistEntry("shevchenko", ("Oleksandr Shevchenko",), None, ("UA",)),
]


@pytest.fixture(scope="module")
def index() -> ScreeningIndex:
    return ScreeningIndex.build(LIST)


def hit_ids(index: ScreeningIndex, person: Person) -> list[str]:
    return [hit.entry_id for hit in index.screen(person)]


def test_precision_attested_neighbour_of_undated_entry_not_flagged(index: ScreeningIndex) -> None:
    # "Lanlang" is one edit from the listed "Fanlang" but is itself a listed name part: another name.
    assert hit_ids(index, Person("p", "Lin Lanlang", birth_date="1980-02-02", nationality="CN")) == []


def test_precision_unattested_typo_of_undated_entry_found(index: ScreeningIndex) -> None:
    # "Fanlagn" is no name on the list: a slip for "Fanlang", found without a birth date.
    assert hit_ids(index, Person("p", "Lin Fanlagn", birth_date="1980-02-02")) == ["fanlang"]


def test_precision_pinyin_neighbour_of_undated_entry_needs_birth_date(index: ScreeningIndex) -> None:
    # For a Chinese national every one-edit pinyin change is another valid name: no hit without a date.
    assert hit_ids(index, Person("p", "Lin Fanlagn", birth_date="1980-02-02", nationality="CN")) == []


def test_precision_attested_neighbour_found_when_birth_date_agrees(index: ScreeningIndex) -> None:
    # "Karimzade" is a listed name part of its own, but the birth date agrees: the neighbour counts.
    hits = index.screen(Person("p", "Hossein Karimzade", birth_date="1966-06-06", nationality="IR"))
    assert [hit.entry_id for hit in hits] == ["karimzadeh"]


def test_precision_attested_neighbour_explained(index: ScreeningIndex) -> None:
    hits = index.screen(Person("p", "Lin Lanlang", birth_date="1980-02-02"), threshold=0.5)
    fanlang = next(hit for hit in hits if hit.entry_id == "fanlang")
    assert "Lanlang ≈ Fanlang (typo, 1 edit, itself a listed name)" in fanlang.explanation
    assert fanlang.score == pytest.approx(0.8)


def test_precision_transliteration_of_undated_entry_found(index: ScreeningIndex) -> None:
    assert hit_ids(index, Person("p", "Aleksandr Chevtchenko", nationality="UA")) == ["shevchenko"]


@pytest.mark.parametrize(
    ("first", "second", "sounds_alike"),
    [
        ("Chevtchenko", "Shevchenko", True),  # French vs English transliteration of Шевченко
        ("Hashemi", "Hachemi", True),
        ("Teravchuk", "Terorchuk", False),  # v is a consonant between Latin spellings
        ("Yüceltetaş", "Yüceltaş", False),  # consonants a vowel separates are two, not one doubled
        ("Krasushenko", "Karushenko", False),
    ],
)
def test_precision_sounds_alike_is_a_transliteration_not_a_rhyme(
    first: str, second: str, sounds_alike: bool
) -> None:
    match = compare_parts(tokenize(first)[0], tokenize(second)[0])
    assert (match.reason == "sounds alike") is sounds_alike, match


def test_precision_parallel_build_equals_serial(monkeypatch: pytest.MonkeyPatch) -> None:
    entries = [
        WatchlistEntry(str(i), (f"{given} {family}", f"{family} {given}"), None, ())
        for i, (given, family) in enumerate(
            (g, f)
            for g in ("Muhammad", "Олег", "Şahin", "Jérôme", "محمد")
            for f in ("Karimi", "Petrov", "du Pont", "Abd al-Rahman", "Yılmaz", "Wang")
        )
    ]
    serial = ScreeningIndex.build(entries, workers=1)
    monkeypatch.setattr(index_module, "PARALLEL_MIN_NAMES", 1)
    parallel = ScreeningIndex.build(entries, workers=2)
    assert parallel._vocab == serial._vocab
    assert np.array_equal(parallel._name_tokens, serial._name_tokens)
    assert np.array_equal(parallel._pair_keys, serial._pair_keys)
    assert np.array_equal(parallel._pair_names, serial._pair_names)
    person = Person("p", "Mohamed Karimi")
    assert parallel.screen(person) == serial.screen(person)
    assert [hit.entry_id for hit in parallel.screen(person)] == ["0", "24"]  # 24: محمد Karimi
