"""Official delegations: members vetted like any visitor, a host officer, a visit program, protocol.

Every write checks the caller's right itself, validates before writing, and runs in one transaction
with its audit entry: a refused change saves nothing.
"""

from __future__ import annotations

import datetime as dt
import importlib
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django_countries import countries

from salon.accounts.domain.roles import Role, has_role, require_role
from salon.accreditation.domain.registrations import RegistrationData, register
from salon.accreditation.models import Registration, RegistrationStatus
from salon.audit.domain.chain import record
from salon.delegations.models import (
    Delegation,
    DelegationMember,
    GuestPavilion,
    MemberRole,
    VisitItem,
    VisitKind,
)
from salon.editions.models import Edition, Hall
from salon.errors import DomainError, NotAllowed, NotFound
from salon.exhibitors.models import Application, ApplicationStatus
from salon.program.domain.sessions import edition_tz

ORGANIZERS_ONLY = "Only organizers manage official delegations."
GROUP_MEETING_MODULE = "salon.matchmaking.domain.group_meetings"
GROUP_MEETING_FUNCTION = "request_group_meeting"


class DelegationError(DomainError):
    pass


# ---------------------------------------------------------------- who may see and edit


def visible_delegations(user, edition: Edition) -> QuerySet[Delegation]:
    """Organizers see every delegation; a host officer sees the ones they look after."""
    delegations = Delegation.objects.filter(edition=edition)
    if has_role(user, Role.ORGANIZER):
        return delegations
    if user is None or not getattr(user, "is_authenticated", False):
        return delegations.none()
    return delegations.filter(host_officer=user)


def delegation_for(user, delegation_id: int) -> Delegation:
    delegation = Delegation.objects.select_related("edition", "host_officer").filter(pk=delegation_id).first()
    if delegation is None:
        raise NotFound("No such delegation.")
    if not (has_role(user, Role.ORGANIZER) or (user is not None and delegation.host_officer_id == user.pk)):
        raise NotAllowed("Only organizers and the delegation's host officer see a delegation.")
    return delegation


# ---------------------------------------------------------------- the delegation itself


@dataclass
class DelegationData:
    country: str
    name: str = ""
    host_officer_id: int | None = None
    arrival_at: dt.datetime | None = None
    departure_at: dt.datetime | None = None
    protocol_notes: str = ""


def _clean(edition: Edition, data: DelegationData) -> dict:
    code = str(data.country or "").strip().upper()
    if code not in dict(countries):
        raise DelegationError(
            "unknown_country", f"Unknown country code {data.country!r} (ISO 3166, e.g. SN).", field="country"
        )
    host = None
    if data.host_officer_id:
        host = get_user_model().objects.filter(pk=data.host_officer_id, is_active=True).first()
        if host is None:
            raise DelegationError(
                "unknown_host_officer", "No such user for host officer.", field="host_officer_id"
            )
    if data.arrival_at and data.departure_at and data.departure_at <= data.arrival_at:
        raise DelegationError(
            "departs_before_arrival", "The delegation departs before it arrives.", field="departure_at"
        )
    name = " ".join(str(data.name or "").split()) or f"Delegation of {dict(countries)[code]}"
    if len(name) > 200:
        raise DelegationError("too_long", "A delegation name has at most 200 characters.", field="name")
    return dict(
        country=code,
        name=name,
        host_officer=host,
        arrival_at=data.arrival_at,
        departure_at=data.departure_at,
        protocol_notes=str(data.protocol_notes or "").strip(),
    )


@transaction.atomic
def create_delegation(edition: Edition, data: DelegationData, *, actor) -> Delegation:
    require_role(actor, Role.ORGANIZER, message=ORGANIZERS_ONLY)
    values = _clean(edition, data)
    if Delegation.objects.filter(edition=edition, country=values["country"]).exists():
        raise DelegationError(
            "duplicate_delegation",
            f"{values['country']} already has a delegation at this edition.",
            status=409,
            field="country",
        )
    delegation = Delegation.objects.create(edition=edition, **values)
    record(
        actor=actor,
        action="delegation.created",
        target=delegation,
        edition_id=edition.pk,
        payload={"country": values["country"], "host_officer": getattr(values["host_officer"], "pk", None)},
    )
    return delegation


@transaction.atomic
def update_delegation(delegation: Delegation, data: DelegationData, *, actor) -> Delegation:
    """Organizers change everything; the host officer only the schedule and protocol notes."""
    delegation = delegation_for(actor, delegation.pk)
    values = _clean(delegation.edition, data)
    if not has_role(actor, Role.ORGANIZER) and (
        values["country"] != delegation.country.code or values["host_officer"] != delegation.host_officer
    ):
        raise NotAllowed("Only organizers change a delegation's country or host officer.")
    if (
        values["country"] != delegation.country.code
        and Delegation.objects.filter(edition=delegation.edition, country=values["country"]).exists()
    ):
        raise DelegationError(
            "duplicate_delegation", "That country already has a delegation.", status=409, field="country"
        )
    for name, value in values.items():
        setattr(delegation, name, value)
    delegation.save()
    record(
        actor=actor,
        action="delegation.updated",
        target=delegation,
        edition_id=delegation.edition_id,
        payload={"country": values["country"]},
    )
    return delegation


