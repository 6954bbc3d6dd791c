"""Plain value types of the screening engine (no Django: the benchmark and the CLI build them directly)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class WatchlistEntry:
    """One listed person. `names` holds the primary name first, then aliases (any script).

    `birth_date` may be partial ("1971", "1971-03") because lists often only know the year.
    """

    id: str
    names: tuple[str, ...]
    birth_date: str | None = None
    countries: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Person:
    """A visitor to vet. `original_script_name` is the name as written in the passport's own script."""

    id: str
    name: str
    original_script_name: str | None = None
    birth_date: str | None = None
    nationality: str | None = None


@dataclass(frozen=True, slots=True)
class Hit:
    """A possible match for an officer to review; `explanation` says why, part by part."""

    person_id: str
    entry_id: str
    score: float
    explanation: str
    matched_name: str
