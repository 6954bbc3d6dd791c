"""Exhibitor pages: parse the request, call the domain, render. No business rule is decided here.

Every write goes through salon.exhibitors.domain, which checks permissions again and writes the audit
entry; a DomainError becomes a form error (or a message), NotAllowed becomes the 403 page.
"""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers

from salon.accounts.domain.roles import Role, has_role, require_role
from salon.editions.domain.policy import decide
from salon.editions.models import Edition, Regime
from salon.errors import DomainError, NotAllowed
from salon.exhibitors.domain import applications as workflow
from salon.exhibitors.domain.access import (
    require_company_editor,
    require_company_reader,
    visible_companies,
)
from salon.exhibitors.domain.companies import (
    CompanyProfile,
    add_contact,
    add_product,
    create_company,
    update_company,
)
from salon.exhibitors.interfaces.forms import (
    ApplicationForm,
    CompanyForm,
    ContactForm,
    DecisionForm,
    ExhibitorFilterForm,
    ProductForm,
    StandForm,
    attach_domain_error,
    explain,
)
from salon.exhibitors.models import Application, ApplicationStatus, Company
from salon.web import edition_or_404, forbidden_as_403, is_htmx_partial

EXHIBITORS_PER_PAGE = 50


def _application(edition: Edition, pk: int) -> Application:
    return get_object_or_404(
        Application.objects.select_related("company", "edition", "stand__hall", "decided_by"),
        pk=pk,
        edition=edition,
    )


# ---------------------------------------------------------------- organizer: exhibitor list and detail


