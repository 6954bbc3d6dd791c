"""REST API of official delegations and the guest-of-honour pavilion."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Router
from ninja.responses import Status

from salon.accounts.domain.roles import Role, require_role
from salon.accreditation.domain.registrations import RegistrationData
from salon.accreditation.models import Registration
from salon.delegations.domain import delegations as domain
from salon.delegations.domain.protocol import MEMBER_COLUMNS, VISIT_COLUMNS, member_rows, visit_rows
from salon.delegations.interfaces.exports import CSV_TYPE, XLSX_TYPE, to_csv, to_xlsx
from salon.delegations.interfaces.schemas import (
    DelegationIn,
    DelegationOut,
    MemberIn,
    MemberOut,
    PavilionIn,
    PavilionOut,
    VisitIn,
    VisitOut,
)
from salon.delegations.models import DelegationMember, GuestPavilion, VisitItem
from salon.editions.api import get_edition
from salon.errors import NotFound
from salon.program.domain.sessions import edition_tz

router = Router(tags=["delegations"])


@router.get("/editions/{ref}/delegations", response=list[DelegationOut])
def list_delegations(request, ref: str):
    """Organizers get every delegation; a host officer the ones they look after."""
    return domain.visible_delegations(request.auth, get_edition(ref)).select_related("edition")


@router.post("/editions/{ref}/delegations", response={201: DelegationOut})
def new_delegation(request, ref: str, body: DelegationIn):
    delegation = domain.create_delegation(
        get_edition(ref), domain.DelegationData(**body.dict()), actor=request.auth
    )
    return Status(201, delegation)


@router.get("/delegations/{delegation_id}", response=DelegationOut)
def delegation_detail(request, delegation_id: int):
    return domain.delegation_for(request.auth, delegation_id)


@router.put("/delegations/{delegation_id}", response=DelegationOut)
def edit_delegation(request, delegation_id: int, body: DelegationIn):
    delegation = domain.delegation_for(request.auth, delegation_id)
    return domain.update_delegation(delegation, domain.DelegationData(**body.dict()), actor=request.auth)


@router.post("/delegations/{delegation_id}/members", response={201: MemberOut})
def new_member(request, delegation_id: int, body: MemberIn):
    require_role(request.auth, Role.ORGANIZER, message=domain.ORGANIZERS_ONLY)
    delegation = domain.delegation_for(request.auth, delegation_id)
    registration = None
    if body.registration_id is not None:
        registration = Registration.objects.filter(pk=body.registration_id).first()
        if registration is None:
            raise NotFound("No such registration.")
    person = RegistrationData(**body.person.dict()) if body.person is not None else None
    member = domain.add_member(
        delegation,
        registration=registration,
        person=person,
        role=body.role,
        title=body.title,
        languages=body.languages,
        actor=request.auth,
    )
    return Status(201, member)


def _member(request, delegation_id: int, member_id: int) -> DelegationMember:
    require_role(request.auth, Role.ORGANIZER, message=domain.ORGANIZERS_ONLY)
    return get_object_or_404(
        DelegationMember.objects.select_related("registration", "delegation"),
        pk=member_id,
        delegation_id=delegation_id,
    )


@router.post("/delegations/{delegation_id}/members/{member_id}/confirm", response=MemberOut)
def confirm_member(request, delegation_id: int, member_id: int):
    """Refused: `member_refused` when vetting refused the person, `member_not_accredited` while pending."""
    member = domain.confirm_member(_member(request, delegation_id, member_id), actor=request.auth)
    member.refresh_from_db()
    return member


@router.delete("/delegations/{delegation_id}/members/{member_id}", response={204: None})
def delete_member(request, delegation_id: int, member_id: int):
    domain.remove_member(_member(request, delegation_id, member_id), actor=request.auth)
    return Status(204, None)


@router.post("/delegations/{delegation_id}/visits", response={201: VisitOut})
def new_visit(request, delegation_id: int, body: VisitIn):
    delegation = domain.delegation_for(request.auth, delegation_id)
    return Status(201, domain.add_visit(delegation, domain.VisitData(**body.dict()), actor=request.auth))


@router.delete("/delegations/{delegation_id}/visits/{visit_id}", response={204: None})
def delete_visit(request, delegation_id: int, visit_id: int):
    domain.delegation_for(request.auth, delegation_id)
    visit = get_object_or_404(
        VisitItem.objects.select_related("delegation"), pk=visit_id, delegation_id=delegation_id
    )
    domain.remove_visit(visit, actor=request.auth)
    return Status(204, None)


def protocol_file(edition, fmt: str) -> HttpResponse:
    tz = edition_tz(edition)
    members, visits = member_rows(edition, tz), visit_rows(edition, tz)
    if fmt == "xlsx":
        body = to_xlsx([("Members", MEMBER_COLUMNS, members), ("Visit program", VISIT_COLUMNS, visits)])
        response = HttpResponse(body, content_type=XLSX_TYPE)
    else:
        response = HttpResponse(to_csv(MEMBER_COLUMNS, members), content_type=CSV_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{edition.slug}-delegations.{fmt}"'
    return response


@router.get("/editions/{ref}/delegations/protocol.csv")
def protocol_csv(request, ref: str):
    """Every delegation member with vetting status, host officer and travel dates, for protocol services."""
    require_role(request.auth, Role.ORGANIZER, message=domain.ORGANIZERS_ONLY)
    return protocol_file(get_edition(ref), "csv")


@router.get("/editions/{ref}/delegations/protocol.xlsx")
def protocol_xlsx(request, ref: str):
    """The members sheet and the visit-program sheet."""
    require_role(request.auth, Role.ORGANIZER, message=domain.ORGANIZERS_ONLY)
    return protocol_file(get_edition(ref), "xlsx")


@router.get("/editions/{ref}/guest-of-honour", response=PavilionOut, auth=None)
def guest_pavilion(request, ref: str):
    return get_object_or_404(GuestPavilion.objects.select_related("hall"), edition=get_edition(ref))


@router.put("/editions/{ref}/guest-of-honour", response=PavilionOut)
def put_guest_pavilion(request, ref: str, body: PavilionIn):
    data = body.dict()
    hall_code = data.pop("hall")
    return domain.set_guest_pavilion(get_edition(ref), hall_code=hall_code, actor=request.auth, **data)
