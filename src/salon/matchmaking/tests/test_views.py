"""The matchmaking pages through the Django test client: needs, recommendations, requests, scheduler, iCal."""

from __future__ import annotations

import icalendar
import pytest
from django.test import Client

from salon.matchmaking.models import MeetingRequest, MeetingSettings, RequestStatus, ScheduleRun, VisitorNeed
from salon.matchmaking.tests.conftest import accredited_visitor

EDITION_URL = "/editions/milipol-test/meetings/"


def logged_in(user, language: str = "en") -> Client:
    client = Client(headers={"accept-language": language})
    client.force_login(user)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", ("My needs", "Recommended exhibitors", "Our offer", "Run the scheduler")),
        ("fr", ("Mes besoins", "Exposants recommandés", "Notre offre", "Lancer la planification")),
    ],
)
def test_pages_render_in_both_languages(market, visitor, exhibitor_user, organizer, language, words):
    exhibitors, registration = market
    skyguard = exhibitors["Skyguard Systems Ltd"]
    visitor_client = logged_in(visitor, language)
    for url in ("/my/b2b/", f"/my/registrations/{registration.pk}/needs/"):
        assert words[0] in visitor_client.get(url).content.decode(), url
    recommendations = visitor_client.get(f"/my/registrations/{registration.pk}/recommendations/")
    assert words[1] in recommendations.content.decode()
    assert visitor_client.get(f"/my/registrations/{registration.pk}/meetings/").status_code == 200
    exhibitor_client = logged_in(exhibitor_user, language)
    assert words[2] in exhibitor_client.get(f"/my/exhibitors/{skyguard.pk}/offer/").content.decode()
    for page in ("recommendations", "meetings"):
        assert exhibitor_client.get(f"/my/exhibitors/{skyguard.pk}/{page}/").status_code == 200
    assert words[3] in logged_in(organizer, language).get(EDITION_URL).content.decode()


@pytest.mark.django_db
def test_pages_of_someone_else_are_403(market, edition, vetting_officer, exhibitor_user):
    exhibitors, registration = market
    stranger, _ = accredited_visitor(edition, vetting_officer, "sam", "BE5550001")
    client = logged_in(stranger)
    for url in (
        f"/my/registrations/{registration.pk}/needs/",
        f"/my/registrations/{registration.pk}/recommendations/",
        f"/my/registrations/{registration.pk}/agenda.ics",
        f"/my/exhibitors/{exhibitors['Cyberpreuve SAS'].pk}/offer/",
        EDITION_URL,
    ):
        assert client.get(url).status_code == 403, url
    assert logged_in(exhibitor_user).post("/editions/milipol-test/meetings/schedule/").status_code == 403
    assert ScheduleRun.objects.count() == 0


@pytest.mark.django_db
def test_needs_form_saves_and_recommendations_list_right_exhibitor(market, visitor):
    _, registration = market
    client = logged_in(visitor)
    response = client.post(
        f"/my/registrations/{registration.pk}/needs/",
        {
            "text": "Armoured patrol vehicles with ballistic protection for gendarmerie units",
            "categories": ["armored_vehicles"],
            "budget_horizon": "medium",
            "available_days": ["2025-11-18", "2025-11-19"],
            "blocked_slots": ["2025-11-18T09:00"],
        },
    )
    assert response.status_code == 302
    assert response["Location"] == f"/my/registrations/{registration.pk}/recommendations/"
    need = VisitorNeed.objects.get(registration=registration)
    assert (need.budget_horizon, need.available_days, need.blocked_slots) == (
        "medium",
        ["2025-11-18", "2025-11-19"],
        ["2025-11-18T09:00"],
    )
    assert [c.code for c in need.categories.all()] == ["armored_vehicles"]
    body = client.get(response["Location"]).content.decode()
    assert body.index("Armatec Vehicles GmbH") < body.index("request/")
    first_name = body.split('<li class="card recommendation">')[1]
    assert "Armatec Vehicles GmbH" in first_name
    assert "<mark>ballistic</mark>" in first_name
    assert "Ranked on shared words only" in body


@pytest.mark.django_db
def test_needs_form_unknown_slot_is_form_error(market, visitor):
    _, registration = market
    response = logged_in(visitor).post(
        f"/my/registrations/{registration.pk}/needs/", {"text": "x", "blocked_slots": ["2030-01-01T09:00"]}
    )
    assert response.status_code == 400
    assert "Select a valid choice." in response.content.decode()


