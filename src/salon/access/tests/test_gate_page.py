import pytest
from django.test import Client

from salon.accounts.domain.roles import Role
from salon.conftest import make_user as user_with

pytestmark = pytest.mark.django_db


def test_gate_page_for_gate_agent_has_config_and_scripts(edition, venue):
    client = Client()
    client.force_login(user_with("gina", Role.GATE_AGENT))
    response = client.get(f"/gate/{edition.slug}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '"bundleUrl": "/api/v1/editions/milipol-test/gate-bundle"' in html
    assert "access/gate.js" in html and 'id="unsynced"' in html


def test_gate_page_refuses_visitor_and_redirects_anonymous(edition):
    client = Client()
    assert client.get(f"/gate/{edition.slug}/").status_code == 302
    client.force_login(user_with("vic", Role.VISITOR))
    assert client.get(f"/gate/{edition.slug}/").status_code == 403


def test_gate_page_unknown_edition_404():
    client = Client()
    client.force_login(user_with("gina", Role.GATE_AGENT))
    assert client.get("/gate/no-such-show/").status_code == 404


def test_gate_service_worker_scoped_to_gate_pages():
    response = Client().get("/gate/sw.js")
    assert (response.status_code, response["Service-Worker-Allowed"]) == (200, "/gate/")
    assert b"caches.open" in response.content
