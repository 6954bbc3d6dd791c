"""Every role against every program endpoint."""

import pytest

from salon.conftest import call_endpoint, expect
from salon.program.domain.agenda import add_to_agenda

ROLES = ("anonymous", "police_visitor", "press_visitor", "organizer")
EVERYONE = ROLES
SIGNED_IN = ("police_visitor", "press_visitor", "organizer")
SESSION = {
    "title_en": "Drones and public order",
    "title_fr": "Drones et ordre public",
    "format": "panel",
    "language": "fr",
    "starts_at": "2025-11-19T10:00:00",
    "ends_at": "2025-11-19T11:00:00",
    "room_id": "{room}",
}

MATRIX = [
    ("get", "/editions/{edition}/program/settings", None, expect(ROLES, 200, "organizer")),
    (
        "put",
        "/editions/{edition}/program/settings",
        {"opens_at": "08:30", "closes_at": "19:00", "time_zone": "Europe/Paris"},
        expect(ROLES, 200, "organizer"),
    ),
    ("get", "/editions/{edition}/program/tracks", None, expect(ROLES, 200, *EVERYONE)),
    (
        "post",
        "/editions/{edition}/program/tracks",
        {"code": "cyber", "name_en": "Cyber", "name_fr": "Cyber"},
        expect(ROLES, 201, "organizer"),
    ),
    ("get", "/editions/{edition}/program/tracks/{track}/ical", None, expect(ROLES, 200, *EVERYONE)),
    ("get", "/editions/{edition}/program/rooms", None, expect(ROLES, 200, *EVERYONE)),
    (
        "post",
        "/editions/{edition}/program/rooms",
        {"name": "Salle 9", "capacity": 80},
        expect(ROLES, 201, "organizer"),
    ),
    ("get", "/editions/{edition}/program/speakers", None, expect(ROLES, 200, *EVERYONE)),
    (
        "post",
        "/editions/{edition}/program/speakers",
        {"full_name": "Lina Roux", "organization": "Cour d'appel", "kind": "justice"},
        expect(ROLES, 201, "organizer"),
    ),
    ("get", "/editions/{edition}/program/sessions", None, expect(ROLES, 200, *EVERYONE)),
    ("post", "/editions/{edition}/program/sessions", SESSION, expect(ROLES, 201, "organizer")),
    ("get", "/editions/{edition}/program/sessions/{session}", None, expect(ROLES, 200, *EVERYONE)),
    (
        "get",
        "/editions/{edition}/program/sessions/{restricted}",
        None,
        {"anonymous": 404, "police_visitor": 200, "press_visitor": 404, "organizer": 200},
    ),
    ("put", "/editions/{edition}/program/sessions/{session}", SESSION, expect(ROLES, 200, "organizer")),
    ("delete", "/editions/{edition}/program/sessions/{session}", None, expect(ROLES, 204, "organizer")),
    ("get", "/editions/{edition}/program/conflicts", None, expect(ROLES, 200, "organizer")),
    ("get", "/editions/{edition}/agenda", None, expect(ROLES, 200, *SIGNED_IN)),
    ("post", "/editions/{edition}/agenda/{session}", None, expect(ROLES, 201, *SIGNED_IN)),
    (
        "post",
        "/editions/{edition}/agenda/{restricted}",
        None,
        {"anonymous": 401, "police_visitor": 201, "press_visitor": 404, "organizer": 403},
    ),
    ("delete", "/editions/{edition}/agenda/{session}", None, expect(ROLES, 200, *SIGNED_IN)),
    ("get", "/editions/{edition}/agendas/{police_visitor}/ical", None, expect(ROLES, 200, "police_visitor")),
]


@pytest.fixture
def world(program, police_visitor, press_visitor, organizer):
    add_to_agenda(police_visitor, program["keynote"])
    ids = {
        "edition": program["edition"].slug,
        "room": program["rooms"][0].pk,
        "track": program["tracks"][0].pk,
        "session": program["keynote"].pk,
        "restricted": program["restricted"].pk,
        "police_visitor": police_visitor.pk,
    }
    users = {
        "anonymous": None,
        "police_visitor": police_visitor,
        "press_visitor": press_visitor,
        "organizer": organizer,
    }
    return ids, users


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("method", "path", "body", "expected"), MATRIX, ids=[f"{m.upper()} {p}" for m, p, _, _ in MATRIX]
)
def test_permission_matrix_role_gets_expected_status(world, api_as, role, method, path, body, expected):
    ids, users = world
    response = call_endpoint(api_as(users[role]), method, path, body, ids)
    assert response.status_code == expected[role], response.content