# ---------------------------------------------------------------- members


@transaction.atomic
def add_member(
    delegation: Delegation,
    *,
    registration: Registration | None = None,
    person: RegistrationData | None = None,
    role: str = MemberRole.OFFICIAL,
    title: str = "",
    languages: str = "",
    actor,
) -> DelegationMember:
    """Link an existing registration, or register the person now (they go through vetting like anyone)."""
    require_role(actor, Role.ORGANIZER, message=ORGANIZERS_ONLY)
    if role not in MemberRole.values:
        raise DelegationError(
            "invalid_role", f"{role!r} is not one of {', '.join(MemberRole.values)}.", field="role"
        )
    if (registration is None) == (person is None):
        raise DelegationError("registration_or_person", "Give either a registration or the person's details.")
    if role == MemberRole.HEAD and delegation.members.filter(role=MemberRole.HEAD).exists():
        raise DelegationError("head_exists", "This delegation already has a head.", status=409, field="role")
    if registration is not None:
        if registration.edition_id != delegation.edition_id:
            raise DelegationError(
                "other_edition", "This registration is for another edition.", field="registration_id"
            )
        if DelegationMember.objects.filter(registration=registration).exists():
            raise DelegationError(
                "already_member",
                "This person is already in a delegation.",
                status=409,
                field="registration_id",
            )
        if registration.status == RegistrationStatus.REFUSED:
            raise DelegationError(
                "member_refused",
                f"{registration.full_name} was refused at vetting and cannot join a delegation.",
                status=409,
                field="registration_id",
            )
    else:
        registration = register(delegation.edition, person, actor=actor)
    member = DelegationMember.objects.create(
        delegation=delegation,
        registration=registration,
        role=role,
        title=" ".join(str(title or "").split())[:200],
        languages=str(languages or "").replace(" ", "")[:100],
    )
    record(
        actor=actor,
        action="delegation.member_added",
        target=member,
        edition_id=delegation.edition_id,
        payload={"delegation": delegation.pk, "registration": registration.pk, "role": role},
    )
    return member


@transaction.atomic
def confirm_member(member: DelegationMember, *, actor) -> DelegationMember:
    """Protocol confirms a member only once vetting accredited them; a refusal is said plainly."""
    require_role(actor, Role.ORGANIZER, message=ORGANIZERS_ONLY)
    member = (
        DelegationMember.objects.select_for_update(of=("self",))
        .select_related("registration", "delegation")
        .get(pk=member.pk)
    )
    registration = member.registration
    if registration.status == RegistrationStatus.REFUSED:
        raise DelegationError(
            "member_refused",
            f"{registration.full_name} was refused at vetting: they cannot be confirmed in the delegation "
            f"(reason given to them: {registration.decision_reason or 'none recorded'}).",
            status=409,
        )
    if registration.status != RegistrationStatus.ACCREDITED:
        raise DelegationError(
            "member_not_accredited", f"{registration.full_name} is still being vetted.", status=409
        )
    member.confirmed_at = timezone.now()
    member.confirmed_by = actor
    member.save(update_fields=["confirmed_at", "confirmed_by"])
    record(
        actor=actor,
        action="delegation.member_confirmed",
        target=member,
        edition_id=member.delegation.edition_id,
        payload={"delegation": member.delegation_id, "registration": registration.pk},
    )
    return member


@transaction.atomic
def remove_member(member: DelegationMember, *, actor) -> None:
    require_role(actor, Role.ORGANIZER, message=ORGANIZERS_ONLY)
    record(
        actor=actor,
        action="delegation.member_removed",
        target=member,
        edition_id=member.delegation.edition_id,
        payload={"delegation": member.delegation_id, "registration": member.registration_id},
    )
    member.delete()


# ---------------------------------------------------------------- visit program


@dataclass
class VisitData:
    kind: str
    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    exhibitor_id: int | None = None
    location: str = ""
    notes: str = ""


def group_meeting_scheduler():
    """The B2B scheduler's entry point for group meetings, when the matchmaking app provides one."""
    try:
        module = importlib.import_module(GROUP_MEETING_MODULE)
    except ModuleNotFoundError as exc:
        if exc.name and GROUP_MEETING_MODULE.startswith(exc.name):
            return None
        raise
    return getattr(module, GROUP_MEETING_FUNCTION, None)


