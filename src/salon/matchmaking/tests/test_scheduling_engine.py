"""The scheduling engine against hand-made cases, an exhaustive oracle and its own checker."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from salon.matchmaking.scheduling import (
    Instance,
    InstanceError,
    Meeting,
    Party,
    Request,
    check_schedule,
    instance_from_dict,
    schedule_priority,
    solve,
)
from salon.matchmaking.scheduling.bruteforce import brute_force_optimum
from salon.matchmaking.scheduling.coloring import color_class
from salon.matchmaking.scheduling.compiled import compile_instance, first_come


def make(slots, parties, requests, fixed=()) -> Instance:
    """parties: {id: (available, tables)}; requests: [(id, parties, priority)], host = first party."""
    return Instance(
        tuple(slots),
        tuple(Party(pid, tuple(avail), tables) for pid, (avail, tables) in parties.items()),
        tuple(Request(rid, tuple(members), members[0], priority) for rid, members, priority in requests),
        tuple(Meeting(r, s) for r, s in fixed),
    )


def placed(schedule) -> dict:
    return {m.request: m.slot for m in schedule.meetings}


def test_solve_overloaded_exhibitor_keeps_best_priorities():
    instance = make(
        ["s1", "s2"],
        {"E": (["s1", "s2"], 1), "V1": (["s1", "s2"], 1), "V2": (["s1", "s2"], 1), "V3": (["s1", "s2"], 1)},
        [("r1", ["E", "V1"], 1), ("r2", ["E", "V2"], 3), ("r3", ["E", "V3"], 2)],
    )
    schedule = solve(instance, time_limit=5, num_workers=1)
    assert check_schedule(instance, schedule) == []
    assert set(placed(schedule)) == {"r2", "r3"}
    assert (schedule.placed_priority, schedule.upper_bound, schedule.status) == (5, 5, "optimal")


def test_solve_group_meeting_needs_every_member_free():
    slots = ["s1"]
    parties = {name: (["s1"], 1) for name in ["E", "A", "B", "C", "F"]}
    instance = make(slots, parties, [("group", ["E", "A", "B", "C"], 1), ("pair", ["F", "C"], 2)])
    schedule = solve(instance, time_limit=5, num_workers=1)
    assert placed(schedule) == {"pair": "s1"}
    assert schedule.upper_bound == 2

    two_slots = make(
        ["s1", "s2"],
        {k: (["s1", "s2"], 1) for k in parties},
        [("group", ["E", "A", "B", "C"], 1), ("pair", ["F", "C"], 2)],
    )
    schedule = solve(two_slots, time_limit=5, num_workers=1)
    assert check_schedule(two_slots, schedule) == []
    assert set(placed(schedule)) == {"group", "pair"}
    assert placed(schedule)["group"] != placed(schedule)["pair"]


def test_solve_group_meeting_only_where_all_members_are_available():
    instance = make(
        ["s1", "s2"],
        {"E": (["s1", "s2"], 2), "A": (["s1"], 1), "B": (["s2"], 1), "C": (["s2"], 1)},
        [("group", ["E", "A", "B"], 5), ("pair", ["E", "C"], 1)],
    )
    schedule = solve(instance, time_limit=5, num_workers=1)
    assert placed(schedule) == {"pair": "s2"}
    assert schedule.upper_bound == 1


def test_solve_odd_cycle_bound_is_tightened_to_the_true_optimum():
    # Three parties meeting pairwise in two slots: the per-party counts allow 3 meetings, slots allow only 2.
    instance = make(
        ["s1", "s2"],
        {k: (["s1", "s2"], 1) for k in "ABC"},
        [("ab", ["A", "B"], 1), ("bc", ["B", "C"], 1), ("ca", ["C", "A"], 1)],
    )
    schedule = solve(instance, time_limit=5, num_workers=1)
    assert check_schedule(instance, schedule) == []
    assert (schedule.placed_priority, schedule.upper_bound, schedule.status) == (2, 2, "optimal")


def test_solve_fixed_meetings_stay_put_on_resolve():
    slots = ["s1", "s2", "s3"]
    parties = {k: (slots, 1) for k in ["E", "V1", "V2", "V3"]}
    requests = [("r1", ["E", "V1"], 1), ("r2", ["E", "V2"], 1), ("r3", ["E", "V3"], 1)]
    first = solve(make(slots, parties, requests), time_limit=5, num_workers=1)
    assert first.placed_priority == 3
    moved = {"r1": "s3", "r2": "s1"}  # confirmed by both sides in these slots since the first run
    instance = make(slots, parties, requests, fixed=moved.items())
    second = solve(instance, time_limit=5, num_workers=1)
    assert check_schedule(instance, second) == []
    assert placed(second) == {"r1": "s3", "r2": "s1", "r3": "s2"}


def test_solve_fixed_meeting_is_kept_even_when_a_better_request_loses_its_slot():
    instance = make(
        ["s1"],
        {"E": (["s1"], 1), "V1": (["s1"], 1), "V2": (["s1"], 1)},
        [("low", ["E", "V1"], 1), ("high", ["E", "V2"], 3)],
        fixed=[("low", "s1")],
    )
    schedule = solve(instance, time_limit=5, num_workers=1)
    assert placed(schedule) == {"low": "s1"}
    assert (schedule.upper_bound, schedule.status) == (1, "optimal")


def test_solve_beats_first_come_on_arrival_order_trap():
    # First come seats r1 in s1 and blocks r2 (V2 only free in s1); the optimum moves r1 to s2.
    instance = make(
        ["s1", "s2"],
        {"E": (["s1", "s2"], 1), "V1": (["s1", "s2"], 1), "V2": (["s1"], 1)},
        [("r1", ["E", "V1"], 1), ("r2", ["E", "V2"], 1)],
    )
    compiled = compile_instance(instance)
    assert compiled.value(first_come(compiled)) == 1
    schedule = solve(instance, time_limit=5, num_workers=1)
    assert placed(schedule) == {"r1": "s2", "r2": "s1"}
    assert schedule.status == "optimal"


@pytest.mark.parametrize("seed", range(10))
def test_color_class_seats_a_regular_bipartite_multigraph_completely(seed):
    # K(4,4) plus a second table for one exhibitor: every party is exactly full; plain greedy often fails.
    slots = [f"s{i}" for i in range(4)]
    visitors = [f"V{i}" for i in range(4)]
    exhibitors = [f"E{i}" for i in range(4)]
    parties = {p: (slots, 1) for p in visitors + exhibitors}
    pairs = [(v, e) for v in visitors for e in exhibitors]
    random.Random(seed).shuffle(pairs)
    instance = make(slots, parties, [(f"r{i}", [e, v], 1) for i, (v, e) in enumerate(pairs)])
    compiled = compile_instance(instance)
    seated, unseated = color_class(compiled, list(range(4)), [], list(range(len(pairs))))
    assert unseated == []
    assert len(seated) == 16
    meetings = [Meeting(instance.requests[r].id, slots[s]) for r, s in seated.items()]
    assert check_schedule(instance, meetings) == []


def test_solve_two_day_show_with_many_tables_is_optimal_and_valid():
    rng = random.Random(7)
    slots = [f"d{d}-{i}" for d in range(2) for i in range(6)]
    parties = {f"E{i}": (slots, rng.choice([1, 1, 2])) for i in range(8)}
    for i in range(40):
        days = rng.choice([[0], [1], [0, 1]])
        parties[f"V{i}"] = ([s for s in slots if int(s[1]) in days], 1)
    requests, seen = [], set()
    while len(requests) < 150:
        pair = (f"E{min(int(rng.expovariate(0.5)), 7)}", f"V{rng.randrange(40)}")
        if pair not in seen:
            seen.add(pair)
            requests.append((f"r{len(requests)}", list(pair), rng.choice([1, 1, 2, 3])))
    instance = make(slots, parties, requests)
    schedule = solve(instance, time_limit=20, num_workers=1)
    assert check_schedule(instance, schedule) == []
    assert schedule_priority(instance, schedule.meetings) == schedule.placed_priority
    assert schedule.status == "optimal"
    assert schedule.placed_priority == schedule.upper_bound
    assert schedule.placed_priority > schedule.stats["first_come_priority"]


@st.composite
def tiny_instances(draw) -> Instance:
    """Few slots, few parties, many requests among them: contention, odd cycles, groups, confirmed ones."""
    n_slots = draw(st.integers(1, 3))
    slots = [f"s{i}" for i in range(n_slots)]
    n_parties = draw(st.integers(3, 5))
    parties = {}
    for i in range(n_parties):
        available = [s for s in slots if draw(st.integers(0, 3)) > 0]
        parties[f"p{i}"] = (available, draw(st.sampled_from([1, 1, 2])))
    names = list(parties)
    requests = []
    for i in range(draw(st.integers(1, 7))):
        size = draw(st.sampled_from([2, 2, 2, 3]))
        members = draw(st.permutations(names))[:size]
        requests.append((f"r{i}", members, draw(st.integers(1, 3))))
    # Confirm a few meetings where they fit, as a previous run would have.
    fixed, load = [], {}
    for rid, members, _ in requests:
        if draw(st.integers(0, 4)) > 0:
            continue
        slot = draw(st.sampled_from(slots))
        if all(slot in parties[p][0] and load.get((p, slot), 0) < parties[p][1] for p in members):
            for p in members:
                load[(p, slot)] = load.get((p, slot), 0) + 1
            fixed.append((rid, slot))
    return make(slots, parties, requests, fixed)


@st.composite
def dense_instances(draw) -> Instance:
    """Everyone free everywhere, many pairwise meetings: slot classes are exact only for bipartite graphs,
    so odd cycles here force the solver past its class relaxation to the slot-level model."""
    slots = [f"s{i}" for i in range(draw(st.integers(1, 3)))]
    names = [f"p{i}" for i in range(draw(st.integers(3, 4)))]
    parties = {name: (slots, draw(st.sampled_from([1, 1, 1, 2]))) for name in names}
    requests = []
    for i in range(draw(st.integers(3, 7))):
        members = draw(st.permutations(names))[:2]
        requests.append((f"r{i}", members, draw(st.integers(1, 2))))
    return make(slots, parties, requests)


@settings(max_examples=100, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(tiny_instances(), dense_instances()))
def test_solve_random_tiny_instances_match_brute_force(instance):
    schedule = solve(instance, time_limit=10, num_workers=1)
    optimum = brute_force_optimum(instance)
    assert check_schedule(instance, schedule) == []
    assert schedule_priority(instance, schedule.meetings) == schedule.placed_priority
    assert schedule.placed_priority == optimum
    assert schedule.upper_bound >= optimum
    assert schedule.status == ("optimal" if schedule.upper_bound == optimum else "feasible")
    assert schedule.status == "optimal"


def test_check_schedule_reports_every_kind_of_violation():
    instance = make(
        ["s1", "s2"],
        {"E": (["s1", "s2"], 1), "V1": (["s1", "s2"], 1), "V2": (["s1"], 1)},
        [("r1", ["E", "V1"], 1), ("r2", ["E", "V2"], 1), ("r3", ["V1", "V2"], 1)],
        fixed=[("r3", "s1")],
    )
    meetings = [
        Meeting("r1", "s1"),
        Meeting("r2", "s1"),  # E twice in s1
        Meeting("r2", "s2"),  # placed twice
        Meeting("r3", "s2"),  # fixed moved, and V2 unavailable in s2
        Meeting("ghost", "s1"),
        Meeting("r1", "s9"),
    ]
    kinds = sorted(v.kind for v in check_schedule(instance, meetings))
    assert kinds == [
        "fixed_moved",
        "over_capacity",
        "placed_twice",
        "unavailable",
        "unknown_request",
        "unknown_slot",
    ]


def test_instance_from_dict_rejects_a_meeting_with_oneself():
    data = {
        "slots": ["s1"],
        "parties": [{"id": "A", "available": ["s1"]}],
        "requests": [{"id": "r1", "parties": ["A", "A"], "host": "A"}],
    }
    with pytest.raises(InstanceError, match="request 'r1'.*2 distinct parties"):
        instance_from_dict(data)


def test_solve_without_requests_is_trivially_optimal():
    instance = make(["s1"], {"A": (["s1"], 1)}, [])
    schedule = solve(instance, time_limit=1, num_workers=1)
    assert (schedule.meetings, schedule.upper_bound, schedule.status) == ([], 0, "optimal")


def test_solve_accepts_integer_ids_from_json():
    data = {
        "slots": [10, 20],
        "parties": [{"id": 1, "available": [10, 20]}, {"id": 2, "available": [20]}],
        "requests": [{"id": 7, "parties": [1, 2], "host": 1, "priority": 2}],
    }
    schedule = solve(instance_from_dict(data), time_limit=1, num_workers=1)
    assert schedule.meetings == [Meeting(7, 20)]
    assert schedule.to_dict()["meetings"] == [{"request": 7, "slot": 20}]
