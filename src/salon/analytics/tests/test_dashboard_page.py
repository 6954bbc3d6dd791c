"""The dashboard page: organizers only, French and English, exports that parse back, the live fragment."""

import csv
import io

import pytest
from django.test import Client
from openpyxl import load_workbook

from salon.accounts.domain.roles import Role
from salon.accreditation.models import Registration
from salon.conftest import make_user

pytestmark = pytest.mark.django_db


def _client(user, language: str = "en") -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(user)
    return client


def _url(show, suffix: str = "") -> str:
    return f"/editions/{show.edition.slug}/dashboard/{suffix}"


def test_dashboard_page_renders_every_chart_in_english(show):
    response = _client(show.organizer).get(_url(show))
    body = response.content.decode()
    assert response.status_code == 200
    for key in (
        "visitors_by_day",
        "zone_occupancy",
        "visitors_by_country",
        "visitors_by_sector",
        "exhibitors_by_status",
        "authorization_pipeline",
        "exhibitors_by_country",
        "exhibitors_by_category",
        "meetings",
        "meetings_by_day",
        "session_attendance",
    ):
        assert f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" data-table="{key}"' in body, key
        assert f"?format=csv&amp;table={key}" in body
        assert f"?format=xlsx&amp;table={key}" in body
    assert "Visitors by show day" in body
    assert 'hx-trigger="every 10s"' in body
    assert '<strong data-total="registered">7</strong>' in body


def test_dashboard_page_renders_in_french(show):
    body = _client(show.organizer, "fr").get(_url(show)).content.decode()
    assert '<html lang="fr">' in body
    assert "Visiteurs par jour du salon" in body
    assert "Visiteurs par pays" in body
    assert "Salle de conférence" in body  # zone names in French
    assert "Visitors by show day" not in body


@pytest.mark.parametrize(
    "role", [Role.VISITOR, Role.EXHIBITOR, Role.VETTING_OFFICER, Role.AUTHORIZATION_OFFICER, Role.GATE_AGENT]
)
def test_dashboard_page_forbidden_for_other_roles(edition, role):
    client = _client(make_user(f"someone-{role.value}", role))
    assert client.get(f"/editions/{edition.slug}/dashboard/").status_code == 403
    assert client.get(f"/editions/{edition.slug}/dashboard/live/").status_code == 403
    assert client.get(f"/editions/{edition.slug}/dashboard/?format=xlsx").status_code == 403


def test_dashboard_page_anonymous_goes_to_sign_in(edition):
    response = Client().get(f"/editions/{edition.slug}/dashboard/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_dashboard_csv_export_parses_back_with_the_same_numbers(show):
    response = _client(show.organizer).get(_url(show), {"format": "csv", "table": "visitors_by_sector"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Sector", "Registered", "Accredited", "Present"]
    by_sector = {row[0]: [int(n) for n in row[1:]] for row in rows[1:]}
    police = Registration.objects.filter(edition=show.edition, sector="police")
    assert by_sector["Police"] == [police.count(), police.filter(status="accredited").count(), 2]
    assert sum(r[0] for r in by_sector.values()) == Registration.objects.filter(edition=show.edition).count()


def test_dashboard_xlsx_export_parses_back_with_the_same_numbers(show):
    response = _client(show.organizer).get(_url(show), {"format": "xlsx"})
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    assert len(workbook.sheetnames) == 11
    days = list(workbook["Visitors by show day"].iter_rows(values_only=True))
    assert days == [
        ("Day", "Registered", "Accredited", "Present"),
        ("Tue 18 Nov", 4, 3, 3),
        ("Wed 19 Nov", 2, 2, 2),
        ("Thu 20 Nov", 2, 1, 0),
        ("Fri 21 Nov", 2, 1, 0),
    ]
    single = _client(show.organizer).get(_url(show), {"format": "xlsx", "table": "authorization_pipeline"})
    sheet = load_workbook(io.BytesIO(single.content)).active
    assert [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)] == [3, 1, 1, 1, 0]


def test_dashboard_export_bad_requests_get_clear_errors(show):
    client = _client(show.organizer)
    assert client.get(_url(show), {"format": "csv"}).status_code == 400
    assert client.get(_url(show), {"format": "pdf", "table": "meetings"}).status_code == 400
    assert client.get(_url(show), {"format": "csv", "table": "nope"}).status_code == 404
    assert client.get("/editions/no-such-show/dashboard/").status_code == 404


def test_dashboard_live_fragment_holds_only_the_live_panels(show):
    body = _client(show.organizer).get(_url(show, "live/")).content.decode()
    assert body.startswith('\n<div id="dash-live"') or body.lstrip().startswith('<div id="dash-live"')
    assert 'data-table="zone_occupancy"' in body
    assert 'data-table="visitors_by_country"' not in body
    assert "<html" not in body


def test_dashboard_api_returns_the_same_tables(show, api_as):
    response = api_as(show.organizer).get(f"/editions/{show.edition.slug}/dashboard")
    assert response.status_code == 200
    data = response.json()
    tables = {table["key"]: table for table in data["tables"]}
    assert len(tables) == 11
    assert tables["visitors_by_day"]["rows"][0] == ["Tue 18 Nov", 4, 3, 3]
    assert data["totals"]["registered"] == Registration.objects.filter(edition=show.edition).count()
