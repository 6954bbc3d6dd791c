"""Screening benchmark: our engine (the `salon screen` pipeline) vs a brute-force rapidfuzz baseline.

    python bench/screening/run.py --data bench/screening/out/small

The baseline compares every person with every listed name using `fuzz.token_sort_ratio` (rapidfuzz's
default processing: lower-case, punctuation stripped; no transliteration). At full scale that is 30k x 1.5M
comparisons, so it runs on a stratified sample of people (`--baseline-sample`) and its time is
extrapolated linearly to the whole people file; both engines' quality figures are printed on that same
sample, and ours also on the whole file.
"""

from __future__ import annotations

import argparse
import csv
import random
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process, utils

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from salon.accreditation.screening.normalize import analyse, tokenize  # noqa: E402
from salon.accreditation.screening.pipeline import run_screening  # noqa: E402
from salon.accreditation.screening.readers import read_people, read_watchlist  # noqa: E402

TRUE_KINDS = (
    "transliteration",
    "diacritics",
    "order_swap",
    "missing_middle",
    "typo",
    "original_script",
    "listed_in_script",
    "particle",
)
NEGATIVE_KINDS = ("hn_same_given", "hn_same_family", "hn_homonym_other_birth", "clean")
# A "negative" person whose full name is identical, after normalisation, to a listed entry without a birth
# date is a true possible match that any officer must review: counted apart, neither in recall nor in FPR.
COLLISION = "collision_identical"


