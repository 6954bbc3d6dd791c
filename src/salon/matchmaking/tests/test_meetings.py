import datetime as dt

import icalendar
import pytest

from salon.accreditation.domain.vetting import refuse
from salon.editions.domain.venue import create_edition
from salon.errors import NotAllowed
from salon.exhibitors.domain import applications as workflow
from salon.exhibitors.domain.companies import CompanyProfile, create_company
from salon.matchmaking.domain import meetings
from salon.matchmaking.domain.scheduling import agenda_ical, run_scheduler, visitor_agenda
from salon.matchmaking.domain.slots import edition_slots
from salon.matchmaking.models import MeetingRequest
from salon.matchmaking.scheduling import check_schedule
from salon.matchmaking.tests.conftest import accredited_visitor


@pytest.mark.django_db
def test_meeting_request_accept_and_schedule(market, visitor, exhibitor_user, organizer):
    exhibitors, registration = market
    meeting = meetings.request_meeting(
        exhibitor=exhibitors["Skyguard Systems Ltd"], visitors=[registration], actor=visitor
    )
    with pytest.raises(NotAllowed):
        meetings.accept(meeting, actor=visitor)  # the receiving side answers
    meeting = meetings.accept(meeting, actor=exhibitor_user)
    run = run_scheduler(registration.edition, actor=organizer, time_limit=5)
    assert (run.requests, run.placed, run.upper_bound, run.status) == (1, 1, 1, "optimal")
    meeting.refresh_from_db()
    assert meeting.slot_start is not None


@pytest.mark.django_db
def test_meeting_request_errors_name_the_problem(
    market, visitor, vetting_officer, exhibitor_user, organizer, edition
):
    exhibitors, registration = market
    skyguard = exhibitors["Skyguard Systems Ltd"]
    # a refused visitor
    _, refused = accredited_visitor(edition, vetting_officer, "rita", "BE1122334")
    refused = refuse(refused, actor=vetting_officer, reason="Accreditation withdrawn")
    with pytest.raises(meetings.MeetingError) as caught:
        meetings.request_meeting(exhibitor=skyguard, visitors=[refused], actor=organizer)
    assert caught.value.code == "visitor_not_accredited"
    # an exhibitor of another edition
    other = create_edition(
        slug="other",
        name="Other Show",
        host_country="ML",
        city="Bamako",
        venue="CICB",
        start_date=dt.date(2025, 11, 11),
        end_date=dt.date(2025, 11, 14),
        actor=organizer,
    )
    company = create_company(CompanyProfile(legal_name="Elsewhere SARL", country="ML"), actor=exhibitor_user)
    elsewhere = workflow.submit(
        workflow.create_application(edition=other, company=company, actor=exhibitor_user),
        actor=exhibitor_user,
    )
    with pytest.raises(meetings.MeetingError) as caught:
        meetings.request_meeting(exhibitor=elsewhere, visitors=[registration], actor=visitor)
    assert caught.value.code == "other_edition"
    # a request to oneself: the visitor account is a member of the exhibiting company
    skyguard.company.members.add(visitor)
    with pytest.raises(meetings.MeetingError) as caught:
        meetings.request_meeting(exhibitor=skyguard, visitors=[registration], actor=visitor)
    assert caught.value.code == "self_meeting"
    assert MeetingRequest.objects.count() == 0


@pytest.mark.django_db
def test_meeting_duplicate_open_request_conflicts(market, visitor):
    exhibitors, registration = market
    meetings.request_meeting(exhibitor=exhibitors["Cyberpreuve SAS"], visitors=[registration], actor=visitor)
    with pytest.raises(meetings.MeetingError) as caught:
        meetings.request_meeting(
            exhibitor=exhibitors["Cyberpreuve SAS"], visitors=[registration], actor=visitor
        )
    assert (caught.value.code, caught.value.status) == ("duplicate_request", 409)


