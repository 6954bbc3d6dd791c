"""Public pages of editions: the home page lists them with what the signed-in user may open."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from salon.accounts.domain.roles import Role, has_role
from salon.editions.models import Edition
from salon.exhibitors.models import ApplicationStatus


@dataclass(frozen=True)
class EditionCard:
    edition: Edition
    themes: list[str]
    exhibitors: int
    pending: int


def home(request: HttpRequest) -> HttpResponse:
    french = (get_language() or "en").startswith("fr")
    editions = Edition.objects.prefetch_related("themes").annotate(
        exhibitors=Count("applications", filter=Q(applications__status=ApplicationStatus.ADMITTED)),
        pending=Count("applications", filter=Q(applications__status=ApplicationStatus.PENDING_AUTHORIZATION)),
    )
    cards = [
        EditionCard(
            edition=edition,
            themes=[t.title_fr if french else t.title_en for t in edition.themes.all()],
            exhibitors=edition.exhibitors,
            pending=edition.pending,
        )
        for edition in editions
    ]
    user = request.user
    context = {
        "cards": cards,
        "is_organizer": has_role(user, Role.ORGANIZER),
        "is_officer": has_role(user, Role.AUTHORIZATION_OFFICER),
        "is_exhibitor": has_role(user, Role.EXHIBITOR),
    }
    return render(request, "editions/home.html", context)
