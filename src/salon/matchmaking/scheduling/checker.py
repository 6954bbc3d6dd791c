"""Independent verification of a schedule: shares no code with the solver on purpose."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from .model import Id, Instance, Meeting, Schedule


@dataclass(frozen=True)
class Violation:
    kind: str  # unknown_request | unknown_slot | placed_twice | unavailable | over_capacity | fixed_moved
    message: str
    request: Id | None = None
    slot: Id | None = None
    party: Id | None = None


def check_schedule(instance: Instance, schedule: Schedule | Iterable[Meeting]) -> list[Violation]:
    """Every broken rule, empty when the schedule is valid."""
    meetings = list(schedule.meetings if isinstance(schedule, Schedule) else schedule)
    slots = set(instance.slots)
    requests = {r.id: r for r in instance.requests}
    parties = {p.id: p for p in instance.parties}
    available = {p.id: set(p.available) for p in instance.parties}
    violations: list[Violation] = []
    slot_of: dict[Id, Id] = {}
    load: Counter[tuple[Id, Id]] = Counter()

    for meeting in meetings:
        request = requests.get(meeting.request)
        if request is None:
            violations.append(
                Violation("unknown_request", f"unknown request {meeting.request!r}", meeting.request)
            )
            continue
        if meeting.slot not in slots:
            violations.append(
                Violation(
                    "unknown_slot",
                    f"request {meeting.request!r} in unknown slot {meeting.slot!r}",
                    meeting.request,
                    meeting.slot,
                )
            )
            continue
        if meeting.request in slot_of:
            violations.append(
                Violation(
                    "placed_twice",
                    f"request {meeting.request!r} placed more than once",
                    meeting.request,
                    meeting.slot,
                )
            )
            continue
        slot_of[meeting.request] = meeting.slot
        for member in request.parties:
            if meeting.slot not in available[member]:
                violations.append(
                    Violation(
                        "unavailable",
                        f"party {member!r} not available in slot {meeting.slot!r} "
                        f"for request {meeting.request!r}",
                        meeting.request,
                        meeting.slot,
                        member,
                    )
                )
            load[(member, meeting.slot)] += 1

    for (member, slot), count in sorted(load.items(), key=lambda item: (str(item[0][0]), str(item[0][1]))):
        if count > parties[member].tables:
            violations.append(
                Violation(
                    "over_capacity",
                    f"party {member!r} has {count} meetings in slot {slot!r} "
                    f"for {parties[member].tables} table(s)",
                    None,
                    slot,
                    member,
                )
            )

    for fixed in instance.fixed:
        if slot_of.get(fixed.request) != fixed.slot:
            violations.append(
                Violation(
                    "fixed_moved",
                    f"fixed request {fixed.request!r} is not in its slot {fixed.slot!r}",
                    fixed.request,
                    fixed.slot,
                )
            )
    return violations


def schedule_priority(instance: Instance, meetings: Iterable[Meeting]) -> int:
    priority = {r.id: r.priority for r in instance.requests}
    return sum(priority[m.request] for m in meetings)