@pytest.mark.django_db
def test_scheduler_keeps_confirmed_meetings_on_resolve(
    market, edition, visitor, vetting_officer, exhibitor_user, organizer
):
    exhibitors, registration = market
    skyguard = exhibitors["Skyguard Systems Ltd"]
    first = meetings.accept(
        meetings.request_meeting(exhibitor=skyguard, visitors=[registration], actor=visitor),
        actor=exhibitor_user,
    )
    run_scheduler(edition, actor=organizer, time_limit=5)
    first.refresh_from_db()
    meetings.confirm(first, actor=visitor)
    first = meetings.confirm(first, actor=exhibitor_user)
    assert first.confirmed
    kept_at = first.slot_start
    # more demand for the same exhibitor than it has slots: everyone else competes, the confirmed one stays
    slot_count = len(edition_slots(edition))
    for number in range(slot_count + 2):
        user, other = accredited_visitor(edition, vetting_officer, f"visitor{number}", f"BE55{number:05d}")
        meetings.accept(
            meetings.request_meeting(exhibitor=skyguard, visitors=[other], actor=user, priority=5),
            actor=exhibitor_user,
        )
    run = run_scheduler(edition, actor=organizer, time_limit=5)
    first.refresh_from_db()
    assert first.slot_start == kept_at and first.confirmed
    assert run.placed == slot_count
    assert run.placed_priority == run.upper_bound == 1 + 5 * (slot_count - 1)
    from salon.matchmaking.domain.scheduling import build_instance

    instance, meetings_by_id, slots = build_instance(edition)
    from salon.matchmaking.scheduling import Meeting

    placed = [
        Meeting(m.pk, s.id)
        for m in meetings_by_id.values()
        for s in slots.values()
        if m.slot_start == s.start
    ]
    assert check_schedule(instance, placed) == []


@pytest.mark.django_db
def test_agenda_ical_parses_back_and_is_private(
    market, edition, visitor, exhibitor_user, organizer, other_exhibitor_user
):
    exhibitors, registration = market
    meeting = meetings.accept(
        meetings.request_meeting(
            exhibitor=exhibitors["Armatec Vehicles GmbH"], visitors=[registration], actor=visitor
        ),
        actor=exhibitor_user,
    )
    run_scheduler(edition, actor=organizer, time_limit=5)
    meeting.refresh_from_db()
    items = visitor_agenda(registration, actor=visitor)
    calendar = icalendar.Calendar.from_ical(agenda_ical(items, calendar_name="Test"))
    events = [c for c in calendar.walk() if c.name == "VEVENT"]
    assert [str(e["summary"]) for e in events] == ["B2B: Armatec Vehicles GmbH"]
    assert events[0].decoded("dtstart") == meeting.slot_start
    assert events[0].decoded("dtend") - events[0].decoded("dtstart") == dt.timedelta(minutes=30)
    with pytest.raises(NotAllowed):
        visitor_agenda(registration, actor=other_exhibitor_user)


@pytest.mark.django_db
def test_agenda_seam_lists_scheduled_meetings_for_program(
    market, edition, visitor, exhibitor_user, organizer
):
    from salon.matchmaking.domain.agenda import meetings_for

    exhibitors, registration = market
    meeting = meetings.accept(
        meetings.request_meeting(
            exhibitor=exhibitors["Cyberpreuve SAS"], visitors=[registration], actor=visitor
        ),
        actor=exhibitor_user,
    )
    assert meetings_for(visitor, edition) == []
    run_scheduler(edition, actor=organizer, time_limit=5)
    meeting.refresh_from_db()
    items = meetings_for(visitor, edition)
    assert [(i.key, i.title, i.starts_at) for i in items] == [
        (str(meeting.pk), "B2B: Cyberpreuve SAS", meeting.slot_start)
    ]
    assert [i.key for i in meetings_for(exhibitor_user, edition)] == [str(meeting.pk)]


@pytest.mark.django_db
def test_group_meeting_seam_keeps_only_accredited_members(market, edition, vetting_officer, officer):
    from salon.matchmaking.domain.group_meetings import request_group_meeting

    exhibitors, registration = market
    _, pending = accredited_visitor(edition, vetting_officer, "paul", "BE7766554")
    refuse(pending, actor=vetting_officer, reason="Not a professional visitor")
    pending.refresh_from_db()
    meeting = request_group_meeting(
        edition=edition,
        exhibitor=exhibitors["Armatec Vehicles GmbH"],
        registrations=[registration, pending],
        requested_by=officer,
        preferred_start=None,
        message="Delegation visit",
    )
    assert list(meeting.visitors.values_list("pk", flat=True)) == [registration.pk]
    assert (meeting.status, meeting.priority) == ("pending", 3)
