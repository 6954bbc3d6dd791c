"""Optimal B2B meeting scheduling: which accepted requests get a slot, and which slot.

Why it is built this way: a flat CP-SAT model has one boolean per (request, feasible slot), ~800k at
Milipol scale; on two cores such models overran their time limit in presolve in our measurements, and
their LP bound stayed loose.  Instead:

1. Slots that every party treats alike (same availability) form a *class*, typically a day or half-day.
   Choosing the class of each meeting, with each party holding at most its free tables summed over the
   class, is a relaxation of the real problem, so a bound on it bounds every schedule.  For two-party
   meetings between two sides (visitors, exhibitors) it is also exact: König's edge-colouring theorem
   lets every class selection be seated slot by slot (see coloring.py).
2. Requests whose parties could take every candidate in some class are settled there first (an exchange
   argument shows this never loses value); at a trade show that is every request not touching an
   overloaded exhibitor, so the optimisation only sees the contested part.
3. The contested part is solved as an LP (GLOP).  Its dual prices, repaired with exact rational arithmetic
   into a feasible dual solution, give the proven upper bound.  On every generated Milipol-like instance
   the LP optimum was integral, hence an optimal class choice; otherwise CP-SAT solves the integer
   model, warm-started from the rounded LP completed greedily.
4. Class selections are seated by Kempe-chain edge colouring.  What is left (group meetings, odd cycles,
   chains blocked by confirmed meetings) is repaired greedily, then re-solved exactly with slot-level
   CP-SAT models hinted with the current schedule: the whole show when small (which also tightens the
   bound), otherwise the agendas of the parties concerned and the classes concerned.
"""

from __future__ import annotations

import math
import os
import time
from collections import Counter, defaultdict, deque
from dataclasses import dataclass
from fractions import Fraction

from ortools.linear_solver import pywraplp
from ortools.sat.python import cp_model

from .coloring import color_class
from .compiled import Compiled, bits, compile_instance, first_come, priority_greedy
from .model import Instance, Schedule, validate_instance

# Slot-level CP-SAT models beyond these many (request, slot) booleans overrun their time limit in presolve
# on 2 cores (measured: 131 s for a 52 s limit at Milipol scale), so the whole-show model is only used on
# small instances and the neighbourhood model only when it stays this small.
FULL_MODEL_MAX_PAIRS = 60_000
LOCAL_MODEL_MAX_PAIRS = 100_000
MIN_SOLVE_SECONDS = 0.2  # below this, building and loading a CP-SAT model is not worth starting
MAX_SLOT_CLASSES = 16  # beyond, the class LP grows towards the slot-level model (~800k columns)
CLASS_SEATING_MAX_SECONDS = 5.0  # a class that cannot be seated fully in that time rarely ever is


@dataclass
class _Selection:
    class_of: dict[int, int]  # free request -> class, for every request the relaxation places
    bound: int  # proven bound on the priority of free requests
    proven: bool
    model_requests: int
    model_variables: int


