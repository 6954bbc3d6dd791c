"""The protocol lists: exact CSV content and the two XLSX sheets."""

import csv
import io

import pytest
from openpyxl import load_workbook

from salon.delegations.domain.delegations import confirm_member

pytestmark = pytest.mark.django_db


def test_protocol_csv_lists_every_member_with_vetting_status(delegation, organizer, api_as):
    confirm_member(delegation["head"], actor=organizer)
    response = api_as(organizer).get("/editions/milipol-test/delegations/protocol.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [(r["family_name"], r["role"], r["vetting_status"], r["confirmed"]) for r in rows] == [
        ("Ndiaye", "Head of delegation", "Accredited", "yes"),
        ("Diallo", "Interpreter", "Refused", "no"),
        ("Sow", "Official", "Being vetted", "no"),
    ]
    head = rows[0]
    assert head["head_of_delegation"] == "Awa Ndiaye"
    assert head["host_officer"] == "Hugo Martin <hugo@example.org>"
    assert (head["arrival"], head["departure"]) == ("2025-11-17 18:30", "2025-11-20 12:00")
    assert head["protocol_notes"] == "Minister: welcome at Gate A"
    assert rows[1]["languages"] == "fr,wo,en"


def test_protocol_xlsx_has_members_and_visit_program_sheets(delegation, organizer, api_as):
    response = api_as(organizer).get("/editions/milipol-test/delegations/protocol.xlsx")
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Members", "Visit program"]
    members = list(book["Members"].iter_rows(values_only=True))
    assert members[0][:5] == ("country", "delegation", "head_of_delegation", "family_name", "given_names")
    assert [(row[0], row[3]) for row in members[1:]] == [("SN", "Ndiaye"), ("SN", "Diallo"), ("SN", "Sow")]


def test_protocol_csv_neutralises_formula_like_names(delegation, organizer, api_as):
    delegation["delegation"].protocol_notes = '=HYPERLINK("http://x")'
    delegation["delegation"].save()
    body = (
        api_as(organizer).get("/editions/milipol-test/delegations/protocol.csv").content.decode("utf-8-sig")
    )
    assert list(csv.DictReader(io.StringIO(body)))[0]["protocol_notes"] == '\'=HYPERLINK("http://x")'


def test_protocol_page_export_forbidden_to_host_officer(delegation, host_officer, client):
    client.force_login(host_officer)
    assert client.get("/editions/milipol-test/delegations/protocol.csv").status_code == 403
    assert client.get("/editions/milipol-test/delegations/").status_code == 200