@transaction.atomic
def add_visit(delegation: Delegation, data: VisitData, *, actor) -> VisitItem:
    delegation = delegation_for(actor, delegation.pk)
    edition = delegation.edition
    if data.kind not in VisitKind.values:
        raise DelegationError(
            "invalid_kind", f"{data.kind!r} is not one of {', '.join(VisitKind.values)}.", field="kind"
        )
    title = " ".join(str(data.title or "").split())
    if not title or len(title) > 200:
        raise DelegationError(
            "invalid_title", "A visit needs a title (200 characters at most).", field="title"
        )
    if data.ends_at <= data.starts_at:
        raise DelegationError("ends_before_start", "The visit ends before it starts.", field="ends_at")
    days = {
        edition.start_date + dt.timedelta(days=d)
        for d in range((edition.end_date - edition.start_date).days + 1)
    }
    if data.starts_at.astimezone(edition_tz(edition)).date() not in days:
        raise DelegationError(
            "outside_edition_days", "The visit is not on a day of the edition.", field="starts_at"
        )
    exhibitor = None
    if data.exhibitor_id:
        exhibitor = (
            Application.objects.select_related("company", "stand__hall")
            .filter(pk=data.exhibitor_id, edition=edition, status=ApplicationStatus.ADMITTED)
            .first()
        )
        if exhibitor is None:
            raise DelegationError(
                "unknown_exhibitor", "Choose an admitted exhibitor of this edition.", field="exhibitor_id"
            )
    elif data.kind in (VisitKind.STAND_VISIT, VisitKind.MEETING):
        raise DelegationError(
            "exhibitor_required", "A stand visit or meeting needs an exhibitor.", field="exhibitor_id"
        )
    location = str(data.location or "").strip() or (
        str(exhibitor.stand) if exhibitor and exhibitor.stand_id else ""
    )
    visit = VisitItem.objects.create(
        delegation=delegation,
        kind=data.kind,
        title=title,
        starts_at=data.starts_at,
        ends_at=data.ends_at,
        exhibitor=exhibitor,
        location=location[:200],
        notes=str(data.notes or "").strip(),
    )
    scheduler = group_meeting_scheduler() if data.kind == VisitKind.MEETING else None
    if scheduler is not None:
        registrations = [m.registration for m in delegation.members.select_related("registration")]
        meeting = scheduler(
            edition=edition,
            exhibitor=exhibitor,
            registrations=registrations,
            requested_by=actor,
            preferred_start=data.starts_at,
            message=title,
        )
        visit.meeting_request_id = getattr(meeting, "pk", None)
        visit.save(update_fields=["meeting_request_id"])
    record(
        actor=actor,
        action="delegation.visit_added",
        target=visit,
        edition_id=edition.pk,
        payload={
            "delegation": delegation.pk,
            "kind": data.kind,
            "exhibitor": getattr(exhibitor, "pk", None),
            "group_meeting": visit.meeting_request_id,
        },
    )
    return visit


@transaction.atomic
def remove_visit(visit: VisitItem, *, actor) -> None:
    delegation_for(actor, visit.delegation_id)
    record(
        actor=actor,
        action="delegation.visit_removed",
        target=visit,
        edition_id=visit.delegation.edition_id,
        payload={"delegation": visit.delegation_id},
    )
    visit.delete()


# ---------------------------------------------------------------- guest of honour


@transaction.atomic
def set_guest_pavilion(
    edition: Edition,
    *,
    country: str,
    name_en: str,
    name_fr: str,
    hall_code: str = "",
    description_en: str = "",
    description_fr: str = "",
    actor,
) -> GuestPavilion:
    require_role(actor, Role.ORGANIZER, message=ORGANIZERS_ONLY)
    code = str(country or "").strip().upper()
    if code not in dict(countries):
        raise DelegationError("unknown_country", f"Unknown country code {country!r}.", field="country")
    hall = None
    if hall_code:
        hall = Hall.objects.filter(edition=edition, code=hall_code).first()
        if hall is None:
            raise DelegationError("unknown_hall", f"No hall {hall_code!r} at this edition.", field="hall")
    if not (name_en or name_fr):
        raise DelegationError("invalid_name", "The pavilion needs a name.", field="name_en")
    pavilion, _ = GuestPavilion.objects.update_or_create(
        edition=edition,
        defaults=dict(
            country=code,
            hall=hall,
            name_en=name_en or name_fr,
            name_fr=name_fr or name_en,
            description_en=description_en,
            description_fr=description_fr,
        ),
    )
    if edition.guest_of_honour_country != code:
        edition.guest_of_honour_country = code
        edition.save(update_fields=["guest_of_honour_country"])
    record(
        actor=actor,
        action="delegation.guest_pavilion_set",
        target=pavilion,
        edition_id=edition.pk,
        payload={"country": code, "hall": hall_code},
    )
    return pavilion
