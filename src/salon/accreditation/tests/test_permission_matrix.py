"""Every role against every accreditation endpoint."""

import pytest

from salon.accreditation.domain.registrations import register
from salon.accreditation.tests.conftest import WATCH_LIST, person
from salon.conftest import call_endpoint, expect

ROLES = ("anonymous", "registrant", "other_visitor", "vetting_officer", "organizer")
SIGNED_IN = ("registrant", "other_visitor", "vetting_officer", "organizer")
STAFF = ("vetting_officer", "organizer")
NEW_PERSON = {
    "given_names": "Ana",
    "family_name": "Silva",
    "birth_date": "1982-04-05",
    "nationality": "PT",
    "organization": "PSP",
    "sector": "police",
    "id_document_type": "passport",
    "id_document_number": "PT998877",
}
GROUP = (
    b"given_names,family_name,birth_date,nationality,organization,sector,id_document_type,id_document_number\n"
    b"Marc,Leroy,1979-02-01,FR,Gendarmerie,gendarmerie,national_id,FR0099881\n"
)

MATRIX = [
    ("post", "/editions/{edition}/registrations", NEW_PERSON, expect(ROLES, 201, *SIGNED_IN)),
    ("get", "/registrations/mine", None, expect(ROLES, 200, *SIGNED_IN)),
    ("get", "/registrations/{registration}", None, expect(ROLES, 200, "registrant", *STAFF)),
    ("get", "/registrations/{registration}/vetting", None, expect(ROLES, 200, "vetting_officer")),
    ("get", "/editions/{edition}/vetting-queue", None, expect(ROLES, 200, "vetting_officer")),
    (
        "post",
        "/registrations/{registration}/accredit",
        {"reason": "Checked with unit"},
        expect(ROLES, 200, "vetting_officer"),
    ),
    (
        "post",
        "/registrations/{registration}/refuse",
        {"reason": "Not a professional"},
        expect(ROLES, 200, "vetting_officer"),
    ),
    (
        "post",
        "/editions/{edition}/registrations/import",
        {"file": ("group.csv", GROUP)},
        expect(ROLES, 201, *STAFF),
    ),
    ("get", "/editions/{edition}/watch-lists", None, expect(ROLES, 200, *STAFF)),
    (
        "post",
        "/editions/{edition}/watch-lists",
        {
            "file": ("list.csv", WATCH_LIST.encode()),
            "name": "L2",
            "source": "test",
            "list_date": "2025-10-01",
        },
        expect(ROLES, 201, *STAFF),
    ),
]


@pytest.fixture
def world(edition, visitor, other_visitor, vetting_officer, organizer):
    registration = register(edition, person(), actor=visitor)
    ids = {"edition": edition.slug, "registration": registration.pk}
    users = {
        "anonymous": None,
        "registrant": visitor,
        "other_visitor": other_visitor,
        "vetting_officer": vetting_officer,
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
