"""The gate page: a gate agent's tablet or laptop, which keeps deciding when the network drops."""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import ensure_csrf_cookie

from salon.access.domain.checkin import MESSAGES
from salon.accounts.domain.roles import Role, has_role
from salon.editions.domain.venue import edition_by_ref

SERVICE_WORKER = Path(__file__).resolve().parent / "static" / "access" / "gate-sw.js"


@login_required
@ensure_csrf_cookie
def gate(request: HttpRequest, slug: str) -> HttpResponse:
    if not has_role(request.user, Role.GATE_AGENT, Role.ORGANIZER):
        raise PermissionDenied("Only gate agents and organizers open a gate.")
    edition = edition_by_ref(slug)
    if edition is None:
        raise Http404(f"No edition {slug!r}.")
    config = {
        "edition": edition.slug,
        "bundleUrl": f"/api/v1/editions/{edition.slug}/gate-bundle",
        "batchUrl": "/api/v1/checkin/batch",
        "serviceWorker": reverse("access:gate_sw"),
        "messages": {reason.value: message for reason, message in MESSAGES.items()},
    }
    return render(request, "access/gate.html", {"edition": edition, "gate_config": config})


@never_cache
def service_worker(request: HttpRequest) -> HttpResponse:
    """Served under /gate/ so that its scope covers every gate page."""
    response = HttpResponse(SERVICE_WORKER.read_text(), content_type="application/javascript")
    response["Service-Worker-Allowed"] = "/gate/"
    return response
