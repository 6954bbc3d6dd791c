"""The organizer's timetable editor: conflicts highlighted, refused saves shown on the form."""

import pytest

from salon.program.models import Session

pytestmark = pytest.mark.django_db
EDITOR = "/editions/milipol-test/program/timetable/"


def test_timetable_highlights_a_session_over_room_capacity(program, organizer, client):
    Session.objects.filter(pk=program["keynote"].pk).update(expected_audience=301)
    client.force_login(organizer)
    body = client.get(EDITOR).content.decode()
    assert f'class="timetable-cell conflict" data-session="{program["keynote"].pk}"' in body
    assert f'class="timetable-cell" data-session="{program["restricted"].pk}"' in body
    assert "expects 301 people; Auditorium seats 300" in body


def test_timetable_editor_refuses_a_double_booked_room_and_saves_nothing(program, organizer, client):
    client.force_login(organizer)
    form = {
        "title_en": "Clash",
        "title_fr": "Conflit",
        "format": "panel",
        "language": "fr",
        "day": "2025-11-18",
        "starts_at": "10:30",
        "ends_at": "11:30",
        "room": program["rooms"][0].pk,
        "expected_audience": 10,
    }
    response = client.post(f"{EDITOR}new/", form)
    assert response.status_code == 400
    assert "The room is already booked at that time." in response.content.decode()
    assert not Session.objects.filter(title_en="Clash").exists()


def test_timetable_editor_forbidden_to_visitors(program, police_visitor, client):
    client.force_login(police_visitor)
    assert client.get(EDITOR).status_code == 403
    assert client.get(f"{EDITOR}new/").status_code == 403