def solve(
    instance: Instance,
    time_limit: float = 60.0,
    num_workers: int | None = None,
    seed: int = 0,
) -> Schedule:
    start = time.perf_counter()
    deadline = start + max(time_limit, 0.1)
    workers = num_workers or min(os.cpu_count() or 1, 8)
    validate_instance(instance)
    compiled = compile_instance(instance)
    fixed_value = compiled.value(compiled.fixed_slot)
    free_requests = [
        r for r in range(compiled.n_requests) if r not in compiled.fixed_slot and compiled.feasible[r]
    ]

    greedy_slots = priority_greedy(compiled)
    greedy_value = compiled.value(greedy_slots)
    baseline_value = compiled.value(first_come(compiled))

    classes = slot_classes(compiled, free_requests)
    phase_one_deadline = time.perf_counter() + max(0.05, 0.7 * (deadline - time.perf_counter()))
    selection = _select_classes(compiled, classes, free_requests, phase_one_deadline, workers, seed)
    upper_bound = fixed_value + selection.bound

    slot_of = dict(compiled.fixed_slot)
    chosen_by_class: dict[int, list[int]] = defaultdict(list)
    for r in sorted(selection.class_of, key=lambda r: (-compiled.priority[r], r)):
        chosen_by_class[selection.class_of[r]].append(r)
    unseated = 0
    for k, slots in enumerate(classes):
        fixed_here = [r for r, s in compiled.fixed_slot.items() if s in slots]
        seated, left = color_class(compiled, slots, fixed_here, chosen_by_class.get(k, []))
        slot_of.update(seated)
        unseated += len(left)
    seated_by_colouring = len(slot_of) - len(compiled.fixed_slot)

    _repair(compiled, slot_of, free_requests)

    refinements: list[str] = []
    if compiled.value(slot_of) < upper_bound:
        pairs = sum(compiled.feasible[r].bit_count() for r in free_requests)
        if pairs <= FULL_MODEL_MAX_PAIRS:
            refinements.append("full")
            improved, bound = _slot_model(
                compiled,
                free_requests,
                compiled.remaining,
                slot_of,
                deadline,
                workers,
                seed,
                cap=upper_bound - fixed_value,
            )
            if bound is not None:
                upper_bound = min(upper_bound, fixed_value + bound)
            if improved is not None and compiled.value(improved) + fixed_value > compiled.value(slot_of):
                slot_of = {**compiled.fixed_slot, **improved}
        else:
            # Around the few selected meetings left unseated: first their parties' whole agendas, then
            # each affected class slot by slot, then the parties again with the time left.
            half_time = time.perf_counter() + 0.5 * (deadline - time.perf_counter())
            if _improve_locally(compiled, slot_of, selection.class_of, half_time, workers, seed):
                refinements.append("local")
            if compiled.value(slot_of) < upper_bound:
                _seat_classes(compiled, classes, slot_of, selection.class_of, deadline, workers, seed)
                _repair(compiled, slot_of, free_requests)
                refinements.append("class")
            if compiled.value(slot_of) < upper_bound and _improve_locally(
                compiled, slot_of, selection.class_of, deadline, workers, seed
            ):
                refinements.append("local")
    refined = "+".join(refinements) or "none"

    if compiled.value(slot_of) < greedy_value:  # only when the time limit cut the models short
        slot_of = greedy_slots
    value = compiled.value(slot_of)
    elapsed = time.perf_counter() - start
    return Schedule(
        meetings=compiled.meetings(slot_of),
        upper_bound=upper_bound,
        status="optimal" if value == upper_bound else "feasible",
        placed_priority=value,
        greedy_priority=greedy_value,
        solve_seconds=elapsed,
        stats={
            "first_come_priority": baseline_value,
            "requests": compiled.n_requests,
            "requests_with_a_common_slot": len(free_requests) + len(compiled.fixed_slot),
            "slot_classes": len(classes),
            "contested_requests": selection.model_requests,
            "class_model_variables": selection.model_variables,
            "class_model_proven_optimal": selection.proven,
            "seated_by_colouring": seated_by_colouring,
            "unseated_after_colouring": unseated,
            "refinement": refined,
        },
    )


def slot_classes(compiled: Compiled, free_requests: list[int]) -> list[list[int]]:
    """Group slots that (nearly) every party involved in a free request treats alike.

    Exact classes when there are at most MAX_SLOT_CLASSES of them.  Otherwise (say, exhibitors each
    blocking a few slots of their own) only availability patterns shared by several parties, most common
    first, split the slots: the class model stays a valid relaxation (capacities count each party's real
    free tables) but stays small, and the colouring treats a party's missing slots as taken.
    """
    involved = {p for r in free_requests for p in compiled.members[r]}
    counts = Counter(compiled.available[p] for p in involved)
    exact = _partition(compiled.n_slots, sorted(counts))
    if len(set(exact)) <= MAX_SLOT_CLASSES:
        label = exact
    else:
        label = [0] * compiled.n_slots
        for mask, count in counts.most_common():
            if count < 2:
                break
            refined = _partition(compiled.n_slots, [mask], label)
            if len(set(refined)) <= MAX_SLOT_CLASSES:
                label = refined
    by_label: dict[int, list[int]] = defaultdict(list)
    for slot, value in enumerate(label):
        by_label[value].append(slot)
    return sorted(by_label.values())


