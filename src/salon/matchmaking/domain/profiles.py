"""Visitor needs and exhibitor offers, and the incremental refresh of their stored embeddings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django_countries import countries

from salon.accounts.domain.roles import Role, has_role
from salon.accreditation.models import Registration, RegistrationStatus
from salon.errors import DomainError, NotAllowed
from salon.exhibitors.domain.access import is_member
from salon.exhibitors.domain.companies import categories_by_code
from salon.exhibitors.models import Application, ApplicationStatus
from salon.matchmaking.domain.slots import edition_slots
from salon.matchmaking.models import ExhibitorOffer, VisitorNeed
from salon.matchmaking.ranking import embed_needs, embed_offers, text_fingerprint, vectors_to_bytes

MAX_TEXT = 4000


class ProfileError(DomainError):
    pass


def can_act_for_visitor(user, registration: Registration) -> bool:
    return has_role(user, Role.ORGANIZER) or (
        registration.registrant_id is not None and registration.registrant_id == user.pk
    )


def can_act_for_exhibitor(user, application: Application) -> bool:
    return has_role(user, Role.ORGANIZER) or (
        has_role(user, Role.EXHIBITOR) and is_member(user, application.company)
    )


def offer_text(application: Application) -> str:
    """What an exhibitor offers, in every language it wrote: profile, then each product."""
    company = application.company
    parts = [company.legal_name, company.description_en, company.description_fr]
    for product in company.products.all():
        parts += [product.name, product.description_en, product.description_fr]
    return "\n".join(p.strip() for p in parts if p and p.strip())


def _clean_days(edition, days: Iterable) -> list[str]:
    allowed = {s.day.isoformat() for s in edition_slots(edition)}
    cleaned = []
    for day in days or []:
        text = day.isoformat() if isinstance(day, dt.date) else str(day)
        if text not in allowed:
            raise ProfileError(
                "day_outside_edition",
                f"{text} is not a meeting day of {edition.name}.",
                field="available_days",
            )
        cleaned.append(text)
    return sorted(set(cleaned))


def _clean_slots(edition, slots: Iterable[str]) -> list[str]:
    allowed = {s.id for s in edition_slots(edition)}
    unknown = [s for s in slots or [] if s not in allowed]
    if unknown:
        raise ProfileError(
            "unknown_slot", f"{unknown[0]} is not a meeting slot of {edition.name}.", field="blocked_slots"
        )
    return sorted(set(slots or []))


@transaction.atomic
def update_need(
    registration: Registration,
    *,
    actor,
    text: str | None = None,
    categories: list[str] | None = None,
    budget_horizon: str | None = None,
    available_days: list | None = None,
    blocked_slots: list[str] | None = None,
) -> VisitorNeed:
    if not can_act_for_visitor(actor, registration):
        raise NotAllowed("You may only edit your own needs.")
    if registration.status != RegistrationStatus.ACCREDITED:
        raise ProfileError(
            "not_accredited", "Matchmaking opens once the registration is accredited.", status=409
        )
    need, _ = VisitorNeed.objects.get_or_create(registration=registration)
    if text is not None:
        text = text.strip()
        if len(text) > MAX_TEXT:
            raise ProfileError("text_too_long", f"At most {MAX_TEXT} characters.", field="text")
        need.text = text
        need.text_fingerprint = text_fingerprint(text) if text else ""
    if budget_horizon is not None:
        if budget_horizon not in ("", "short", "medium", "long"):
            raise ProfileError(
                "invalid_budget_horizon",
                "Budget horizon: short, medium, long or empty.",
                field="budget_horizon",
            )
        need.budget_horizon = budget_horizon
    if available_days is not None:
        need.available_days = _clean_days(registration.edition, available_days)
    if blocked_slots is not None:
        need.blocked_slots = _clean_slots(registration.edition, blocked_slots)
    need.save()
    if categories is not None:
        need.categories.set(categories_by_code(categories or []))
    return need


@transaction.atomic
def update_offer(
    application: Application,
    *,
    actor,
    countries_served: list[str] | None = None,
    tables: int | None = None,
    available_days: list | None = None,
    blocked_slots: list[str] | None = None,
) -> ExhibitorOffer:
    if not can_act_for_exhibitor(actor, application):
        raise NotAllowed("You may only edit your own company's offer.")
    if application.status != ApplicationStatus.ADMITTED:
        raise ProfileError("not_admitted", "Matchmaking opens once the exhibitor is admitted.", status=409)
    offer = sync_offer(application)
    if countries_served is not None:
        codes = [c.strip().upper() for c in countries_served]
        unknown = [c for c in codes if c not in dict(countries)]
        if unknown:
            raise ProfileError(
                "unknown_country", f"Unknown country codes: {', '.join(unknown)}.", field="countries_served"
            )
        offer.countries_served = sorted(set(codes))
    if tables is not None:
        if not 1 <= tables <= 50:
            raise ProfileError("invalid_tables", "Between 1 and 50 meeting tables.", field="tables")
        offer.tables = tables
    if available_days is not None:
        offer.available_days = _clean_days(application.edition, available_days)
    if blocked_slots is not None:
        offer.blocked_slots = _clean_slots(application.edition, blocked_slots)
    offer.save()
    return offer


def sync_offer(application: Application) -> ExhibitorOffer:
    """The offer text follows the company profile and catalogue; its vector goes stale when they change."""
    offer, _ = ExhibitorOffer.objects.get_or_create(application=application)
    text = offer_text(application)
    if text != offer.text:
        offer.text = text
        offer.text_fingerprint = text_fingerprint(text) if text else ""
        offer.save(update_fields=["text", "text_fingerprint", "updated_at"])
    return offer


def refresh_vectors(edition, *, batch_size: int = 64, limit: int | None = None, progress=None) -> int:
    """Embed the profiles whose text changed since their vector was computed. Returns how many."""
    done = 0
    for model, embed, owner in (
        (ExhibitorOffer, embed_offers, "application__edition"),
        (VisitorNeed, embed_needs, "registration__edition"),
    ):
        stale = [
            p
            for p in model.objects.filter(**{owner: edition})
            .exclude(text="")
            .only("id", "text", "text_fingerprint", "vector_fingerprint")
            if p.vector_fingerprint != p.text_fingerprint
        ]
        if limit is not None:
            stale = stale[: max(0, limit - done)]
        for start in range(0, len(stale), batch_size):
            chunk = stale[start : start + batch_size]
            vectors = embed([p.text for p in chunk])
            for profile, vector in zip(chunk, vectors, strict=True):
                model.objects.filter(pk=profile.pk, text_fingerprint=profile.text_fingerprint).update(
                    vector=vectors_to_bytes(vector[None, :]),
                    vector_fingerprint=profile.text_fingerprint,
                    updated_at=timezone.now(),
                )  # rankers cached on updated_at are rebuilt
            done += len(chunk)
            if progress:
                progress(len(chunk))
    return done
