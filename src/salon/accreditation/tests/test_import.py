import io

import openpyxl
import pytest

from salon.accreditation.domain.registrations import ImportRowsError, import_registrations
from salon.accreditation.interfaces.people_files import PeopleFileError, parse_people_file
from salon.accreditation.models import ImportBatch, Registration

HEADER = (
    "given_names,family_name,birth_date,nationality,organization,sector,id_document_type,"
    "id_document_number,requested_zones\n"
)
GOOD = [
    "Claire,Dubois,1985-06-15,FR,Gendarmerie nationale,gendarmerie,passport,19FR44721,\n",
    "Marc,Leroy,1979-02-01,FR,Gendarmerie nationale,gendarmerie,national_id,FR0099881,\n",
]


def _import(edition, actor, text: str, name: str = "unit.csv"):
    return import_registrations(edition, parse_people_file(name, text.encode()), file_name=name, actor=actor)


@pytest.mark.django_db
def test_import_valid_group_creates_batch(edition, vetting_officer):
    batch = _import(edition, vetting_officer, HEADER + "".join(GOOD))
    assert batch.row_count == 2
    assert sorted(Registration.objects.values_list("family_name", flat=True)) == ["Dubois", "Leroy"]


@pytest.mark.django_db
def test_import_bad_lines_all_reported_and_nothing_written(edition, vetting_officer):
    text = (
        HEADER
        + GOOD[0]
        + ",NoGiven,1985-01-01,FR,Org,police,passport,AB12345,\n"
        + GOOD[1]
        + "Ana,Silva,2999-01-01,PT,Org,police,passport,PT554433,\n"
        + "Jean,Dupont,1980-01-01,FR,Org,police,passport,19FR44721,\n"
        + "Eve,Stone,1990-01-01,GB,Org,police,passport,GB123456,nowhere\n"
    )
    with pytest.raises(ImportRowsError) as caught:
        _import(edition, vetting_officer, text)
    found = [(line, problem.column) for line, problem in caught.value.problems]
    assert found == [(3, "given_names"), (5, "birth_date"), (6, "id_document_number"), (7, "requested_zones")]
    assert "same identity document as line 2" in caught.value.message
    assert Registration.objects.count() == 0
    assert ImportBatch.objects.count() == 0


@pytest.mark.django_db
def test_import_duplicate_person_in_file_rejected(edition, vetting_officer):
    text = HEADER + GOOD[0] + "Claire,Dubois,1985-06-15,FR,Other org,police,passport,OTHER1234,\n"
    with pytest.raises(ImportRowsError, match="line 3, family_name: same person as line 2"):
        _import(edition, vetting_officer, text)


def test_import_wrong_header_named():
    with pytest.raises(PeopleFileError) as caught:
        parse_people_file("x.csv", b"name,dob\nA,B\n")
    columns = [p.column for p in caught.value.problems]
    assert columns[:2] == ["given_names", "family_name"] and "name" in columns and "dob" in columns


def test_import_broken_encoding_names_line():
    data = (HEADER + GOOD[0]).encode() + "Zoë,Müller,1980-01-01,DE,Org,police,passport,DE112233,\n".encode(
        "latin-1"
    )
    with pytest.raises(PeopleFileError, match="line 3, -: the file is not UTF-8"):
        parse_people_file("x.csv", data)


@pytest.mark.django_db
def test_import_xlsx_with_real_dates(edition, vetting_officer):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER.strip().split(","))
    import datetime as dt

    sheet.append(["Ana", "Silva", dt.datetime(1982, 4, 5), "PT", "PSP", "police", "passport", "PT998877", ""])
    buffer = io.BytesIO()
    book.save(buffer)
    rows = parse_people_file("group.xlsx", buffer.getvalue())
    batch = import_registrations(edition, rows, file_name="group.xlsx", actor=vetting_officer)
    registration = batch.registrations.get()
    assert (registration.family_name, registration.birth_date.isoformat()) == ("Silva", "1982-04-05")


@pytest.mark.django_db
def test_import_requires_staff_role(edition, visitor):
    from salon.errors import NotAllowed

    with pytest.raises(NotAllowed):
        _import(edition, visitor, HEADER + GOOD[0])
