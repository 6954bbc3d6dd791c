"""Personal agendas and iCal: the export parses back with icalendar, holds the right events, stays private."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from salon.program.domain import meetings
from salon.program.domain.agenda import add_to_agenda, agenda_of
from salon.program.tests.conftest import at

pytestmark = pytest.mark.django_db


def events(body: bytes) -> list:
    calendar = Calendar.from_ical(body)
    return sorted(calendar.walk("VEVENT"), key=lambda e: e.decoded("dtstart"))


def test_agenda_ical_holds_the_booked_sessions_in_paris_time(program, police_visitor, client):
    add_to_agenda(police_visitor, program["keynote"])
    add_to_agenda(police_visitor, program["restricted"])
    client.force_login(police_visitor)
    response = client.get(f"/editions/milipol-test/program/agenda/{police_visitor.pk}.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    found = events(response.content)
    assert [str(e["summary"]) for e in found] == ["Opening keynote", "Covert surveillance workshop"]
    keynote = found[0]
    assert keynote.decoded("dtstart") == dt.datetime(2025, 11, 18, 10, tzinfo=ZoneInfo("Europe/Paris"))
    assert keynote["dtstart"].params["TZID"] == "Europe/Paris"
    assert keynote.decoded("dtend").astimezone(dt.UTC) == dt.datetime(2025, 11, 18, 10, tzinfo=dt.UTC)
    assert str(keynote["location"]) == "Auditorium, Paris-Nord Villepinte"
    assert str(keynote["uid"]) == f"session-{program['keynote'].pk}@milipol-test.salon"


def test_agenda_ical_in_french_uses_french_titles(program, police_visitor, client):
    add_to_agenda(police_visitor, program["keynote"])
    client.force_login(police_visitor)
    body = client.get(
        f"/editions/milipol-test/program/agenda/{police_visitor.pk}.ics", HTTP_ACCEPT_LANGUAGE="fr"
    )
    assert [str(e["summary"]) for e in events(body.content)] == ["Opening keynote (fr)"]


def test_agenda_ical_of_another_person_is_403(program, police_visitor, press_visitor, client, api_as):
    add_to_agenda(police_visitor, program["keynote"])
    client.force_login(press_visitor)
    assert client.get(f"/editions/milipol-test/program/agenda/{police_visitor.pk}.ics").status_code == 403
    response = api_as(press_visitor).get(f"/editions/milipol-test/agendas/{police_visitor.pk}/ical")
    assert response.status_code == 403
    assert response.json()["code"] == "not_your_agenda"


def test_agenda_ical_of_another_person_is_403_even_for_organizer(program, police_visitor, organizer, api_as):
    response = api_as(organizer).get(f"/editions/milipol-test/agendas/{police_visitor.pk}/ical")
    assert response.status_code == 403


def test_api_agenda_ical_own_agenda(program, police_visitor, api_as):
    client = api_as(police_visitor)
    assert client.post(f"/editions/milipol-test/agenda/{program['keynote'].pk}").status_code == 201
    response = client.get(f"/editions/milipol-test/agendas/{police_visitor.pk}/ical")
    assert [str(e["summary"]) for e in events(response.content)] == ["Opening keynote"]


def test_track_feed_is_public_and_leaves_out_restricted_sessions(program, client):
    response = client.get("/editions/milipol-test/program/tracks/ai.ics")
    assert [str(e["summary"]) for e in events(response.content)] == ["Opening keynote"]
    justice = client.get("/editions/milipol-test/program/tracks/justice.ics")
    assert events(justice.content) == []


def test_agenda_flags_overlapping_sessions(program, police_visitor):
    overlapping = program["session"]("Lunch debate", at(18, 10, 30), at(18, 11, 30), room=program["rooms"][1])
    add_to_agenda(police_visitor, program["keynote"])
    add_to_agenda(police_visitor, overlapping)
    add_to_agenda(police_visitor, program["restricted"])
    flags = [(e.title, e.conflict) for e in agenda_of(police_visitor, program["edition"])]
    assert flags == [
        ("Opening keynote", True),
        ("Lunch debate", True),
        ("Covert surveillance workshop", False),
    ]


def test_agenda_merges_b2b_meetings_from_the_matchmaking_provider(
    program, police_visitor, monkeypatch, client
):
    def meetings_for(user, edition):
        assert user == police_visitor
        return [
            {
                "key": 5,
                "title": "Meeting with Optronix",
                "starts_at": at(18, 10, 45),
                "ends_at": at(18, 11, 15),
                "location": "Hall 5 A01",
            }
        ]

    monkeypatch.setattr(meetings, "provider", lambda: meetings_for)
    add_to_agenda(police_visitor, program["keynote"])
    entries = agenda_of(police_visitor, program["edition"])
    assert [(e.kind, e.title, e.conflict) for e in entries] == [
        ("session", "Opening keynote", True),
        ("meeting", "Meeting with Optronix", True),
    ]
    client.force_login(police_visitor)
    body = client.get(f"/editions/milipol-test/program/agenda/{police_visitor.pk}.ics").content
    assert [str(e["summary"]) for e in events(body)] == ["Opening keynote", "Meeting with Optronix"]


def test_meetings_provider_absent_means_no_meetings(program, police_visitor, monkeypatch):
    monkeypatch.setattr(meetings, "PROVIDER_MODULE", "salon.matchmaking.domain.no_such_module")
    assert meetings.meetings_for(police_visitor, program["edition"]) == []
