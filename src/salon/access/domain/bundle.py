"""What a gate device downloads to decide on its own when the network is gone."""

from __future__ import annotations

import base64

from django.conf import settings
from django.utils import timezone

from salon.access.badges.codec import Category
from salon.access.domain import keys
from salon.access.domain.zones import access_settings
from salon.access.models import Badge, BadgeStatus, EditionKey, Gate, ZoneRule, ZoneSlot
from salon.editions.models import Edition


def gate_bundle(edition: Edition) -> dict:
    keys.current_key(edition)
    settings_row = access_settings(edition)
    slots = {s.zone_id: s.bit for s in ZoneSlot.objects.filter(edition_id=edition.pk)}
    rules: dict[int, list[dict]] = {}
    for rule in ZoneRule.objects.filter(zone__edition=edition).order_by("zone_id", "category"):
        rules.setdefault(rule.zone_id, []).append(
            {
                "category": rule.category,
                "days": rule.days,
                "opens": rule.opens.strftime("%H:%M") if rule.opens else None,
                "closes": rule.closes.strftime("%H:%M") if rule.closes else None,
            }
        )
    current = EditionKey.objects.filter(edition=edition, retired_at__isnull=True).order_by("-version").first()
    badges = Badge.objects.filter(edition=edition)
    return {
        "edition": {
            "id": edition.pk,
            "slug": edition.slug,
            "name": edition.name,
            "start_date": edition.start_date.isoformat(),
            "end_date": edition.end_date.isoformat(),
            "timezone": settings.TIME_ZONE,
        },
        "keys": [
            {
                "version": key.version,
                "public_key": base64.b64encode(bytes(key.public_key)).decode(),
                "current": current is not None and key.pk == current.pk,
            }
            for key in EditionKey.objects.filter(edition=edition).order_by("version")
        ],
        "categories": {c.value: c.code for c in Category},
        "revoked": list(
            badges.filter(status=BadgeStatus.REVOKED).order_by("pk").values_list("pk", flat=True)
        ),
        # [badge id, key version, issue version] past the first issue: older prints are superseded.
        "current_versions": [
            list(row)
            for row in badges.filter(version__gt=1).order_by("pk").values_list("pk", "key_version", "version")
        ],
        "zones": [
            {
                "code": zone.code,
                "name_en": zone.name_en,
                "name_fr": zone.name_fr,
                "kind": zone.kind,
                "bit": slots.get(zone.pk),
                "rules": rules.get(zone.pk, []),
            }
            for zone in edition.zones.order_by("code")
        ],
        "gates": [
            {"id": gate.pk, "code": gate.code, "name": gate.name, "zone": gate.zone.code}
            for gate in Gate.objects.filter(edition=edition, active=True)
            .select_related("zone")
            .order_by("code")
        ],
        "passback_mode": settings_row.passback_mode,
        "skew_tolerance_seconds": settings_row.skew_tolerance_seconds,
        "generated_at": timezone.now().isoformat(),
    }
