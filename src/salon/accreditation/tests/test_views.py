"""The accreditation pages through the Django test client: registration, vetting, import, watch lists."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from salon.accreditation.domain.registrations import register
from salon.accreditation.models import (
    ImportBatch,
    Registration,
    RegistrationStatus,
    VettingSettings,
    WatchList,
)
from salon.accreditation.tests.conftest import person
from salon.audit.models import AuditEntry

REGISTER_URL = "/editions/milipol-test/register/"
QUEUE_URL = "/editions/milipol-test/vetting/"
IMPORT_URL = "/editions/milipol-test/vetting/import/"
LISTS_URL = "/editions/milipol-test/watch-lists/"
SETTINGS_URL = "/editions/milipol-test/vetting/settings/"
HEADER = (
    "given_names,family_name,birth_date,nationality,organization,sector,id_document_type,id_document_number\n"
)
FORM = {
    "given_names": "Claire",
    "family_name": "Dubois",
    "original_script_name": "",
    "birth_date": "1985-06-15",
    "nationality": "FR",
    "organization": "Gendarmerie nationale",
    "sector": "gendarmerie",
    "role": "Capitaine",
    "id_document_type": "passport",
    "id_document_number": "19FR44721",
    "email": "claire@example.org",
    "requested_days": ["2025-11-18", "2025-11-19"],
    "language": "fr",
}


def logged_in(user, language: str = "en") -> Client:
    client = Client(headers={"accept-language": language})
    client.force_login(user)
    return client


@pytest.fixture
def suspect(edition, watch_list, visitor):
    """A registration whose name is a transliteration of a listed person: it has a hit."""
    return register(
        edition,
        person(
            given_names="Mohamed",
            family_name="Abdelrahman",
            birth_date="1971-03-02",
            nationality="SD",
            id_document_number="SD1234567",
            email="",
        ),
        actor=visitor,
    )


# ---------------------------------------------------------------- every page, both languages


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", ("Professional registration", "Vetting queue")),
        ("fr", ("Inscription professionnelle", "File de vérification")),
    ],
)
def test_pages_render_in_both_languages(
    edition, suspect, visitor, vetting_officer, organizer, language, words
):
    body = logged_in(visitor, language).get(REGISTER_URL).content.decode()
    assert words[0] in body
    mine = logged_in(visitor, language).get("/my/registrations/")
    assert mine.status_code == 200
    officer = logged_in(vetting_officer, language)
    assert words[1] in officer.get(QUEUE_URL).content.decode()
    for url in (f"{QUEUE_URL}{suspect.pk}/", IMPORT_URL, LISTS_URL, f"/my/registrations/{suspect.pk}/"):
        assert officer.get(url).status_code == 200, url
    assert logged_in(organizer, language).get(SETTINGS_URL).status_code == 200


# ---------------------------------------------------------------- visitor


@pytest.mark.django_db
def test_visitor_registers_through_form_and_sees_being_vetted(edition, visitor):
    client = logged_in(visitor, "fr")
    response = client.post(REGISTER_URL, FORM, follow=True)
    assert response.status_code == 200
    registration = Registration.objects.get()
    assert (registration.registrant, registration.family_name, registration.status) == (
        visitor,
        "Dubois",
        RegistrationStatus.NEEDS_REVIEW,
    )
    assert registration.requested_days == ["2025-11-18", "2025-11-19"]
    assert "19FR44721" not in registration.id_document_number_encrypted
    assert "En cours de vérification" in response.content.decode()
    english = logged_in(visitor, "en").get("/my/registrations/").content.decode()
    assert "Being vetted" in english


@pytest.mark.django_db
def test_registration_form_shows_domain_problem_on_field(edition, visitor):
    response = logged_in(visitor).post(REGISTER_URL, dict(FORM, birth_date="2099-01-01"))
    assert response.status_code == 400
    assert "The date of birth cannot be in the future." in response.content.decode()
    assert Registration.objects.count() == 0


@pytest.mark.django_db
def test_registration_page_of_another_visitor_is_403(edition, visitor, other_visitor):
    registration = register(edition, person(), actor=visitor)
    own = logged_in(visitor).get(f"/my/registrations/{registration.pk}/")
    assert own.status_code == 200
    response = logged_in(other_visitor).get(f"/my/registrations/{registration.pk}/")
    assert response.status_code == 403
    assert "Claire" not in response.content.decode()


@pytest.mark.django_db
def test_registrant_sees_reason_but_never_the_hit(edition, suspect, visitor, vetting_officer):
    logged_in(vetting_officer).post(
        f"{QUEUE_URL}{suspect.pk}/", {"decision": "refuse", "reason": "Identity could not be confirmed"}
    )
    body = logged_in(visitor).get(f"/my/registrations/{suspect.pk}/").content.decode()
    assert "Identity could not be confirmed" in body
    assert "Refused" in body
    assert "Test list" not in body and "wl-1" not in body and "Abd al-Rahman" not in body


@pytest.mark.django_db
def test_vetting_pages_visitor_gets_403(edition, suspect, visitor):
    client = logged_in(visitor)
    for url in (QUEUE_URL, f"{QUEUE_URL}{suspect.pk}/", IMPORT_URL, LISTS_URL, SETTINGS_URL):
        assert client.get(url).status_code == 403, url


# ---------------------------------------------------------------- vetting officer


@pytest.mark.django_db
def test_queue_lists_hits_first_and_filters(edition, suspect, visitor, other_visitor, vetting_officer):
    clean = register(edition, person(), actor=other_visitor)
    client = logged_in(vetting_officer)
    body = client.get(QUEUE_URL).content.decode()
    assert body.index("Mohamed Abdelrahman") < body.index("Claire Dubois")
    with_hits = client.get(QUEUE_URL, {"hits": "yes"}).content.decode()
    assert "Mohamed Abdelrahman" in with_hits and "Claire Dubois" not in with_hits
    without = client.get(QUEUE_URL, {"hits": "no"}, headers={"HX-Request": "true"}).content.decode()
    assert "Claire Dubois" in without and "Mohamed Abdelrahman" not in without
    assert "<html" not in without
    by_nationality = client.get(QUEUE_URL, {"nationality": "FR"}).content.decode()
    assert f"/vetting/{clean.pk}/" in by_nationality and f"/vetting/{suspect.pk}/" not in by_nationality


@pytest.mark.django_db
def test_review_shows_hit_side_by_side_with_masked_number(edition, suspect, vetting_officer):
    body = logged_in(vetting_officer).get(f"{QUEUE_URL}{suspect.pk}/").content.decode()
    hit = suspect.hits.get()
    assert "Muhammad Abd al-Rahman" in body
    assert hit.explanation in body
    assert "1971-03-02" in body
    assert "••••••567" in body
    assert "SD1234567" not in body


@pytest.mark.django_db
def test_refuse_without_reason_is_form_error_and_nothing_changes(edition, suspect, vetting_officer):
    before = AuditEntry.objects.count()
    response = logged_in(vetting_officer).post(
        f"{QUEUE_URL}{suspect.pk}/", {"decision": "refuse", "reason": "  "}
    )
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    short = logged_in(vetting_officer, "fr").post(
        f"{QUEUE_URL}{suspect.pk}/", {"decision": "refuse", "reason": "no"}
    )
    assert short.status_code == 400
    assert "Une décision doit être motivée (5 caractères au moins)." in short.content.decode()
    suspect.refresh_from_db()
    assert (suspect.status, suspect.decision_reason) == (RegistrationStatus.NEEDS_REVIEW, "")
    assert AuditEntry.objects.count() == before


@pytest.mark.django_db
def test_accredit_with_reason_redirects_to_queue(edition, suspect, vetting_officer):
    response = logged_in(vetting_officer).post(
        f"{QUEUE_URL}{suspect.pk}/", {"decision": "accredit", "reason": "Different person: checked passport"}
    )
    assert response.status_code == 302
    assert response["Location"] == QUEUE_URL
    suspect.refresh_from_db()
    assert (suspect.status, suspect.decision_reason, suspect.decided_by) == (
        RegistrationStatus.ACCREDITED,
        "Different person: checked passport",
        vetting_officer,
    )
    assert AuditEntry.objects.filter(action="registration.accredited").count() == 1


@pytest.mark.django_db
def test_group_import_bad_line_shows_line_and_imports_nothing(edition, vetting_officer):
    text = (
        HEADER
        + "Claire,Dubois,1985-06-15,FR,Gendarmerie nationale,gendarmerie,passport,19FR44721\n"
        + "Marc,Leroy,1979-02-31,FR,Gendarmerie nationale,gendarmerie,national_id,FR0099881\n"
    )
    upload = SimpleUploadedFile("unit.csv", text.encode(), content_type="text/csv")
    response = logged_in(vetting_officer).post(IMPORT_URL, {"file": upload})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Nothing was imported: 1 problem" in body
    assert "line 3" in body and "<code>birth_date</code>" in body and "is not a YYYY-MM-DD date" in body
    assert Registration.objects.count() == 0
    assert ImportBatch.objects.count() == 0


@pytest.mark.django_db
def test_group_import_valid_file_creates_registrations(edition, vetting_officer):
    text = HEADER + "Claire,Dubois,1985-06-15,FR,Gendarmerie nationale,gendarmerie,passport,19FR44721\n"
    upload = SimpleUploadedFile("unit.csv", text.encode(), content_type="text/csv")
    response = logged_in(vetting_officer).post(IMPORT_URL, {"file": upload}, follow=True)
    assert "unit.csv: 1 people imported, 0 accredited automatically, 1 to vet." in response.content.decode()
    assert Registration.objects.get().batch.file_name == "unit.csv"


@pytest.mark.django_db
def test_watch_list_upload_replaces_list_and_shows_it(edition, watch_list, vetting_officer):
    upload = SimpleUploadedFile("list.csv", b"id,name\nx-1,Ivan Ivanov\n", content_type="text/csv")
    client = logged_in(vetting_officer)
    response = client.post(
        LISTS_URL,
        {"name": "Test list", "source": "update", "list_date": "2025-10-02", "file": upload},
        follow=True,
    )
    body = response.content.decode()
    assert "Watch list Test list loaded: 1 entries." in body
    watch_list = WatchList.objects.get()
    assert (watch_list.source, watch_list.entry_count) == ("update", 1)
    assert "<td>update</td>" in body


@pytest.mark.django_db
def test_watch_list_broken_file_is_form_error(edition, vetting_officer):
    upload = SimpleUploadedFile("list.csv", b"\xff\xfe\x00garbage", content_type="text/csv")
    response = logged_in(vetting_officer).post(
        LISTS_URL, {"name": "Bad", "source": "x", "list_date": "2025-10-02", "file": upload}
    )
    assert response.status_code == 400
    assert WatchList.objects.count() == 0


@pytest.mark.django_db
def test_vetting_settings_saved_by_organizer_and_audited(edition, organizer, vetting_officer):
    data = {
        "auto_accredit_sectors": ["police", "gendarmerie"],
        "screening_threshold": "0.9",
        "retention_days": "30",
    }
    assert logged_in(vetting_officer).post(SETTINGS_URL, data).status_code == 403
    response = logged_in(organizer).post(SETTINGS_URL, data)
    assert response.status_code == 302
    row = VettingSettings.objects.get(edition=edition)
    assert (row.auto_accredit_sectors, row.screening_threshold, row.retention_days) == (
        ["police", "gendarmerie"],
        0.9,
        30,
    )
    assert AuditEntry.objects.filter(action="vetting.settings_changed").count() == 1
