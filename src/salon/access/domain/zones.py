"""Zones, who may enter them when, and the gates that guard them."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Max

from salon.access.badges.codec import MAX_ZONES
from salon.access.models import AccessSettings, BadgeCategory, Gate, PassbackMode, ZoneRule, ZoneSlot
from salon.accounts.domain.roles import Role, require_role
from salon.audit.domain.chain import record
from salon.editions.models import Edition, Zone, ZoneKind
from salon.errors import DomainError

# Kinds a holder enters only when the zone was granted to them by name (requested, or set by an organizer).
RESTRICTED_KINDS = {ZoneKind.DEMONSTRATION, ZoneKind.LOUNGE}


class AccessConfigError(DomainError):
    pass


def access_settings(edition: Edition) -> AccessSettings:
    row, _ = AccessSettings.objects.get_or_create(edition=edition)
    return row


def slot_for(zone: Zone) -> ZoneSlot:
    """The zone's bit in the badges, given once and never reused in the edition."""
    slot = ZoneSlot.objects.filter(zone=zone).first()
    if slot is not None:
        return slot
    with transaction.atomic():
        used = ZoneSlot.objects.select_for_update().filter(edition_id=zone.edition_id)
        highest = used.aggregate(top=Max("bit"))["top"]
        bit = 0 if highest is None else highest + 1
        if bit >= MAX_ZONES:
            raise AccessConfigError(
                "too_many_zones", f"An edition has at most {MAX_ZONES} zones with entry rules.", status=409
            )
        return ZoneSlot.objects.create(zone=zone, edition_id=zone.edition_id, bit=bit)


@transaction.atomic
def add_zone(
    edition: Edition, *, code: str, name_en: str, name_fr: str, kind: str, capacity: int | None = None
) -> Zone:
    zone, _ = Zone.objects.get_or_create(
        edition=edition,
        code=code,
        defaults={"name_en": name_en, "name_fr": name_fr, "kind": kind, "capacity": capacity},
    )
    slot_for(zone)
    return zone


def _check_days(edition: Edition, days: list[dt.date]) -> None:
    first, last = edition.start_date - dt.timedelta(days=7), edition.end_date + dt.timedelta(days=7)
    for day in days:
        if not first <= day <= last:
            raise AccessConfigError(
                "day_outside_edition", f"{day} is too far from the edition's dates.", field="days"
            )


@transaction.atomic
def set_zone_rule(
    zone: Zone,
    *,
    category: str,
    days: list[dt.date] | None = None,
    opens: dt.time | None = None,
    closes: dt.time | None = None,
    actor,
) -> ZoneRule:
    require_role(actor, Role.ORGANIZER, message="Only organizers set zone rules.")
    if category not in BadgeCategory.values:
        raise AccessConfigError("unknown_category", f"Unknown category {category!r}.", field="category")
    if (opens is None) != (closes is None) or (opens is not None and opens >= closes):
        raise AccessConfigError(
            "bad_hours", "Give both opening and closing times, opening first.", field="opens"
        )
    days = sorted(set(days or []))
    _check_days(zone.edition, days)
    slot_for(zone)
    rule, _ = ZoneRule.objects.update_or_create(
        zone=zone,
        category=category,
        defaults={"days": [d.isoformat() for d in days], "opens": opens, "closes": closes},
    )
    record(
        actor=actor,
        action="access.zone_rule_set",
        target=rule,
        edition_id=zone.edition_id,
        payload={
            "zone": zone.code,
            "category": category,
            "days": rule.days,
            "opens": opens,
            "closes": closes,
        },
    )
    return rule


@transaction.atomic
def remove_zone_rule(zone: Zone, *, category: str, actor) -> int:
    require_role(actor, Role.ORGANIZER, message="Only organizers set zone rules.")
    deleted, _ = ZoneRule.objects.filter(zone=zone, category=category).delete()
    if deleted:
        record(
            actor=actor,
            action="access.zone_rule_removed",
            object_type="access.zonerule",
            object_id=f"{zone.code}/{category}",
            edition_id=zone.edition_id,
            payload={"zone": zone.code, "category": category},
        )
    return deleted


@transaction.atomic
def add_gate(edition: Edition, *, zone: Zone, code: str, name: str, actor) -> Gate:
    require_role(actor, Role.ORGANIZER, message="Only organizers set up gates.")
    if zone.edition_id != edition.pk:
        raise AccessConfigError(
            "zone_of_other_edition", "This zone belongs to another edition.", field="zone"
        )
    if Gate.objects.filter(edition=edition, code=code).exists():
        raise AccessConfigError("duplicate_gate", f"Gate {code} already exists.", status=409, field="code")
    slot_for(zone)
    gate = Gate.objects.create(edition=edition, zone=zone, code=code, name=name)
    record(
        actor=actor,
        action="access.gate_added",
        target=gate,
        edition_id=edition.pk,
        payload={"code": code, "zone": zone.code},
    )
    return gate


@transaction.atomic
def set_passback_mode(edition: Edition, mode: str, *, actor) -> AccessSettings:
    require_role(actor, Role.ORGANIZER, message="Only organizers change the anti-passback mode.")
    if mode not in PassbackMode.values:
        raise AccessConfigError(
            "unknown_mode", f"Anti-passback mode is warn or deny, not {mode!r}.", field="mode"
        )
    row = access_settings(edition)
    row.passback_mode = mode
    row.save(update_fields=["passback_mode"])
    record(
        actor=actor,
        action="access.passback_mode_set",
        target=row,
        edition_id=edition.pk,
        payload={"mode": mode},
    )
    return row


def default_zones(edition: Edition, category: str, requested: list[Zone] | None = None) -> list[Zone]:
    """The zones a new badge grants: every zone with a rule for the category, restricted ones only when
    requested by name."""
    requested_ids = {z.pk for z in requested or []}
    zones = Zone.objects.filter(edition=edition, access_rules__category=category).distinct()
    return [z for z in zones if z.kind not in RESTRICTED_KINDS or z.pk in requested_ids]


def edition_configured(edition: Edition) -> bool:
    return ZoneRule.objects.filter(zone__edition=edition).exists()
