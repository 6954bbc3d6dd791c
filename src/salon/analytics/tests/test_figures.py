"""Every dashboard figure equals the count taken directly from the database."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from salon.access.models import Presence, Scan
from salon.accreditation.models import Registration
from salon.analytics.domain import figures
from salon.analytics.tests.conftest import at
from salon.exhibitors.models import Application
from salon.matchmaking.models import MeetingRequest
from salon.program.models import AgendaItem

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def _visitor_scans(edition):
    return Scan.objects.filter(
        edition=edition, admitted=True, direction="in", badge__registration__isnull=False
    )


def test_figures_visitors_by_day_match_database(show):
    table = figures.visitors_by_day(show.edition)
    registrations = list(Registration.objects.filter(edition=show.edition))
    expected = []
    for day in table.extra["days"]:
        asked = [r for r in registrations if day in r.requested_days]
        present = (
            _visitor_scans(show.edition)
            .filter(effective_at__date=dt.date.fromisoformat(day))
            .values("badge_id")
            .distinct()
            .count()
        )
        expected.append((len(asked), sum(r.status == "accredited" for r in asked), present))
    assert [row[1:] for row in table.rows] == expected
    assert expected == [(4, 3, 3), (2, 2, 2), (2, 1, 0), (2, 1, 0)]
    assert [row[0] for row in table.rows] == ["Tue 18 Nov", "Wed 19 Nov", "Thu 20 Nov", "Fri 21 Nov"]


def test_figures_visitors_by_country_match_database(show):
    table = figures.visitors_by_country(show.edition)
    by_label = {row[0]: row[1:] for row in table.rows}
    for code, label in (("FR", "France (FR)"), ("DE", "Germany (DE)"), ("IL", "Israel (IL)")):
        registered = Registration.objects.filter(edition=show.edition, nationality=code)
        present = _visitor_scans(show.edition).filter(badge__registration__nationality=code)
        assert by_label[label] == (
            registered.count(),
            registered.filter(status="accredited").count(),
            present.values("badge_id").distinct().count(),
        )
    assert by_label["France (FR)"] == (3, 3, 2)
    assert sum(row[1] for row in table.rows) == Registration.objects.filter(edition=show.edition).count()


def test_figures_visitors_by_country_folds_the_rest_into_other(show):
    table = figures.visitors_by_country(show.edition, limit=2)
    assert [row[0] for row in table.rows] == ["France (FR)", "Germany (DE)", "Other countries"]
    assert table.rows[-1][1:] == (3, 1, 1)  # IL, ML, US


def test_figures_visitors_by_sector_match_database(show):
    table = figures.visitors_by_sector(show.edition)
    by_label = {row[0]: row[1:] for row in table.rows}
    assert by_label["Police"] == (2, 2, 2)
    assert by_label["Research"] == (1, 0, 0)
    assert by_label["Armed forces"] == (1, 0, 0)
    assert sum(row[1] for row in table.rows) == 7


def test_figures_exhibitors_by_status_and_pipeline_match_database(show):
    status = dict(figures.exhibitors_by_status(show.edition).rows)
    apps = Application.objects.filter(edition=show.edition)
    assert status == {
        "Draft": apps.filter(status="draft").count(),
        "Awaiting government authorization": apps.filter(status="pending_authorization").count(),
        "Admitted": apps.filter(status="admitted").count(),
        "Refused": apps.filter(status="refused").count(),
        "Withdrawn": 0,
    }
    assert list(status.values()) == [1, 1, 4, 2, 0]
    pipeline = dict(figures.authorization_pipeline(show.edition).rows)
    assert list(pipeline.values()) == [3, 1, 1, 1, 0]
    assert pipeline["Submitted, authorization required"] == apps.filter(policy_regime="authorization").count()


def test_figures_exhibitors_by_country_and_category_match_database(show):
    country = {row[0]: row[1:] for row in figures.exhibitors_by_country(show.edition).rows}
    assert country["Israel (IL)"] == (3, 1, 1, 1)
    assert country["France (FR)"] == (2, 2, 0, 0)
    assert country["Russia (RU)"] == (1, 0, 0, 1)
    assert "United States of America (US)" not in country  # a draft is not an exhibitor
    category = {row[0]: row[1:] for row in figures.exhibitors_by_category(show.edition).rows}
    submitted = Application.objects.filter(edition=show.edition).exclude(status="draft")
    assert category["Surveillance and observation"] == (
        submitted.filter(company__categories__code="surveillance").count(),
        submitted.filter(company__categories__code="surveillance", status="admitted").count(),
    )
    assert category["Surveillance and observation"] == (3, 2)
    assert category["Robotics"] == (2, 1)


def test_figures_meetings_match_database(show):
    now = timezone.now()
    table = dict(figures.meetings(show.edition, now=now).rows)
    requests = MeetingRequest.objects.filter(edition=show.edition)
    scheduled = requests.filter(status="accepted", slot_start__isnull=False)
    assert table == {
        "Requested": requests.count(),
        "Accepted": requests.filter(status="accepted").count(),
        "Scheduled": scheduled.count(),
        "Held": scheduled.filter(slot_start__lte=now - dt.timedelta(minutes=30)).count(),
        "Declined": requests.filter(status="declined").count(),
        "Cancelled": 0,
    }
    assert list(table.values()) == [4, 3, 2, 1, 1, 0]
    by_day = {row[0]: row[1:] for row in figures.meetings_by_day(show.edition, now=now).rows}
    assert by_day["Tue 18 Nov"] == (1, 1)
    assert sum(row[1] for row in figures.meetings_by_day(show.edition, now=now).rows) == 2


def test_figures_session_attendance_counts_bookings_and_arrivals(show):
    rows = figures.session_attendance(show.edition).rows
    assert rows[0] == (
        "Tue 18 Nov 14:00 · AI and policing",
        "Salle Europe",
        20,
        AgendaItem.objects.filter(session=show.session).count(),
        2,  # 13:50 (within the 15 minutes before) and 14:20; the 16:00 arrival is after the end
    )
    assert rows[0][3] == 3
    assert rows[1][3:] == (0, 0)


def test_figures_zone_occupancy_matches_presence(show):
    table = figures.zone_occupancy(show.edition, day=dt.date(2025, 11, 18))
    rows = {row[0]: row[1:] for row in table.rows}
    inside = Presence.objects.filter(zone__code="hall", inside=True).count()
    assert rows["Hall 5"] == (50, inside, 3, round(inside / 50 * 100, 1))
    assert inside == 3


def test_figures_visitor_totals_match_database(show):
    totals = figures.visitor_totals(show.edition, today=at(18, 12).date())
    assert totals == {
        "registered": 7,
        "accredited": 5,
        "needs_review": 1,
        "refused": 1,
        "present_today": 3,
        "present_ever": 4,
    }


def test_figures_use_a_bounded_number_of_queries(show):
    """Aggregates, not a query per row: doubling the data must not add queries."""
    with CaptureQueriesContext(connection) as queries:
        figures.dashboard_tables(show.edition)
    assert len(queries) <= 20, [q["sql"] for q in queries]