def _partition(n_slots: int, masks: list[int], label: list[int] | None = None) -> list[int]:
    """Class label per slot: slots share a label iff they had one and every mask treats them alike."""
    label = list(label) if label is not None else [0] * n_slots
    for mask in masks:
        ids: dict[tuple[int, int], int] = {}
        label = [ids.setdefault((label[s], mask >> s & 1), len(ids)) for s in range(n_slots)]
    return label


def _select_classes(
    compiled: Compiled,
    classes: list[list[int]],
    free_requests: list[int],
    deadline: float,
    workers: int,
    seed: int,
) -> _Selection:
    members = compiled.members
    class_mask = [sum(1 << s for s in slots) for slots in classes]
    options = {
        r: [k for k, mask in enumerate(class_mask) if compiled.feasible[r] & mask] for r in free_requests
    }
    capacity: dict[tuple[int, int], int] = defaultdict(int)
    demand: dict[tuple[int, int], int] = defaultdict(int)
    requests_of: dict[int, list[int]] = defaultdict(list)
    for r in free_requests:
        for p in members[r]:
            requests_of[p].append(r)
            for k in options[r]:
                demand[(p, k)] += 1
    for p, k in demand:
        capacity[(p, k)] = sum(compiled.remaining[p][s] for s in classes[k])

    # Settle requests that fit in a class whatever else happens there (see module docstring, point 2).
    class_of: dict[int, int] = {}
    queue = deque(free_requests)
    queued = set(free_requests)
    while queue:
        r = queue.popleft()
        queued.discard(r)
        if r in class_of:
            continue
        roomy = [k for k in options[r] if all(demand[(p, k)] <= capacity[(p, k)] for p in members[r])]
        if not roomy:
            continue
        k = max(roomy, key=lambda k: min(capacity[(p, k)] - demand[(p, k)] for p in members[r]))
        class_of[r] = k
        for p in members[r]:
            capacity[(p, k)] -= 1
            for other in options[r]:
                demand[(p, other)] -= 1
                if other != k and demand[(p, other)] == capacity[(p, other)]:
                    for waiting in requests_of[p]:
                        if waiting not in class_of and waiting not in queued:
                            queue.append(waiting)
                            queued.add(waiting)
    settled_value = compiled.value(class_of)
    contested = [r for r in free_requests if r not in class_of]
    if not contested:
        return _Selection(class_of, settled_value, True, 0, 0)

    rows = dict(_contested_rows(compiled, contested, options, demand, capacity))
    lp_bound, lp_choice = _class_lp(
        compiled, contested, options, rows, capacity, deadline - time.perf_counter()
    )
    integral = all(abs(v - round(v)) < 1e-6 for v in lp_choice.values())
    picked = {r: k for (r, k), v in lp_choice.items() if v > 1 - 1e-6}
    picked = _fill_greedily(compiled, contested, options, rows, capacity, picked)
    proven = integral and compiled.value(picked) == lp_bound
    if not proven:
        improved, cp_bound = _class_cp_sat(
            compiled,
            contested,
            options,
            rows,
            capacity,
            picked,
            deadline - time.perf_counter(),
            workers,
            seed,
        )
        if compiled.value(improved) > compiled.value(picked):
            picked = improved
        lp_bound = min(lp_bound, cp_bound)
        proven = compiled.value(picked) == lp_bound
    class_of.update(picked)
    return _Selection(class_of, settled_value + lp_bound, proven, len(contested), len(lp_choice))


