"""Placing accepted meetings into slots with the scheduling engine, and each person's agenda.

Meetings confirmed to both parties are passed to the engine as fixed: a re-run never moves them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import icalendar
from django.db import transaction
from django.utils import timezone

from salon.accounts.domain.roles import Role, require_role
from salon.accreditation.models import Registration
from salon.audit.domain.chain import record
from salon.editions.models import Edition
from salon.errors import NotAllowed
from salon.exhibitors.models import Application
from salon.matchmaking.domain.meetings import notify
from salon.matchmaking.domain.profiles import can_act_for_exhibitor, can_act_for_visitor
from salon.matchmaking.domain.slots import Slot, edition_slots, slot_length
from salon.matchmaking.models import ExhibitorOffer, MeetingRequest, RequestStatus, ScheduleRun, VisitorNeed
from salon.matchmaking.scheduling import Instance, Meeting, Party, Request, solve


def _available(slots: list[Slot], profile) -> tuple[str, ...]:
    days = set(profile.available_days or []) if profile else set()
    blocked = set(profile.blocked_slots or []) if profile else set()
    return tuple(s.id for s in slots if (not days or s.day.isoformat() in days) and s.id not in blocked)


def build_instance(edition: Edition) -> tuple[Instance, dict[int, MeetingRequest], dict[str, Slot]]:
    slots = edition_slots(edition)
    by_id = {s.id: s for s in slots}
    by_start = {s.start: s for s in slots}
    meetings = {
        m.pk: m
        for m in MeetingRequest.objects.filter(
            edition=edition, status=RequestStatus.ACCEPTED
        ).prefetch_related("visitors")
    }
    exhibitor_ids = {m.exhibitor_id for m in meetings.values()}
    visitor_ids = {v.pk for m in meetings.values() for v in m.visitors.all()}
    offers = {o.application_id: o for o in ExhibitorOffer.objects.filter(application_id__in=exhibitor_ids)}
    needs = {n.registration_id: n for n in VisitorNeed.objects.filter(registration_id__in=visitor_ids)}
    parties = [
        Party(f"e{pk}", _available(slots, offers.get(pk)), offers[pk].tables if pk in offers else 1)
        for pk in sorted(exhibitor_ids)
    ]
    parties += [Party(f"v{pk}", _available(slots, needs.get(pk))) for pk in sorted(visitor_ids)]
    requests = [
        Request(
            pk,
            (f"e{m.exhibitor_id}", *[f"v{v.pk}" for v in m.visitors.all()]),
            f"e{m.exhibitor_id}",
            m.priority,
        )
        for pk, m in sorted(meetings.items())
    ]
    fixed = tuple(
        Meeting(pk, by_start[m.slot_start].id)
        for pk, m in sorted(meetings.items())
        if m.confirmed and m.slot_start in by_start
    )
    return Instance(tuple(by_id), tuple(parties), tuple(requests), fixed), meetings, by_id


@transaction.atomic
def run_scheduler(edition: Edition, *, actor, time_limit: float = 20.0) -> ScheduleRun:
    require_role(actor, Role.ORGANIZER, message="Only organizers run the meeting scheduler.")
    instance, meetings, slots = build_instance(edition)
    started = timezone.now()
    schedule = solve(instance, time_limit=time_limit) if instance.requests else None
    placed = {m.request: slots[m.slot].start for m in schedule.meetings} if schedule else {}
    moved = 0
    for pk, meeting in meetings.items():
        new_start = placed.get(pk)
        if meeting.slot_start != new_start:
            if meeting.slot_start is not None:
                moved += 1
            meeting.slot_start = new_start
            meeting.exhibitor_confirmed = meeting.visitors_confirmed = False
            meeting.save(update_fields=["slot_start", "exhibitor_confirmed", "visitors_confirmed"])
            notify(
                meeting,
                "Meeting scheduled" if new_start else "Meeting could not be scheduled",
                to_exhibitor=True,
                to_visitors=True,
            )
    run = ScheduleRun.objects.create(
        edition=edition,
        requests=len(instance.requests),
        placed=len(placed),
        placed_priority=schedule.placed_priority if schedule else 0,
        upper_bound=schedule.upper_bound if schedule else 0,
        status=schedule.status if schedule else "optimal",
        solve_seconds=schedule.solve_seconds if schedule else 0.0,
        moved=moved,
    )
    record(
        actor=actor,
        action="meetings.scheduled",
        target=run,
        edition_id=edition.pk,
        payload={
            "requests": run.requests,
            "placed": run.placed,
            "upper_bound": run.upper_bound,
            "status": run.status,
            "kept_confirmed": len(instance.fixed),
            "moved": moved,
            "started": started.isoformat(),
        },
    )
    return run


@dataclass(frozen=True)
class AgendaItem:
    meeting_id: int
    start: dt.datetime
    end: dt.datetime
    title: str
    with_whom: str
    confirmed: bool


def visitor_agenda(registration: Registration, *, actor) -> list[AgendaItem]:
    if not can_act_for_visitor(actor, registration):
        raise NotAllowed("You may only see your own agenda.")
    length = slot_length(registration.edition)
    meetings = registration.meeting_requests.filter(
        status=RequestStatus.ACCEPTED, slot_start__isnull=False
    ).select_related("exhibitor__company", "exhibitor__stand__hall")
    return [
        AgendaItem(
            m.pk,
            m.slot_start,
            m.slot_start + length,
            f"B2B: {m.exhibitor.company.legal_name}",
            f"{m.exhibitor.company.legal_name}"
            + (f" — stand {m.exhibitor.stand}" if m.exhibitor.stand else ""),
            m.confirmed,
        )
        for m in meetings
    ]


def exhibitor_agenda(application: Application, *, actor) -> list[AgendaItem]:
    if not can_act_for_exhibitor(actor, application):
        raise NotAllowed("You may only see your own company's agenda.")
    length = slot_length(application.edition)
    meetings = application.meeting_requests.filter(
        status=RequestStatus.ACCEPTED, slot_start__isnull=False
    ).prefetch_related("visitors")
    return [
        AgendaItem(
            m.pk,
            m.slot_start,
            m.slot_start + length,
            "B2B: " + ", ".join(v.full_name for v in m.visitors.all()),
            ", ".join(f"{v.full_name} ({v.organization})" for v in m.visitors.all()),
            m.confirmed,
        )
        for m in meetings
    ]


def agenda_ical(items: list[AgendaItem], *, calendar_name: str) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Salon//B2B meetings//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", calendar_name)
    for item in items:
        event = icalendar.Event()
        event.add("uid", f"meeting-{item.meeting_id}@salon")
        event.add("summary", item.title)
        event.add("dtstart", item.start)
        event.add("dtend", item.end)
        event.add("description", item.with_whom)
        event.add("status", "CONFIRMED" if item.confirmed else "TENTATIVE")
        calendar.add_component(event)
    return calendar.to_ical()
