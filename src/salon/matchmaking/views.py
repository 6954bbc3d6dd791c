"""B2B matchmaking pages: needs and offers, recommendations, meeting requests, agendas, the scheduler.

Views parse the request, call salon.matchmaking.domain and render; the domain checks who may act for
which visitor or exhibitor again, and writes the audit entries.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from salon.accounts.domain.roles import Role, has_role, require_role
from salon.accreditation.models import Registration, RegistrationStatus
from salon.audit.domain.chain import record
from salon.editions.models import Edition
from salon.errors import DomainError, NotAllowed
from salon.exhibitors.models import Application, ApplicationStatus, Category
from salon.matchmaking.domain import meetings as meeting_ops
from salon.matchmaking.domain.profiles import (
    can_act_for_exhibitor,
    can_act_for_visitor,
    sync_offer,
    update_need,
    update_offer,
)
from salon.matchmaking.domain.recommendations import recommend_exhibitors, recommend_visitors
from salon.matchmaking.domain.scheduling import agenda_ical, exhibitor_agenda, run_scheduler, visitor_agenda
from salon.matchmaking.domain.slots import meeting_settings
from salon.matchmaking.interfaces.forms import MeetingSettingsForm, NeedForm, OfferForm
from salon.matchmaking.models import MeetingRequest, RequestStatus, ScheduleRun, VisitorNeed
from salon.web import edition_or_404, forbidden_as_403

RECOMMENDATIONS = 10
OPEN = (RequestStatus.PENDING, RequestStatus.ACCEPTED)
ACTIONS = {
    "accept": meeting_ops.accept,
    "decline": meeting_ops.decline,
    "cancel": meeting_ops.cancel,
    "confirm": meeting_ops.confirm,
}
DONE = {
    "accept": gettext_lazy("Request accepted: the meeting will be placed in the agendas."),
    "decline": gettext_lazy("Request declined."),
    "cancel": gettext_lazy("Request cancelled."),
    "confirm": gettext_lazy("Meeting time confirmed."),
}
DOMAIN_MESSAGES = {
    "not_accredited": gettext_lazy("Matchmaking opens once the registration is accredited."),
    "not_admitted": gettext_lazy("Matchmaking opens once the exhibitor is admitted."),
    "duplicate_request": gettext_lazy("There is already an open request between you."),
    "not_pending": gettext_lazy("This request was already answered."),
    "not_open": gettext_lazy("This request is already closed."),
    "not_scheduled": gettext_lazy("Only a scheduled meeting can be confirmed."),
    "exhibitor_not_admitted": gettext_lazy("This exhibitor is not admitted."),
    "visitor_not_accredited": gettext_lazy("This visitor is not accredited."),
    "self_meeting": gettext_lazy("A company cannot request a meeting with its own people."),
    "unknown_category": gettext_lazy("Choose categories from the list."),
    "unknown_country": gettext_lazy("Choose countries from the list."),
}


def _explain(exc: DomainError) -> str:
    return str(DOMAIN_MESSAGES.get(exc.code, exc.message))


def _my_registration(request: HttpRequest, pk: int) -> Registration:
    registration = get_object_or_404(Registration.objects.select_related("edition"), pk=pk)
    if not can_act_for_visitor(request.user, registration):
        raise NotAllowed("You may only open your own matchmaking pages.")
    return registration


def _my_application(request: HttpRequest, pk: int) -> Application:
    application = get_object_or_404(Application.objects.select_related("edition", "company"), pk=pk)
    if not can_act_for_exhibitor(request.user, application):
        raise NotAllowed("You may only open your own company's matchmaking pages.")
    return application


def _category_names() -> dict[str, str]:
    return {c.code: c.name for c in Category.objects.all()}


def _saved_form(request, form, save, done: str, target: str, **kwargs) -> HttpResponse | None:
    """Shared POST handling: a DomainError lands on its field; success redirects."""
    if not form.is_valid():
        return None
    try:
        save(form.cleaned_data)
    except NotAllowed:
        raise
    except DomainError as exc:
        form.add_error(exc.field if exc.field in form.fields else None, _explain(exc))
        return None
    messages.success(request, done)
    return redirect(target, **kwargs)


# ---------------------------------------------------------------- hub


@login_required
def hub(request: HttpRequest) -> HttpResponse:
    registrations = Registration.objects.filter(registrant=request.user).select_related("edition")
    applications = Application.objects.filter(
        company__members=request.user, status=ApplicationStatus.ADMITTED
    ).select_related("edition", "company")
    editions = Edition.objects.order_by("-start_date") if has_role(request.user, Role.ORGANIZER) else []
    context = {"registrations": registrations, "applications": applications, "editions": editions}
    return render(request, "matchmaking/hub.html", context)


# ---------------------------------------------------------------- visitor


@login_required
@forbidden_as_403
def needs(request: HttpRequest, pk: int) -> HttpResponse:
    registration = _my_registration(request, pk)
    need = VisitorNeed.objects.filter(registration=registration).prefetch_related("categories").first()
    form = NeedForm(request.POST or None, initial=NeedForm.initial_from(need), edition=registration.edition)
    status = 200
    if request.method == "POST":
        status = 400
        response = _saved_form(
            request,
            form,
            lambda data: update_need(registration, actor=request.user, **data),
            _("Your needs are saved. Here are the exhibitors to meet."),
            "matchmaking:visitor_recommendations",
            pk=registration.pk,
        )
        if response:
            return response
    context = {
        "registration": registration,
        "edition": registration.edition,
        "form": form,
        "accredited": registration.status == RegistrationStatus.ACCREDITED,
        "tab": "needs",
    }
    return render(request, "matchmaking/needs.html", context, status=status)


def _with_names(recommendations, names: dict[str, str]) -> list[tuple]:
    return [(r, [names.get(code, code) for code in r.shared_categories]) for r in recommendations]


@login_required
@forbidden_as_403
def visitor_recommendations(request: HttpRequest, pk: int) -> HttpResponse:
    registration = _my_registration(request, pk)
    results = recommend_exhibitors(registration, actor=request.user, k=RECOMMENDATIONS)
    requested = set(
        MeetingRequest.objects.filter(visitors=registration, status__in=OPEN).values_list(
            "exhibitor_id", flat=True
        )
    )
    context = {
        "registration": registration,
        "edition": registration.edition,
        "results": _with_names(results, _category_names()),
        "lexical_only": any(r.mode == "bm25" for r in results),
        "has_need": VisitorNeed.objects.filter(registration=registration).exclude(text="").exists(),
        "requested": requested,
        "accredited": registration.status == RegistrationStatus.ACCREDITED,
        "tab": "recommendations",
    }
    return render(request, "matchmaking/visitor_recommendations.html", context)


@require_POST
@login_required
@forbidden_as_403
def request_meeting(request: HttpRequest, pk: int, exhibitor_pk: int) -> HttpResponse:
    registration = _my_registration(request, pk)
    exhibitor = get_object_or_404(Application.objects.select_related("company", "edition"), pk=exhibitor_pk)
    try:
        meeting_ops.request_meeting(
            exhibitor=exhibitor,
            visitors=[registration],
            actor=request.user,
            message=request.POST.get("message", ""),
        )
    except NotAllowed:
        raise
    except DomainError as exc:
        messages.error(request, _explain(exc))
    else:
        messages.success(
            request, _("Meeting requested with %(company)s.") % {"company": exhibitor.company.legal_name}
        )
    return redirect("matchmaking:visitor_recommendations", pk=registration.pk)


def _split_requests(queryset, *, incoming_when_from_exhibitor: bool) -> dict:
    rows = list(
        queryset.select_related("exhibitor__company", "exhibitor__stand__hall")
        .prefetch_related("visitors")
        .order_by("-created_at", "pk")
    )
    incoming = [m for m in rows if m.from_exhibitor == incoming_when_from_exhibitor]
    outgoing = [m for m in rows if m.from_exhibitor != incoming_when_from_exhibitor]
    return {"incoming": incoming, "outgoing": outgoing}


@login_required
@forbidden_as_403
def visitor_meetings(request: HttpRequest, pk: int) -> HttpResponse:
    registration = _my_registration(request, pk)
    agenda = visitor_agenda(registration, actor=request.user)
    meetings = {m.pk: m for m in registration.meeting_requests.filter(pk__in=[i.meeting_id for i in agenda])}
    context = {
        "registration": registration,
        "edition": registration.edition,
        "agenda": [(item, meetings[item.meeting_id].visitors_confirmed) for item in agenda],
        "ics_url": "matchmaking:visitor_ics",
        "owner_pk": registration.pk,
        "side": "visitor",
        "tab": "meetings",
        **_split_requests(
            registration.meeting_requests.exclude(status=RequestStatus.CANCELLED),
            incoming_when_from_exhibitor=True,
        ),
    }
    return render(request, "matchmaking/meetings.html", context)


def _ics_response(items, calendar_name: str, file_name: str) -> HttpResponse:
    response = HttpResponse(agenda_ical(items, calendar_name=calendar_name), content_type="text/calendar")
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    return response


@login_required
@forbidden_as_403
def visitor_ics(request: HttpRequest, pk: int) -> HttpResponse:
    registration = _my_registration(request, pk)
    items = visitor_agenda(registration, actor=request.user)
    return _ics_response(items, f"{registration.edition.name} — B2B", f"b2b-{registration.edition.slug}.ics")


# ---------------------------------------------------------------- exhibitor


def _exhibitor_context(application: Application, tab: str) -> dict:
    return {
        "application": application,
        "company": application.company,
        "edition": application.edition,
        "admitted": application.status == ApplicationStatus.ADMITTED,
        "tab": tab,
    }


@login_required
@forbidden_as_403
def offer(request: HttpRequest, pk: int) -> HttpResponse:
    application = _my_application(request, pk)
    current = sync_offer(application)
    form = OfferForm(
        request.POST or None, initial=OfferForm.initial_from(current), edition=application.edition
    )
    status = 200
    if request.method == "POST":
        status = 400
        response = _saved_form(
            request,
            form,
            lambda data: update_offer(application, actor=request.user, **data),
            _("Your offer is saved."),
            "matchmaking:offer",
            pk=application.pk,
        )
        if response:
            return response
    context = {**_exhibitor_context(application, "offer"), "form": form, "offer": current}
    return render(request, "matchmaking/offer.html", context, status=status)


@login_required
@forbidden_as_403
def exhibitor_recommendations(request: HttpRequest, pk: int) -> HttpResponse:
    application = _my_application(request, pk)
    results = recommend_visitors(application, actor=request.user, k=RECOMMENDATIONS)
    invited = set(
        MeetingRequest.objects.filter(exhibitor=application, status__in=OPEN).values_list(
            "visitors__pk", flat=True
        )
    )
    context = {
        **_exhibitor_context(application, "recommendations"),
        "results": _with_names(results, _category_names()),
        "lexical_only": any(r.mode == "bm25" for r in results),
        "invited": invited,
    }
    return render(request, "matchmaking/exhibitor_recommendations.html", context)


@require_POST
@login_required
@forbidden_as_403
def invite(request: HttpRequest, pk: int, registration_pk: int) -> HttpResponse:
    application = _my_application(request, pk)
    registration = get_object_or_404(Registration.objects.select_related("edition"), pk=registration_pk)
    try:
        meeting_ops.request_meeting(
            exhibitor=application,
            visitors=[registration],
            actor=request.user,
            from_exhibitor=True,
            message=request.POST.get("message", ""),
        )
    except NotAllowed:
        raise
    except DomainError as exc:
        messages.error(request, _explain(exc))
    else:
        messages.success(request, _("Invitation sent to %(name)s.") % {"name": registration.full_name})
    return redirect("matchmaking:exhibitor_recommendations", pk=application.pk)


@login_required
@forbidden_as_403
def exhibitor_meetings(request: HttpRequest, pk: int) -> HttpResponse:
    application = _my_application(request, pk)
    agenda = exhibitor_agenda(application, actor=request.user)
    meetings = {m.pk: m for m in application.meeting_requests.filter(pk__in=[i.meeting_id for i in agenda])}
    context = {
        **_exhibitor_context(application, "meetings"),
        "agenda": [(item, meetings[item.meeting_id].exhibitor_confirmed) for item in agenda],
        "ics_url": "matchmaking:exhibitor_ics",
        "owner_pk": application.pk,
        "side": "exhibitor",
        **_split_requests(
            application.meeting_requests.exclude(status=RequestStatus.CANCELLED),
            incoming_when_from_exhibitor=False,
        ),
    }
    return render(request, "matchmaking/meetings.html", context)


@login_required
@forbidden_as_403
def exhibitor_ics(request: HttpRequest, pk: int) -> HttpResponse:
    application = _my_application(request, pk)
    items = exhibitor_agenda(application, actor=request.user)
    return _ics_response(
        items, f"{application.company.legal_name} — B2B", f"b2b-{application.edition.slug}.ics"
    )


# ---------------------------------------------------------------- both sides: answer a request


@require_POST
@login_required
@forbidden_as_403
def meeting_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    if action not in ACTIONS:
        raise Http404(_("No such action."))
    meeting = get_object_or_404(MeetingRequest.objects.select_related("edition", "exhibitor__company"), pk=pk)
    try:
        ACTIONS[action](meeting, actor=request.user)
    except NotAllowed:
        raise
    except DomainError as exc:
        messages.error(request, _explain(exc))
    else:
        messages.success(request, str(DONE[action]))
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "matchmaking:hub"
    return redirect(target)


# ---------------------------------------------------------------- organizer: settings and scheduler


@transaction.atomic
def _save_meeting_settings(edition: Edition, data: dict, *, actor) -> None:
    require_role(actor, Role.ORGANIZER, message="Only organizers change the meeting settings.")
    settings_row = meeting_settings(edition)
    settings_row.slot_minutes = data["slot_minutes"]
    settings_row.day_start = data["day_start"]
    settings_row.day_end = data["day_end"]
    settings_row.save()
    record(
        actor=actor,
        action="meetings.settings_changed",
        target=settings_row,
        edition_id=edition.pk,
        payload={
            "slot_minutes": settings_row.slot_minutes,
            "day_start": data["day_start"].isoformat(),
            "day_end": data["day_end"].isoformat(),
        },
    )


def _edition_page(request, edition: Edition, form: MeetingSettingsForm, status: int = 200) -> HttpResponse:
    counts = dict(
        MeetingRequest.objects.filter(edition=edition)
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    placed = MeetingRequest.objects.filter(
        edition=edition, status=RequestStatus.ACCEPTED, slot_start__isnull=False
    ).count()
    context = {
        "edition": edition,
        "form": form,
        "run": ScheduleRun.objects.filter(edition=edition).order_by("-started_at", "-pk").first(),
        "counts": [(value, label, counts.get(value, 0)) for value, label in RequestStatus.choices],
        "placed_now": placed,
    }
    return render(request, "matchmaking/edition_meetings.html", context, status=status)


@login_required
@forbidden_as_403
def edition_meetings(request: HttpRequest, slug: str) -> HttpResponse:
    require_role(request.user, Role.ORGANIZER, message="Only organizers manage the meeting scheduler.")
    edition = edition_or_404(slug)
    current = meeting_settings(edition)
    initial = {
        "slot_minutes": current.slot_minutes,
        "day_start": current.day_start,
        "day_end": current.day_end,
    }
    form = MeetingSettingsForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            _save_meeting_settings(edition, form.cleaned_data, actor=request.user)
            messages.success(request, _("Meeting settings saved. Run the scheduler to apply them."))
            return redirect("matchmaking:edition", slug=edition.slug)
        return _edition_page(request, edition, form, status=400)
    return _edition_page(request, edition, form)


@require_POST
@login_required
@forbidden_as_403
def schedule(request: HttpRequest, slug: str) -> HttpResponse:
    edition = edition_or_404(slug)
    run = run_scheduler(edition, actor=request.user)
    messages.success(
        request,
        _("Scheduler run: %(placed)d of %(requests)d requests placed.")
        % {"placed": run.placed, "requests": run.requests},
    )
    return redirect("matchmaking:edition", slug=edition.slug)
