"""The scheduling problem and its answer, independent of Django and of any solver.

Ids are whatever the caller uses (strings or integers from JSON); the engine only hashes and compares them.
Validation lives here rather than in the CLI so that every entry point (CLI, benchmark, web view) rejects
the same bad inputs with the same messages.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from typing import Any

Id = Hashable


class InstanceError(ValueError):
    """Bad input; the message names the offending item so an organiser can fix the export."""


@dataclass(frozen=True)
class Party:
    id: Id
    available: tuple[Id, ...]
    tables: int = 1


@dataclass(frozen=True)
class Request:
    id: Id
    parties: tuple[Id, ...]
    host: Id
    priority: int = 1


@dataclass(frozen=True)
class Meeting:
    request: Id
    slot: Id


@dataclass(frozen=True)
class Instance:
    slots: tuple[Id, ...]
    parties: tuple[Party, ...]
    requests: tuple[Request, ...]
    fixed: tuple[Meeting, ...] = ()


@dataclass
class Schedule:
    meetings: list[Meeting]
    upper_bound: int
    status: str  # "optimal" when placed_priority == upper_bound, else "feasible"
    placed_priority: int
    greedy_priority: int
    solve_seconds: float
    stats: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "meetings": [{"request": m.request, "slot": m.slot} for m in self.meetings],
            "upper_bound": self.upper_bound,
            "status": self.status,
            "placed_priority": self.placed_priority,
            "placed_meetings": len(self.meetings),
            "greedy_priority": self.greedy_priority,
            "solve_seconds": round(self.solve_seconds, 3),
            "stats": self.stats,
        }


def _is_id(value: Any) -> bool:
    return isinstance(value, str | int) and not isinstance(value, bool)


def _positive_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise InstanceError(message)


def _list_field(item: Mapping[str, Any], key: str, where: str) -> list[Any]:
    value = item.get(key)
    _require(isinstance(value, list), f"{where}: '{key}' must be a list")
    return value


def instance_from_dict(data: Any) -> Instance:
    """Build and validate an instance from the JSON format documented in docs/cli-schedule.md."""
    _require(isinstance(data, dict), "instance: the top level must be a JSON object")
    slots = _list_field(data, "slots", "instance")
    parties_raw = _list_field(data, "parties", "instance")
    requests_raw = _list_field(data, "requests", "instance")
    fixed_raw = data.get("fixed", [])
    _require(isinstance(fixed_raw, list), "instance: 'fixed' must be a list")
    for index, slot in enumerate(slots):
        _require(_is_id(slot), f"slot #{index}: id must be a string or an integer, got {slot!r}")

    parties = []
    for index, item in enumerate(parties_raw):
        _require(isinstance(item, dict), f"party #{index}: must be an object")
        party_id = item.get("id")
        _require(_is_id(party_id), f"party #{index}: 'id' must be a string or an integer")
        where = f"party {party_id!r}"
        available = _list_field(item, "available", where)
        tables = item.get("tables", 1)
        _require(_positive_int(tables), f"{where}: 'tables' must be an integer >= 1, got {tables!r}")
        for slot in available:
            _require(_is_id(slot), f"{where}: available slot {slot!r} is not a valid id")
        parties.append(Party(party_id, tuple(available), tables))

    requests = []
    for index, item in enumerate(requests_raw):
        _require(isinstance(item, dict), f"request #{index}: must be an object")
        request_id = item.get("id")
        _require(_is_id(request_id), f"request #{index}: 'id' must be a string or an integer")
        where = f"request {request_id!r}"
        members = _list_field(item, "parties", where)
        for member in members:
            _require(_is_id(member), f"{where}: party {member!r} is not a valid id")
        host = item.get("host")
        _require(_is_id(host), f"{where}: 'host' must be a string or an integer")
        priority = item.get("priority", 1)
        _require(_positive_int(priority), f"{where}: 'priority' must be an integer >= 1, got {priority!r}")
        requests.append(Request(request_id, tuple(members), host, priority))

    fixed = []
    for index, item in enumerate(fixed_raw):
        _require(isinstance(item, dict), f"fixed #{index}: must be an object")
        request_id, slot = item.get("request"), item.get("slot")
        _require(_is_id(request_id) and _is_id(slot), f"fixed #{index}: needs 'request' and 'slot' ids")
        fixed.append(Meeting(request_id, slot))

    instance = Instance(tuple(slots), tuple(parties), tuple(requests), tuple(fixed))
    validate_instance(instance)
    return instance


def instance_to_dict(instance: Instance) -> dict[str, Any]:
    return {
        "slots": list(instance.slots),
        "parties": [
            {"id": p.id, "available": list(p.available), "tables": p.tables} for p in instance.parties
        ],
        "requests": [
            {"id": r.id, "parties": list(r.parties), "host": r.host, "priority": r.priority}
            for r in instance.requests
        ],
        "fixed": [{"request": m.request, "slot": m.slot} for m in instance.fixed],
    }


def _first_duplicate(values: list[Id]) -> Id | None:
    seen: set[Id] = set()
    for value in values:
        if value in seen:
            return value
        seen.add(value)
    return None


def validate_instance(instance: Instance) -> None:
    """Raise InstanceError on the first problem found, naming the item."""
    _require(len(instance.slots) > 0, "instance: the slot list is empty")
    duplicate = _first_duplicate(list(instance.slots))
    _require(duplicate is None, f"slot {duplicate!r}: duplicate slot id")
    duplicate = _first_duplicate([p.id for p in instance.parties])
    _require(duplicate is None, f"party {duplicate!r}: duplicate party id")
    duplicate = _first_duplicate([r.id for r in instance.requests])
    _require(duplicate is None, f"request {duplicate!r}: duplicate request id")

    slot_set = set(instance.slots)
    parties = {p.id: p for p in instance.parties}
    for party in instance.parties:
        for slot in party.available:
            _require(slot in slot_set, f"party {party.id!r}: unknown slot {slot!r} in 'available'")
        duplicate = _first_duplicate(list(party.available))
        _require(duplicate is None, f"party {party.id!r}: slot {duplicate!r} listed twice in 'available'")
        _require(_positive_int(party.tables), f"party {party.id!r}: 'tables' must be an integer >= 1")

    requests = {}
    for request in instance.requests:
        where = f"request {request.id!r}"
        for member in request.parties:
            _require(member in parties, f"{where}: unknown party {member!r}")
        _require(
            len(set(request.parties)) >= 2,
            f"{where}: needs at least 2 distinct parties (a party cannot meet itself)",
        )
        duplicate = _first_duplicate(list(request.parties))
        _require(duplicate is None, f"{where}: party {duplicate!r} listed twice")
        _require(request.host in request.parties, f"{where}: host {request.host!r} is not among its parties")
        _require(_positive_int(request.priority), f"{where}: 'priority' must be an integer >= 1")
        requests[request.id] = request

    load: dict[tuple[Id, Id], int] = {}
    placed: set[Id] = set()
    for meeting in instance.fixed:
        where = f"fixed meeting of request {meeting.request!r}"
        _require(meeting.request in requests, f"{where}: unknown request")
        _require(meeting.request not in placed, f"{where}: request fixed twice")
        placed.add(meeting.request)
        _require(meeting.slot in slot_set, f"{where}: unknown slot {meeting.slot!r}")
        for member in requests[meeting.request].parties:
            party = parties[member]
            _require(
                meeting.slot in party.available,
                f"{where}: party {member!r} is not available in slot {meeting.slot!r}",
            )
            key = (member, meeting.slot)
            load[key] = load.get(key, 0) + 1
            _require(
                load[key] <= party.tables,
                f"{where}: party {member!r} has more fixed meetings in slot {meeting.slot!r} "
                f"than its {party.tables} table(s)",
            )