def _contested_rows(
    compiled: Compiled,
    contested: list[int],
    options: dict[int, list[int]],
    demand: dict[tuple[int, int], int],
    capacity: dict[tuple[int, int], int],
) -> list[tuple[tuple[int, int], list[int]]]:
    """Capacity rows (party, class) that can actually bind, each with the requests that may use it."""
    rows: dict[tuple[int, int], list[int]] = defaultdict(list)
    for r in contested:
        for k in options[r]:
            for p in compiled.members[r]:
                if demand[(p, k)] > capacity[(p, k)]:
                    rows[(p, k)].append(r)
    return list(rows.items())


def _class_lp(
    compiled: Compiled,
    contested: list[int],
    options: dict[int, list[int]],
    rows: dict[tuple[int, int], list[int]],
    capacity: dict[tuple[int, int], int],
    time_limit: float,
) -> tuple[int, dict[tuple[int, int], float]]:
    """LP relaxation of the class choice: a bound proven by exact weak duality, and the LP solution.

    The bound does not trust the LP solver's arithmetic: dual prices are repaired into an exactly feasible
    dual solution with rational numbers, whose objective bounds every integer schedule.
    """
    lp = pywraplp.Solver.CreateSolver("GLOP")
    variables: dict[tuple[int, int], pywraplp.Variable] = {}
    request_row = {}
    for r in contested:
        row = lp.Constraint(0, 1)
        for k in options[r]:
            var = lp.NumVar(0, 1, "")
            variables[(r, k)] = var
            row.SetCoefficient(var, 1)
        request_row[r] = row
    capacity_row = {}
    for (p, k), users in rows.items():
        row = lp.Constraint(0, capacity[(p, k)])
        for r in users:
            row.SetCoefficient(variables[(r, k)], 1)
        capacity_row[(p, k)] = row
    objective = lp.Objective()
    for (r, _), var in variables.items():
        objective.SetCoefficient(var, compiled.priority[r])
    objective.SetMaximization()
    lp.SetTimeLimit(max(1, int(1000 * time_limit)))
    if lp.Solve() != pywraplp.Solver.OPTIMAL:
        # No LP in time: the per-party capacity bound. A party that can hold `total` more meetings over its
        # binding classes is priced, in all of them, at the priority of its best request that cannot fit.
        by_party: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for key in rows:
            by_party[key[0]].append(key)
        fallback: dict[tuple[int, int], Fraction | int] = {}
        for keys in by_party.values():
            total = sum(capacity[key] for key in keys)
            users = {r for key in keys for r in rows[key]}
            if len(users) > total:
                ranked = sorted((compiled.priority[r] for r in users), reverse=True)
                fallback.update(dict.fromkeys(keys, ranked[total]))
        return _dual_bound(compiled, contested, options, capacity, fallback), {}
    price = {key: Fraction(max(0.0, row.dual_value())) for key, row in capacity_row.items()}
    bound = _dual_bound(compiled, contested, options, capacity, price)
    return bound, {key: var.solution_value() for key, var in variables.items()}


def _dual_bound(
    compiled: Compiled,
    contested: list[int],
    options: dict[int, list[int]],
    capacity: dict[tuple[int, int], int],
    price: dict[tuple[int, int], Fraction | int],
) -> int:
    """Weak duality, in exact arithmetic: with any non-negative prices on the capacity rows, each request
    is worth at most its best priority net of prices, so capacities times prices plus those nets bound
    every schedule of the contested requests."""
    bound = sum((capacity[key] * value for key, value in price.items()), Fraction(0))
    for r in contested:
        best = Fraction(0)
        for k in options[r]:
            reduced = compiled.priority[r] - sum(price.get((p, k), 0) for p in compiled.members[r])
            best = max(best, reduced)
        bound += best
    return min(math.floor(bound), compiled.value(contested))


def _fill_greedily(
    compiled: Compiled,
    contested: list[int],
    options: dict[int, list[int]],
    rows: dict[tuple[int, int], list[int]],
    capacity: dict[tuple[int, int], int],
    picked: dict[int, int],
) -> dict[int, int]:
    """Complete a partial class choice, best priorities first, into the first class with room everywhere."""
    room = {key: capacity[key] for key in rows}
    for r, k in picked.items():
        for p in compiled.members[r]:
            if (p, k) in room:
                room[(p, k)] -= 1
    picked = dict(picked)
    for r in sorted(contested, key=lambda r: (-compiled.priority[r], len(options[r]), r)):
        if r in picked:
            continue
        for k in options[r]:
            if all(room.get((p, k), 1) > 0 for p in compiled.members[r]):
                picked[r] = k
                for p in compiled.members[r]:
                    if (p, k) in room:
                        room[(p, k)] -= 1
                break
    return picked


