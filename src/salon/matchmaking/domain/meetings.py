"""Meeting requests: request, accept, decline, cancel, confirm. One transactional function each."""

from __future__ import annotations

from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from salon.accounts.domain.roles import Role, has_role
from salon.accreditation.models import Registration, RegistrationStatus
from salon.audit.domain.chain import record
from salon.errors import DomainError, NotAllowed
from salon.exhibitors.models import Application, ApplicationStatus
from salon.matchmaking.domain.profiles import can_act_for_exhibitor, can_act_for_visitor
from salon.matchmaking.models import MeetingRequest, RequestStatus

MAX_GROUP = 12


class MeetingError(DomainError):
    pass


def _emails_of_exhibitor(application: Application) -> list[str]:
    return [e for e in application.company.members.values_list("email", flat=True) if e]


def _emails_of_visitors(meeting: MeetingRequest) -> list[str]:
    return [
        r.email or (r.registrant.email if r.registrant else "")
        for r in meeting.visitors.all()
        if r.email or r.registrant
    ]


def notify(meeting: MeetingRequest, subject: str, to_exhibitor: bool, to_visitors: bool) -> None:
    recipients = (_emails_of_exhibitor(meeting.exhibitor) if to_exhibitor else []) + (
        _emails_of_visitors(meeting) if to_visitors else []
    )
    recipients = sorted({r for r in recipients if r})
    if not recipients:
        return
    body = (
        f"{subject}\n\n{meeting.exhibitor.company.legal_name} — "
        f"{', '.join(v.full_name for v in meeting.visitors.all())}\n"
        f"{meeting.slot_start.isoformat() if meeting.slot_start else ''}\n"
    )
    transaction.on_commit(
        lambda: send_mail(f"[{meeting.edition.name}] {subject}", body, None, recipients, fail_silently=True)
    )


def _may_act_for_visitors(user, visitors: list[Registration]) -> bool:
    return has_role(user, Role.ORGANIZER) or all(can_act_for_visitor(user, v) for v in visitors)


@transaction.atomic
def request_meeting(
    *,
    exhibitor: Application,
    visitors: list[Registration],
    actor,
    from_exhibitor: bool = False,
    message: str = "",
    priority: int = 1,
    vouched_by_caller: bool = False,
) -> MeetingRequest:
    """`vouched_by_caller`: the calling domain (a delegation's host officer) already checked the actor's
    right to act for these visitors."""
    edition = exhibitor.edition
    visitors = list(dict.fromkeys(visitors))
    if not visitors:
        raise MeetingError("no_visitor", "A meeting needs at least one visitor.", field="visitors")
    if len(visitors) > MAX_GROUP:
        raise MeetingError(
            "group_too_large", f"A group meeting has at most {MAX_GROUP} visitors.", field="visitors"
        )
    if exhibitor.status != ApplicationStatus.ADMITTED:
        raise MeetingError(
            "exhibitor_not_admitted", f"{exhibitor.company} is not an admitted exhibitor.", field="exhibitor"
        )
    for visitor in visitors:
        if visitor.edition_id != edition.pk:
            raise MeetingError(
                "other_edition",
                f"{visitor.full_name} is registered for another edition than {exhibitor.company}'s.",
                field="visitors",
            )
        if visitor.status != RegistrationStatus.ACCREDITED:
            raise MeetingError(
                "visitor_not_accredited",
                f"{visitor.full_name or 'This visitor'} is not accredited.",
                field="visitors",
            )
        if visitor.registrant_id and exhibitor.company.members.filter(pk=visitor.registrant_id).exists():
            raise MeetingError(
                "self_meeting", "A company cannot request a meeting with its own people.", field="visitors"
            )
    allowed = vouched_by_caller or (
        can_act_for_exhibitor(actor, exhibitor) if from_exhibitor else _may_act_for_visitors(actor, visitors)
    )
    if not allowed:
        raise NotAllowed("You may only request meetings for yourself or your own company.")
    if not 1 <= priority <= 10:
        raise MeetingError("invalid_priority", "Priority is between 1 and 10.", field="priority")
    open_requests = MeetingRequest.objects.filter(
        exhibitor=exhibitor, status__in=[RequestStatus.PENDING, RequestStatus.ACCEPTED]
    )
    for visitor in visitors:
        if open_requests.filter(visitors=visitor).exists():
            raise MeetingError(
                "duplicate_request",
                f"{visitor.full_name} already has an open request with {exhibitor.company}.",
                status=409,
            )
    meeting = MeetingRequest.objects.create(
        edition=edition,
        exhibitor=exhibitor,
        requested_by=actor,
        from_exhibitor=from_exhibitor,
        message=message.strip()[:2000],
        priority=priority,
    )
    meeting.visitors.set(visitors)
    record(
        actor=actor,
        action="meeting.requested",
        target=meeting,
        edition_id=edition.pk,
        payload={
            "exhibitor": exhibitor.pk,
            "visitors": [v.pk for v in visitors],
            "from_exhibitor": from_exhibitor,
        },
    )
    notify(meeting, "Meeting request", to_exhibitor=not from_exhibitor, to_visitors=from_exhibitor)
    return meeting


