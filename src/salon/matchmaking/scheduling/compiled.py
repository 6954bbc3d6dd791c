"""Integer-indexed form of an instance, shared by the greedy schedulers and the exact solver.

Availability is a Python int bitmask over slot indices so that the slots a meeting may use (the intersection
over its parties) is one AND per party, which keeps Milipol-scale preprocessing well under a second.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .model import Instance, Meeting


def bits(mask: int) -> Iterator[int]:
    while mask:
        low = mask & -mask
        yield low.bit_length() - 1
        mask ^= low


@dataclass
class Compiled:
    instance: Instance
    n_slots: int
    tables: list[int]
    available: list[int]  # slot bitmask per party
    members: list[tuple[int, ...]]  # party indices per request
    priority: list[int]
    fixed_slot: dict[int, int]  # request index -> slot index, for confirmed meetings
    remaining: list[list[int]]  # free tables per party and slot once fixed meetings are seated
    feasible: list[int]  # slot bitmask per request where every member still has a free table

    @property
    def n_requests(self) -> int:
        return len(self.members)

    def meetings(self, slot_of: dict[int, int]) -> list[Meeting]:
        requests, slots = self.instance.requests, self.instance.slots
        return [Meeting(requests[r].id, slots[s]) for r, s in sorted(slot_of.items())]

    def value(self, requests: Iterable[int]) -> int:
        return sum(self.priority[r] for r in requests)


def compile_instance(instance: Instance) -> Compiled:
    slot_index = {slot: i for i, slot in enumerate(instance.slots)}
    party_index = {party.id: i for i, party in enumerate(instance.parties)}
    request_index = {request.id: i for i, request in enumerate(instance.requests)}
    tables = [party.tables for party in instance.parties]
    available = []
    for party in instance.parties:
        mask = 0
        for slot in party.available:
            mask |= 1 << slot_index[slot]
        available.append(mask)
    members = [tuple(party_index[p] for p in request.parties) for request in instance.requests]
    priority = [request.priority for request in instance.requests]
    fixed_slot = {request_index[m.request]: slot_index[m.slot] for m in instance.fixed}

    n_slots = len(instance.slots)
    remaining = [
        [tables[p] if available[p] >> s & 1 else 0 for s in range(n_slots)] for p in range(len(tables))
    ]
    for r, s in fixed_slot.items():
        for p in members[r]:
            remaining[p][s] -= 1
    full_mask = [0] * len(tables)  # slots where a party's tables are all taken by fixed meetings
    for r, s in fixed_slot.items():
        for p in members[r]:
            if remaining[p][s] == 0:
                full_mask[p] |= 1 << s
    all_slots = (1 << n_slots) - 1
    feasible = []
    for r, parties in enumerate(members):
        if r in fixed_slot:
            feasible.append(1 << fixed_slot[r])
            continue
        mask = all_slots
        for p in parties:
            mask &= available[p] & ~full_mask[p]
        feasible.append(mask)
    return Compiled(instance, n_slots, tables, available, members, priority, fixed_slot, remaining, feasible)


def greedy(compiled: Compiled, order: Iterable[int]) -> dict[int, int]:
    """Place requests one by one, each in the earliest slot where all its parties still have a table."""
    free = [row[:] for row in compiled.remaining]
    slot_of = dict(compiled.fixed_slot)
    for r in order:
        if r in slot_of:
            continue
        parties = compiled.members[r]
        for s in bits(compiled.feasible[r]):
            if all(free[p][s] > 0 for p in parties):
                for p in parties:
                    free[p][s] -= 1
                slot_of[r] = s
                break
    return slot_of


def first_come(compiled: Compiled) -> dict[int, int]:
    """The baseline organisers use today: requests in arrival (file) order, earliest common free slot."""
    return greedy(compiled, range(compiled.n_requests))


def priority_greedy(compiled: Compiled) -> dict[int, int]:
    """Best priorities first, the most constrained (fewest possible slots) first among equals."""
    order = sorted(
        range(compiled.n_requests),
        key=lambda r: (-compiled.priority[r], compiled.feasible[r].bit_count(), r),
    )
    return greedy(compiled, order)
