"""The exhibitor pages through the Django test client: roles, forms, domain errors, languages, htmx."""

from __future__ import annotations

import pytest
from django.test import Client

from salon.audit.models import AuditEntry
from salon.editions.models import Stand
from salon.exhibitors.domain.applications import authorize, create_application, submit
from salon.exhibitors.models import Application, ApplicationStatus, Company

EN = {"accept-language": "en"}
LIST_URL = "/editions/milipol-test/exhibitors/"
QUEUE_URL = "/editions/milipol-test/authorizations/"


def logged_in(user, language: str = "en") -> Client:
    client = Client(headers={"accept-language": language})
    client.force_login(user)
    return client


def submitted(company, edition, actor) -> Application:
    return submit(create_application(edition=edition, company=company, actor=actor), actor=actor)


def admitted(company, edition, actor) -> Application:
    application = submitted(company, edition, actor)
    assert application.status == ApplicationStatus.ADMITTED
    return application


# ---------------------------------------------------------------- access


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [LIST_URL, QUEUE_URL, "/my/companies/", "/my/companies/new/", "/editions/milipol-test/exhibitors/1/"],
)
def test_pages_anonymous_redirects_to_login(client, edition, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={url}"


@pytest.mark.django_db
def test_company_page_other_exhibitor_gets_403_page(edition, company_factory, other_exhibitor_user):
    company = company_factory("FR")
    client = logged_in(other_exhibitor_user)
    for url in (f"/my/companies/{company.pk}/", f"/my/companies/{company.pk}/edit/"):
        response = client.get(url)
        assert response.status_code == 403
        body = response.content.decode()
        assert "Access denied" in body
        assert company.legal_name not in body
    response = client.post(f"/my/companies/{company.pk}/products/", {"name": "X", "category": "robotics"})
    assert response.status_code == 403
    assert company.products.count() == 0


@pytest.mark.django_db
def test_exhibitor_list_exhibitor_gets_403(edition, exhibitor_user):
    response = logged_in(exhibitor_user, "fr").get(LIST_URL)
    assert response.status_code == 403
    assert "Accès refusé" in response.content.decode()


@pytest.mark.django_db
def test_unknown_edition_is_404(organizer):
    assert logged_in(organizer).get("/editions/nope/exhibitors/").status_code == 404


# ---------------------------------------------------------------- organizer list


@pytest.fixture
def crowd(edition, company_factory, exhibitor_user):
    """Five French companies admitted, two Israeli pending, one Russian refused, one Italian draft."""
    for i in range(5):
        admitted(company_factory("FR", name=f"Acme {i}"), edition, exhibitor_user)
    for i in range(2):
        submitted(company_factory("IL", name=f"Blue {i}"), edition, exhibitor_user)
    submitted(company_factory("RU", name="Red Star"), edition, exhibitor_user)
    create_application(edition=edition, company=company_factory("IT", name="Verde"), actor=exhibitor_user)
    return edition


def company_names(body: str, names) -> set[str]:
    return {name for name in names if f">{name}</a>" in body}


ALL_NAMES = [f"Acme {i}" for i in range(5)] + ["Blue 0", "Blue 1", "Red Star", "Verde"]


@pytest.mark.django_db
def test_exhibitor_list_shows_counts_per_status(crowd, organizer):
    body = logged_in(organizer).get(LIST_URL).content.decode()
    assert company_names(body, ALL_NAMES) == set(ALL_NAMES)
    assert "<strong>9</strong><span>All</span>" in body
    assert "<strong>5</strong><span>Admitted</span>" in body
    assert "<strong>2</strong><span>Awaiting government authorization</span>" in body
    assert "<strong>1</strong><span>Refused</span>" in body
    assert "<strong>1</strong><span>Draft</span>" in body
    assert "<strong>0</strong><span>Withdrawn</span>" in body
    assert "9 exhibitors match" in body


@pytest.mark.django_db
def test_exhibitor_list_filters_by_country(crowd, organizer):
    body = logged_in(organizer).get(LIST_URL, {"country": "IL"}).content.decode()
    assert company_names(body, ALL_NAMES) == {"Blue 0", "Blue 1"}
    assert "2 exhibitors match" in body


@pytest.mark.django_db
def test_exhibitor_list_filters_by_status_and_text(crowd, organizer):
    client = logged_in(organizer)
    body = client.get(LIST_URL, {"status": "admitted"}).content.decode()
    assert company_names(body, ALL_NAMES) == {f"Acme {i}" for i in range(5)}
    body = client.get(LIST_URL, {"status": "admitted", "q": "acme 3"}).content.decode()
    assert company_names(body, ALL_NAMES) == {"Acme 3"}
    body = client.get(LIST_URL, {"status": "refused", "country": "RU"}).content.decode()
    assert company_names(body, ALL_NAMES) == {"Red Star"}


@pytest.mark.django_db
def test_exhibitor_list_filters_by_category(crowd, organizer, exhibitor_user):
    Company.objects.get(legal_name="Verde").categories.set([])
    body = logged_in(organizer).get(LIST_URL, {"category": "surveillance"}).content.decode()
    assert company_names(body, ALL_NAMES) == set(ALL_NAMES) - {"Verde"}


@pytest.mark.django_db
def test_exhibitor_list_bad_filter_value_is_ignored_not_500(crowd, organizer):
    response = logged_in(organizer).get(LIST_URL, {"status": "bogus", "country": "IL", "page": "x"})
    assert response.status_code == 200
    body = response.content.decode()
    assert company_names(body, ALL_NAMES) == {"Blue 0", "Blue 1"}
    assert "Some filters were ignored" in body


@pytest.mark.django_db
def test_exhibitor_list_pages_by_fifty(edition, organizer, exhibitor_user):
    companies = Company.objects.bulk_create(
        [Company(legal_name=f"Firm {i:03d}", country="FR") for i in range(120)]
    )
    Application.objects.bulk_create([Application(edition=edition, company=c) for c in companies])
    client = logged_in(organizer)
    first = client.get(LIST_URL).content.decode()
    assert first.count('<tr>\n      <td><a href="/editions/milipol-test/exhibitors/') == 50
    assert ">Firm 000</a>" in first and ">Firm 049</a>" in first and ">Firm 050</a>" not in first
    assert "Page 1 of 3" in first
    third = client.get(LIST_URL, {"page": 3, "country": "FR"}).content.decode()
    assert third.count('<tr>\n      <td><a href="/editions/milipol-test/exhibitors/') == 20
    assert ">Firm 100</a>" in third and ">Firm 119</a>" in third
    assert 'href="?page=2&amp;country=FR"' in third  # the previous link keeps the filters


@pytest.mark.django_db
def test_exhibitor_list_htmx_request_gets_only_the_table(crowd, organizer):
    client = logged_in(organizer)
    partial = client.get(LIST_URL, {"country": "RU"}, headers={"HX-Request": "true"})
    body = partial.content.decode()
    assert "<html" not in body
    assert "<table" in body
    assert company_names(body, ALL_NAMES) == {"Red Star"}
    assert "HX-Request" in partial["Vary"]
    restore = client.get(LIST_URL, headers={"HX-Request": "true", "HX-History-Restore-Request": "true"})
    assert "<html" in restore.content.decode()


@pytest.mark.django_db
def test_exhibitor_list_in_french(crowd, organizer):
    body = logged_in(organizer, "fr").get(LIST_URL).content.decode()
    assert "<h1>Exposants</h1>" in body
    assert "Admis" in body
    assert "En attente d’autorisation gouvernementale" in body
    assert "Israël" in body  # country names from django-countries, translated
    assert "Surveillance et observation" in body  # category names, French column
    assert "9 exposants correspondent" in body


# ---------------------------------------------------------------- exhibitor flow


@pytest.mark.django_db
def test_exhibitor_creates_company_adds_product_applies_and_submits(edition, exhibitor_user):
    client = logged_in(exhibitor_user)
    assert "Create a company" in client.get("/my/companies/").content.decode()
    form_page = client.get("/my/companies/new/").content.decode()
    assert 'type="checkbox" name="categories" value="cybersecurity"' in form_page
    response = client.post(
        "/my/companies/new/",
        {
            "legal_name": "Shomer Systems",
            "country": "IL",
            "city": "Haifa",
            "description_en": "Perimeter radars.",
            "categories": ["surveillance", "cybersecurity"],
        },
    )
    company = Company.objects.get(legal_name="Shomer Systems")
    assert response.status_code == 302
    assert response["Location"] == f"/my/companies/{company.pk}/"
    assert set(company.categories.values_list("code", flat=True)) == {"surveillance", "cybersecurity"}
    assert list(company.members.all()) == [exhibitor_user]

    page = f"/my/companies/{company.pk}/"
    response = client.post(
        f"{page}products/",
        {"name": "Gatekeeper radar", "category": "surveillance", "description_fr": "Radar de périmètre"},
    )
    assert response.status_code == 302
    assert company.products.get().name == "Gatekeeper radar"
    response = client.post(f"{page}contacts/", {"full_name": "Noa Levi", "email": "noa@shomer.example"})
    assert response.status_code == 302
    assert company.contacts.get().email == "noa@shomer.example"

    response = client.post(f"{page}apply/", {"edition": edition.pk, "requested_area_m2": 18})
    assert response.status_code == 302
    application = Application.objects.get(company=company, edition=edition)
    assert application.status == ApplicationStatus.DRAFT
    assert application.requested_area_m2 == 18

    response = client.post(f"/my/applications/{application.pk}/submit/", follow=True)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.PENDING_AUTHORIZATION
    body = response.content.decode()
    assert "Awaiting government authorization" in body
    assert "Gatekeeper radar" in body
    assert "Noa Levi" in body


@pytest.mark.django_db
def test_exhibitor_flow_in_french_shows_french_status(edition, exhibitor_user, company_factory):
    company = company_factory("IL")
    client = logged_in(exhibitor_user, "fr")
    client.post(f"/my/companies/{company.pk}/apply/", {"edition": edition.pk, "requested_area_m2": 9})
    application = Application.objects.get(company=company)
    body = client.post(f"/my/applications/{application.pk}/submit/", follow=True).content.decode()
    assert "En attente d’autorisation gouvernementale" in body
    assert "Candidatures" in body


@pytest.mark.django_db
def test_barred_country_sees_refusal_with_policy_reason(edition, exhibitor_user, company_factory):
    company = company_factory("RU")
    application = create_application(edition=edition, company=company, actor=exhibitor_user)
    client = logged_in(exhibitor_user)
    body = client.post(f"/my/applications/{application.pk}/submit/", follow=True).content.decode()
    assert "Refused" in body
    assert "EU arms embargo on Russia" in body


@pytest.mark.django_db
def test_company_form_domain_error_lands_on_field(edition, exhibitor_user):
    client = logged_in(exhibitor_user)
    response = client.post(
        "/my/companies/new/", {"legal_name": "Webless", "country": "FR", "website": "not a url"}
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Enter a web address starting with http:// or https://." in body
    assert not Company.objects.filter(legal_name="Webless").exists()
    response = client.post("/my/companies/new/", {"legal_name": "", "country": "ZZ"})
    assert response.status_code == 400
    assert Company.objects.count() == 0


@pytest.mark.django_db
def test_product_without_description_shows_error_in_french(edition, exhibitor_user, company_factory):
    company = company_factory("FR")
    response = logged_in(exhibitor_user, "fr").post(
        f"/my/companies/{company.pk}/products/", {"name": "Mystery box", "category": "robotics"}
    )
    assert response.status_code == 400
    assert "Décrivez le produit en français ou en anglais (ou les deux)." in response.content.decode()
    assert company.products.count() == 0


@pytest.mark.django_db
def test_company_edit_updates_profile(edition, exhibitor_user, company_factory):
    company = company_factory("FR")
    client = logged_in(exhibitor_user)
    assert 'value="Test Company FR"' in client.get(f"/my/companies/{company.pk}/edit/").content.decode()
    response = client.post(
        f"/my/companies/{company.pk}/edit/",
        {"legal_name": "Renamed SA", "country": "FR", "categories": ["robotics"], "city": "Lyon"},
    )
    assert response.status_code == 302
    company.refresh_from_db()
    assert (company.legal_name, company.city) == ("Renamed SA", "Lyon")
    assert list(company.categories.values_list("code", flat=True)) == ["robotics"]


@pytest.mark.django_db
def test_applying_twice_to_the_same_edition_is_refused(edition, exhibitor_user, company_factory):
    company = company_factory("FR")
    create_application(edition=edition, company=company, actor=exhibitor_user)
    response = logged_in(exhibitor_user).post(
        f"/my/companies/{company.pk}/apply/", {"edition": edition.pk, "requested_area_m2": 9}
    )
    assert response.status_code == 400
    assert Application.objects.filter(company=company).count() == 1


# ---------------------------------------------------------------- authorization officer


@pytest.fixture
def pending(edition, company_factory, exhibitor_user) -> Application:
    return submitted(company_factory("IL", name="Shomer Systems"), edition, exhibitor_user)


@pytest.mark.django_db
def test_queue_lists_pending_oldest_first(edition, company_factory, exhibitor_user, officer):
    first = submitted(company_factory("IL", name="Zeta Optics"), edition, exhibitor_user)
    second = submitted(company_factory("IL", name="Alpha Cyber"), edition, exhibitor_user)
    admitted(company_factory("FR", name="Open Door"), edition, exhibitor_user)
    body = logged_in(officer).get(QUEUE_URL).content.decode()
    assert body.index(f'id="application-{first.pk}"') < body.index(f'id="application-{second.pk}"')
    assert "Open Door" not in body
    assert "Israel" in body
    assert "Surveillance and observation" in body


@pytest.mark.django_db
def test_officer_authorizes_with_reason(pending, officer):
    client = logged_in(officer)
    response = client.post(
        f"{QUEUE_URL}{pending.pk}/", {"reason": "Authorization 2025-117 received", "decision": "authorize"}
    )
    assert response.status_code == 302
    assert response["Location"] == QUEUE_URL
    pending.refresh_from_db()
    assert pending.status == ApplicationStatus.ADMITTED
    assert pending.decision_reason == "Authorization 2025-117 received"
    assert pending.decided_by == officer
    body = client.get(QUEUE_URL).content.decode()
    assert "Shomer Systems is authorized." in body
    assert "No application is awaiting authorization." in body


@pytest.mark.django_db
def test_officer_refuses_with_reason(pending, officer):
    logged_in(officer).post(f"{QUEUE_URL}{pending.pk}/", {"reason": "Licence denied", "decision": "refuse"})
    pending.refresh_from_db()
    assert pending.status == ApplicationStatus.REFUSED
    assert pending.decision_reason == "Licence denied"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("reason", "error"),
    [("", "This field is required."), ("ok", "A decision needs a reason (at least 5 characters).")],
)
def test_officer_authorize_without_reason_shows_error_and_changes_nothing(pending, officer, reason, error):
    audit_before = AuditEntry.objects.count()
    response = logged_in(officer).post(
        f"{QUEUE_URL}{pending.pk}/", {"reason": reason, "decision": "authorize"}
    )
    assert response.status_code == 400
    assert error in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == ApplicationStatus.PENDING_AUTHORIZATION
    assert pending.decision_reason == ""
    assert AuditEntry.objects.count() == audit_before


@pytest.mark.django_db
def test_organizer_sees_queue_but_cannot_decide(pending, organizer):
    client = logged_in(organizer)
    body = client.get(QUEUE_URL).content.decode()
    assert "Shomer Systems" in body
    assert 'value="authorize"' not in body
    response = client.post(
        f"{QUEUE_URL}{pending.pk}/", {"reason": "I say so, really", "decision": "authorize"}
    )
    assert response.status_code == 403
    pending.refresh_from_db()
    assert pending.status == ApplicationStatus.PENDING_AUTHORIZATION


@pytest.mark.django_db
def test_exhibitor_cannot_open_queue(pending, exhibitor_user):
    assert logged_in(exhibitor_user).get(QUEUE_URL).status_code == 403


# ---------------------------------------------------------------- stands


@pytest.mark.django_db
def test_detail_shows_profile_policy_and_decision(pending, officer, organizer):
    authorize(pending, actor=officer, reason="Authorization 2025-117 received")
    body = logged_in(organizer).get(f"{LIST_URL}{pending.pk}/").content.decode()
    assert "Shomer Systems" in body
    assert "Government authorization required" in body
    assert "Host government authorization required" in body
    assert "Authorization 2025-117 received" in body
    assert '<option value="' in body  # free stands offered


@pytest.mark.django_db
def test_organizer_allocates_stand_and_double_booking_shows_error(
    edition, organizer, exhibitor_user, company_factory
):
    first = admitted(company_factory("FR", name="First SA"), edition, exhibitor_user)
    second = admitted(company_factory("FR", name="Second SA"), edition, exhibitor_user)
    stand = Stand.objects.get(hall__edition=edition, number="A01")
    client = logged_in(organizer)
    detail = f"{LIST_URL}{first.pk}/"
    assert f'<option value="{stand.pk}">H5-A01</option>' in client.get(detail).content.decode()
    response = client.post(f"{detail}stand/", {"stand": stand.pk})
    assert response.status_code == 302
    assert response["Location"] == detail
    first.refresh_from_db()
    assert first.stand == stand

    second_detail = f"{LIST_URL}{second.pk}/"
    offered = client.get(second_detail).content.decode()
    assert f'<option value="{stand.pk}">' not in offered  # no longer free
    response = client.post(f"{second_detail}stand/", {"stand": stand.pk})
    assert response.status_code == 409
    assert "Stand H5-A01 is already allocated to another exhibitor." in response.content.decode()
    second.refresh_from_db()
    assert second.stand is None


@pytest.mark.django_db
def test_organizer_releases_stand(edition, organizer, exhibitor_user, company_factory):
    application = admitted(company_factory("FR"), edition, exhibitor_user)
    stand = Stand.objects.get(hall__edition=edition, number="A02")
    client = logged_in(organizer)
    client.post(f"{LIST_URL}{application.pk}/stand/", {"stand": stand.pk})
    response = client.post(f"{LIST_URL}{application.pk}/stand/release/", follow=True)
    application.refresh_from_db()
    assert application.stand is None
    assert "The stand was released." in response.content.decode()


@pytest.mark.django_db
def test_stand_for_pending_application_shows_error(pending, organizer, edition):
    stand = Stand.objects.get(hall__edition=edition, number="A01")
    response = logged_in(organizer).post(f"{LIST_URL}{pending.pk}/stand/", {"stand": stand.pk})
    assert response.status_code == 409
    assert "Only an admitted exhibitor can get a stand." in response.content.decode()
    pending.refresh_from_db()
    assert pending.stand is None


@pytest.mark.django_db
def test_officer_cannot_allocate_stand(edition, officer, exhibitor_user, company_factory):
    application = admitted(company_factory("FR"), edition, exhibitor_user)
    stand = Stand.objects.get(hall__edition=edition, number="A01")
    response = logged_in(officer).post(f"{LIST_URL}{application.pk}/stand/", {"stand": stand.pk})
    assert response.status_code == 403
    application.refresh_from_db()
    assert application.stand is None