def _locked(meeting: MeetingRequest) -> MeetingRequest:
    return (
        MeetingRequest.objects.select_for_update(of=("self",))
        .select_related("exhibitor__company", "edition")
        .get(pk=meeting.pk)
    )


def _may_answer(user, meeting: MeetingRequest) -> bool:
    """The party who received the request answers it."""
    if meeting.from_exhibitor:
        return _may_act_for_visitors(user, list(meeting.visitors.all()))
    return can_act_for_exhibitor(user, meeting.exhibitor)


def _may_act_on(user, meeting: MeetingRequest) -> bool:
    return can_act_for_exhibitor(user, meeting.exhibitor) or _may_act_for_visitors(
        user, list(meeting.visitors.all())
    )


def _answer(meeting: MeetingRequest, *, actor, status: str) -> MeetingRequest:
    meeting = _locked(meeting)
    if not _may_answer(actor, meeting):
        raise NotAllowed("Only the party who received the request answers it.")
    if meeting.status != RequestStatus.PENDING:
        raise MeetingError("not_pending", "This request was already answered.", status=409)
    meeting.status = status
    meeting.decided_at = timezone.now()
    meeting.save(update_fields=["status", "decided_at"])
    record(actor=actor, action=f"meeting.{status}", target=meeting, edition_id=meeting.edition_id)
    notify(
        meeting,
        f"Meeting request {status}",
        to_exhibitor=meeting.from_exhibitor,
        to_visitors=not meeting.from_exhibitor,
    )
    return meeting


@transaction.atomic
def accept(meeting: MeetingRequest, *, actor) -> MeetingRequest:
    return _answer(meeting, actor=actor, status=RequestStatus.ACCEPTED)


@transaction.atomic
def decline(meeting: MeetingRequest, *, actor) -> MeetingRequest:
    return _answer(meeting, actor=actor, status=RequestStatus.DECLINED)


@transaction.atomic
def cancel(meeting: MeetingRequest, *, actor) -> MeetingRequest:
    meeting = _locked(meeting)
    if not _may_act_on(actor, meeting):
        raise NotAllowed("Only the meeting's parties cancel it.")
    if meeting.status not in (RequestStatus.PENDING, RequestStatus.ACCEPTED):
        raise MeetingError("not_open", "This request is already closed.", status=409)
    meeting.status = RequestStatus.CANCELLED
    meeting.slot_start = None
    meeting.save(update_fields=["status", "slot_start"])
    record(actor=actor, action="meeting.cancelled", target=meeting, edition_id=meeting.edition_id)
    notify(meeting, "Meeting cancelled", to_exhibitor=True, to_visitors=True)
    return meeting


@transaction.atomic
def confirm(meeting: MeetingRequest, *, actor) -> MeetingRequest:
    """A party confirms the scheduled time; once both did, re-scheduling keeps the meeting where it is."""
    meeting = _locked(meeting)
    if meeting.status != RequestStatus.ACCEPTED or meeting.slot_start is None:
        raise MeetingError("not_scheduled", "Only a scheduled meeting can be confirmed.", status=409)
    exhibitor_side = can_act_for_exhibitor(actor, meeting.exhibitor)
    visitor_side = _may_act_for_visitors(actor, list(meeting.visitors.all()))
    if not (exhibitor_side or visitor_side):
        raise NotAllowed("Only the meeting's parties confirm it.")
    meeting.exhibitor_confirmed = meeting.exhibitor_confirmed or exhibitor_side
    meeting.visitors_confirmed = meeting.visitors_confirmed or visitor_side
    meeting.save(update_fields=["exhibitor_confirmed", "visitors_confirmed"])
    record(
        actor=actor,
        action="meeting.confirmed",
        target=meeting,
        edition_id=meeting.edition_id,
        payload={"slot": meeting.slot_start.isoformat(), "both": meeting.confirmed},
    )
    return meeting
