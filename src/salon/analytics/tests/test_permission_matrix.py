"""Every role against every dashboard endpoint."""

import pytest

from salon.accounts.domain.roles import Role
from salon.conftest import call_endpoint, expect, make_user

ROLES = (
    "anonymous",
    "visitor",
    "exhibitor",
    "vetting_officer",
    "authorization_officer",
    "gate_agent",
    "organizer",
)

MATRIX = [
    ("get", "/editions/{edition}/dashboard", None, expect(ROLES, 200, "organizer")),
]


@pytest.fixture
def world(edition, organizer):
    users = {
        role: make_user(f"m-{role}", Role(role)) for role in ROLES if role not in ("anonymous", "organizer")
    }
    return {"edition": edition.slug}, {**users, "anonymous": None, "organizer": organizer}


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("method", "path", "body", "expected"), MATRIX, ids=[f"{m.upper()} {p}" for m, p, _, _ in MATRIX]
)
def test_permission_matrix_role_gets_expected_status(world, api_as, role, method, path, body, expected):
    ids, users = world
    response = call_endpoint(api_as(users[role]), method, path, body, ids)
    assert response.status_code == expected[role], response.content
