"""Fixtures shared by every app's tests: one edition, one user per role, an API client per user."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from salon.accounts.domain.roles import Role, grant
from salon.accounts.domain.tokens import issue_token
from salon.editions.domain.policy import set_rule
from salon.editions.domain.venue import add_hall, add_stand, create_edition
from salon.exhibitors.domain.companies import CompanyProfile, create_company


class ApiClient:
    """A Django test client that speaks JSON to /api/v1 with a bearer token."""

    def __init__(self, token: str | None):
        self.client = Client()
        self.headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}

    def _call(self, method: str, path: str, body=None, **params):
        url = "/api/v1" + path
        kwargs = dict(self.headers)
        if body is not None:
            kwargs.update(data=json.dumps(body), content_type="application/json")
        elif params:
            kwargs.update(data=params)
        return getattr(self.client, method)(url, **kwargs)

    def get(self, path, **params):
        return self._call("get", path, **params)

    def post(self, path, body=None):
        return self._call("post", path, body if body is not None else {})

    def put(self, path, body=None):
        return self._call("put", path, body if body is not None else {})

    def patch(self, path, body=None):
        return self._call("patch", path, body if body is not None else {})

    def delete(self, path):
        return self._call("delete", path)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """PBKDF2's production cost is deliberate; in tests it would only burn minutes."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def make_user(username: str, *roles: Role):
    user = get_user_model().objects.create_user(
        username=username, password="correct-horse-battery", email=f"{username}@example.org"
    )
    for role in roles:
        grant(user, role)
    return user


@pytest.fixture
def organizer(db):
    return make_user("olivia", Role.ORGANIZER)


@pytest.fixture
def officer(db):
    return make_user("oscar", Role.AUTHORIZATION_OFFICER)


@pytest.fixture
def exhibitor_user(db):
    return make_user("emma", Role.EXHIBITOR)


@pytest.fixture
def other_exhibitor_user(db):
    return make_user("ethan", Role.EXHIBITOR)


@pytest.fixture
def vetting_officer(db):
    return make_user("vera", Role.VETTING_OFFICER)


@pytest.fixture
def visitor(db):
    return make_user("victor", Role.VISITOR)


@pytest.fixture
def other_visitor(db):
    return make_user("valerie", Role.VISITOR)


@pytest.fixture
def api_as():
    def build(user) -> ApiClient:
        return ApiClient(issue_token(user, "tests") if user is not None else None)

    return build


@pytest.fixture
def edition(organizer):
    edition = create_edition(
        slug="milipol-test",
        name="Milipol Test",
        host_country="FR",
        city="Paris",
        venue="Paris-Nord Villepinte",
        start_date=dt.date(2025, 11, 18),
        end_date=dt.date(2025, 11, 21),
        actor=organizer,
    )
    set_rule(
        edition,
        country="IL",
        regime="authorization",
        reason="Host government authorization required",
        actor=organizer,
    )
    set_rule(
        edition,
        country="RU",
        regime="barred",
        reason="EU arms embargo on Russia",
        source="Council Decision 2014/512/CFSP",
        actor=organizer,
    )
    hall = add_hall(edition, code="H5", name="Hall 5")
    for number in ("A01", "A02"):
        add_stand(hall, number=number, area_m2=18)
    return edition


@pytest.fixture
def company_factory(exhibitor_user):
    def build(country: str, *, owner=None, name: str | None = None):
        return create_company(
            CompanyProfile(
                legal_name=name or f"Test Company {country}", country=country, categories=["surveillance"]
            ),
            actor=owner or exhibitor_user,
        )

    return build


# --- the role × endpoint matrices of each app's test_permission_matrix.py -------------------------------


def expect(roles: tuple[str, ...], allowed: int, *allowed_roles: str) -> dict[str, int]:
    """The listed roles get `allowed`; other signed-in roles 403; anonymous 401."""
    return {
        role: (allowed if role in allowed_roles else 401 if role == "anonymous" else 403) for role in roles
    }


def fill_ids(value, ids: dict):
    """Replace "{name}" placeholders (in paths and bodies) by the ids of the objects a test world created."""
    if isinstance(value, str) and value.startswith("{") and value.endswith("}") and value[1:-1] in ids:
        return ids[value[1:-1]]
    if isinstance(value, dict):
        return {k: fill_ids(v, ids) for k, v in value.items()}
    if isinstance(value, list):
        return [fill_ids(v, ids) for v in value]
    return value


def call_endpoint(api: ApiClient, method: str, path: str, body, ids: dict):
    """Call one matrix row; a body holding a `file` key (name, bytes) is sent as multipart."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    url = path.format(**ids)
    if method in ("get", "delete"):
        return getattr(api, method)(url)
    body = fill_ids(body, ids)
    if isinstance(body, dict) and "file" in body:
        name, content = body["file"]
        data = dict(body, file=SimpleUploadedFile(name, content))
        return api.client.post("/api/v1" + url, data=data, **api.headers)
    return getattr(api, method)(url, body)