def _class_cp_sat(
    compiled: Compiled,
    contested: list[int],
    options: dict[int, list[int]],
    rows: dict[tuple[int, int], list[int]],
    capacity: dict[tuple[int, int], int],
    hint: dict[int, int],
    time_limit: float,
    workers: int,
    seed: int,
) -> tuple[dict[int, int], int]:
    """Integer class choice when the LP optimum is fractional, warm-started from the rounded LP."""
    if time_limit < MIN_SOLVE_SECONDS:
        return hint, compiled.value(contested)
    model = cp_model.CpModel()
    choice = {(r, k): model.new_bool_var(f"y{r}_{k}") for r in contested for k in options[r]}
    for r in contested:
        model.add_at_most_one(choice[(r, k)] for k in options[r])
    for (p, k), users in rows.items():
        model.add(sum(choice[(r, k)] for r in users) <= capacity[(p, k)])
    model.maximize(sum(compiled.priority[r] * var for (r, _), var in choice.items()))
    for (r, k), var in choice.items():
        model.add_hint(var, hint.get(r) == k)
    solver = _solver(time_limit, workers, seed)
    solver.parameters.linearization_level = 2
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return hint, compiled.value(contested)
    picked = {r: k for (r, k), var in choice.items() if solver.boolean_value(var)}
    return picked, math.floor(solver.best_objective_bound + 1e-6)


def _solver(time_limit: float, workers: int, seed: int) -> cp_model.CpSolver:
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(time_limit, 0.01)
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = seed
    return solver


def _repair(compiled: Compiled, slot_of: dict[int, int], candidates: list[int]) -> None:
    """Seat still-unplaced requests, best priority first, wherever all their parties have a free table."""
    free = _free_tables(compiled, slot_of)
    for r in sorted(candidates, key=lambda r: (-compiled.priority[r], r)):
        if r in slot_of:
            continue
        for s in bits(compiled.feasible[r]):
            if all(free[p][s] > 0 for p in compiled.members[r]):
                for p in compiled.members[r]:
                    free[p][s] -= 1
                slot_of[r] = s
                break


def _free_tables(compiled: Compiled, slot_of: dict[int, int]) -> list[list[int]]:
    free = [row[:] for row in compiled.remaining]
    for r, s in slot_of.items():
        if r not in compiled.fixed_slot:
            for p in compiled.members[r]:
                free[p][s] -= 1
    return free


def _slot_model(
    compiled: Compiled,
    requests: list[int],
    tables: list[list[int]],
    hint: dict[int, int],
    deadline: float,
    workers: int,
    seed: int,
    allowed: int = -1,
    cap: int | None = None,
) -> tuple[dict[int, int] | None, int | None]:
    """Exact slot-level model over `requests` with `tables` free per party and slot; (slots, bound).

    `allowed` restricts the slots (a bitmask); `cap` is a proven bound on the value, given as a constraint so
    that CP-SAT stops as soon as a schedule reaches it instead of spending the time limit proving it.
    """
    if deadline - time.perf_counter() < MIN_SOLVE_SECONDS:
        return None, None
    model = cp_model.CpModel()
    place: dict[tuple[int, int], cp_model.IntVar] = {}
    seats: dict[tuple[int, int], list[cp_model.IntVar]] = defaultdict(list)
    for r in requests:
        for s in bits(compiled.feasible[r] & allowed):
            if all(tables[p][s] > 0 for p in compiled.members[r]):
                var = model.new_bool_var(f"x{r}_{s}")
                place[(r, s)] = var
                for p in compiled.members[r]:
                    seats[(p, s)].append(var)
    by_request: dict[int, list[cp_model.IntVar]] = defaultdict(list)
    for (r, _), var in place.items():
        by_request[r].append(var)
    for variables in by_request.values():
        model.add_at_most_one(variables)
    for (p, s), variables in seats.items():
        if len(variables) > tables[p][s]:
            model.add(sum(variables) <= tables[p][s])
    if not place:
        return {}, 0
    objective = sum(compiled.priority[r] * var for (r, _), var in place.items())
    if cap is not None:
        model.add(objective <= cap)
    model.maximize(objective)
    for (r, s), var in place.items():
        model.add_hint(var, hint.get(r) == s)
    if deadline - time.perf_counter() < MIN_SOLVE_SECONDS / 2:
        return None, None
    solver = _solver(deadline - time.perf_counter(), workers, seed)
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None, None
    slots = {r: s for (r, s), var in place.items() if solver.boolean_value(var)}
    return slots, math.floor(solver.best_objective_bound + 1e-6)


