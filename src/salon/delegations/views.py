"""Delegation pages for organizers and host officers: the list, one delegation, the protocol exports."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from salon.accounts.domain.roles import Role, has_role
from salon.delegations.api import protocol_file
from salon.delegations.domain.delegations import delegation_for, visible_delegations
from salon.delegations.models import GuestPavilion
from salon.errors import NotAllowed, NotFound
from salon.program.domain.sessions import edition_tz
from salon.web import edition_or_404


@login_required
def delegation_list(request: HttpRequest, slug: str) -> HttpResponse:
    edition = edition_or_404(slug)
    delegations = (
        visible_delegations(request.user, edition)
        .select_related("host_officer")
        .prefetch_related("members__registration")
    )
    if not delegations and not has_role(request.user, Role.ORGANIZER):
        raise PermissionDenied(_("Only organizers and host officers see delegations."))
    return render(
        request,
        "delegations/delegation_list.html",
        {
            "edition": edition,
            "delegations": delegations,
            "pavilion": GuestPavilion.objects.filter(edition=edition).select_related("hall").first(),
            "may_export": has_role(request.user, Role.ORGANIZER),
            "tz": edition_tz(edition),
        },
    )


@login_required
def delegation_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    edition = edition_or_404(slug)
    try:
        delegation = delegation_for(request.user, pk)
    except NotFound as exc:
        raise Http404(_("No such delegation.")) from exc
    except NotAllowed as exc:
        raise PermissionDenied(
            _("Only organizers and the delegation's host officer see a delegation.")
        ) from exc
    if delegation.edition_id != edition.pk:
        raise Http404(_("No such delegation."))
    return render(
        request,
        "delegations/delegation_detail.html",
        {
            "edition": edition,
            "delegation": delegation,
            "members": delegation.members.select_related("registration"),
            "visits": delegation.visits.select_related("exhibitor__company"),
            "tz": edition_tz(edition),
        },
    )


@login_required
def protocol_export(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    if not has_role(request.user, Role.ORGANIZER):
        raise PermissionDenied(_("Only organizers export the protocol lists."))
    if fmt not in ("csv", "xlsx"):
        raise Http404(_("Export as csv or xlsx."))
    return protocol_file(edition_or_404(slug), fmt)
