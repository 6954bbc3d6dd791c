"""Exhaustive reference solver for tiny instances: the oracle the property tests compare the solver with."""

from __future__ import annotations

from .compiled import bits, compile_instance
from .model import Instance


def brute_force_optimum(instance: Instance) -> int:
    """Best total priority over every assignment (each request: no slot or one feasible slot)."""
    compiled = compile_instance(instance)
    free = [row[:] for row in compiled.remaining]
    open_requests = [r for r in range(compiled.n_requests) if r not in compiled.fixed_slot]
    best = 0

    def explore(index: int, value: int) -> None:
        nonlocal best
        if index == len(open_requests):
            best = max(best, value)
            return
        r = open_requests[index]
        parties = compiled.members[r]
        for s in bits(compiled.feasible[r]):
            if all(free[p][s] > 0 for p in parties):
                for p in parties:
                    free[p][s] -= 1
                explore(index + 1, value + compiled.priority[r])
                for p in parties:
                    free[p][s] += 1
        explore(index + 1, value)

    explore(0, 0)
    return best + compiled.value(compiled.fixed_slot)
