from __future__ import annotations

import datetime as dt

from django.db.models import Count
from django.shortcuts import get_object_or_404
from ninja import File, Form, Router
from ninja.files import UploadedFile
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.responses import Status

from salon.accounts.domain.roles import Role, has_role, require_role
from salon.accreditation.domain import vetting
from salon.accreditation.domain.registrations import RegistrationData, import_registrations, register
from salon.accreditation.interfaces.people_files import parse_people_file
from salon.accreditation.interfaces.schemas import (
    DecisionIn,
    ImportOut,
    RegistrationIn,
    RegistrationOut,
    VettingOut,
    WatchListOut,
)
from salon.accreditation.models import Registration, RegistrationStatus, WatchList
from salon.editions.api import get_edition
from salon.errors import NotAllowed

router = Router(tags=["accreditation"])
STAFF = (Role.VETTING_OFFICER, Role.ORGANIZER)


def _registration_for(user, registration_id: int) -> Registration:
    registration = get_object_or_404(Registration.objects.select_related("edition"), pk=registration_id)
    if has_role(user, *STAFF) or (
        registration.registrant_id is not None and registration.registrant_id == user.pk
    ):
        return registration
    raise NotAllowed("You may only read your own registration.")


@router.post("/editions/{ref}/registrations", response={201: RegistrationOut})
def new_registration(request, ref: str, body: RegistrationIn):
    data = RegistrationData(**body.dict())
    return Status(201, register(get_edition(ref), data, actor=request.auth))


@router.get("/registrations/mine", response=list[RegistrationOut])
def my_registrations(request):
    return Registration.objects.filter(registrant=request.auth).select_related("edition")


@router.get("/registrations/{registration_id}", response=RegistrationOut)
def registration_detail(request, registration_id: int):
    return _registration_for(request.auth, registration_id)


@router.get("/registrations/{registration_id}/vetting", response=VettingOut)
def registration_vetting(request, registration_id: int):
    require_role(request.auth, Role.VETTING_OFFICER, message="Only vetting officers see screening hits.")
    return _registration_for(request.auth, registration_id)


@router.get("/editions/{ref}/vetting-queue", response=list[VettingOut])
@paginate(LimitOffsetPagination)
def vetting_queue(request, ref: str, with_hits: bool | None = None):
    """Registrations awaiting a decision, those with the strongest hits first."""
    require_role(request.auth, Role.VETTING_OFFICER, message="Only vetting officers see the vetting queue.")
    queue = Registration.objects.filter(
        edition=get_edition(ref), status=RegistrationStatus.NEEDS_REVIEW, purged_at__isnull=True
    ).select_related("edition")
    queue = queue.annotate(hit_count=Count("hits")).prefetch_related("hits")
    if with_hits is not None:
        queue = queue.filter(hit_count__gt=0) if with_hits else queue.filter(hit_count=0)
    return queue.order_by("-hit_count", "created_at", "pk")


@router.post("/registrations/{registration_id}/accredit", response=RegistrationOut)
def accredit(request, registration_id: int, body: DecisionIn):
    return vetting.accredit(
        _registration_for(request.auth, registration_id), actor=request.auth, reason=body.reason
    )


@router.post("/registrations/{registration_id}/refuse", response=RegistrationOut)
def refuse(request, registration_id: int, body: DecisionIn):
    return vetting.refuse(
        _registration_for(request.auth, registration_id), actor=request.auth, reason=body.reason
    )


@router.post("/editions/{ref}/registrations/import", response={201: ImportOut})
def import_group(request, ref: str, file: File[UploadedFile]):
    require_role(request.auth, *STAFF, message="Only organizers and vetting officers import registrations.")
    rows = parse_people_file(file.name or "upload.csv", file.read())
    batch = import_registrations(
        get_edition(ref), rows, file_name=file.name or "upload.csv", actor=request.auth
    )
    statuses = list(batch.registrations.values_list("status", flat=True))
    return Status(
        201,
        {
            "batch_id": batch.pk,
            "people": len(statuses),
            "accredited": statuses.count(RegistrationStatus.ACCREDITED),
            "needs_review": statuses.count(RegistrationStatus.NEEDS_REVIEW),
        },
    )


@router.get("/editions/{ref}/watch-lists", response=list[WatchListOut])
def watch_lists(request, ref: str):
    require_role(request.auth, *STAFF, message="Only organizers and vetting officers see watch lists.")
    return WatchList.objects.filter(edition=get_edition(ref))


@router.post("/editions/{ref}/watch-lists", response={201: WatchListOut})
def upload_watch_list(
    request, ref: str, file: File[UploadedFile], name: Form[str], source: Form[str], list_date: Form[dt.date]
):
    require_role(request.auth, *STAFF, message="Only organizers and vetting officers load watch lists.")
    watch_list = vetting.load_watch_list(
        get_edition(ref), name=name, source=source, list_date=list_date, data=file.read(), actor=request.auth
    )
    return Status(201, watch_list)
