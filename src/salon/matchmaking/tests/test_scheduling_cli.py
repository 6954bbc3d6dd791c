"""`salon schedule` end to end on temporary files, and its refusal of each kind of bad input."""

from __future__ import annotations

import copy
import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from salon.matchmaking.scheduling import Meeting, check_schedule, instance_from_dict

SLOTS = ["d1-0900", "d1-0930", "d2-0900"]
INSTANCE = {
    "slots": SLOTS,
    "parties": [
        {"id": "EXPO-1", "available": SLOTS, "tables": 1},
        {"id": "EXPO-2", "available": SLOTS, "tables": 2},
        {"id": "alice", "available": ["d1-0900", "d1-0930"], "tables": 1},
        {"id": "bob", "available": ["d1-0900"], "tables": 1},
        {"id": "carol", "available": SLOTS, "tables": 1},
        {"id": "dan", "available": SLOTS, "tables": 1},
    ],
    "requests": [
        {"id": "m1", "parties": ["EXPO-1", "alice"], "host": "EXPO-1", "priority": 1},
        {"id": "m2", "parties": ["EXPO-1", "bob"], "host": "EXPO-1", "priority": 2},
        {"id": "m3", "parties": ["EXPO-1", "carol"], "host": "EXPO-1", "priority": 1},
        {"id": "m4", "parties": ["EXPO-1", "dan"], "host": "EXPO-1", "priority": 3},
        {"id": "m5", "parties": ["EXPO-2", "alice", "bob"], "host": "EXPO-2", "priority": 2},
        {"id": "m6", "parties": ["EXPO-2", "carol"], "host": "EXPO-2"},
    ],
    "fixed": [{"request": "m6", "slot": "d2-0900"}],
}


def run(tmp_path, data, *extra: str) -> tuple[dict, str]:
    source, target = tmp_path / "instance.json", tmp_path / "schedule.json"
    source.write_text(json.dumps(data))
    out = io.StringIO()
    call_command(
        "schedule", "--in", str(source), "--out", str(target), "--time-limit", "5", *extra, stdout=out
    )
    return json.loads(target.read_text()), out.getvalue()


def test_schedule_command_writes_a_valid_optimal_schedule(tmp_path):
    result, printed = run(tmp_path, INSTANCE, "--workers", "1")
    meetings = [Meeting(m["request"], m["slot"]) for m in result["meetings"]]
    assert check_schedule(instance_from_dict(INSTANCE), meetings) == []
    # EXPO-1 has 3 slots for 4 requests. Seating bob with EXPO-1 (m2, priority 2) would cost the delegation
    # meeting m5 (priority 2, bob's only slot) *and* a third EXPO-1 meeting, so m2 is the one dropped.
    assert {m.request: m.slot for m in meetings if m.request in ("m5", "m6")} == {
        "m5": "d1-0900",
        "m6": "d2-0900",
    }
    assert {m.request for m in meetings} == {"m1", "m3", "m4", "m5", "m6"}
    assert result["placed_priority"] == 8
    assert result["upper_bound"] == result["placed_priority"]
    assert result["status"] == "optimal"
    assert printed.startswith(f"{len(meetings)} meetings placed, priority {result['placed_priority']}")


def test_schedule_command_output_lists_every_documented_field(tmp_path):
    result, _ = run(tmp_path, INSTANCE)
    assert set(result) >= {
        "meetings",
        "upper_bound",
        "status",
        "placed_priority",
        "greedy_priority",
        "solve_seconds",
    }
    assert all(set(m) == {"request", "slot"} for m in result["meetings"])


def mutate(change) -> dict:
    data = copy.deepcopy(INSTANCE)
    change(data)
    return data


BAD_INPUTS = {
    "unknown party in request": (
        lambda d: d["requests"][0]["parties"].append("mallory"),
        "request 'm1': unknown party 'mallory'",
    ),
    "unknown slot in availability": (
        lambda d: d["parties"][2]["available"].append("d9-0800"),
        "party 'alice': unknown slot 'd9-0800'",
    ),
    "duplicate slot": (lambda d: d["slots"].append("d1-0900"), "slot 'd1-0900': duplicate slot id"),
    "duplicate party": (
        lambda d: d["parties"].append({"id": "bob", "available": []}),
        "party 'bob': duplicate party id",
    ),
    "duplicate request": (
        lambda d: d["requests"].append(dict(d["requests"][1])),
        "request 'm2': duplicate request id",
    ),
    "empty slot list": (
        lambda d: (d.update(slots=[]), [p.update(available=[]) for p in d["parties"]], d.update(fixed=[])),
        "the slot list is empty",
    ),
    "host not a party": (
        lambda d: d["requests"][2].update(host="dan"),
        "request 'm3': host 'dan' is not among its parties",
    ),
    "meeting with oneself": (
        lambda d: d["requests"][3].update(parties=["dan", "dan"], host="dan"),
        "request 'm4': needs at least 2 distinct parties",
    ),
    "single party": (
        lambda d: d["requests"][3].update(parties=["dan"], host="dan"),
        "request 'm4': needs at least 2",
    ),
    "fixed where a party is absent": (
        lambda d: d["fixed"].append({"request": "m2", "slot": "d2-0900"}),
        "fixed meeting of request 'm2': party 'bob' is not available in slot 'd2-0900'",
    ),
    "fixed over capacity": (
        lambda d: d["fixed"].extend(
            [{"request": "m3", "slot": "d1-0930"}, {"request": "m4", "slot": "d1-0930"}]
        ),
        "fixed meeting of request 'm4': party 'EXPO-1' has more fixed meetings in slot 'd1-0930'",
    ),
    "fixed unknown request": (
        lambda d: d["fixed"].append({"request": "m99", "slot": "d1-0900"}),
        "fixed meeting of request 'm99': unknown request",
    ),
    "fixed unknown slot": (
        lambda d: d["fixed"].append({"request": "m1", "slot": "d7-0900"}),
        "fixed meeting of request 'm1': unknown slot 'd7-0900'",
    ),
    "fixed twice": (
        lambda d: d["fixed"].append({"request": "m6", "slot": "d1-0900"}),
        "fixed meeting of request 'm6': request fixed twice",
    ),
    "priority zero": (
        lambda d: d["requests"][0].update(priority=0),
        "request 'm1': 'priority' must be an integer >= 1",
    ),
    "tables zero": (
        lambda d: d["parties"][0].update(tables=0),
        "party 'EXPO-1': 'tables' must be an integer",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_schedule_command_bad_input_names_the_item(tmp_path, case):
    change, message = BAD_INPUTS[case]
    with pytest.raises(CommandError) as raised:
        run(tmp_path, mutate(change))
    assert message in str(raised.value)
    assert not (tmp_path / "schedule.json").exists()


def test_schedule_command_rejects_invalid_json(tmp_path):
    source = tmp_path / "instance.json"
    source.write_text('{"slots": [')
    with pytest.raises(CommandError, match="instance.json: not valid JSON"):
        call_command("schedule", "--in", str(source), "--out", str(tmp_path / "out.json"))


def test_schedule_command_rejects_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="missing.json: cannot read"):
        call_command("schedule", "--in", str(tmp_path / "missing.json"), "--out", str(tmp_path / "out.json"))
