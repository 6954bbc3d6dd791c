"""Every role against every API endpoint: the answer is allowed (2xx), 401 or 403, never anything else."""

import pytest

from salon.conftest import call_endpoint, expect
from salon.editions.models import Stand
from salon.exhibitors.domain import applications as workflow
from salon.exhibitors.domain.companies import CompanyProfile, create_company

ROLES = ("anonymous", "owner", "other_exhibitor", "officer", "organizer")


def _expect(allowed: str, *roles: str) -> dict[str, int]:
    return expect(ROLES, int(allowed), *roles)


PUBLIC = {role: 200 for role in ROLES}
EVERY_SIGNED_IN = _expect("200", "owner", "other_exhibitor", "officer", "organizer")

# (method, path template, body, expected status per role)
MATRIX = [
    ("get", "/editions", None, PUBLIC),
    ("get", "/editions/{edition}", None, PUBLIC),
    ("get", "/editions/{edition}/policy", None, PUBLIC),
    (
        "put",
        "/editions/{edition}/policy/IL",
        {"regime": "barred", "reason": "New embargo"},
        _expect("200", "organizer"),
    ),
    ("get", "/editions/{edition}/stands", None, _expect("200", "organizer")),
    ("get", "/editions/{edition}/exhibitors", None, EVERY_SIGNED_IN),
    (
        "post",
        "/editions/{edition}/exhibitors",
        {"company_id": "{fresh_company}"},
        _expect("201", "owner", "organizer"),
    ),
    ("get", "/editions/{edition}/authorization-queue", None, _expect("200", "officer", "organizer")),
    ("get", "/exhibitors/{pending}", None, _expect("200", "owner", "officer", "organizer")),
    ("post", "/exhibitors/{draft}/submit", None, _expect("200", "owner", "organizer")),
    (
        "post",
        "/exhibitors/{pending}/authorize",
        {"reason": "Authorized by decree"},
        _expect("200", "officer"),
    ),
    ("post", "/exhibitors/{pending}/refuse", {"reason": "Authorization denied"}, _expect("200", "officer")),
    ("put", "/exhibitors/{admitted}/stand", {"stand_id": "{free_stand}"}, _expect("200", "organizer")),
    ("delete", "/exhibitors/{allocated}/stand", None, _expect("200", "organizer")),
    ("get", "/companies", None, EVERY_SIGNED_IN),
    (
        "post",
        "/companies",
        {"legal_name": "New Co", "country": "FR"},
        _expect("201", "owner", "other_exhibitor", "organizer"),
    ),
    ("get", "/companies/{company}", None, _expect("200", "owner", "officer", "organizer")),
    ("patch", "/companies/{company}", {"city": "Lyon"}, _expect("200", "owner", "organizer")),
    (
        "post",
        "/companies/{company}/products",
        {"name": "Eye 2", "category": "surveillance", "description_en": "Camera"},
        _expect("201", "owner", "organizer"),
    ),
    (
        "post",
        "/companies/{company}/contacts",
        {"full_name": "Jeanne Martin", "email": "jeanne@example.org"},
        _expect("201", "owner", "organizer"),
    ),
    ("get", "/audit/verify", None, _expect("200", "organizer")),
    ("get", "/audit/entries", None, _expect("200", "organizer")),
]


@pytest.fixture
def world(edition, organizer, officer, exhibitor_user, other_exhibitor_user):
    def company(name, country):
        return create_company(CompanyProfile(legal_name=name, country=country), actor=exhibitor_user)

    def application(comp, submit=True):
        app = workflow.create_application(edition=edition, company=comp, actor=exhibitor_user)
        return workflow.submit(app, actor=exhibitor_user) if submit else app

    main = company("Owner Co", "IL")
    pending = application(main)
    admitted = application(company("Owner DE", "DE"))
    allocated = application(company("Owner BE", "BE"))
    stands = list(Stand.objects.filter(hall__edition=edition).order_by("number"))
    workflow.allocate_stand(allocated, stands[0], actor=organizer)
    ids = {
        "edition": edition.slug,
        "company": main.pk,
        "fresh_company": company("Fresh Co", "FR").pk,
        "pending": pending.pk,
        "draft": application(company("Draft Co", "ES"), submit=False).pk,
        "admitted": admitted.pk,
        "allocated": allocated.pk,
        "free_stand": stands[1].pk,
    }
    users = {
        "anonymous": None,
        "owner": exhibitor_user,
        "other_exhibitor": other_exhibitor_user,
        "officer": officer,
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


@pytest.mark.django_db
def test_permission_session_without_csrf_token_rejected(world, exhibitor_user):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(exhibitor_user)
    ids, _ = world
    assert client.get(f"/api/v1/companies/{ids['company']}").status_code == 200
    response = client.patch(
        f"/api/v1/companies/{ids['company']}", data='{"city": "Lyon"}', content_type="application/json"
    )
    assert response.status_code == 403
