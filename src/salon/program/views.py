"""Program pages: the public program (FR/EN, htmx filters), personal agendas, iCal, the timetable editor.

Views parse the request, call salon.program.domain and render; the domain checks roles and rules.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers

from salon.accounts.domain.roles import Role, require_role
from salon.editions.models import Edition
from salon.errors import DomainError, NotAllowed, NotFound
from salon.program.api import filter_sessions
from salon.program.domain import agenda, sessions
from salon.program.interfaces.forms import ProgramFilterForm, SessionForm, explain
from salon.program.models import AgendaItem, Room, Session, Track
from salon.web import edition_or_404


def _is_partial(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true" and not request.headers.get(
        "HX-History-Restore-Request"
    )


def _booked_ids(user, edition: Edition) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(
        AgendaItem.objects.filter(user=user, session__edition=edition).values_list("session_id", flat=True)
    )


# ---------------------------------------------------------------- public program


@vary_on_headers("HX-Request")
def program(request: HttpRequest, slug: str) -> HttpResponse:
    edition = edition_or_404(slug)
    form = ProgramFilterForm(request.GET or None, edition=edition)
    form.is_valid()
    chosen = form.cleaned_data if form.is_bound else {}
    day = dt.date.fromisoformat(chosen["day"]) if chosen.get("day") else None
    found = filter_sessions(
        edition,
        request.user,
        day=day,
        track=chosen.get("track", ""),
        format=chosen.get("format", ""),
        language=chosen.get("language", ""),
    )
    tz = sessions.edition_tz(edition)
    by_day: dict[dt.date, list[Session]] = defaultdict(list)
    for session in found:
        by_day[session.starts_at.astimezone(tz).date()].append(session)
    context = {
        "edition": edition,
        "form": form,
        "days": sorted(by_day.items()),
        "count": len(found),
        "booked": _booked_ids(request.user, edition),
        "tz": tz,
        "tracks": Track.objects.filter(edition=edition),
    }
    template = "program/_session_results.html" if _is_partial(request) else "program/program.html"
    return render(request, template, context)


def session_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    edition = edition_or_404(slug)
    try:
        session = sessions.visible_session(edition, request.user, pk)
    except NotFound as exc:
        raise Http404(_("No such session.")) from exc
    return render(
        request,
        "program/session_detail.html",
        {
            "edition": edition,
            "session": session,
            "booked": _booked_ids(request.user, edition),
            "tz": sessions.edition_tz(edition),
        },
    )


@require_POST
@login_required
def toggle_agenda(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Add or remove a session; htmx swaps the button, a plain form post goes back to the program."""
    edition = edition_or_404(slug)
    try:
        session = sessions.visible_session(edition, request.user, pk)
    except NotFound as exc:
        raise Http404(_("No such session.")) from exc
    error = ""
    status = 200
    try:
        if request.POST.get("action") == "remove":
            agenda.remove_from_agenda(request.user, session)
        else:
            agenda.add_to_agenda(request.user, session)
    except NotFound as exc:
        raise Http404(_("No such session.")) from exc
    except DomainError as exc:
        error, status = explain(exc), exc.status
    if _is_partial(request):
        context = {
            "edition": edition,
            "session": session,
            "booked": _booked_ids(request.user, edition),
            "error": error,
        }
        return render(request, "program/_agenda_button.html", context, status=status)
    if error:
        messages.error(request, error)
    return redirect(request.POST.get("next") or reverse("program:program", args=[edition.slug]))


@login_required
def my_agenda(request: HttpRequest, slug: str) -> HttpResponse:
    edition = edition_or_404(slug)
    entries = agenda.agenda_of(request.user, edition)
    return render(
        request,
        "program/agenda.html",
        {
            "edition": edition,
            "entries": entries,
            "conflicts": sum(1 for e in entries if e.conflict),
            "tz": sessions.edition_tz(edition),
        },
    )


@login_required
def agenda_ics(request: HttpRequest, slug: str, user_id: int) -> HttpResponse:
    edition = edition_or_404(slug)
    try:
        body = agenda.agenda_ical(request.user, user_id, edition)
    except NotAllowed as exc:
        raise PermissionDenied(_("You may only read your own agenda.")) from exc
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{edition.slug}-agenda.ics"'
    return response


def track_ics(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    track = get_object_or_404(
        Track.objects.select_related("edition"), edition=edition_or_404(slug), code=code
    )
    response = HttpResponse(agenda.track_ical(track), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{track.edition.slug}-{track.code}.ics"'
    return response


# ---------------------------------------------------------------- organizer: timetable editor


def _organizer(request: HttpRequest) -> None:
    try:
        require_role(request.user, Role.ORGANIZER, message="Only organizers edit the conference program.")
    except NotAllowed as exc:
        raise PermissionDenied(_("Only organizers edit the conference program.")) from exc


@login_required
def timetable(request: HttpRequest, slug: str) -> HttpResponse:
    """Day × room grid; every session in a conflict (either side of it) is highlighted."""
    _organizer(request)
    edition = edition_or_404(slug)
    tz = sessions.edition_tz(edition)
    rooms = list(Room.objects.filter(edition=edition))
    conflicts = sessions.edition_conflicts(edition)
    flagged: dict[int, list] = defaultdict(list)
    for conflict in conflicts:
        flagged[conflict.session].append(conflict)
        if conflict.other is not None:
            flagged[conflict.other].append(conflict)
    grid: dict[dt.date, dict[int, list[Session]]] = defaultdict(lambda: defaultdict(list))
    for session in (
        Session.objects.filter(edition=edition).select_related("room", "track").prefetch_related("speakers")
    ):
        grid[session.starts_at.astimezone(tz).date()][session.room_id].append(session)
    days = [(day, [(room, grid[day].get(room.pk, [])) for room in rooms]) for day in sorted(grid)]
    return render(
        request,
        "program/timetable.html",
        {
            "edition": edition,
            "days": days,
            "rooms": rooms,
            "conflicts": conflicts,
            "flagged": {pk: [c.detail for c in found] for pk, found in flagged.items()},
            "settings": sessions.program_settings(edition),
            "tz": tz,
        },
    )


def _session_form_page(request: HttpRequest, edition: Edition, session: Session | None) -> HttpResponse:
    _organizer(request)
    tz = sessions.edition_tz(edition)
    if request.method == "POST":
        form = SessionForm(request.POST, edition=edition, local_tz=tz)
        if form.is_valid():
            try:
                saved = sessions.save_session(edition, form.to_data(), actor=request.user, session=session)
            except NotAllowed as exc:
                raise PermissionDenied(str(exc)) from exc
            except DomainError as exc:
                form.attach(exc)
            else:
                for warning in saved.warnings:
                    messages.warning(request, warning.detail)
                messages.success(request, _("Session saved."))
                return redirect("program:timetable", slug=edition.slug)
        status = 400
    else:
        initial = SessionForm.initial_for(session, tz) if session else {}
        form = SessionForm(initial=initial, edition=edition, local_tz=tz)
        status = 200
    return render(
        request,
        "program/session_form.html",
        {"edition": edition, "form": form, "session": session},
        status=status,
    )


@login_required
def session_create(request: HttpRequest, slug: str) -> HttpResponse:
    return _session_form_page(request, edition_or_404(slug), None)


@login_required
def session_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    edition = edition_or_404(slug)
    return _session_form_page(request, edition, get_object_or_404(Session, edition=edition, pk=pk))
