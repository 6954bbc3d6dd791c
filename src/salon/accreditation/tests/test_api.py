import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from salon.accreditation.tests.conftest import WATCH_LIST

BODY = {
    "given_names": "Claire",
    "family_name": "Dubois",
    "birth_date": "1985-06-15",
    "nationality": "FR",
    "organization": "Gendarmerie nationale",
    "sector": "gendarmerie",
    "id_document_type": "passport",
    "id_document_number": "19FR44721",
    "email": "claire@example.org",
}


@pytest.mark.django_db
def test_api_registrant_reads_own_file_but_not_another(api_as, edition, visitor, other_visitor):
    created = api_as(visitor).post(f"/editions/{edition.slug}/registrations", BODY)
    assert created.status_code == 201
    body = created.json()
    assert body["status"] == "needs_review"
    assert "hits" not in body and "id_document_number" not in str(body)
    assert api_as(visitor).get(f"/registrations/{body['id']}").status_code == 200
    other = api_as(other_visitor).get(f"/registrations/{body['id']}")
    assert (other.status_code, other.json()["code"]) == (403, "forbidden")
    assert api_as(other_visitor).get(f"/registrations/{body['id']}/vetting").status_code == 403
    assert [r["id"] for r in api_as(visitor).get("/registrations/mine").json()] == [body["id"]]
    assert api_as(other_visitor).get("/registrations/mine").json() == []


@pytest.mark.django_db
def test_api_officer_queue_shows_hits_side_by_side(api_as, edition, visitor, vetting_officer, watch_list):
    suspect = dict(
        BODY,
        given_names="Mohamed",
        family_name="Abdelrahman",
        birth_date="1971-03-02",
        nationality="SD",
        id_document_number="SD1234567",
    )
    api_as(visitor).post(f"/editions/{edition.slug}/registrations", BODY)
    created = api_as(visitor).post(f"/editions/{edition.slug}/registrations", suspect).json()
    queue = api_as(vetting_officer).get(f"/editions/{edition.slug}/vetting-queue").json()
    assert queue["count"] == 2
    first = queue["items"][0]
    assert first["id"] == created["id"]
    assert first["id_document_number_masked"] == "••••••567"
    assert [h["entry_id"] for h in first["hits"]] == ["wl-1"]
    assert first["hits"][0]["listed_names"] == ["Muhammad Abd al-Rahman"]
    assert queue["items"][1]["hits"] == []


@pytest.mark.django_db
def test_api_refuse_without_reason_400(api_as, edition, visitor, vetting_officer):
    created = api_as(visitor).post(f"/editions/{edition.slug}/registrations", BODY).json()
    response = api_as(vetting_officer).post(f"/registrations/{created['id']}/refuse", {"reason": ""})
    assert (response.status_code, response.json()["code"]) == (400, "reason_required")
    ok = api_as(vetting_officer).post(
        f"/registrations/{created['id']}/accredit", {"reason": "Verified with unit"}
    )
    assert ok.json()["status"] == "accredited"


@pytest.mark.django_db
def test_api_bad_registration_is_400_with_code(api_as, edition, visitor):
    response = api_as(visitor).post(f"/editions/{edition.slug}/registrations", dict(BODY, nationality="QQ"))
    assert (response.status_code, response.json()["code"], response.json()["field"]) == (
        400,
        "invalid_registration",
        "nationality",
    )
    future = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    response = api_as(visitor).post(f"/editions/{edition.slug}/registrations", dict(BODY, birth_date=future))
    assert response.status_code == 400


@pytest.mark.django_db
def test_api_watch_list_upload_and_group_import(api_as, edition, vetting_officer):
    api = api_as(vetting_officer)
    upload = api.client.post(
        f"/api/v1/editions/{edition.slug}/watch-lists",
        data={
            "file": SimpleUploadedFile("list.csv", WATCH_LIST.encode()),
            "name": "National list",
            "source": "Ministry",
            "list_date": "2025-10-01",
        },
        **api.headers,
    )
    assert upload.status_code == 201, upload.content
    assert upload.json()["entry_count"] == 3
    group = (
        "given_names,family_name,birth_date,nationality,organization,sector,id_document_type,"
        "id_document_number\nOleg,Petrov,1980-05-05,RU,Org,industry,passport,RU5566778\n"
    )
    imported = api.client.post(
        f"/api/v1/editions/{edition.slug}/registrations/import",
        data={"file": SimpleUploadedFile("group.csv", group.encode())},
        **api.headers,
    )
    assert imported.status_code == 201, imported.content
    assert imported.json() == {
        "batch_id": imported.json()["batch_id"],
        "people": 1,
        "accredited": 0,
        "needs_review": 1,
    }
    bad = api.client.post(
        f"/api/v1/editions/{edition.slug}/registrations/import",
        data={"file": SimpleUploadedFile("bad.csv", b"nope\n")},
        **api.headers,
    )
    assert (bad.status_code, bad.json()["code"]) == (400, "invalid_import")
