"""Benchmark: optimal scheduler vs the first-come greedy baseline, against the proven upper bound.

    .venv/bin/python bench/scheduling/run.py                      # all sizes and variants, 120 s limit
    .venv/bin/python bench/scheduling/run.py --sizes milipol --variants standard

Variants: standard (Zipf 0.65 popularity), hot (Zipf 1.0: a few stands flooded), irregular (20% of
exhibitors block 1-4 random slots, so no slots are interchangeable), groups (5% delegation meetings instead
of 1%), resolve (half of the first run's meetings confirmed, 5% more requests arrive, re-solve with the
confirmed ones fixed).
Every schedule is verified by check_schedule before its line is printed.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path
from typing import Any

from generate import SIZES, generate

from salon.matchmaking.scheduling import check_schedule, instance_from_dict, solve
from salon.matchmaking.scheduling.compiled import compile_instance, first_come

OUT = Path(__file__).resolve().parent / "out"
VARIANTS: dict[str, dict[str, Any]] = {
    "standard": {},
    "hot": {"exhibitor_skew": 1.0},
    "irregular": {"blocked_share": 0.2},
    "groups": {"group_share": 0.05},
    "resolve": {},
}


def _resolve_instance(data: dict[str, Any], time_limit: float, workers: int, seed: int) -> dict[str, Any]:
    """Solve the first 95% of requests, confirm half of those meetings, then ask for all requests again."""
    cut = int(len(data["requests"]) * 0.95)
    first = instance_from_dict({**data, "requests": data["requests"][:cut]})
    schedule = solve(first, time_limit=time_limit, num_workers=workers, seed=seed)
    confirmed = random.Random(seed).sample(schedule.meetings, len(schedule.meetings) // 2)
    return {**data, "fixed": [{"request": m.request, "slot": m.slot} for m in confirmed]}


def run(size: str, variant: str, time_limit: float, workers: int, seed: int) -> str:
    data = generate(**SIZES[size], seed=seed, **VARIANTS[variant])
    if variant == "resolve":
        data = _resolve_instance(data, time_limit, workers, seed)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"{size}-{variant}.json").write_text(json.dumps(data))
    instance = instance_from_dict(data)

    started = time.perf_counter()
    baseline = first_come(compile_instance(instance))
    baseline_seconds = time.perf_counter() - started
    compiled = compile_instance(instance)
    baseline_value = compiled.value(baseline)
    baseline_meetings = compiled.meetings(baseline)

    schedule = solve(instance, time_limit=time_limit, num_workers=workers, seed=seed)
    (OUT / f"{size}-{variant}-schedule.json").write_text(json.dumps(schedule.to_dict()))
    for name, meetings in (("first-come", baseline_meetings), ("solver", schedule.meetings)):
        violations = check_schedule(instance, meetings)
        if violations:
            raise SystemExit(
                f"{size}/{variant}: {name} schedule breaks {len(violations)} rules: {violations[0]}"
            )

    bound = schedule.upper_bound
    return (
        f"{size:8} {variant:9} req={len(instance.requests):6} fixed={len(instance.fixed):5} | "
        f"first-come {baseline_value:6}/{bound} = {100 * baseline_value / bound:6.2f}% "
        f"in {baseline_seconds:5.2f}s | "
        f"solver {schedule.placed_priority:6}/{bound} = {100 * schedule.placed_priority / bound:6.2f}% "
        f"in {schedule.solve_seconds:6.2f}s {schedule.status:8} | "
        f"gain x{schedule.placed_priority / baseline_value:.4f} | "
        f"meetings {len(baseline_meetings)} -> {len(schedule.meetings)} | "
        f"classes={schedule.stats['slot_classes']} contested={schedule.stats['contested_requests']} "
        f"refinement={schedule.stats['refinement']}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description="Scheduling benchmark")
    parser.add_argument("--sizes", nargs="+", choices=sorted(SIZES), default=["small", "medium", "milipol"])
    parser.add_argument("--variants", nargs="+", choices=sorted(VARIANTS), default=list(VARIANTS))
    parser.add_argument("--time-limit", type=float, default=120.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    for size in args.sizes:
        for variant in args.variants:
            print(run(size, variant, args.time_limit, args.workers, args.seed), flush=True)


if __name__ == "__main__":
    sys.exit(main())
