import datetime as dt

import pytest
from django.core import mail
from django.db import connection

from salon.accreditation.domain.registrations import RegistrationError, register
from salon.accreditation.domain.vetting import vetting_settings
from salon.accreditation.models import Registration, ScreeningHit
from salon.accreditation.tests.conftest import person
from salon.audit.models import AuditEntry


@pytest.mark.django_db
def test_registration_clean_person_waits_for_officer_by_default(edition, watch_list):
    registration = register(edition, person())
    assert registration.status == "needs_review"
    assert registration.hits.count() == 0
    assert mail.outbox == []


@pytest.mark.django_db
def test_registration_clean_trusted_sector_accredited_and_mailed_in_french(
    edition, watch_list, django_capture_on_commit_callbacks
):
    settings_row = vetting_settings(edition)
    settings_row.auto_accredit_sectors = ["gendarmerie", "police"]
    settings_row.save()
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(edition, person())
    assert registration.status == "accredited"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["claire.dubois@example.org"]
    assert "Accrédité" in mail.outbox[0].subject


@pytest.mark.django_db
def test_registration_transliterated_name_hit_blocks_auto_accreditation(edition, watch_list):
    settings_row = vetting_settings(edition)
    settings_row.auto_accredit_sectors = ["industry"]
    settings_row.save()
    registration = register(
        edition,
        person(
            given_names="Mohamed",
            family_name="Abdelrahman",
            birth_date="1971-03-02",
            nationality="SD",
            sector="industry",
            id_document_number="P0011223",
        ),
    )
    assert registration.status == "needs_review"
    hit = ScreeningHit.objects.get(registration=registration)
    assert hit.entry_id == "wl-1"
    assert hit.listed_names == ["Muhammad Abd al-Rahman"]
    assert "birth" in hit.explanation.lower()


@pytest.mark.django_db
def test_registration_cyrillic_listed_name_found_from_latin(edition, watch_list):
    registration = register(
        edition,
        person(
            given_names="Oleg",
            family_name="Petrov",
            birth_date="1980-01-01",
            nationality="RU",
            id_document_number="RU7788991",
        ),
    )
    assert list(registration.hits.values_list("entry_id", flat=True)) == ["wl-2"]


@pytest.mark.django_db
def test_registration_identity_number_never_stored_in_clear(edition):
    register(edition, person(id_document_number="ZX-998877-Q"))
    clear = "ZX998877Q"
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            for row in cursor.fetchall():
                for value in row:
                    assert clear not in str(value) and "ZX-998877-Q" not in str(value), table
    stored = Registration.objects.get()
    from salon.accreditation.domain.protection import decrypt

    assert decrypt(stored.id_document_number_encrypted) == clear


@pytest.mark.django_db
def test_registration_reports_every_bad_field(edition):
    future = (dt.date.today() + dt.timedelta(days=3)).isoformat()
    with pytest.raises(RegistrationError) as caught:
        register(
            edition,
            person(
                given_names="", birth_date=future, nationality="XX", sector="tourism", id_document_number="1"
            ),
        )
    assert [p.column for p in caught.value.problems] == [
        "given_names",
        "birth_date",
        "nationality",
        "sector",
        "id_document_number",
    ]
    assert Registration.objects.count() == 0


@pytest.mark.django_db
def test_registration_huge_name_rejected_without_saving(edition):
    with pytest.raises(RegistrationError, match="family_name: too long"):
        register(edition, person(family_name="A" * 10_000_000))
    assert Registration.objects.count() == 0


@pytest.mark.django_db
def test_registration_duplicate_document_rejected(edition):
    register(edition, person())
    with pytest.raises(RegistrationError, match="identity document already exists"):
        register(edition, person(given_names="Other", family_name="Person"))


@pytest.mark.django_db
def test_registration_requested_day_outside_edition_rejected(edition):
    with pytest.raises(RegistrationError, match="requested_days: 2025-12-25 is not a day of Milipol Test"):
        register(edition, person(requested_days=["2025-12-25"]))


@pytest.mark.django_db
def test_registration_audited_with_screening_result(edition, watch_list):
    registration = register(edition, person())
    actions = list(
        AuditEntry.objects.filter(
            object_type="accreditation.registration", object_id=str(registration.pk)
        ).values_list("action", flat=True)
    )
    assert actions == ["registration.created", "registration.screened"]
