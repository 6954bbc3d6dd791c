"""Company profiles and their bilingual product catalogue."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import transaction

from salon.accounts.domain.roles import Role, has_role
from salon.audit.domain.chain import record
from salon.editions.domain.policy import require_country
from salon.errors import DomainError, NotAllowed
from salon.exhibitors.domain.access import require_company_editor
from salon.exhibitors.models import Category, Company, Contact, Product

MAX_DESCRIPTION = 5000


class CompanyError(DomainError):
    pass


@dataclass
class CompanyProfile:
    legal_name: str
    country: str
    city: str = ""
    website: str = ""
    description_en: str = ""
    description_fr: str = ""
    categories: list[str] = field(default_factory=list)


def categories_by_code(codes: Iterable[str]) -> list[Category]:
    """The taxonomy entries for these codes, in their order; one error naming every unknown code."""
    codes = list(dict.fromkeys(codes))
    found = {c.code: c for c in Category.objects.filter(code__in=codes)}
    unknown = [c for c in codes if c not in found]
    if unknown:
        raise CompanyError(
            "unknown_category", f"Unknown capability categories: {', '.join(unknown)}.", field="categories"
        )
    return [found[c] for c in codes]


def _clean(profile: CompanyProfile) -> CompanyProfile:
    legal_name = (profile.legal_name or "").strip()
    if not legal_name or len(legal_name) > 200:
        raise CompanyError(
            "invalid_name", "The legal name is required (200 characters at most).", field="legal_name"
        )
    website = (profile.website or "").strip()
    if website:
        try:
            URLValidator(schemes=["http", "https"])(website)
        except ValidationError as exc:
            raise CompanyError(
                "invalid_website", f"{website!r} is not a web address.", field="website"
            ) from exc
    for name in ("description_en", "description_fr"):
        if len(getattr(profile, name) or "") > MAX_DESCRIPTION:
            raise CompanyError(
                "description_too_long", f"A description has at most {MAX_DESCRIPTION} characters.", field=name
            )
    return CompanyProfile(
        legal_name=legal_name,
        country=require_country(profile.country),
        city=(profile.city or "").strip()[:100],
        website=website,
        description_en=(profile.description_en or "").strip(),
        description_fr=(profile.description_fr or "").strip(),
        categories=list(profile.categories or []),
    )


@transaction.atomic
def create_company(profile: CompanyProfile, *, actor) -> Company:
    """An exhibitor creates its own company and becomes its first member; organizers create any."""
    if not has_role(actor, Role.ORGANIZER, Role.EXHIBITOR):
        raise NotAllowed("Only exhibitors and organizers create companies.")
    profile = _clean(profile)
    categories = categories_by_code(profile.categories)
    company = Company.objects.create(
        legal_name=profile.legal_name,
        country=profile.country,
        city=profile.city,
        website=profile.website,
        description_en=profile.description_en,
        description_fr=profile.description_fr,
    )
    company.categories.set(categories)
    if has_role(actor, Role.EXHIBITOR):
        company.members.add(actor)
    record(
        actor=actor,
        action="company.created",
        target=company,
        payload={"legal_name": company.legal_name, "country": profile.country},
    )
    return company


@transaction.atomic
def update_company(company: Company, changes: dict, *, actor) -> Company:
    require_company_editor(actor, company)
    current = CompanyProfile(
        legal_name=company.legal_name,
        country=company.country.code,
        city=company.city,
        website=company.website,
        description_en=company.description_en,
        description_fr=company.description_fr,
        categories=list(company.categories.values_list("code", flat=True)),
    )
    allowed = set(CompanyProfile.__dataclass_fields__)
    unknown = set(changes) - allowed
    if unknown:
        raise CompanyError("unknown_field", f"Unknown fields: {', '.join(sorted(unknown))}.")
    if (
        "country" in changes
        and changes["country"] != current.country
        and company.applications.exclude(status="draft").exists()
    ):
        raise CompanyError(
            "country_locked",
            "The country cannot change once an application was submitted: the policy decision depends on it.",
            field="country",
            status=409,
        )
    for key, value in changes.items():
        setattr(current, key, value)
    profile = _clean(current)
    categories = categories_by_code(profile.categories)
    for key in ("legal_name", "country", "city", "website", "description_en", "description_fr"):
        setattr(company, key, getattr(profile, key))
    company.save()
    company.categories.set(categories)
    record(actor=actor, action="company.updated", target=company, payload={"fields": sorted(changes)})
    return company


@transaction.atomic
def add_product(
    company: Company, *, name: str, category: str, description_en: str = "", description_fr: str = "", actor
) -> Product:
    require_company_editor(actor, company)
    name = (name or "").strip()
    if not name or len(name) > 200:
        raise CompanyError("invalid_name", "A product needs a name (200 characters at most).", field="name")
    if not (description_en or description_fr):
        raise CompanyError(
            "description_required",
            "Describe the product in French or English (or both).",
            field="description_en",
        )
    (category_obj,) = categories_by_code([category])
    return Product.objects.create(
        company=company,
        name=name,
        category=category_obj,
        description_en=description_en.strip()[:MAX_DESCRIPTION],
        description_fr=description_fr.strip()[:MAX_DESCRIPTION],
    )


@transaction.atomic
def remove_product(product: Product, *, actor) -> None:
    require_company_editor(actor, product.company)
    product.delete()


@transaction.atomic
def add_contact(
    company: Company, *, full_name: str, email: str, role: str = "", phone: str = "", actor
) -> Contact:
    require_company_editor(actor, company)
    full_name = (full_name or "").strip()
    if not full_name:
        raise CompanyError("invalid_name", "A contact needs a name.", field="full_name")
    try:
        validate_email(email)
    except ValidationError as exc:
        raise CompanyError("invalid_email", f"{email!r} is not an email address.", field="email") from exc
    return Contact.objects.create(
        company=company, full_name=full_name[:200], email=email, role=role[:200], phone=phone[:40]
    )