@login_required
@forbidden_as_403
@vary_on_headers("HX-Request")
def exhibitor_list(request: HttpRequest, slug: str) -> HttpResponse:
    require_role(
        request.user,
        Role.ORGANIZER,
        Role.AUTHORIZATION_OFFICER,
        message="Only organizers and officers see the exhibitor list.",
    )
    edition = edition_or_404(slug)
    at_edition = Application.objects.filter(edition=edition)
    country_codes = sorted(set(at_edition.values_list("company__country", flat=True)))
    form = ExhibitorFilterForm(request.GET or None, country_codes=country_codes)
    # An invalid value drops only its own filter (cleaned_data keeps the valid ones) and is shown.
    form.is_valid()
    filters = form.cleaned_data if form.is_bound else {}
    exhibitors = at_edition.select_related("company", "stand__hall").prefetch_related("company__categories")
    if filters.get("country"):
        exhibitors = exhibitors.filter(company__country=filters["country"])
    if filters.get("status"):
        exhibitors = exhibitors.filter(status=filters["status"])
    if filters.get("category"):
        exhibitors = exhibitors.filter(company__categories__code=filters["category"])
    if filters.get("q"):
        q = filters["q"]
        exhibitors = exhibitors.filter(Q(company__legal_name__icontains=q) | Q(company__city__icontains=q))
    exhibitors = exhibitors.distinct().order_by("company__legal_name", "pk")
    page = Paginator(exhibitors, EXHIBITORS_PER_PAGE).get_page(request.GET.get("page"))
    counts = dict(at_edition.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
    context = {
        "edition": edition,
        "form": form,
        "page_obj": page,
        "status_counts": [(value, label, counts.get(value, 0)) for value, label in ApplicationStatus.choices],
        "total": sum(counts.values()),
    }
    template = (
        "exhibitors/_exhibitor_results.html" if is_htmx_partial(request) else "exhibitors/exhibitor_list.html"
    )
    return render(request, template, context)


def _detail_context(request: HttpRequest, application: Application, stand_form: StandForm | None = None):
    company = application.company
    # Before submission there is no frozen result yet: show what the policy would decide today.
    preview = None if application.policy_regime else decide(application.edition, company.country.code)
    return {
        "edition": application.edition,
        "application": application,
        "company": company,
        "products": company.products.select_related("category"),
        "contacts": company.contacts.all(),
        "categories": company.categories.all(),
        "policy_preview": preview,
        "policy_preview_label": Regime(preview.regime).label if preview else "",
        "stand_form": stand_form or StandForm(edition=application.edition),
        "may_allocate": has_role(request.user, Role.ORGANIZER),
    }


@login_required
@forbidden_as_403
def exhibitor_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    application = _application(edition_or_404(slug), pk)
    require_company_reader(request.user, application.company)
    return render(request, "exhibitors/exhibitor_detail.html", _detail_context(request, application))


@require_POST
@login_required
@forbidden_as_403
def allocate_stand(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    edition = edition_or_404(slug)
    application = _application(edition, pk)
    require_role(request.user, Role.ORGANIZER, message="Only an organizer allocates stands.")
    form = StandForm(request.POST, edition=edition)
    status = 400
    if form.is_valid():
        stand = form.cleaned_data["stand"]
        try:
            workflow.allocate_stand(application, stand, actor=request.user)
        except NotAllowed:
            raise
        except DomainError as exc:
            attach_domain_error(form, exc, stand=stand)
            status = exc.status
        else:
            messages.success(request, _("Stand %(stand)s allocated.") % {"stand": stand})
            return redirect("exhibitors:detail", slug=edition.slug, pk=application.pk)
    application.refresh_from_db()
    return render(
        request,
        "exhibitors/exhibitor_detail.html",
        _detail_context(request, application, form),
        status=status,
    )


@require_POST
@login_required
@forbidden_as_403
def release_stand(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    edition = edition_or_404(slug)
    application = _application(edition, pk)
    try:
        workflow.release_stand(application, actor=request.user)
    except NotAllowed:
        raise
    except DomainError as exc:
        messages.error(request, explain(exc))
    else:
        messages.success(request, _("The stand was released."))
    return redirect("exhibitors:detail", slug=edition.slug, pk=application.pk)


# ---------------------------------------------------------------- authorization officer: the queue


def _queue_context(edition: Edition, request: HttpRequest, failed: tuple[int, DecisionForm] | None = None):
    pending = (
        Application.objects.filter(edition=edition, status=ApplicationStatus.PENDING_AUTHORIZATION)
        .select_related("company")
        .prefetch_related("company__categories", "company__products__category")
        .order_by("submitted_at", "pk")
    )
    items = [
        (application, failed[1] if failed and failed[0] == application.pk else DecisionForm())
        for application in pending
    ]
    return {
        "edition": edition,
        "items": items,
        "may_decide": has_role(request.user, Role.AUTHORIZATION_OFFICER),
    }


@login_required
@forbidden_as_403
def authorization_queue(request: HttpRequest, slug: str) -> HttpResponse:
    require_role(
        request.user,
        Role.AUTHORIZATION_OFFICER,
        Role.ORGANIZER,
        message="Only authorization officers and organizers see the queue.",
    )
    edition = edition_or_404(slug)
    return render(request, "exhibitors/authorization_queue.html", _queue_context(edition, request))


@require_POST
@login_required
@forbidden_as_403
def decide_authorization(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    edition = edition_or_404(slug)
    application = _application(edition, pk)
    require_company_reader(request.user, application.company)
    form = DecisionForm(request.POST)
    status = 400
    if form.is_valid():
        decision = form.cleaned_data["decision"]
        act = workflow.authorize if decision == DecisionForm.AUTHORIZE else workflow.refuse
        try:
            act(application, actor=request.user, reason=form.cleaned_data["reason"])
        except NotAllowed:
            raise
        except DomainError as exc:
            attach_domain_error(form, exc)
            status = exc.status
        else:
            text = (
                _("%(company)s is authorized.")
                if decision == DecisionForm.AUTHORIZE
                else _("%(company)s is refused.")
            )
            messages.success(request, text % {"company": application.company})
            return redirect("exhibitors:authorizations", slug=edition.slug)
    return render(
        request,
        "exhibitors/authorization_queue.html",
        _queue_context(edition, request, failed=(application.pk, form)),
        status=status,
    )


# ---------------------------------------------------------------- exhibitor: own companies


def _require_company_author(user) -> None:
    if not has_role(user, Role.EXHIBITOR, Role.ORGANIZER):
        raise NotAllowed("Only exhibitors and organizers manage companies.")


def _company_for_reading(request: HttpRequest, pk: int) -> Company:
    company = get_object_or_404(Company, pk=pk)
    require_company_reader(request.user, company)
    return company


def _company_for_editing(request: HttpRequest, pk: int) -> Company:
    company = get_object_or_404(Company, pk=pk)
    require_company_editor(request.user, company)
    return company


def _profile(form: CompanyForm) -> CompanyProfile:
    data = form.cleaned_data
    return CompanyProfile(
        legal_name=data["legal_name"],
        country=data["country"],
        city=data["city"],
        website=data["website"],
        description_en=data["description_en"],
        description_fr=data["description_fr"],
        categories=list(data["categories"]),
    )


@login_required
@forbidden_as_403
def my_companies(request: HttpRequest) -> HttpResponse:
    _require_company_author(request.user)
    companies = (
        visible_companies(request.user)
        .prefetch_related("categories", "applications__edition")
        .order_by("legal_name", "pk")
    )
    return render(request, "exhibitors/my_companies.html", {"companies": companies})


@login_required
@forbidden_as_403
def company_create(request: HttpRequest) -> HttpResponse:
    _require_company_author(request.user)
    form = CompanyForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                company = create_company(_profile(form), actor=request.user)
            except NotAllowed:
                raise
            except DomainError as exc:
                attach_domain_error(form, exc)
                status = exc.status
            else:
                messages.success(request, _("Company %(name)s created.") % {"name": company.legal_name})
                return redirect("exhibitors:company", pk=company.pk)
    return render(request, "exhibitors/company_form.html", {"form": form, "company": None}, status=status)


@login_required
@forbidden_as_403
def company_edit(request: HttpRequest, pk: int) -> HttpResponse:
    company = _company_for_editing(request, pk)
    form = CompanyForm(request.POST or None, initial=CompanyForm.initial_from(company))
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                update_company(company, vars(_profile(form)), actor=request.user)
            except NotAllowed:
                raise
            except DomainError as exc:
                attach_domain_error(form, exc)
                status = exc.status
            else:
                messages.success(request, _("Company profile saved."))
                return redirect("exhibitors:company", pk=company.pk)
    return render(request, "exhibitors/company_form.html", {"form": form, "company": company}, status=status)


def _company_page(request: HttpRequest, company: Company, status: int = 200, **bound_forms) -> HttpResponse:
    applications = company.applications.select_related("edition", "stand__hall").order_by(
        "-edition__start_date"
    )
    open_editions = Edition.objects.exclude(applications__company=company).order_by("start_date")
    context = {
        "company": company,
        "may_edit": _may_edit(request.user, company),
        "categories": company.categories.all(),
        "products": company.products.select_related("category"),
        "contacts": company.contacts.all(),
        "applications": applications,
        "product_form": bound_forms.get("product_form") or ProductForm(),
        "contact_form": bound_forms.get("contact_form") or ContactForm(),
        "application_form": bound_forms.get("application_form")
        or ApplicationForm(open_editions=open_editions),
        "has_open_editions": open_editions.exists(),
    }
    return render(request, "exhibitors/company_detail.html", context, status=status)


def _may_edit(user, company: Company) -> bool:
    try:
        require_company_editor(user, company)
    except NotAllowed:
        return False
    return True


@login_required
@forbidden_as_403
def company_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _company_page(request, _company_for_reading(request, pk))


def _post_to_company(
    request: HttpRequest, pk: int, form_name: str, form: forms.Form, act: Callable, done: str
) -> HttpResponse:
    """Shared POST handling of the company page's small forms: success redirects, errors re-render."""
    company = _company_for_editing(request, pk)
    status = 400
    if form.is_valid():
        try:
            act(company, form.cleaned_data)
        except NotAllowed:
            raise
        except DomainError as exc:
            attach_domain_error(form, exc)
            status = exc.status
        else:
            messages.success(request, done)
            return redirect("exhibitors:company", pk=company.pk)
    return _company_page(request, company, status=status, **{form_name: form})


@require_POST
@login_required
@forbidden_as_403
def product_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _post_to_company(
        request,
        pk,
        "product_form",
        ProductForm(request.POST),
        lambda company, data: add_product(company, actor=request.user, **data),
        _("Product added."),
    )


@require_POST
@login_required
@forbidden_as_403
def contact_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _post_to_company(
        request,
        pk,
        "contact_form",
        ContactForm(request.POST),
        lambda company, data: add_contact(company, actor=request.user, **data),
        _("Contact added."),
    )


@require_POST
@login_required
@forbidden_as_403
def apply(request: HttpRequest, pk: int) -> HttpResponse:
    return _post_to_company(
        request,
        pk,
        "application_form",
        ApplicationForm(request.POST, open_editions=Edition.objects.exclude(applications__company_id=pk)),
        lambda company, data: workflow.create_application(
            edition=data["edition"],
            company=company,
            requested_area_m2=data["requested_area_m2"],
            actor=request.user,
        ),
        _("Application created as a draft: check it, then submit it."),
    )


@require_POST
@login_required
@forbidden_as_403
def application_submit(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_object_or_404(Application.objects.select_related("company"), pk=pk)
    require_company_editor(request.user, application.company)
    try:
        application = workflow.submit(application, actor=request.user)
    except NotAllowed:
        raise
    except DomainError as exc:
        messages.error(request, explain(exc))
    else:
        messages.info(
            request,
            _("Application submitted. Status: %(status)s.") % {"status": application.get_status_display()},
        )
    return redirect("exhibitors:company", pk=application.company_id)
