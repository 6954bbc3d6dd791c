import datetime as dt

import pytest
from django.core import mail

from salon.accreditation.domain import vetting
from salon.accreditation.domain.registrations import register
from salon.accreditation.domain.retention import RetentionError, purge_personal_data
from salon.accreditation.domain.watchlists import WatchListError
from salon.accreditation.models import Registration, WatchList
from salon.accreditation.tests.conftest import person
from salon.errors import NotAllowed


@pytest.mark.django_db
def test_vetting_refuse_without_reason_rejected(edition, vetting_officer):
    registration = register(edition, person())
    for reason in ("", "  ", "no"):
        with pytest.raises(vetting.VettingError) as caught:
            vetting.refuse(registration, actor=vetting_officer, reason=reason)
        assert caught.value.code == "reason_required"
    registration.refresh_from_db()
    assert registration.status == "needs_review"


@pytest.mark.django_db
def test_vetting_only_officers_decide(edition, organizer):
    registration = register(edition, person())
    with pytest.raises(NotAllowed):
        vetting.accredit(registration, actor=organizer, reason="Looks fine to me")


@pytest.mark.django_db
def test_vetting_refusal_mailed_without_list_details(
    edition, watch_list, vetting_officer, django_capture_on_commit_callbacks
):
    registration = register(
        edition,
        person(
            given_names="Mohamed",
            family_name="Abdelrahman",
            birth_date="1971-03-02",
            nationality="SD",
            language="en",
            id_document_number="P0011223",
        ),
    )
    with django_capture_on_commit_callbacks(execute=True):
        vetting.refuse(registration, actor=vetting_officer, reason="Access to the show is not granted.")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert "Refused" in message.subject
    assert "Access to the show is not granted." in message.body
    assert "wl-1" not in message.body and "Test list" not in message.body


@pytest.mark.django_db
def test_vetting_decided_registration_cannot_be_accredited_again(edition, vetting_officer):
    registration = register(edition, person())
    vetting.refuse(registration, actor=vetting_officer, reason="Not a professional visitor")
    with pytest.raises(vetting.VettingError) as caught:
        vetting.accredit(registration, actor=vetting_officer, reason="Changed my mind")
    assert caught.value.code == "not_pending"


@pytest.mark.django_db
def test_watch_list_reimport_replaces_and_rescreens(edition, watch_list, vetting_officer):
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
    assert registration.hits.count() == 1
    vetting.load_watch_list(
        edition,
        name="Test list",
        source="v2",
        list_date=dt.date(2025, 11, 1),
        data=b"id,name\nwl-9,Someone Else\n",
        actor=vetting_officer,
    )
    assert WatchList.objects.get(edition=edition).entry_count == 1
    assert registration.hits.count() == 0


@pytest.mark.django_db
def test_watch_list_bad_file_keeps_previous_list(edition, watch_list, vetting_officer):
    for data, message in (
        (b"who,what\nx,y\n", "header"),
        ("id,name\nx,Zoë\n".encode("latin-1"), "UTF-8"),
        (b"id,name\nx,\n", "name"),
    ):
        with pytest.raises(WatchListError) as caught:
            vetting.load_watch_list(
                edition,
                name="Test list",
                source="broken",
                list_date=dt.date(2025, 11, 1),
                data=data,
                actor=vetting_officer,
            )
        assert message.lower() in caught.value.message.lower()
    kept = WatchList.objects.get(edition=edition)
    assert (kept.source, kept.entry_count) == ("unit tests", 3)


@pytest.mark.django_db
def test_purge_refused_during_retention_then_erases_personal_data(edition, watch_list, organizer):
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
    with pytest.raises(RetentionError):
        purge_personal_data(edition, actor=organizer, today=edition.end_date)
    count = purge_personal_data(edition, actor=organizer, today=edition.end_date + dt.timedelta(days=91))
    assert count == 1
    purged = Registration.objects.get(pk=registration.pk)
    assert (
        purged.given_names,
        purged.family_name,
        purged.birth_date,
        purged.id_document_number_encrypted,
    ) == ("", "", None, "")
    assert (purged.sector, purged.nationality.code) == ("gendarmerie", "RU")
    assert purged.hits.count() == 0
