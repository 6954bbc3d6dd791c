"""Every role against every matchmaking endpoint."""

import pytest

from salon.accounts.domain.roles import Role
from salon.conftest import call_endpoint, expect, make_user
from salon.matchmaking.domain import meetings
from salon.matchmaking.domain.scheduling import run_scheduler

ROLES = ("anonymous", "visitor", "other_visitor", "exhibitor", "other_exhibitor", "organizer")
VISITOR_SIDE = ("visitor", "organizer")
EXHIBITOR_SIDE = ("exhibitor", "organizer")
BOTH_SIDES = ("visitor", "exhibitor", "organizer")

MATRIX = [
    (
        "put",
        "/registrations/{registration}/needs",
        {"text": "Caméras thermiques"},
        expect(ROLES, 200, *VISITOR_SIDE),
    ),
    ("put", "/exhibitors/{exhibitor}/offer", {"tables": 3}, expect(ROLES, 200, *EXHIBITOR_SIDE)),
    ("get", "/registrations/{registration}/recommendations", None, expect(ROLES, 200, *VISITOR_SIDE)),
    ("get", "/exhibitors/{exhibitor}/recommendations", None, expect(ROLES, 200, *EXHIBITOR_SIDE)),
    (
        "post",
        "/meetings",
        {"exhibitor_id": "{exhibitor}", "visitor_ids": ["{registration}"]},
        expect(ROLES, 201, *VISITOR_SIDE),
    ),
    ("post", "/meetings/{pending}/accept", None, expect(ROLES, 200, *EXHIBITOR_SIDE)),
    ("post", "/meetings/{pending}/decline", None, expect(ROLES, 200, *EXHIBITOR_SIDE)),
    ("post", "/meetings/{pending}/cancel", None, expect(ROLES, 200, *BOTH_SIDES)),
    ("post", "/meetings/{scheduled}/confirm", None, expect(ROLES, 200, *BOTH_SIDES)),
    ("post", "/editions/{edition}/schedule", None, expect(ROLES, 200, "organizer")),
    ("get", "/registrations/{registration}/agenda", None, expect(ROLES, 200, *VISITOR_SIDE)),
    ("get", "/registrations/{registration}/agenda.ics", None, expect(ROLES, 200, *VISITOR_SIDE)),
    ("get", "/exhibitors/{exhibitor}/agenda", None, expect(ROLES, 200, *EXHIBITOR_SIDE)),
    ("get", "/exhibitors/{exhibitor}/agenda.ics", None, expect(ROLES, 200, *EXHIBITOR_SIDE)),
]


@pytest.fixture
def world(market, edition, visitor, exhibitor_user, other_exhibitor_user, organizer):
    exhibitors, registration = market
    skyguard, armatec = exhibitors["Skyguard Systems Ltd"], exhibitors["Armatec Vehicles GmbH"]
    scheduled = meetings.accept(
        meetings.request_meeting(exhibitor=armatec, visitors=[registration], actor=visitor),
        actor=exhibitor_user,
    )
    run_scheduler(edition, actor=organizer, time_limit=5)
    pending = meetings.request_meeting(
        exhibitor=exhibitors["Cyberpreuve SAS"], visitors=[registration], actor=visitor
    )
    ids = {
        "edition": edition.slug,
        "registration": registration.pk,
        "exhibitor": skyguard.pk,
        "pending": pending.pk,
        "scheduled": scheduled.pk,
    }
    users = {
        "anonymous": None,
        "visitor": visitor,
        "other_visitor": make_user("otto", Role.VISITOR),
        "exhibitor": exhibitor_user,
        "other_exhibitor": other_exhibitor_user,
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
