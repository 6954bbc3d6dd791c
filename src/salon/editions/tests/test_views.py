"""The home page: editions for everyone, role links for signed-in users, in French and English."""

from __future__ import annotations

import pytest
from django.test import Client

from salon.editions.domain.venue import add_theme
from salon.exhibitors.domain.applications import create_application, submit


@pytest.fixture
def themed_edition(edition):
    edition.guest_of_honour_country = "MA"
    edition.save(update_fields=["guest_of_honour_country"])
    add_theme(edition, title_en="Border security", title_fr="Sécurité des frontières")
    return edition


@pytest.mark.django_db
def test_home_anonymous_in_english_lists_edition_and_sign_in(themed_edition):
    response = Client(headers={"accept-language": "en"}).get("/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Milipol Test" in body
    assert "Paris-Nord Villepinte" in body
    assert "18 November 2025" in body
    assert "Border security" in body
    assert "Morocco" in body  # guest of honour
    assert "Sign in" in body
    assert '<html lang="en">' in body
    assert "/editions/milipol-test/exhibitors/" not in body


@pytest.mark.django_db
def test_home_anonymous_in_french_by_cookie(themed_edition):
    client = Client()
    client.cookies["django_language"] = "fr"
    body = client.get("/").content.decode()
    assert '<html lang="fr">' in body
    assert "Se connecter" in body
    assert "Sign in" not in body
    assert "18 novembre 2025" in body
    assert "Sécurité des frontières" in body
    assert "Maroc" in body
    assert "Pays hôte" in body


@pytest.mark.django_db
def test_home_in_french_by_accept_language(themed_edition):
    body = Client(headers={"accept-language": "fr-FR,fr;q=0.9"}).get("/").content.decode()
    assert "Se connecter" in body
    assert "Salons" in body


@pytest.mark.django_db
def test_home_organizer_sees_exhibitor_and_queue_links_with_counts(
    client, edition, organizer, exhibitor_user, company_factory
):
    submit(
        create_application(edition=edition, company=company_factory("IL"), actor=exhibitor_user),
        actor=exhibitor_user,
    )
    client.force_login(organizer)
    body = client.get("/", headers={"accept-language": "en"}).content.decode()
    assert 'href="/editions/milipol-test/exhibitors/"' in body
    assert 'href="/editions/milipol-test/authorizations/"' in body
    assert "Authorizations (1 pending)" in body
    assert "Exhibitors (0 admitted)" in body
    assert "Sign out" in body


@pytest.mark.django_db
def test_home_exhibitor_sees_only_own_space_link(client, edition, exhibitor_user):
    client.force_login(exhibitor_user)
    body = client.get("/", headers={"accept-language": "en"}).content.decode()
    assert 'href="/my/companies/"' in body
    assert "/editions/milipol-test/exhibitors/" not in body
    assert "/editions/milipol-test/authorizations/" not in body


@pytest.mark.django_db
def test_home_officer_menu_in_french(client, edition, officer):
    client.force_login(officer)
    client.cookies["django_language"] = "fr"
    body = client.get("/").content.decode()
    assert 'href="/editions/milipol-test/authorizations/"' in body
    assert "Se déconnecter" in body
    assert "/my/companies/" not in body


@pytest.mark.django_db
def test_language_switch_sets_cookie_and_redirects(client, edition):
    response = client.post("/i18n/setlang/", {"language": "fr", "next": "/"})
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert response.cookies["django_language"].value == "fr"
    assert "Se connecter" in client.get("/").content.decode()


@pytest.mark.django_db
def test_login_page_renders_in_both_languages(client):
    assert "Username" in client.get("/accounts/login/", headers={"accept-language": "en"}).content.decode()
    french = client.get("/accounts/login/", headers={"accept-language": "fr"}).content.decode()
    assert "Nom d’utilisateur" in french
    assert "Mot de passe" in french
