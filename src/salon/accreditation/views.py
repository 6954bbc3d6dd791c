"""Accreditation pages: parse the request, call the domain, render. No business rule is decided here.

Registrants see their status and the officer's reason, never the screening hits; vetting officers see
each hit side by side with the person. Every decision goes through salon.accreditation.domain, which
checks the role again and writes the audit entry.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, F, Max, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.vary import vary_on_headers

from salon.accounts.domain.roles import Role, has_role, require_role
from salon.accreditation.domain import protection, vetting
from salon.accreditation.domain.registrations import (
    ImportRowsError,
    RegistrationError,
    import_registrations,
    register,
)
from salon.accreditation.interfaces.forms import (
    GroupImportForm,
    QueueFilterForm,
    RegistrationForm,
    VettingDecisionForm,
    VettingSettingsForm,
    WatchListForm,
    problem_text,
)
from salon.accreditation.interfaces.people_files import PeopleFileError, parse_people_file
from salon.accreditation.models import Registration, RegistrationStatus, Sector, WatchList
from salon.audit.domain.chain import record
from salon.editions.models import Edition
from salon.errors import DomainError, NotAllowed
from salon.web import edition_or_404, forbidden_as_403, is_htmx_partial

REGISTRATIONS_PER_PAGE = 50
STAFF = (Role.VETTING_OFFICER, Role.ORGANIZER)

DOMAIN_MESSAGES = {
    "reason_required": gettext_lazy("A decision needs a reason (at least 5 characters)."),
    "not_pending": gettext_lazy("This registration is not awaiting this decision."),
    "purged": gettext_lazy("This registration's personal data was purged."),
    "invalid_name": gettext_lazy("A watch list needs a name (200 characters at most)."),
    "future_date": gettext_lazy("The list's date cannot be in the future."),
}


def _explain(exc: DomainError) -> str:
    return str(DOMAIN_MESSAGES.get(exc.code, exc.message))


def _registration_for(user, pk: int) -> Registration:
    """The registrant reads their own file; vetting staff read any. Everyone else gets the 403 page."""
    registration = get_object_or_404(
        Registration.objects.select_related("edition", "decided_by").prefetch_related("requested_zones"),
        pk=pk,
    )
    if has_role(user, *STAFF) or (registration.registrant_id and registration.registrant_id == user.pk):
        return registration
    raise NotAllowed("You may only read your own registration.")


def _zone_names(registration: Registration) -> list[str]:
    french = (get_language() or "en").startswith("fr")
    return [z.name_fr if french else z.name_en for z in registration.requested_zones.all()]


# ---------------------------------------------------------------- visitor: register, my registrations


@login_required
@forbidden_as_403
def registration_create(request: HttpRequest, slug: str) -> HttpResponse:
    require_role(request.user, Role.VISITOR, message="Only visitors register through this form.")
    edition = edition_or_404(slug)
    language = get_language() or "en"
    form = RegistrationForm(request.POST or None, request.FILES or None, edition=edition, language=language)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                with transaction.atomic():
                    registration = register(edition, form.registration_data(), actor=request.user)
                    photo = form.cleaned_data.get("photo")
                    if photo:
                        registration.photo.save(f"{registration.pk}-{photo.name}"[-100:], photo)
            except NotAllowed:
                raise
            except RegistrationError as exc:
                for problem in exc.problems:
                    field = problem.column if problem.column in form.fields else None
                    form.add_error(field, problem_text(problem))
            except DomainError as exc:
                form.add_error(None, _explain(exc))
            else:
                messages.success(
                    request,
                    _("Your registration for %(edition)s was received. Status: %(status)s.")
                    % {"edition": edition.name, "status": registration.get_status_display()},
                )
                return redirect("accreditation:registration", pk=registration.pk)
    return render(
        request, "accreditation/registration_form.html", {"edition": edition, "form": form}, status=status
    )


@login_required
def my_registrations(request: HttpRequest) -> HttpResponse:
    registrations = (
        Registration.objects.filter(registrant=request.user)
        .select_related("edition")
        .order_by("-edition__start_date", "pk")
    )
    open_editions = (
        Edition.objects.filter(end_date__gte=timezone.localdate())
        .exclude(registrations__registrant=request.user)
        .order_by("start_date")
    )
    context = {
        "registrations": registrations,
        "open_editions": open_editions if has_role(request.user, Role.VISITOR) else [],
    }
    return render(request, "accreditation/my_registrations.html", context)


@login_required
@forbidden_as_403
def registration_detail(request: HttpRequest, pk: int) -> HttpResponse:
    registration = _registration_for(request.user, pk)
    context = {
        "registration": registration,
        "edition": registration.edition,
        "zones": _zone_names(registration),
        "is_registrant": registration.registrant_id == request.user.pk,
        "may_vet": has_role(request.user, Role.VETTING_OFFICER),
    }
    return render(request, "accreditation/registration_detail.html", context)


# ---------------------------------------------------------------- vetting officer: queue and review


@login_required
@forbidden_as_403
@vary_on_headers("HX-Request")
def vetting_queue(request: HttpRequest, slug: str) -> HttpResponse:
    require_role(request.user, Role.VETTING_OFFICER, message="Only vetting officers see the vetting queue.")
    edition = edition_or_404(slug)
    at_edition = Registration.objects.filter(edition=edition, purged_at__isnull=True)
    country_codes = sorted(set(at_edition.values_list("nationality", flat=True)))
    form = QueueFilterForm(request.GET or None, country_codes=country_codes)
    form.is_valid()
    filters = form.cleaned_data if form.is_bound else {}
    queue = at_edition.filter(status=filters.get("status") or RegistrationStatus.NEEDS_REVIEW)
    if filters.get("sector"):
        queue = queue.filter(sector=filters["sector"])
    if filters.get("nationality"):
        queue = queue.filter(nationality=filters["nationality"])
    queue = queue.annotate(hit_count=Count("hits"), top_score=Max("hits__score"))
    if filters.get("hits") == "yes":
        queue = queue.filter(hit_count__gt=0)
    elif filters.get("hits") == "no":
        queue = queue.filter(hit_count=0)
    # Strongest hit first; registrations without a hit after, oldest first.
    queue = queue.order_by(F("top_score").desc(nulls_last=True), "created_at", "pk")
    page = Paginator(queue, REGISTRATIONS_PER_PAGE).get_page(request.GET.get("page"))
    counts = at_edition.aggregate(
        pending=Count("pk", filter=Q(status=RegistrationStatus.NEEDS_REVIEW)),
        pending_hits=Count(
            "pk", filter=Q(status=RegistrationStatus.NEEDS_REVIEW, hits__isnull=False), distinct=True
        ),
        accredited=Count("pk", filter=Q(status=RegistrationStatus.ACCREDITED)),
        refused=Count("pk", filter=Q(status=RegistrationStatus.REFUSED)),
    )
    context = {"edition": edition, "form": form, "page_obj": page, "counts": counts}
    template = (
        "accreditation/_queue_results.html"
        if is_htmx_partial(request)
        else "accreditation/vetting_queue.html"
    )
    return render(request, template, context)


def _review_context(registration: Registration, form: VettingDecisionForm | None = None) -> dict:
    number = protection.decrypt(registration.id_document_number_encrypted)
    return {
        "edition": registration.edition,
        "registration": registration,
        "zones": _zone_names(registration),
        "masked_number": protection.masked(number),
        "hits": list(registration.hits.all()),
        "form": form or VettingDecisionForm(),
        "may_decide": registration.status != RegistrationStatus.REFUSED and registration.purged_at is None,
    }


@login_required
@forbidden_as_403
def vetting_review(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    require_role(request.user, Role.VETTING_OFFICER, message="Only vetting officers see screening hits.")
    edition = edition_or_404(slug)
    registration = get_object_or_404(
        Registration.objects.select_related("edition", "decided_by"), pk=pk, edition=edition
    )
    form = VettingDecisionForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            decision = form.cleaned_data["decision"]
            act = vetting.accredit if decision == VettingDecisionForm.ACCREDIT else vetting.refuse
            try:
                act(registration, actor=request.user, reason=form.cleaned_data["reason"])
            except NotAllowed:
                raise
            except DomainError as exc:
                field = exc.field if exc.field in form.fields else None
                form.add_error(field, _explain(exc))
                status = exc.status
            else:
                text = (
                    _("%(name)s is accredited.")
                    if decision == VettingDecisionForm.ACCREDIT
                    else _("%(name)s is refused.")
                )
                messages.success(request, text % {"name": registration.full_name})
                return redirect("accreditation:queue", slug=edition.slug)
    registration.refresh_from_db()
    return render(
        request, "accreditation/vetting_review.html", _review_context(registration, form), status=status
    )


# ---------------------------------------------------------------- staff: group import, watch lists


@login_required
@forbidden_as_403
def group_import(request: HttpRequest, slug: str) -> HttpResponse:
    require_role(request.user, *STAFF, message="Only organizers and vetting officers import registrations.")
    edition = edition_or_404(slug)
    form = GroupImportForm(request.POST or None, request.FILES or None)
    problems: list[tuple[int, str, str]] = []
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                rows = parse_people_file(upload.name, upload.read())
                batch = import_registrations(edition, rows, file_name=upload.name, actor=request.user)
            except NotAllowed:
                raise
            except PeopleFileError as exc:
                problems = [(p.line, p.column, p.reason) for p in exc.problems]
            except ImportRowsError as exc:
                problems = [(line, p.column, problem_text(p)) for line, p in exc.problems]
            else:
                statuses = list(batch.registrations.values_list("status", flat=True))
                messages.success(
                    request,
                    _(
                        "%(file)s: %(people)d people imported, %(accredited)d accredited automatically, "
                        "%(pending)d to vet."
                    )
                    % {
                        "file": batch.file_name,
                        "people": len(statuses),
                        "accredited": statuses.count(RegistrationStatus.ACCREDITED),
                        "pending": statuses.count(RegistrationStatus.NEEDS_REVIEW),
                    },
                )
                return redirect("accreditation:import", slug=edition.slug)
    batches = edition.registration_imports.select_related("imported_by").order_by("-imported_at")[:20]
    context = {"edition": edition, "form": form, "problems": problems, "batches": batches}
    return render(request, "accreditation/group_import.html", context, status=status)


@login_required
@forbidden_as_403
def watch_lists(request: HttpRequest, slug: str) -> HttpResponse:
    require_role(request.user, *STAFF, message="Only organizers and vetting officers see watch lists.")
    edition = edition_or_404(slug)
    form = WatchListForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                watch_list = vetting.load_watch_list(
                    edition,
                    name=data["name"],
                    source=data["source"],
                    list_date=data["list_date"],
                    data=data["file"].read(),
                    actor=request.user,
                )
            except NotAllowed:
                raise
            except DomainError as exc:
                field = exc.field if exc.field in form.fields else "file"
                form.add_error(field, _explain(exc))
                status = exc.status
            else:
                messages.success(
                    request,
                    _(
                        "Watch list %(name)s loaded: %(count)d entries. "
                        "Undecided registrations were re-screened."
                    )
                    % {"name": watch_list.name, "count": watch_list.entry_count},
                )
                return redirect("accreditation:watch_lists", slug=edition.slug)
    lists = WatchList.objects.filter(edition=edition).order_by("name")
    return render(
        request,
        "accreditation/watch_lists.html",
        {"edition": edition, "form": form, "lists": lists},
        status=status,
    )


# ---------------------------------------------------------------- organizer: vetting settings


@transaction.atomic
def _save_vetting_settings(edition: Edition, data: dict, *, actor) -> None:
    require_role(actor, Role.ORGANIZER, message="Only organizers change the vetting settings.")
    settings_row = vetting.vetting_settings(edition)
    before = {
        "auto_accredit_sectors": list(settings_row.auto_accredit_sectors or []),
        "screening_threshold": settings_row.screening_threshold,
        "retention_days": settings_row.retention_days,
    }
    settings_row.auto_accredit_sectors = [s for s in Sector.values if s in data["auto_accredit_sectors"]]
    settings_row.screening_threshold = round(float(data["screening_threshold"]), 3)
    settings_row.retention_days = data["retention_days"]
    settings_row.save()
    record(
        actor=actor,
        action="vetting.settings_changed",
        target=settings_row,
        edition_id=edition.pk,
        payload={
            "before": before,
            "after": {
                "auto_accredit_sectors": settings_row.auto_accredit_sectors,
                "screening_threshold": settings_row.screening_threshold,
                "retention_days": settings_row.retention_days,
            },
        },
    )


@login_required
@forbidden_as_403
def vetting_settings_page(request: HttpRequest, slug: str) -> HttpResponse:
    require_role(request.user, Role.ORGANIZER, message="Only organizers change the vetting settings.")
    edition = edition_or_404(slug)
    current = vetting.vetting_settings(edition)
    initial = {
        "auto_accredit_sectors": current.auto_accredit_sectors,
        "screening_threshold": current.screening_threshold,
        "retention_days": current.retention_days,
    }
    form = VettingSettingsForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            _save_vetting_settings(edition, form.cleaned_data, actor=request.user)
            messages.success(request, _("Vetting settings saved."))
            return redirect("accreditation:settings", slug=edition.slug)
    return render(
        request, "accreditation/vetting_settings.html", {"edition": edition, "form": form}, status=status
    )
