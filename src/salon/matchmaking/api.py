from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Router
from ninja.responses import Status

from salon.accreditation.models import Registration
from salon.editions.api import get_edition
from salon.exhibitors.models import Application
from salon.matchmaking.domain import meetings as meeting_ops
from salon.matchmaking.domain.profiles import update_need, update_offer
from salon.matchmaking.domain.recommendations import recommend_exhibitors, recommend_visitors
from salon.matchmaking.domain.scheduling import agenda_ical, exhibitor_agenda, run_scheduler, visitor_agenda
from salon.matchmaking.interfaces.schemas import (
    AgendaItemOut,
    MeetingIn,
    MeetingOut,
    NeedIn,
    NeedOut,
    OfferIn,
    OfferOut,
    RecommendationOut,
    ScheduleRunOut,
)
from salon.matchmaking.models import MeetingRequest

router = Router(tags=["matchmaking"])


def _registration(registration_id: int) -> Registration:
    return get_object_or_404(Registration.objects.select_related("edition"), pk=registration_id)


def _exhibitor(exhibitor_id: int) -> Application:
    return get_object_or_404(Application.objects.select_related("edition", "company"), pk=exhibitor_id)


@router.put("/registrations/{registration_id}/needs", response=NeedOut)
def put_needs(request, registration_id: int, body: NeedIn):
    return update_need(_registration(registration_id), actor=request.auth, **body.dict(exclude_unset=True))


@router.put("/exhibitors/{exhibitor_id}/offer", response=OfferOut)
def put_offer(request, exhibitor_id: int, body: OfferIn):
    return update_offer(_exhibitor(exhibitor_id), actor=request.auth, **body.dict(exclude_unset=True))


@router.get("/registrations/{registration_id}/recommendations", response=list[RecommendationOut])
def visitor_recommendations(request, registration_id: int, k: int = 10):
    return recommend_exhibitors(_registration(registration_id), actor=request.auth, k=max(1, min(k, 50)))


@router.get("/exhibitors/{exhibitor_id}/recommendations", response=list[RecommendationOut])
def exhibitor_recommendations(request, exhibitor_id: int, k: int = 10):
    return recommend_visitors(_exhibitor(exhibitor_id), actor=request.auth, k=max(1, min(k, 50)))


@router.post("/meetings", response={201: MeetingOut})
def new_meeting(request, body: MeetingIn):
    visitors = list(Registration.objects.filter(pk__in=body.visitor_ids).select_related("edition"))
    missing = sorted(set(body.visitor_ids) - {v.pk for v in visitors})
    if missing:
        raise meeting_ops.MeetingError(
            "unknown_visitor", f"Unknown visitors: {missing}.", status=404, field="visitor_ids"
        )
    meeting = meeting_ops.request_meeting(
        exhibitor=_exhibitor(body.exhibitor_id),
        visitors=visitors,
        actor=request.auth,
        from_exhibitor=body.from_exhibitor,
        message=body.message,
        priority=body.priority,
    )
    return Status(201, meeting)


def _meeting(meeting_id: int) -> MeetingRequest:
    return get_object_or_404(
        MeetingRequest.objects.select_related("edition", "exhibitor__company"), pk=meeting_id
    )


@router.post("/meetings/{meeting_id}/accept", response=MeetingOut)
def accept(request, meeting_id: int):
    return meeting_ops.accept(_meeting(meeting_id), actor=request.auth)


@router.post("/meetings/{meeting_id}/decline", response=MeetingOut)
def decline(request, meeting_id: int):
    return meeting_ops.decline(_meeting(meeting_id), actor=request.auth)


@router.post("/meetings/{meeting_id}/cancel", response=MeetingOut)
def cancel(request, meeting_id: int):
    return meeting_ops.cancel(_meeting(meeting_id), actor=request.auth)


@router.post("/meetings/{meeting_id}/confirm", response=MeetingOut)
def confirm(request, meeting_id: int):
    return meeting_ops.confirm(_meeting(meeting_id), actor=request.auth)


@router.post("/editions/{ref}/schedule", response=ScheduleRunOut)
def schedule(request, ref: str, time_limit: float = 20.0):
    return run_scheduler(get_edition(ref), actor=request.auth, time_limit=max(1.0, min(time_limit, 120.0)))


@router.get("/registrations/{registration_id}/agenda", response=list[AgendaItemOut])
def registration_agenda(request, registration_id: int):
    return visitor_agenda(_registration(registration_id), actor=request.auth)


@router.get("/registrations/{registration_id}/agenda.ics")
def registration_agenda_ics(request, registration_id: int):
    registration = _registration(registration_id)
    items = visitor_agenda(registration, actor=request.auth)
    return HttpResponse(
        agenda_ical(items, calendar_name=f"{registration.edition.name} — B2B"),
        content_type="text/calendar; charset=utf-8",
    )


@router.get("/exhibitors/{exhibitor_id}/agenda", response=list[AgendaItemOut])
def exhibitor_agenda_view(request, exhibitor_id: int):
    return exhibitor_agenda(_exhibitor(exhibitor_id), actor=request.auth)


@router.get("/exhibitors/{exhibitor_id}/agenda.ics")
def exhibitor_agenda_ics(request, exhibitor_id: int):
    application = _exhibitor(exhibitor_id)
    items = exhibitor_agenda(application, actor=request.auth)
    return HttpResponse(
        agenda_ical(items, calendar_name=f"{application.company.legal_name} — B2B"),
        content_type="text/calendar; charset=utf-8",
    )