def _seat_classes(
    compiled: Compiled,
    classes: list[list[int]],
    slot_of: dict[int, int],
    selected: dict[int, int],
    deadline: float,
    workers: int,
    seed: int,
) -> None:
    """Re-seat, slot by slot, each class holding a selected meeting still unseated, in place."""
    class_of_slot = {s: k for k, slots in enumerate(classes) for s in slots}
    missing: dict[int, list[int]] = defaultdict(list)
    for r, k in selected.items():
        if r not in slot_of:
            missing[k].append(r)
    jobs = sorted(missing, key=lambda k: -compiled.value(missing[k]))
    for done, k in enumerate(jobs):
        share = 0.4 * (deadline - time.perf_counter()) / (len(jobs) - done)
        job_deadline = time.perf_counter() + min(share, CLASS_SEATING_MAX_SECONDS)
        here = {r for r, s in slot_of.items() if class_of_slot[s] == k and r not in compiled.fixed_slot}
        movable = here | set(missing[k])
        frozen = {r: s for r, s in slot_of.items() if r not in movable}
        mask = sum(1 << s for s in classes[k])
        tables = _free_tables(compiled, frozen)
        seated, _ = _slot_model(compiled, sorted(movable), tables, slot_of, job_deadline, workers, seed, mask)
        if seated is not None and compiled.value(seated) > compiled.value(here):
            slot_of.clear()
            slot_of.update(frozen)
            slot_of.update(seated)


def _improve_locally(
    compiled: Compiled,
    slot_of: dict[int, int],
    selected: dict[int, int],
    deadline: float,
    workers: int,
    seed: int,
) -> bool:
    """Re-solve exactly, in place, around the parties of selected requests that could not be seated."""
    parties = {p for r in selected if r not in slot_of for p in compiled.members[r]}
    if not parties:
        return False
    touching = [
        r
        for r in range(compiled.n_requests)
        if r not in compiled.fixed_slot and compiled.feasible[r] and parties.intersection(compiled.members[r])
    ]
    # Meetings already seated and the selected ones come first; other waiting requests of an overloaded
    # party (often thousands) only while the model stays small enough to solve within the time limit.
    touching.sort(key=lambda r: (r not in slot_of and r not in selected, -compiled.priority[r], r))
    neighbourhood, pairs = [], 0
    for r in touching:
        pairs += compiled.feasible[r].bit_count()
        if pairs > LOCAL_MODEL_MAX_PAIRS:
            break
        neighbourhood.append(r)
    if len(neighbourhood) < sum(1 for r in touching if r in slot_of or r in selected):
        return False
    movable = set(neighbourhood)
    frozen = {r: s for r, s in slot_of.items() if r not in movable}
    tables = _free_tables(compiled, frozen)
    improved, _ = _slot_model(compiled, neighbourhood, tables, slot_of, deadline, workers, seed)
    if improved is not None and compiled.value(improved) > compiled.value(r for r in slot_of if r in movable):
        slot_of.clear()
        slot_of.update(frozen)
        slot_of.update(improved)
    return True
