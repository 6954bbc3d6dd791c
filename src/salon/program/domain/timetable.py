"""Timetable conflict detection (pure Python, no Django): callable from the editor, the API, a CLI.

A conflict is either *blocking* (the timetable cannot be true: a room or a speaker in two places, a
session on a day the show is closed, a session ending before it starts) or a *warning* the organizer
may accept (an evening session past the rooms' closing time, an expected audience above the room's
seats). Blocking kinds refuse the save; both kinds are highlighted in the timetable, because a change
of room capacity or opening hours can create either after the fact.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum


class ConflictKind(StrEnum):
    ENDS_BEFORE_START = "ends_before_start"
    ROOM_DOUBLE_BOOKED = "room_double_booked"
    SPEAKER_DOUBLE_BOOKED = "speaker_double_booked"
    OUTSIDE_EDITION_DAYS = "outside_edition_days"
    OUTSIDE_OPENING_HOURS = "outside_opening_hours"
    OVER_CAPACITY = "over_capacity"


BLOCKING = frozenset(
    {
        ConflictKind.ENDS_BEFORE_START,
        ConflictKind.ROOM_DOUBLE_BOOKED,
        ConflictKind.SPEAKER_DOUBLE_BOOKED,
        ConflictKind.OUTSIDE_EDITION_DAYS,
    }
)


@dataclass(frozen=True)
class Slot:
    """One session as the checker sees it. Datetimes must be timezone-aware."""

    key: int | str
    title: str
    start: dt.datetime
    end: dt.datetime
    room: int | str | None = None
    room_name: str = ""
    room_capacity: int | None = None
    expected_audience: int = 0
    speakers: tuple[tuple[int | str, str], ...] = ()  # (key, name)


@dataclass(frozen=True)
class Hours:
    days: frozenset[dt.date]
    opens: dt.time
    closes: dt.time
    tz: dt.tzinfo


@dataclass(frozen=True)
class Conflict:
    kind: ConflictKind
    session: int | str
    detail: str
    other: int | str | None = None
    speaker: int | str | None = None

    @property
    def blocking(self) -> bool:
        return self.kind in BLOCKING


def _clock(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")


def check_slot(slot: Slot, hours: Hours) -> list[Conflict]:
    """What is wrong with a session on its own: its times, its day, its hours, its room size."""
    if slot.end <= slot.start:
        return [
            Conflict(
                ConflictKind.ENDS_BEFORE_START,
                slot.key,
                f"“{slot.title}” ends ({_clock(slot.end)}) before it starts ({_clock(slot.start)}).",
            )
        ]
    found: list[Conflict] = []
    start, end = slot.start.astimezone(hours.tz), slot.end.astimezone(hours.tz)
    if start.date() not in hours.days or end.date() != start.date():
        found.append(
            Conflict(
                ConflictKind.OUTSIDE_EDITION_DAYS,
                slot.key,
                f"“{slot.title}” ({_clock(start)}–{end.strftime('%H:%M')}) "
                "is not within one day of the edition.",
            )
        )
    elif start.time() < hours.opens or end.time() > hours.closes:
        found.append(
            Conflict(
                ConflictKind.OUTSIDE_OPENING_HOURS,
                slot.key,
                f"“{slot.title}” ({start.strftime('%H:%M')}–{end.strftime('%H:%M')}) is outside the opening "
                f"hours {hours.opens.strftime('%H:%M')}–{hours.closes.strftime('%H:%M')}.",
            )
        )
    if slot.room_capacity is not None and slot.expected_audience > slot.room_capacity:
        found.append(
            Conflict(
                ConflictKind.OVER_CAPACITY,
                slot.key,
                f"“{slot.title}” expects {slot.expected_audience} people; {slot.room_name or 'the room'} "
                f"seats {slot.room_capacity}.",
            )
        )
    return found


def _overlap(a: Slot, b: Slot) -> bool:
    return a.start < b.end and b.start < a.end


def clashes(slot: Slot, others: Iterable[Slot]) -> list[Conflict]:
    """The sessions `slot` collides with: the same room or a shared speaker at overlapping times."""
    found: list[Conflict] = []
    if slot.end <= slot.start:
        return found
    mine = dict(slot.speakers)
    for other in others:
        if other.key == slot.key or other.end <= other.start or not _overlap(slot, other):
            continue
        if slot.room is not None and other.room == slot.room:
            found.append(
                Conflict(
                    ConflictKind.ROOM_DOUBLE_BOOKED,
                    slot.key,
                    f"{slot.room_name or 'The room'} already hosts “{other.title}” "
                    f"({_clock(other.start)}–{other.end.strftime('%H:%M')}).",
                    other=other.key,
                )
            )
        for speaker_key, _name in other.speakers:
            if speaker_key in mine:
                found.append(
                    Conflict(
                        ConflictKind.SPEAKER_DOUBLE_BOOKED,
                        slot.key,
                        f"{mine[speaker_key]} also speaks at “{other.title}” "
                        f"({_clock(other.start)}–{other.end.strftime('%H:%M')}).",
                        other=other.key,
                        speaker=speaker_key,
                    )
                )
    return found


def check_session(slot: Slot, others: Iterable[Slot], hours: Hours) -> list[Conflict]:
    """Everything wrong with saving `slot` next to the `others` already in the timetable."""
    own = check_slot(slot, hours)
    if any(c.kind == ConflictKind.ENDS_BEFORE_START for c in own):
        return own
    return own + clashes(slot, others)


def timetable_conflicts(slots: Sequence[Slot], hours: Hours) -> list[Conflict]:
    """Every conflict of a whole timetable, each pair reported once (on the later-starting session).

    A sweep over sessions sorted by start keeps only those still running, so a day of a large
    programme costs far less than comparing every pair.
    """
    found: list[Conflict] = []
    running: list[Slot] = []
    for slot in sorted(slots, key=lambda s: (s.start, str(s.key))):
        found += check_slot(slot, hours)
        if slot.end <= slot.start:
            continue
        running = [other for other in running if other.end > slot.start]
        found += clashes(slot, running)
        running.append(slot)
    return found


@dataclass(frozen=True)
class Busy:
    """An entry of a personal agenda (a session or a B2B meeting)."""

    key: str
    start: dt.datetime
    end: dt.datetime


@dataclass
class Overlaps:
    pairs: list[tuple[str, str]] = field(default_factory=list)

    @property
    def keys(self) -> set[str]:
        return {key for pair in self.pairs for key in pair}


def agenda_overlaps(entries: Sequence[Busy]) -> Overlaps:
    """Which entries of one person's agenda overlap (they cannot attend both)."""
    result = Overlaps()
    running: list[Busy] = []
    for entry in sorted(entries, key=lambda e: (e.start, e.key)):
        running = [other for other in running if other.end > entry.start]
        result.pairs += [(other.key, entry.key) for other in running]
        running.append(entry)
    return result
