"""Every role against every delegation endpoint."""

import pytest

from salon.accreditation.domain.registrations import register
from salon.accreditation.tests.conftest import person
from salon.conftest import call_endpoint, expect, make_user
from salon.delegations.domain.delegations import set_guest_pavilion

ROLES = ("anonymous", "visitor", "host_officer", "organizer")
HOSTS = ("host_officer", "organizer")
VISIT = {
    "kind": "official",
    "title": "Welcome by the organizer",
    "starts_at": "2025-11-18T09:00:00+01:00",
    "ends_at": "2025-11-18T09:30:00+01:00",
}

MATRIX = [
    ("get", "/editions/{edition}/delegations", None, expect(ROLES, 200, "visitor", *HOSTS)),
    ("post", "/editions/{edition}/delegations", {"country": "CI"}, expect(ROLES, 201, "organizer")),
    ("get", "/delegations/{delegation}", None, expect(ROLES, 200, *HOSTS)),
    (
        "put",
        "/delegations/{delegation}",
        {"country": "SN", "host_officer_id": "{host}", "protocol_notes": "Halal"},
        expect(ROLES, 200, *HOSTS),
    ),
    (
        "post",
        "/delegations/{delegation}/members",
        {"registration_id": "{registration}"},
        expect(ROLES, 201, "organizer"),
    ),
    ("post", "/delegations/{delegation}/members/{head}/confirm", None, expect(ROLES, 200, "organizer")),
    ("delete", "/delegations/{delegation}/members/{pending}", None, expect(ROLES, 204, "organizer")),
    ("post", "/delegations/{delegation}/visits", VISIT, expect(ROLES, 201, *HOSTS)),
    ("delete", "/delegations/{delegation}/visits/{visit}", None, expect(ROLES, 204, *HOSTS)),
    ("get", "/editions/{edition}/delegations/protocol.csv", None, expect(ROLES, 200, "organizer")),
    ("get", "/editions/{edition}/delegations/protocol.xlsx", None, expect(ROLES, 200, "organizer")),
    ("get", "/editions/{edition}/guest-of-honour", None, expect(ROLES, 200, *ROLES)),
    (
        "put",
        "/editions/{edition}/guest-of-honour",
        {"country": "TR", "name_en": "Türkiye pavilion"},
        expect(ROLES, 200, "organizer"),
    ),
]


@pytest.fixture
def world(delegation, edition, organizer, host_officer):
    import datetime as dt

    from salon.delegations.domain.delegations import VisitData, add_visit
    from salon.delegations.tests.conftest import PARIS

    visit = add_visit(
        delegation["delegation"],
        VisitData(
            kind="official",
            title="Opening ceremony",
            starts_at=dt.datetime(2025, 11, 18, 10, tzinfo=PARIS),
            ends_at=dt.datetime(2025, 11, 18, 11, tzinfo=PARIS),
        ),
        actor=organizer,
    )
    set_guest_pavilion(
        edition, country="TR", name_en="Türkiye pavilion", name_fr="Pavillon Türkiye", actor=organizer
    )
    free = register(
        edition,
        person(given_names="Cheikh", family_name="Gueye", id_document_number="SN200001"),
        actor=organizer,
    )
    ids = {
        "edition": edition.slug,
        "delegation": delegation["delegation"].pk,
        "host": host_officer.pk,
        "registration": free.pk,
        "head": delegation["head"].pk,
        "pending": delegation["pending"].pk,
        "visit": visit.pk,
    }
    users = {
        "anonymous": None,
        "visitor": make_user("vanessa"),
        "host_officer": host_officer,
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