@pytest.mark.django_db
def test_request_accept_schedule_agenda_and_ical(market, visitor, exhibitor_user, organizer):
    exhibitors, registration = market
    skyguard = exhibitors["Skyguard Systems Ltd"]
    visitor_client = logged_in(visitor)
    response = visitor_client.post(f"/my/registrations/{registration.pk}/request/{skyguard.pk}/")
    assert response.status_code == 302
    meeting = MeetingRequest.objects.get()
    assert (meeting.exhibitor, list(meeting.visitors.all()), meeting.status) == (
        skyguard,
        [registration],
        RequestStatus.PENDING,
    )
    again = visitor_client.post(f"/my/registrations/{registration.pk}/request/{skyguard.pk}/", follow=True)
    assert "There is already an open request between you." in again.content.decode()

    exhibitor_client = logged_in(exhibitor_user)
    meetings_url = f"/my/exhibitors/{skyguard.pk}/meetings/"
    assert "Louis Garnier" in exhibitor_client.get(meetings_url).content.decode()
    answered = exhibitor_client.post(f"/meetings/{meeting.pk}/accept/", {"next": meetings_url})
    assert answered["Location"] == meetings_url
    meeting.refresh_from_db()
    assert meeting.status == RequestStatus.ACCEPTED

    run_response = logged_in(organizer).post("/editions/milipol-test/meetings/schedule/", follow=True)
    run = ScheduleRun.objects.get()
    assert (run.requests, run.placed, run.upper_bound) == (1, 1, 1)
    assert "<strong>1 / 1</strong>" in run_response.content.decode()
    meeting.refresh_from_db()
    assert meeting.slot_start is not None

    agenda = visitor_client.get(f"/my/registrations/{registration.pk}/meetings/").content.decode()
    assert "Skyguard Systems Ltd" in agenda and "Confirm this time" in agenda
    ics = visitor_client.get(f"/my/registrations/{registration.pk}/agenda.ics")
    assert ics["Content-Type"] == "text/calendar"
    events = icalendar.Calendar.from_ical(ics.content).walk("VEVENT")
    assert [(str(e["summary"]), e.decoded("dtstart")) for e in events] == [
        ("B2B: Skyguard Systems Ltd", meeting.slot_start)
    ]
    exhibitor_ics = icalendar.Calendar.from_ical(
        exhibitor_client.get(f"/my/exhibitors/{skyguard.pk}/agenda.ics").content
    )
    assert [str(e["summary"]) for e in exhibitor_ics.walk("VEVENT")] == ["B2B: Louis Garnier"]

    visitor_client.post(f"/meetings/{meeting.pk}/confirm/")
    exhibitor_client.post(f"/meetings/{meeting.pk}/confirm/")
    meeting.refresh_from_db()
    assert meeting.confirmed
    assert (
        "Confirmed by both"
        in visitor_client.get(f"/my/registrations/{registration.pk}/meetings/").content.decode()
    )


@pytest.mark.django_db
def test_exhibitor_invites_recommended_visitor_who_declines(market, visitor, exhibitor_user):
    exhibitors, registration = market
    skyguard = exhibitors["Skyguard Systems Ltd"]
    client = logged_in(exhibitor_user)
    body = client.get(f"/my/exhibitors/{skyguard.pk}/recommendations/").content.decode()
    assert "Louis Garnier — Gendarmerie nationale" in body
    client.post(f"/my/exhibitors/{skyguard.pk}/invite/{registration.pk}/")
    meeting = MeetingRequest.objects.get()
    assert meeting.from_exhibitor
    assert "Invited" in client.get(f"/my/exhibitors/{skyguard.pk}/recommendations/").content.decode()
    assert client.post(f"/meetings/{meeting.pk}/accept/").status_code == 403
    meeting.refresh_from_db()
    assert meeting.status == RequestStatus.PENDING  # the sender cannot answer its own invitation
    logged_in(visitor).post(f"/meetings/{meeting.pk}/decline/")
    meeting.refresh_from_db()
    assert meeting.status == RequestStatus.DECLINED


@pytest.mark.django_db
def test_offer_and_meeting_settings_forms_save(market, exhibitor_user, organizer):
    exhibitors, _ = market
    skyguard = exhibitors["Skyguard Systems Ltd"]
    response = logged_in(exhibitor_user).post(
        f"/my/exhibitors/{skyguard.pk}/offer/", {"tables": "3", "countries_served": ["FR", "GB"]}
    )
    assert response.status_code == 302
    assert (skyguard.offer.tables, skyguard.offer.countries_served) == (3, ["FR", "GB"])
    client = logged_in(organizer)
    bad = client.post(EDITION_URL, {"slot_minutes": "60", "day_start": "09:00", "day_end": "09:30"})
    assert bad.status_code == 400
    assert "The meeting day must hold at least one slot." in bad.content.decode()
    client.post(EDITION_URL, {"slot_minutes": "20", "day_start": "08:00", "day_end": "12:00"})
    row = MeetingSettings.objects.get()
    assert (row.slot_minutes, row.day_start.isoformat(), row.day_end.isoformat()) == (
        20,
        "08:00:00",
        "12:00:00",
    )
