"""The one shape every dashboard figure takes: a titled table whose first column labels the rows.

Charts, CSV/XLSX exports and the REST API all read this shape, so a new figure needs no new exporter.
Pure Python: no Django import, so benchmarks and exports use it without a settings module.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Cell = str | int | float | None


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    numeric: bool = True
    charted: bool = True  # numeric columns drawn as a series of the table's chart


@dataclass(frozen=True)
class Table:
    key: str
    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    chart: str = "bars"  # "bars" (horizontal, grouped), "columns" (vertical, grouped) or "none"
    live: bool = False  # refreshed every few seconds on the page
    note: str = ""
    extra: dict = field(default_factory=dict, compare=False)

    def column(self, key: str) -> list[Cell]:
        index = [c.key for c in self.columns].index(key)
        return [row[index] for row in self.rows]

    def as_dicts(self) -> list[dict[str, Cell]]:
        keys = [c.key for c in self.columns]
        return [dict(zip(keys, row, strict=True)) for row in self.rows]


def top_with_other(
    counts: list[tuple[str, tuple[int, ...]]], limit: int, other_label: str
) -> list[tuple[str, tuple[int, ...]]]:
    """Keep the `limit` biggest rows (by their first count) and fold the rest into one summed row, so a
    country chart stays readable with 120 nationalities."""
    ranked = sorted(counts, key=lambda item: (-item[1][0], item[0]))
    kept, rest = ranked[:limit], ranked[limit:]
    if rest:
        width = len(rest[0][1])
        kept.append((other_label, tuple(sum(values[i] for _, values in rest) for i in range(width))))
    return kept
