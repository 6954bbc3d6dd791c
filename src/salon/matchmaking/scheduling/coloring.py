"""Seat the meetings chosen for one class of interchangeable slots onto its individual slots.

A party with `t` tables is `t` copies that each meet at most once per slot.  Two-party meetings are then
edges of a multigraph, and giving each meeting a slot is edge colouring with `n = len(slots)` colours.
When the meeting graph is bipartite (visitors on one side, exhibitors on the other, as at a trade show)
and every party is available in all slots of the class, König's theorem says `n` colours suffice as soon
as no copy has more than `n` meetings, which the class model guarantees; the alternating-path (Kempe
chain) recolouring below is the constructive proof.  Confirmed (fixed) meetings, group meetings and the
slots a party is absent from (when classes are coarsened) are placed first and never moved; a meeting
whose every chain would have to move one of them, or that closes an odd cycle, is returned unseated for
the caller's repair step.
"""

from __future__ import annotations

from collections.abc import Sequence

from .compiled import Compiled

BLOCKED = -1  # occupies a colour where a party is not available


def color_class(
    compiled: Compiled,
    slots: Sequence[int],
    fixed: Sequence[int],
    chosen: Sequence[int],
) -> tuple[dict[int, int], list[int]]:
    """Slot per seated request (fixed ones included) and the chosen requests left unseated."""
    n = len(slots)
    local = {s: c for c, s in enumerate(slots)}
    members = compiled.members
    used: dict[tuple[int, int], dict[int, int]] = {}  # (party, copy) -> colour -> request
    ends: dict[int, tuple[tuple[int, int], ...]] = {}  # request -> the copies it occupies
    colour: dict[int, int] = {}
    immovable: set[int] = set()
    unseated: list[int] = []

    def copies(party: int) -> list[dict[int, int]]:
        if (party, 0) not in used:  # slots of the class the party is absent from count as taken
            absent = {c: BLOCKED for c, s in enumerate(slots) if not compiled.available[party] >> s & 1}
            for j in range(compiled.tables[party]):
                used[(party, j)] = dict(absent)
        return [used[(party, j)] for j in range(compiled.tables[party])]

    def seat_fixed_colour(r: int, c: int) -> bool:
        picked = []
        for p in members[r]:
            j = next((j for j, table in enumerate(copies(p)) if c not in table), None)
            if j is None:
                return False
            picked.append((p, j))
        for key in picked:
            used[key][c] = r
        ends[r], colour[r] = tuple(picked), c
        immovable.add(r)
        return True

    for r in fixed:
        seat_fixed_colour(r, local[compiled.fixed_slot[r]])  # validated: a free table always exists

    groups = [r for r in chosen if len(members[r]) > 2]
    pairs = [r for r in chosen if len(members[r]) == 2]
    load = [0] * n
    for r in fixed:
        load[colour[r]] += 1
    for r in groups:
        candidates = sorted(
            (c for c, s in enumerate(slots) if compiled.feasible[r] >> s & 1), key=load.__getitem__
        )
        if any(seat_fixed_colour(r, c) for c in candidates):
            load[colour[r]] += 1
        else:
            unseated.append(r)

    for r in pairs:
        p, q = members[r]
        u = _least_used_copy(copies(p), n)
        v = _least_used_copy(copies(q), n)
        if u is None or v is None:
            unseated.append(r)
            continue
        U, V = used[(p, u)], used[(q, v)]
        common = next((c for c in range(n) if c not in U and c not in V), None)
        if common is None:
            common = _free_by_recolouring(used, ends, colour, immovable, (p, u), (q, v), n)
        if common is None:
            unseated.append(r)
            continue
        U[common] = V[common] = r
        ends[r], colour[r] = ((p, u), (q, v)), common

    return {r: slots[c] for r, c in colour.items()}, unseated


def _free_by_recolouring(
    used: dict[tuple[int, int], dict[int, int]],
    ends: dict[int, tuple[tuple[int, int], ...]],
    colour: dict[int, int],
    immovable: set[int],
    x: tuple[int, int],
    y: tuple[int, int],
    n: int,
) -> int | None:
    """Flip one alternating path so that a colour becomes free at both copies; that colour, or None.

    In a bipartite graph the first path tried always works (König); the other colour pairs and the path
    from the other end are tried because confirmed or group meetings may block a path, or close an odd cycle.
    """
    free_x = [c for c in range(n) if c not in used[x]]
    free_y = [c for c in range(n) if c not in used[y]]
    for a in free_x:
        for b in free_y:
            for start, first, second in ((y, a, b), (x, b, a)):
                path = _alternating_path(used, ends, start, first, second)
                if path is None or any(e in immovable for e in path):
                    continue
                _swap(used, ends, colour, path, first, second)
                if first not in used[x] and first not in used[y]:
                    return first
                _swap(used, ends, colour, path, first, second)
    return None


def _least_used_copy(tables: list[dict[int, int]], n: int) -> int | None:
    best = min(range(len(tables)), key=lambda j: len(tables[j]))
    return best if len(tables[best]) < n else None


def _alternating_path(
    used: dict[tuple[int, int], dict[int, int]],
    ends: dict[int, tuple[tuple[int, int], ...]],
    start: tuple[int, int],
    a: int,
    b: int,
) -> list[int] | None:
    """Requests on the a/b path leaving `start` through colour a (each copy has at most one of each)."""
    path: list[int] = []
    seen: set[int] = set()
    node, want = start, a
    while want in used[node]:
        r = used[node][want]
        if r == BLOCKED or r in seen or len(ends[r]) != 2:
            return None
        seen.add(r)
        path.append(r)
        x, y = ends[r]
        node = y if x == node else x
        want = b if want == a else a
    return path


def _swap(
    used: dict[tuple[int, int], dict[int, int]],
    ends: dict[int, tuple[tuple[int, int], ...]],
    colour: dict[int, int],
    path: list[int],
    a: int,
    b: int,
) -> None:
    for r in path:
        for key in ends[r]:
            del used[key][colour[r]]
    for r in path:
        colour[r] = b if colour[r] == a else a
        for key in ends[r]:
            used[key][colour[r]] = r