def load_truth(path: Path) -> dict[str, tuple[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return {row["person_id"]: (row["kind"], row["entry_id"]) for row in csv.DictReader(handle)}


def load_hits(path: Path, threshold: float = 0.0) -> dict[str, list[str]]:
    hits: dict[str, list[str]] = defaultdict(list)
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if float(row["score"]) >= threshold:
                hits[row["person_id"]].append(row["entry_id"])
    return hits


def name_signature(name: str) -> tuple[str, ...]:
    return tuple(sorted(analyse(token.key).canonical for token in tokenize(name)))


def find_collisions(data: Path, truth: dict[str, tuple[str, str]]) -> dict[str, str]:
    """Negative people whose normalised full name equals a listed undated entry's name -> their kind."""
    undated: set[tuple[str, ...]] = set()
    for entry in read_watchlist(data / "watchlist.csv"):
        if not entry.birth_date:
            undated.update(name_signature(name) for name in entry.names)
    found: dict[str, str] = {}
    for person in read_people(data / "people.csv"):
        kind, entry_id = truth[person.id]
        if not entry_id and name_signature(person.name) in undated:
            found[person.id] = kind
    return found


def metrics(
    truth: dict[str, tuple[str, str]], hits: dict[str, list[str]], people: list[str]
) -> dict[str, dict]:
    """Per kind: n, recall (true kinds) or flagged share (negatives), hits, correct hits."""
    table: dict[str, dict[str, float]] = defaultdict(
        lambda: {"n": 0, "found": 0, "flagged": 0, "hits": 0, "correct": 0}
    )
    for person in people:
        kind, entry = truth[person]
        found = hits.get(person, [])
        row = table[kind]
        row["n"] += 1
        row["hits"] += len(found)
        row["flagged"] += bool(found)
        if entry:
            row["found"] += entry in found
            row["correct"] += entry in found
    return table


def summary(table: dict[str, dict]) -> dict[str, float]:
    true_n = sum(table[k]["n"] for k in TRUE_KINDS if k in table)
    found = sum(table[k]["found"] for k in TRUE_KINDS if k in table)
    neg_n = sum(table[k]["n"] for k in NEGATIVE_KINDS if k in table)
    flagged = sum(table[k]["flagged"] for k in NEGATIVE_KINDS if k in table)
    hits = sum(row["hits"] for row in table.values())
    correct = sum(row["correct"] for row in table.values())
    return {
        "recall": found / true_n if true_n else float("nan"),
        "fpr": flagged / neg_n if neg_n else float("nan"),
        "precision": correct / hits if hits else float("nan"),
    }


def fmt(value: float) -> str:
    return "  n/a" if value != value else f"{value:5.3f}"


def print_side_by_side(title: str, ours: dict, base: dict | None) -> None:
    print(f"\n== {title}")
    print(f"{'kind':26s} {'n':>6s}  {'ours':>22s}  {'baseline':>22s}")
    print(f"{'':26s} {'':>6s}  {'recall/FPR  precision':>22s}  {'recall/FPR  precision':>22s}")
    for kind in (*TRUE_KINDS, *NEGATIVE_KINDS, COLLISION):
        if kind not in ours:
            continue
        cells = []
        for table in (ours, base):
            if table is None:
                cells.append(f"{'-':>22s}")
                continue
            row = table[kind]
            rate = (row["found"] if kind in TRUE_KINDS else row["flagged"]) / row["n"]
            precision = row["correct"] / row["hits"] if row["hits"] else float("nan")
            label = "R" if kind in TRUE_KINDS else ("flag" if kind == COLLISION else "FPR")
            cells.append(f"{label:>4s} {fmt(rate)}   P {fmt(precision) if kind in TRUE_KINDS else '    -'}")
        print(f"{kind:26s} {ours[kind]['n']:6d}  {cells[0]:>22s}  {cells[1]:>22s}")
    for name, table in (("ours", ours), ("baseline", base)):
        if table is None:
            continue
        s = summary(table)
        print(
            f"  {name:9s} overall recall {fmt(s['recall'])}  FPR {fmt(s['fpr'])}"
            f"  precision {fmt(s['precision'])}"
        )


def _cpu_seconds() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def stratified_sample(truth: dict[str, tuple[str, str]], size: int, rng: random.Random) -> list[str]:
    by_kind: dict[str, list[str]] = defaultdict(list)
    for person, (kind, _) in truth.items():
        by_kind[kind].append(person)
    if size >= len(truth):
        return sorted(truth)
    per_kind = max(1, size // (2 * len(by_kind)))
    chosen: list[str] = []
    for kind in sorted(by_kind):
        members = by_kind[kind] if kind == "clean" else by_kind[kind][:per_kind]
        chosen += members if kind != "clean" else []
    clean = by_kind.get("clean", [])
    chosen += rng.sample(clean, min(len(clean), max(0, size - len(chosen))))
    return sorted(chosen)


def baseline(
    data: Path, sample: list[str], cutoff: float, workers: int
) -> tuple[dict[str, list[str]], float]:
    started = time.perf_counter()
    names: list[str] = []
    owners: list[str] = []
    for entry in read_watchlist(data / "watchlist.csv"):
        for name in entry.names:
            names.append(name)
            owners.append(entry.id)
    wanted = set(sample)
    people = [p for p in read_people(data / "people.csv") if p.id in wanted]
    choices = [utils.default_process(name) for name in names]
    hits: dict[str, list[str]] = {}
    for start in range(0, len(people), 64):
        batch = people[start : start + 64]
        queries = [utils.default_process(p.name) for p in batch]
        scores = process.cdist(
            queries,
            choices,
            scorer=fuzz.token_sort_ratio,
            score_cutoff=cutoff,
            dtype=np.uint8,
            workers=workers,
        )
        for person, row in zip(batch, scores, strict=True):
            found = np.nonzero(row)[0]
            ranked = found[np.argsort(-row[found], kind="stable")]
            hits[person.id] = list(dict.fromkeys(owners[i] for i in ranked))
    return hits, time.perf_counter() - started


def show_errors(data: Path, truth: dict[str, tuple[str, str]], hits_path: Path, limit: int) -> None:
    """Misses and false hits with their explanations: what to look at when tuning."""
    with (data / "people.csv").open(encoding="utf-8") as handle:
        names = {row["id"]: row["name"] for row in csv.DictReader(handle)}
    explained: dict[str, list[str]] = defaultdict(list)
    with hits_path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            explained[row["person_id"]].append(f"{row['entry_id']} {row['score']} {row['explanation']}")
    listed: dict[str, list[str]] = {}
    for entry in read_watchlist(data / "watchlist.csv"):
        listed[entry.id] = [*entry.names, entry.birth_date or "-"]
    misses = [p for p, (k, e) in truth.items() if e and not any(h.startswith(e) for h in explained[p])]
    false = [p for p, (k, e) in truth.items() if not e and explained[p]]
    print(f"\n-- {len(misses)} misses")
    for person in misses[:limit]:
        kind, entry = truth[person]
        print(f"{kind:18s} {names[person]!r} -> {listed[entry]}  hits: {explained[person][:1]}")
    print(f"\n-- {len(false)} flagged negatives")
    for person in false[:limit]:
        print(f"{truth[person][0]:18s} {names[person]!r}: {explained[person][0]}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=Path(__file__).parent / "out")
    parser.add_argument("--threshold", type=float, default=None, help="ours (default: engine default)")
    parser.add_argument("--baseline-cutoff", type=float, default=85.0)
    parser.add_argument("--baseline-sample", type=int, default=1000, help="people; 0 skips the baseline")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--show-errors", type=int, default=0, help="print that many misses and false hits")
    parser.add_argument("--sweep", action="store_true", help="recall/FPR at thresholds above --threshold")
    args = parser.parse_args()
    from salon.accreditation.screening import DEFAULT_THRESHOLD

    threshold = args.threshold or DEFAULT_THRESHOLD
    truth = load_truth(args.data / "truth.csv")
    collisions = find_collisions(args.data, truth)
    by_kind: dict[str, int] = defaultdict(int)
    for person, kind in collisions.items():
        by_kind[kind] += 1
        truth[person] = (COLLISION, "")
    print(
        f"identical-name collisions (negative person = listed undated entry after normalisation, counted "
        f"apart, not in FPR): {len(collisions)} {dict(sorted(by_kind.items()))}"
    )
    out = args.data / "hits.csv"
    cpu_before = _cpu_seconds()
    stats = run_screening(
        [args.data / "watchlist.csv"],
        args.data / "people.csv",
        out,
        threshold,
        workers=args.workers,
        show_progress=False,
    )
    cpu_ours = _cpu_seconds() - cpu_before
    ours_hits = load_hits(out)
    print(
        f"data: {args.data}  entries {stats['entries']:.0f}  names {stats['names']:.0f}  "
        f"people {stats['people']:.0f}"
    )
    print(
        f"ours (threshold {threshold}, {args.workers} workers): read+index {stats['index_seconds']:.1f} s, "
        f"screen {stats['screen_seconds']:.1f} s, total {stats['total_seconds']:.1f} s, "
        f"{stats['hits']:.0f} hits; CPU {cpu_ours:.1f} s (this process + its workers: wall time on a "
        f"shared machine overstates, CPU time / cores bounds the uncontended wall time)"
    )
    full = metrics(truth, ours_hits, sorted(truth))
    print_side_by_side("all people: ours only", full, None)
    if args.show_errors:
        show_errors(args.data, truth, out, args.show_errors)
    if args.sweep:
        print("\nthreshold sweep (ours): threshold, recall, FPR, precision")
        for step in range(0, 16):
            cut = round(threshold + 0.01 * step, 2)
            s = summary(metrics(truth, load_hits(out, cut), sorted(truth)))
            print(
                f"  {cut:.2f}  recall {fmt(s['recall'])}  FPR {fmt(s['fpr'])}  "
                f"precision {fmt(s['precision'])}"
            )
    if args.baseline_sample <= 0:
        return
    sample = stratified_sample(truth, args.baseline_sample, random.Random(1))
    base_hits, base_seconds = baseline(args.data, sample, args.baseline_cutoff, args.workers)
    label = "measured" if len(sample) == len(truth) else "sample"
    extrapolated = base_seconds * len(truth) / len(sample)
    print(
        f"\nbaseline token_sort_ratio >= {args.baseline_cutoff:.0f}, brute force, {args.workers} workers: "
        f"{base_seconds:.1f} s for {len(sample)} people ({label}); "
        f"EXTRAPOLATED to {len(truth)} people: {extrapolated:.0f} s"
    )
    print(f"time ratio (baseline extrapolated / ours total): {extrapolated / stats['total_seconds']:.1f}x")
    print_side_by_side(
        f"stratified sample of {len(sample)} people: ours vs baseline",
        metrics(truth, ours_hits, sample),
        metrics(truth, base_hits, sample),
    )


if __name__ == "__main__":
    main()
