"""The pure conflict checker: each kind on its own, no database."""

import datetime as dt
from zoneinfo import ZoneInfo

from salon.program.domain.timetable import (
    Busy,
    ConflictKind,
    Hours,
    Slot,
    agenda_overlaps,
    check_session,
    timetable_conflicts,
)

PARIS = ZoneInfo("Europe/Paris")
HOURS = Hours(
    days=frozenset({dt.date(2025, 11, 18), dt.date(2025, 11, 19)}),
    opens=dt.time(9),
    closes=dt.time(18),
    tz=PARIS,
)


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2025, 11, day, hour, minute, tzinfo=PARIS)


def slot(key, start, end, room=1, speakers=(), capacity=100, audience=0) -> Slot:
    return Slot(
        key,
        f"S{key}",
        start,
        end,
        room=room,
        room_name=f"Room {room}",
        room_capacity=capacity,
        expected_audience=audience,
        speakers=tuple(speakers),
    )


def kinds(conflicts) -> list[str]:
    return sorted(str(c.kind) for c in conflicts)


def test_check_session_ends_before_start_is_the_only_conflict():
    found = check_session(slot(1, at(18, 11), at(18, 10)), [slot(2, at(18, 9), at(18, 12))], HOURS)
    assert kinds(found) == ["ends_before_start"]
    assert found[0].blocking is True


def test_check_session_room_double_booked_when_times_overlap():
    found = check_session(slot(1, at(18, 10), at(18, 11)), [slot(2, at(18, 10, 30), at(18, 12))], HOURS)
    assert kinds(found) == ["room_double_booked"]
    assert found[0].other == 2


def test_check_session_back_to_back_in_one_room_is_fine():
    assert check_session(slot(1, at(18, 10), at(18, 11)), [slot(2, at(18, 11), at(18, 12))], HOURS) == []


def test_check_session_speaker_in_two_rooms_at_once():
    found = check_session(
        slot(1, at(18, 10), at(18, 11), room=1, speakers=[(7, "Ada")]),
        [slot(2, at(18, 10, 45), at(18, 12), room=2, speakers=[(7, "Ada"), (8, "Ben")])],
        HOURS,
    )
    assert kinds(found) == ["speaker_double_booked"]
    assert (found[0].speaker, found[0].other) == (7, 2)
    assert "Ada" in found[0].detail


def test_check_session_outside_edition_days():
    found = check_session(slot(1, at(20, 10), at(20, 11)), [], HOURS)
    assert kinds(found) == ["outside_edition_days"]


def test_check_session_across_midnight_is_outside_edition_days():
    found = check_session(slot(1, at(18, 23), at(19, 1)), [], HOURS)
    assert kinds(found) == ["outside_edition_days"]


def test_check_session_outside_opening_hours_is_a_warning():
    found = check_session(slot(1, at(18, 17, 30), at(18, 19)), [], HOURS)
    assert kinds(found) == ["outside_opening_hours"]
    assert found[0].blocking is False


def test_check_session_opening_hours_read_in_the_edition_time_zone():
    # 08:30 UTC is 09:30 in Paris in November: inside the hours.
    start = dt.datetime(2025, 11, 18, 8, 30, tzinfo=dt.UTC)
    assert check_session(slot(1, start, start + dt.timedelta(hours=1)), [], HOURS) == []


def test_check_session_over_capacity_is_a_warning():
    found = check_session(slot(1, at(18, 10), at(18, 11), capacity=50, audience=51), [], HOURS)
    assert kinds(found) == ["over_capacity"]
    assert found[0].blocking is False


def test_timetable_conflicts_reports_each_pair_once():
    slots = [
        slot(1, at(18, 10), at(18, 12), room=1, speakers=[(7, "Ada")]),
        slot(2, at(18, 11), at(18, 13), room=1),
        slot(3, at(18, 11, 30), at(18, 12, 30), room=2, speakers=[(7, "Ada")]),
        slot(4, at(18, 12), at(18, 13), room=3),
    ]
    found = [(str(c.kind), c.session, c.other) for c in timetable_conflicts(slots, HOURS)]
    assert sorted(found) == [("room_double_booked", 2, 1), ("speaker_double_booked", 3, 1)]


def test_agenda_overlaps_flags_only_overlapping_entries():
    entries = [
        Busy("a", at(18, 10), at(18, 11)),
        Busy("b", at(18, 10, 30), at(18, 11, 30)),
        Busy("c", at(18, 11, 30), at(18, 12)),
    ]
    result = agenda_overlaps(entries)
    assert result.pairs == [("a", "b")]
    assert result.keys == {"a", "b"}


def test_conflict_kind_values_are_stable_codes():
    assert [k.value for k in ConflictKind] == [
        "ends_before_start",
        "room_double_booked",
        "speaker_double_booked",
        "outside_edition_days",
        "outside_opening_hours",
        "over_capacity",
    ]
