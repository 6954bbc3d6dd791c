"""Seeded trade-show instances with Milipol-like skew.

- 4 days x 16 half-hour slots; exhibitors staff their stand all days (10% leave at noon on the last day),
  most have 1 table, some 2-4.
- Visitors come 1 to 4 days, some only a half-day of a given day.
- Exhibitor popularity is Zipf-like (a few stands get far more requests than tables x slots can hold);
  visitor activity is skewed too (most visitors ask for nothing, a few ask for a dozen meetings).
- Priorities 1 (most), 2, 3; about 1% of requests are delegation group meetings (3-5 visitors who come
  together, plus one exhibitor).
- Request order in the file is the arrival order used by the first-come baseline.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import numpy as np

SIZES: dict[str, dict[str, int]] = {
    "small": {"visitors": 3_000, "exhibitors": 120, "requests": 2_500},
    "medium": {"visitors": 10_000, "exhibitors": 400, "requests": 8_000},
    "milipol": {"visitors": 30_000, "exhibitors": 1_100, "requests": 25_000},
}
DAYS, SLOTS_PER_DAY = 4, 16


def slot_id(day: int, index: int) -> str:
    minutes = 9 * 60 + 30 * index
    return f"d{day + 1}-{minutes // 60:02d}{minutes % 60:02d}"


def generate(
    visitors: int,
    exhibitors: int,
    requests: int,
    seed: int = 1,
    exhibitor_skew: float = 0.65,
    visitor_skew: float = 0.8,
    group_share: float = 0.01,
    blocked_share: float = 0.0,
) -> dict[str, Any]:
    """`blocked_share` of exhibitors also block 1-4 random slots (press, conferences): no two slots stay
    interchangeable, which defeats the solver's slot classes and exercises its general path."""
    rng = np.random.default_rng(seed)
    slots = [slot_id(d, i) for d in range(DAYS) for i in range(SLOTS_PER_DAY)]
    half = SLOTS_PER_DAY // 2

    parties: list[dict[str, Any]] = []
    exhibitor_ids = [f"E{i:05d}" for i in range(exhibitors)]
    for eid in exhibitor_ids:
        tables = int(rng.choice([1, 2, 3, 4], p=[0.75, 0.18, 0.05, 0.02]))
        available = list(slots)
        if rng.random() < 0.10:
            available = available[: (DAYS - 1) * SLOTS_PER_DAY + half]
        if rng.random() < blocked_share:
            blocked = set(rng.choice(len(available), size=int(rng.integers(1, 5)), replace=False).tolist())
            available = [slot for i, slot in enumerate(available) if i not in blocked]
        parties.append({"id": eid, "available": available, "tables": tables})

    def visitor_availability() -> list[str]:
        n_days = int(rng.choice([1, 2, 3, 4], p=[0.35, 0.30, 0.20, 0.15]))
        chosen = sorted(rng.choice(DAYS, size=n_days, replace=False))
        available = []
        for d in chosen:
            part = rng.random()
            indices = (
                range(half)
                if part < 0.08
                else range(half, SLOTS_PER_DAY)
                if part < 0.15
                else range(SLOTS_PER_DAY)
            )
            available.extend(slot_id(int(d), i) for i in indices)
        return available

    visitor_ids = [f"V{i:05d}" for i in range(visitors)]
    availability = {vid: visitor_availability() for vid in visitor_ids}

    exhibitor_weight = 1.0 / np.arange(1, exhibitors + 1) ** exhibitor_skew
    exhibitor_weight = rng.permutation(exhibitor_weight / exhibitor_weight.sum())
    visitor_weight = 1.0 / np.arange(1, visitors + 1) ** visitor_skew
    visitor_weight = rng.permutation(visitor_weight / visitor_weight.sum())

    # Delegations: a few groups of visitors who travel together (shared availability).
    n_groups = int(requests * group_share)
    delegation_members: list[list[str]] = []
    pool = rng.permutation(visitors)
    cursor = 0
    for _ in range(max(1, n_groups // 2) if n_groups else 0):
        size = int(rng.integers(3, 6))
        members = [visitor_ids[i] for i in pool[cursor : cursor + size]]
        cursor += size
        shared = availability[members[0]]
        for member in members:
            availability[member] = list(shared)
        delegation_members.append(members)

    request_list: list[dict[str, Any]] = []
    seen: set[tuple[str, ...]] = set()
    priorities = [1, 2, 3]
    priority_weights = [0.6, 0.3, 0.1]
    for g in range(n_groups):
        members = delegation_members[g % len(delegation_members)]
        eid = exhibitor_ids[int(rng.choice(exhibitors, p=exhibitor_weight))]
        key = (*members, eid)
        if key in seen:
            continue
        seen.add(key)
        request_list.append(
            {
                "id": f"G{g:05d}",
                "parties": [eid, *members],
                "host": eid,
                "priority": int(rng.choice(priorities, p=priority_weights)),
            }
        )
    batch = 4096
    while len(request_list) < requests:
        vs = rng.choice(visitors, size=batch, p=visitor_weight)
        es = rng.choice(exhibitors, size=batch, p=exhibitor_weight)
        ps = rng.choice(priorities, size=batch, p=priority_weights)
        for v, e, priority in zip(vs, es, ps, strict=True):
            key = (visitor_ids[v], exhibitor_ids[e])
            if key in seen:
                continue
            seen.add(key)
            request_list.append(
                {
                    "id": f"R{len(request_list):06d}",
                    "parties": [key[1], key[0]],
                    "host": key[1],
                    "priority": int(priority),
                }
            )
            if len(request_list) == requests:
                break
    order = rng.permutation(len(request_list))
    request_list = [request_list[i] for i in order]

    used_visitors = sorted({p for r in request_list for p in r["parties"] if p.startswith("V")})
    parties.extend({"id": vid, "available": availability[vid], "tables": 1} for vid in visitor_ids)
    return {
        "slots": slots,
        "parties": parties,
        "requests": request_list,
        "fixed": [],
        "meta": {
            "seed": seed,
            "visitors": visitors,
            "active_visitors": len(used_visitors),
            "exhibitors": exhibitors,
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", choices=sorted(SIZES))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(generate(**SIZES[args.size], seed=args.seed)))


if __name__ == "__main__":
    main()
