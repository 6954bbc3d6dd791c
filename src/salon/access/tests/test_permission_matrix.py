"""Every role against every access endpoint."""

import pytest

from salon.access.domain.badges import issue_badge
from salon.accounts.domain.roles import Role
from salon.accreditation.domain.registrations import register
from salon.accreditation.tests.conftest import person
from salon.conftest import call_endpoint, expect, make_user

ROLES = ("anonymous", "holder", "exhibitor", "gate_agent", "organizer")
GATES = ("gate_agent", "organizer")
NEW_BADGE = {"holder_name": "Inès Haddad", "category": "press", "organization": "AFP", "country": "FR"}
REASON = {"reason": "Reprinted at the desk"}

MATRIX = [
    (
        "post",
        "/checkin",
        {"payload": "{payload}", "gate": "{gate}", "direction": "in", "scan_id": "m-1"},
        expect(ROLES, 200, "gate_agent"),
    ),
    ("post", "/checkin/batch", {"scans": []}, expect(ROLES, 200, "gate_agent")),
    ("get", "/editions/{edition}/gate-bundle", None, expect(ROLES, 200, *GATES)),
    ("get", "/editions/{edition}/occupancy", None, expect(ROLES, 200, *GATES)),
    ("get", "/editions/{edition}/badges", None, expect(ROLES, 200, "organizer")),
    ("post", "/editions/{edition}/badges", NEW_BADGE, expect(ROLES, 201, "organizer")),
    ("get", "/editions/{edition}/badges/pdf", None, expect(ROLES, 200, "organizer")),
    ("get", "/badges/{badge}", None, expect(ROLES, 200, "holder", "organizer")),
    ("get", "/badges/{badge}/pdf", None, expect(ROLES, 200, "holder", "organizer")),
    ("post", "/badges/{badge}/reissue", REASON, expect(ROLES, 200, "organizer")),
    ("post", "/badges/{badge}/revoke", REASON, expect(ROLES, 200, "organizer")),
    ("post", "/editions/{edition}/badge-key/rotate", {}, expect(ROLES, 200, "organizer")),
    (
        "put",
        "/editions/{edition}/zones/{zone}/rules/{category}",
        {"opens": "09:00", "closes": "18:00"},
        expect(ROLES, 200, "organizer"),
    ),
    (
        "post",
        "/editions/{edition}/gates",
        {"code": "hall-south", "name": "Hall south", "zone": "hall"},
        expect(ROLES, 201, "organizer"),
    ),
]


@pytest.fixture
def world(edition, venue, organizer, exhibitor_user, gate_agent):
    holder = make_user("hana", Role.VISITOR)
    registration = register(edition, person(), actor=holder)
    badge = issue_badge(
        edition, holder_name="Claire Dubois", category="visitor", registration=registration, actor=organizer
    )
    ids = {
        "edition": edition.slug,
        "badge": badge.pk,
        "gate": venue["gates"]["hall"].pk,
        "zone": "hall",
        "category": "visitor",
        "payload": badge.payload,
    }
    users = {
        "anonymous": None,
        "holder": holder,
        "exhibitor": exhibitor_user,
        "gate_agent": gate_agent,
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
