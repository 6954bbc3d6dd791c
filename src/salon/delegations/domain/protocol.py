"""The lists protocol services work from: one row per delegation member, one per visit-program entry.

Rows are plain data (the writers in interfaces/exports.py turn them into CSV or XLSX); vetting status
is read live from each member's registration, so a later refusal shows up in the next export.
"""

from __future__ import annotations

from django.utils import timezone

from salon.accreditation.models import RegistrationStatus
from salon.delegations.models import Delegation, DelegationMember, VisitItem
from salon.editions.models import Edition

MEMBER_COLUMNS = [
    "country",
    "delegation",
    "head_of_delegation",
    "family_name",
    "given_names",
    "role",
    "title",
    "organization",
    "nationality",
    "languages",
    "vetting_status",
    "confirmed",
    "host_officer",
    "arrival",
    "departure",
    "protocol_notes",
]
VISIT_COLUMNS = [
    "country",
    "delegation",
    "kind",
    "title",
    "starts_at",
    "ends_at",
    "exhibitor",
    "location",
    "notes",
]


def _when(moment, tz) -> str:
    return moment.astimezone(tz).strftime("%Y-%m-%d %H:%M") if moment else ""


def _host(delegation: Delegation) -> str:
    officer = delegation.host_officer
    if officer is None:
        return ""
    return (officer.get_full_name() or officer.get_username()) + (
        f" <{officer.email}>" if officer.email else ""
    )


def member_rows(edition: Edition, tz=None) -> list[dict[str, str]]:
    tz = tz or timezone.get_current_timezone()
    members = (
        DelegationMember.objects.filter(delegation__edition=edition)
        .select_related("delegation__host_officer", "registration")
        .order_by("delegation__country", "role", "registration__family_name", "pk")
    )
    heads = {m.delegation_id: m.registration.full_name for m in members if m.role == "head"}
    rows = []
    for member in members:
        delegation, person = member.delegation, member.registration
        rows.append(
            {
                "country": delegation.country.code,
                "delegation": delegation.name,
                "head_of_delegation": heads.get(delegation.pk, ""),
                "family_name": person.family_name,
                "given_names": person.given_names,
                "role": member.get_role_display(),
                "title": member.title,
                "organization": person.organization,
                "nationality": person.nationality.code,
                "languages": member.languages,
                "vetting_status": RegistrationStatus(person.status).label,
                "confirmed": "yes"
                if member.confirmed_at and person.status == RegistrationStatus.ACCREDITED
                else "no",
                "host_officer": _host(delegation),
                "arrival": _when(delegation.arrival_at, tz),
                "departure": _when(delegation.departure_at, tz),
                "protocol_notes": delegation.protocol_notes,
            }
        )
    return [{k: str(v) for k, v in row.items()} for row in rows]


def visit_rows(edition: Edition, tz=None) -> list[dict[str, str]]:
    tz = tz or timezone.get_current_timezone()
    visits = (
        VisitItem.objects.filter(delegation__edition=edition)
        .select_related("delegation", "exhibitor__company")
        .order_by("delegation__country", "starts_at", "pk")
    )
    return [
        {
            "country": v.delegation.country.code,
            "delegation": v.delegation.name,
            "kind": str(v.get_kind_display()),
            "title": v.title,
            "starts_at": _when(v.starts_at, tz),
            "ends_at": _when(v.ends_at, tz),
            "exhibitor": v.exhibitor.company.legal_name if v.exhibitor_id else "",
            "location": v.location,
            "notes": v.notes,
        }
        for v in visits
    ]
