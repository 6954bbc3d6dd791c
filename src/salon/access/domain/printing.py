"""Badges to printable cards (names of countries and categories in the edition's first language)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.utils import translation

from salon.access.interfaces.pdf import BadgeCard, render_badges
from salon.access.models import Badge, BadgeCategory, BadgeStatus


def card_for(badge: Badge) -> BadgeCard:
    return BadgeCard(
        edition_name=badge.edition.name,
        holder_name=badge.holder_name,
        organization=badge.organization,
        country_name=str(badge.country.name) if badge.country else "",
        category=badge.category,
        category_label=str(BadgeCategory(badge.category).label),
        payload=badge.payload,
        reference=f"#{badge.pk} · v{badge.version}",
    )


def badges_pdf(
    badges: Iterable[Badge], *, language: str = "en", on_page: Callable[[], None] | None = None
) -> bytes:
    with translation.override(language):
        return render_badges((card_for(b) for b in badges), on_page=on_page)


def printable(edition) -> list[Badge]:
    return list(
        Badge.objects.filter(edition=edition, status=BadgeStatus.ACTIVE)
        .select_related("edition")
        .order_by("pk")
    )
