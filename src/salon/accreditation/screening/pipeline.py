"""Read, index, screen, write: the whole `salon screen` run, shared with the benchmark so it measures this."""

from __future__ import annotations

import csv
import sys
import time
from itertools import chain
from pathlib import Path

from tqdm import tqdm

from .index import ScreeningIndex
from .readers import read_people, read_watchlist

HITS_HEADER = ("person_id", "entry_id", "score", "explanation")


def run_screening(
    watchlists: list[Path],
    people_path: Path,
    out: Path,
    threshold: float,
    workers: int | None = None,
    show_progress: bool = True,
) -> dict[str, float]:
    """Screen a people file against watch lists, write HITS.csv (best first per person), return timings."""
    started = time.perf_counter()
    people = read_people(people_path)
    index = ScreeningIndex.build(
        chain.from_iterable(read_watchlist(path) for path in watchlists), workers=workers
    )
    built = time.perf_counter()
    with tqdm(
        total=len(people), desc="screening", unit="person", file=sys.stderr, disable=not show_progress
    ) as bar:
        results = index.screen_many(people, threshold, workers=workers, progress=bar.update)
    screened = time.perf_counter()
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HITS_HEADER)
        for hits in results:
            for hit in hits:
                writer.writerow((hit.person_id, hit.entry_id, f"{hit.score:.4f}", hit.explanation))
    return {
        "entries": index.entry_count,
        "names": index.name_count,
        "people": len(people),
        "hits": sum(len(hits) for hits in results),
        "index_seconds": built - started,
        "screen_seconds": screened - built,
        "total_seconds": time.perf_counter() - started,
    }
