"""Restricted sessions: visible and bookable only by the categories allowed, on pages and in the API."""

import pytest

from salon.errors import NotFound
from salon.program.domain.agenda import AgendaError, add_to_agenda
from salon.program.models import AgendaItem

pytestmark = pytest.mark.django_db
PROGRAM = "/editions/milipol-test/program/"
API = "/editions/milipol-test/program/sessions"


def api_titles(client, **params) -> list[str]:
    response = client.get(API, **params)
    assert response.status_code == 200, response.content
    return [s["title_en"] for s in response.json()]


def test_api_program_hides_restricted_session_from_anonymous(program, api_as):
    assert api_titles(api_as(None)) == ["Opening keynote"]


def test_api_program_hides_restricted_session_from_unauthorized_category(program, api_as, press_visitor):
    assert api_titles(api_as(press_visitor)) == ["Opening keynote"]
    response = api_as(press_visitor).get(f"{API}/{program['restricted'].pk}")
    assert response.status_code == 404


def test_api_program_shows_restricted_session_to_allowed_category(program, api_as, police_visitor):
    assert api_titles(api_as(police_visitor)) == ["Opening keynote", "Covert surveillance workshop"]


def test_api_program_restricted_needs_an_accredited_registration(program, api_as, police_visitor):
    police_visitor.registrations.update(status="needs_review")
    assert api_titles(api_as(police_visitor)) == ["Opening keynote"]


def test_api_program_unknown_token_is_401_not_anonymous(program):
    from salon.conftest import ApiClient

    assert ApiClient("sln_wrong").get(API).status_code == 401


def test_api_program_filters(program, api_as):
    client = api_as(None)
    assert api_titles(client, track="justice") == []
    assert api_titles(client, track="ai", format="keynote", language="fr", day="2025-11-18") == [
        "Opening keynote"
    ]
    assert api_titles(client, day="2025-11-19") == []


def test_program_page_hides_restricted_session_from_press(program, client, press_visitor):
    client.force_login(press_visitor)
    body = client.get(PROGRAM).content.decode()
    assert "Opening keynote" in body
    assert "Covert surveillance workshop" not in body
    assert client.get(f"{PROGRAM}sessions/{program['restricted'].pk}/").status_code == 404


def test_program_page_shows_restricted_session_to_police(program, client, police_visitor):
    client.force_login(police_visitor)
    body = client.get(PROGRAM).content.decode()
    assert "Covert surveillance workshop" in body


def test_program_page_in_french_shows_french_titles(program, client):
    body = client.get(PROGRAM, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Opening keynote (fr)" in body
    assert "Programme des conférences" in body


def test_program_page_htmx_filter_returns_the_fragment(program, client):
    response = client.get(PROGRAM, {"track": "justice"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert "<html" not in body
    assert "Opening keynote" not in body


def test_add_to_agenda_restricted_session_refused_to_press(program, press_visitor):
    with pytest.raises(NotFound):
        add_to_agenda(press_visitor, program["restricted"])
    assert AgendaItem.objects.count() == 0


def test_add_to_agenda_restricted_session_booked_by_police(program, police_visitor):
    add_to_agenda(police_visitor, program["restricted"])
    assert list(AgendaItem.objects.values_list("user__username", "session__title_en")) == [
        ("paula", "Covert surveillance workshop")
    ]


def test_add_to_agenda_full_session_refused(program, police_visitor, edition):
    from salon.conftest import make_user
    from salon.program.tests.conftest import accredited

    others = [make_user(name) for name in ("pol1", "pol2")]
    for index, user in enumerate(others):
        accredited(user, edition, "police", f"POL9000{index}")
        add_to_agenda(user, program["restricted"])
    with pytest.raises(AgendaError) as caught:
        add_to_agenda(police_visitor, program["restricted"])
    assert (caught.value.code, caught.value.status) == ("session_full", 409)


def test_api_book_restricted_session_as_press_is_404(program, api_as, press_visitor):
    response = api_as(press_visitor).post(f"/editions/milipol-test/agenda/{program['restricted'].pk}")
    assert response.status_code == 404
    assert AgendaItem.objects.count() == 0
