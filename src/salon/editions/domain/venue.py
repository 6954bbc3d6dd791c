"""Editions, their halls and stands."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from django.db import transaction

from salon.audit.domain.chain import record
from salon.editions.domain.policy import require_country
from salon.editions.models import Edition, Hall, Stand, Theme
from salon.errors import DomainError


class EditionError(DomainError):
    pass


@transaction.atomic
def create_edition(
    *,
    slug: str,
    name: str,
    host_country: str,
    city: str,
    venue: str,
    start_date: dt.date,
    end_date: dt.date,
    guest_of_honour_country: str = "",
    languages: str = "fr,en",
    actor,
) -> Edition:
    if end_date < start_date:
        raise EditionError("ends_before_start", "An edition cannot end before it starts.", field="end_date")
    if Edition.objects.filter(slug=slug).exists():
        raise EditionError("duplicate_slug", f"An edition {slug!r} already exists.", status=409, field="slug")
    edition = Edition.objects.create(
        slug=slug,
        name=name,
        host_country=require_country(host_country, "host_country"),
        city=city,
        venue=venue,
        start_date=start_date,
        end_date=end_date,
        guest_of_honour_country=require_country(guest_of_honour_country, "guest_of_honour_country")
        if guest_of_honour_country
        else "",
        languages=languages,
    )
    record(
        actor=actor,
        action="edition.created",
        target=edition,
        edition_id=edition.pk,
        payload={"slug": slug, "host_country": edition.host_country.code},
    )
    return edition


def add_theme(edition: Edition, *, title_en: str, title_fr: str) -> Theme:
    return Theme.objects.create(edition=edition, title_en=title_en, title_fr=title_fr)


def add_hall(edition: Edition, *, code: str, name: str) -> Hall:
    if Hall.objects.filter(edition=edition, code=code).exists():
        raise EditionError("duplicate_hall", f"Hall {code} already exists.", status=409, field="code")
    return Hall.objects.create(edition=edition, code=code, name=name)


def add_stand(hall: Hall, *, number: str, area_m2) -> Stand:
    try:
        area = Decimal(str(area_m2))
    except InvalidOperation as exc:
        raise EditionError("invalid_area", f"{area_m2!r} is not an area.", field="area_m2") from exc
    if area < 1 or area > 10000:
        raise EditionError("invalid_area", "A stand measures between 1 and 10,000 m².", field="area_m2")
    if Stand.objects.filter(hall=hall, number=number).exists():
        raise EditionError(
            "duplicate_stand", f"Stand {hall.code}-{number} already exists.", status=409, field="number"
        )
    return Stand.objects.create(hall=hall, number=number, area_m2=area)


def edition_by_ref(ref: str | int) -> Edition | None:
    """Editions are addressed by id or by slug in URLs and commands."""
    ref = str(ref)
    if ref.isdigit():
        return Edition.objects.filter(pk=int(ref)).first()
    return Edition.objects.filter(slug=ref).first()
