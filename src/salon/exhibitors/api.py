from __future__ import annotations

from django.db.models import Q
from django.shortcuts import get_object_or_404
from ninja import Router
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.responses import Status

from salon.accounts.domain.roles import Role, require_role
from salon.editions.api import get_edition
from salon.editions.models import Stand
from salon.exhibitors.domain import applications as workflow
from salon.exhibitors.domain.access import require_company_reader, visible_applications, visible_companies
from salon.exhibitors.domain.companies import (
    CompanyProfile,
    add_contact,
    add_product,
    create_company,
    update_company,
)
from salon.exhibitors.interfaces.schemas import (
    ApplicationIn,
    CompanyDetailOut,
    CompanyIn,
    CompanyOut,
    CompanyPatch,
    ContactIn,
    ContactOut,
    DecisionIn,
    ExhibitorOut,
    ProductIn,
    ProductOut,
    StandIn,
)
from salon.exhibitors.models import Application, ApplicationStatus, Company

router = Router(tags=["exhibitors"])


def _exhibitors(user):
    return (
        visible_applications(user)
        .select_related("company", "edition", "stand__hall")
        .prefetch_related("company__categories")
    )


def _visible_exhibitor(user, exhibitor_id: int) -> Application:
    """404 when it does not exist, 403 when it exists but belongs to someone else."""
    application = get_object_or_404(
        Application.objects.select_related("company", "edition", "stand__hall"), pk=exhibitor_id
    )
    require_company_reader(user, application.company)
    return application


@router.get("/editions/{ref}/exhibitors", response=list[ExhibitorOut])
@paginate(LimitOffsetPagination)
def list_exhibitors(
    request,
    ref: str,
    country: str | None = None,
    status: str | None = None,
    category: str | None = None,
    q: str | None = None,
):
    """Organizers and officers see every exhibitor; an exhibitor sees its own applications."""
    exhibitors = _exhibitors(request.auth).filter(edition=get_edition(ref))
    if country:
        exhibitors = exhibitors.filter(company__country=country.upper())
    if status:
        exhibitors = exhibitors.filter(status=status)
    if category:
        exhibitors = exhibitors.filter(company__categories__code=category)
    if q:
        exhibitors = exhibitors.filter(Q(company__legal_name__icontains=q) | Q(company__city__icontains=q))
    return exhibitors.distinct().order_by("company__legal_name", "pk")


@router.post("/editions/{ref}/exhibitors", response={201: ExhibitorOut})
def apply(request, ref: str, body: ApplicationIn):
    company = get_object_or_404(Company, pk=body.company_id)
    application = workflow.create_application(
        edition=get_edition(ref),
        company=company,
        requested_area_m2=body.requested_area_m2,
        actor=request.auth,
    )
    return Status(201, application)


@router.get("/editions/{ref}/authorization-queue", response=list[ExhibitorOut])
@paginate(LimitOffsetPagination)
def authorization_queue(request, ref: str):
    require_role(
        request.auth,
        Role.AUTHORIZATION_OFFICER,
        Role.ORGANIZER,
        message="Only authorization officers and organizers see the queue.",
    )
    return (
        _exhibitors(request.auth)
        .filter(edition=get_edition(ref), status=ApplicationStatus.PENDING_AUTHORIZATION)
        .order_by("submitted_at", "pk")
    )


@router.get("/exhibitors/{exhibitor_id}", response=ExhibitorOut)
def exhibitor_detail(request, exhibitor_id: int):
    return _visible_exhibitor(request.auth, exhibitor_id)


@router.post("/exhibitors/{exhibitor_id}/submit", response=ExhibitorOut)
def submit(request, exhibitor_id: int):
    return workflow.submit(_visible_exhibitor(request.auth, exhibitor_id), actor=request.auth)


@router.post("/exhibitors/{exhibitor_id}/authorize", response=ExhibitorOut)
def authorize(request, exhibitor_id: int, body: DecisionIn):
    return workflow.authorize(
        _visible_exhibitor(request.auth, exhibitor_id), actor=request.auth, reason=body.reason
    )


@router.post("/exhibitors/{exhibitor_id}/refuse", response=ExhibitorOut)
def refuse(request, exhibitor_id: int, body: DecisionIn):
    return workflow.refuse(
        _visible_exhibitor(request.auth, exhibitor_id), actor=request.auth, reason=body.reason
    )


@router.put("/exhibitors/{exhibitor_id}/stand", response=ExhibitorOut)
def allocate_stand(request, exhibitor_id: int, body: StandIn):
    application = _visible_exhibitor(request.auth, exhibitor_id)
    require_role(request.auth, Role.ORGANIZER, message="Only an organizer allocates stands.")
    stand = get_object_or_404(Stand, pk=body.stand_id)
    return workflow.allocate_stand(application, stand, actor=request.auth)


@router.delete("/exhibitors/{exhibitor_id}/stand", response=ExhibitorOut)
def release_stand(request, exhibitor_id: int):
    return workflow.release_stand(_visible_exhibitor(request.auth, exhibitor_id), actor=request.auth)


@router.get("/companies", response=list[CompanyOut])
@paginate(LimitOffsetPagination)
def list_companies(request, country: str | None = None):
    companies = visible_companies(request.auth).prefetch_related("categories")
    if country:
        companies = companies.filter(country=country.upper())
    return companies.order_by("legal_name", "pk")


@router.post("/companies", response={201: CompanyDetailOut})
def new_company(request, body: CompanyIn):
    return Status(201, create_company(CompanyProfile(**body.dict()), actor=request.auth))


def _company(request, company_id: int) -> Company:
    company = get_object_or_404(Company, pk=company_id)
    require_company_reader(request.auth, company)
    return company


@router.get("/companies/{company_id}", response=CompanyDetailOut)
def company_detail(request, company_id: int):
    return _company(request, company_id)


@router.patch("/companies/{company_id}", response=CompanyDetailOut)
def patch_company(request, company_id: int, body: CompanyPatch):
    changes = body.dict(exclude_unset=True)
    return update_company(_company(request, company_id), changes, actor=request.auth)


@router.post("/companies/{company_id}/products", response={201: ProductOut})
def new_product(request, company_id: int, body: ProductIn):
    return Status(201, add_product(_company(request, company_id), actor=request.auth, **body.dict()))


@router.post("/companies/{company_id}/contacts", response={201: ContactOut})
def new_contact(request, company_id: int, body: ContactIn):
    return Status(201, add_contact(_company(request, company_id), actor=request.auth, **body.dict()))
