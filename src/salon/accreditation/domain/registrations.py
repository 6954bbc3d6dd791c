"""Professional-only registration: validation shared by the web form, the API and bulk imports.

A registration is screened the moment it exists; a clean one from a sector the organizer trusts may
be accredited at once, everything else waits for a vetting officer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import translation
from django_countries import countries

from salon.accounts.domain.roles import Role, has_role, require_role
from salon.accreditation.domain import protection
from salon.accreditation.domain.vetting import screen_and_route
from salon.accreditation.models import IdDocumentType, ImportBatch, Registration, Sector
from salon.audit.domain.chain import record
from salon.editions.models import Edition, Zone
from salon.errors import DomainError

MAX_NAME = 150
MAX_ORIGINAL_NAME = 300
MIN_AGE, MAX_AGE = 16, 110


@dataclass(frozen=True)
class Problem:
    column: str
    reason: str


class RegistrationError(DomainError):
    def __init__(self, problems: list[Problem], *, line: int | None = None):
        self.problems = problems
        where = f"line {line}: " if line else ""
        super().__init__(
            "invalid_registration",
            where + "; ".join(f"{p.column}: {p.reason}" for p in problems),
            field=problems[0].column if problems else None,
        )


@dataclass
class RegistrationData:
    given_names: str
    family_name: str
    birth_date: dt.date | str | None
    nationality: str
    organization: str
    sector: str
    id_document_type: str
    id_document_number: str
    original_script_name: str = ""
    email: str = ""
    role: str = ""
    requested_days: list[dt.date | str] = field(default_factory=list)
    requested_zones: list[str] = field(default_factory=list)
    language: str = ""


@dataclass(frozen=True)
class CleanRegistration:
    given_names: str
    family_name: str
    original_script_name: str
    birth_date: dt.date
    nationality: str
    email: str
    organization: str
    sector: str
    role: str
    id_document_type: str
    id_document_number: str
    requested_days: tuple[dt.date, ...]
    requested_zones: tuple[str, ...]
    language: str

    @property
    def identity_key(self) -> tuple[str, str, dt.date]:
        return (self.given_names.casefold(), self.family_name.casefold(), self.birth_date)


def edition_days(edition: Edition) -> list[dt.date]:
    span = (edition.end_date - edition.start_date).days
    return [edition.start_date + dt.timedelta(days=offset) for offset in range(span + 1)]


def _as_date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value or "").strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _text(value, limit: int, column: str, problems: list[Problem], *, required: bool) -> str:
    text = " ".join(str(value or "").split())
    if required and not text:
        problems.append(Problem(column, "required"))
    elif len(text) > limit:
        problems.append(Problem(column, f"too long ({len(text)} characters, at most {limit})"))
        text = ""
    return text


def clean_registration(
    data: RegistrationData, edition: Edition, zone_codes: set[str], today: dt.date | None = None
) -> CleanRegistration:
    """Check every field and report every problem at once."""
    today = today or dt.date.today()
    problems: list[Problem] = []
    given = _text(data.given_names, MAX_NAME, "given_names", problems, required=True)
    family = _text(data.family_name, MAX_NAME, "family_name", problems, required=True)
    original = _text(
        data.original_script_name, MAX_ORIGINAL_NAME, "original_script_name", problems, required=False
    )
    organization = _text(data.organization, 200, "organization", problems, required=True)
    role = _text(data.role, 200, "role", problems, required=False)
    birth = _as_date(data.birth_date)
    if birth is None:
        problems.append(
            Problem(
                "birth_date",
                "required, as YYYY-MM-DD"
                if not data.birth_date
                else f"{data.birth_date!r} is not a YYYY-MM-DD date",
            )
        )
    elif birth > today:
        problems.append(Problem("birth_date", f"{birth.isoformat()} is in the future"))
    elif not (MIN_AGE <= (today - birth).days // 365.25 <= MAX_AGE):
        problems.append(
            Problem("birth_date", f"{birth.isoformat()} gives an age outside {MIN_AGE}–{MAX_AGE}")
        )
    nationality = str(data.nationality or "").strip().upper()
    if nationality not in dict(countries):
        problems.append(
            Problem("nationality", f"unknown country code {data.nationality!r} (ISO 3166, e.g. FR)")
        )
    email = str(data.email or "").strip()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            problems.append(Problem("email", f"{email!r} is not an email address"))
    sector = str(data.sector or "").strip()
    if sector not in Sector.values:
        problems.append(Problem("sector", f"{sector!r} is not one of {', '.join(Sector.values)}"))
    document_type = str(data.id_document_type or "").strip()
    if document_type not in IdDocumentType.values:
        problems.append(
            Problem("id_document_type", f"{document_type!r} is not one of {', '.join(IdDocumentType.values)}")
        )
    number = protection.normalise_document_number(str(data.id_document_number or ""))
    if not 4 <= len(number) <= 30:
        problems.append(Problem("id_document_number", "required, 4 to 30 letters or digits"))
    allowed_days = edition_days(edition)
    days: list[dt.date] = []
    for raw in data.requested_days or []:
        day = _as_date(raw)
        if day is None or day not in allowed_days:
            problems.append(Problem("requested_days", f"{raw} is not a day of {edition.name}"))
        elif day not in days:
            days.append(day)
    zones = [str(z).strip() for z in data.requested_zones or [] if str(z).strip()]
    unknown_zones = [z for z in zones if z not in zone_codes]
    if unknown_zones:
        problems.append(Problem("requested_zones", f"unknown zones: {', '.join(unknown_zones)}"))
    language = str(data.language or translation.get_language() or "en")[:2].lower()
    if language not in dict(settings.LANGUAGES):
        problems.append(
            Problem("language", f"{language!r} is not one of {', '.join(dict(settings.LANGUAGES))}")
        )
    if problems:
        raise RegistrationError(problems)
    return CleanRegistration(
        given_names=given,
        family_name=family,
        original_script_name=original,
        birth_date=birth,
        nationality=nationality,
        email=email,
        organization=organization,
        sector=sector,
        role=role,
        id_document_type=document_type,
        id_document_number=number,
        requested_days=tuple(sorted(days or allowed_days)),
        requested_zones=tuple(dict.fromkeys(zones)),
        language=language,
    )


def zone_codes(edition: Edition) -> set[str]:
    return set(Zone.objects.filter(edition=edition).values_list("code", flat=True))


def build_registration(
    edition: Edition, clean: CleanRegistration, *, registrant=None, batch=None
) -> Registration:
    return Registration(
        edition=edition,
        registrant=registrant,
        batch=batch,
        given_names=clean.given_names,
        family_name=clean.family_name,
        original_script_name=clean.original_script_name,
        birth_date=clean.birth_date,
        nationality=clean.nationality,
        email=clean.email,
        organization=clean.organization,
        sector=clean.sector,
        role=clean.role,
        language=clean.language,
        id_document_type=clean.id_document_type,
        id_document_number_encrypted=protection.encrypt(clean.id_document_number),
        id_document_fingerprint=protection.fingerprint(clean.id_document_number),
        requested_days=[d.isoformat() for d in clean.requested_days],
    )


def duplicate_problem(edition: Edition, clean: CleanRegistration) -> Problem | None:
    existing = Registration.objects.filter(edition=edition, purged_at__isnull=True)
    if existing.filter(id_document_fingerprint=protection.fingerprint(clean.id_document_number)).exists():
        return Problem("id_document_number", "a registration with this identity document already exists")
    if existing.filter(
        given_names__iexact=clean.given_names,
        family_name__iexact=clean.family_name,
        birth_date=clean.birth_date,
    ).exists():
        return Problem("family_name", "this person (same name and date of birth) is already registered")
    return None


@transaction.atomic
def register(edition: Edition, data: RegistrationData, *, actor=None) -> Registration:
    """Create one registration, screen it and, where the organizer allows it, accredit it."""
    clean = clean_registration(data, edition, zone_codes(edition))
    duplicate = duplicate_problem(edition, clean)
    if duplicate:
        raise RegistrationError([duplicate])
    registrant = (
        actor
        if actor is not None
        and getattr(actor, "is_authenticated", False)
        and not has_role(actor, Role.ORGANIZER, Role.VETTING_OFFICER)
        else None
    )
    registration = build_registration(edition, clean, registrant=registrant)
    registration.save()
    registration.requested_zones.set(Zone.objects.filter(edition=edition, code__in=clean.requested_zones))
    record(
        actor=actor or "self-registration",
        action="registration.created",
        target=registration,
        edition_id=edition.pk,
        payload={"sector": clean.sector, "nationality": clean.nationality},
    )
    screen_and_route([registration])
    return registration


class ImportRowsError(DomainError):
    """Every bad row of a group import, with its line; nothing of the file was saved."""

    def __init__(self, problems: list[tuple[int, Problem]]):
        self.problems = problems
        shown = "; ".join(f"line {line}, {p.column}: {p.reason}" for line, p in problems[:50])
        more = f" (and {len(problems) - 50} more)" if len(problems) > 50 else ""
        super().__init__("invalid_import", f"Nothing was imported. {shown}{more}")


@transaction.atomic
def import_registrations(
    edition: Edition, rows: list[tuple[int, RegistrationData]], *, file_name: str, actor
) -> ImportBatch:
    """All or nothing: every row is checked (fields, duplicates in the file and in the edition) first."""
    require_role(
        actor,
        Role.ORGANIZER,
        Role.VETTING_OFFICER,
        message="Only organizers and vetting officers import registrations.",
    )
    codes = zone_codes(edition)
    problems: list[tuple[int, Problem]] = []
    cleaned: list[tuple[int, CleanRegistration]] = []
    seen_documents: dict[str, int] = {}
    seen_people: dict[tuple, int] = {}
    for line, data in rows:
        try:
            clean = clean_registration(data, edition, codes)
        except RegistrationError as exc:
            problems += [(line, p) for p in exc.problems]
            continue
        fingerprint = protection.fingerprint(clean.id_document_number)
        if fingerprint in seen_documents:
            problems.append(
                (
                    line,
                    Problem(
                        "id_document_number", f"same identity document as line {seen_documents[fingerprint]}"
                    ),
                )
            )
            continue
        if clean.identity_key in seen_people:
            problems.append(
                (line, Problem("family_name", f"same person as line {seen_people[clean.identity_key]}"))
            )
            continue
        duplicate = duplicate_problem(edition, clean)
        if duplicate:
            problems.append((line, duplicate))
            continue
        seen_documents[fingerprint] = line
        seen_people[clean.identity_key] = line
        cleaned.append((line, clean))
    if not rows:
        problems.append((1, Problem("-", "no people in the file")))
    if problems:
        raise ImportRowsError(problems)
    batch = ImportBatch.objects.create(
        edition=edition, file_name=file_name[:255], imported_by=actor, row_count=len(cleaned)
    )
    registrations = Registration.objects.bulk_create(
        [build_registration(edition, clean, batch=batch) for _, clean in cleaned], batch_size=1000
    )
    zones = {z.code: z for z in Zone.objects.filter(edition=edition)}
    links = Registration.requested_zones.through
    links.objects.bulk_create(
        [
            links(registration_id=r.pk, zone_id=zones[code].pk)
            for r, (_, clean) in zip(registrations, cleaned, strict=True)
            for code in clean.requested_zones
        ]
    )
    record(
        actor=actor,
        action="registration.imported",
        target=batch,
        edition_id=edition.pk,
        payload={"file": file_name, "people": len(registrations)},
    )
    for registration in registrations:
        registration.edition = edition
    screen_and_route(registrations)
    return batch
