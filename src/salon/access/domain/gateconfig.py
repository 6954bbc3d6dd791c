"""What check-in needs to know about a gate (its zone's bit and rules, the edition's anti-passback mode),
cached per process for a few seconds: configuration changes rarely, scans arrive by the thousand.

A change made through this process clears the cache at once (model signals); other server processes see it
within CACHE_SECONDS. Revocations are never cached: check-in reads the badge row every time.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from dataclasses import dataclass

from salon.access.models import AccessSettings, Gate, PassbackMode, ZoneRule

CACHE_SECONDS = 5.0


@dataclass(frozen=True)
class RuleWindow:
    days: frozenset[str]
    opens: dt.time | None
    closes: dt.time | None


@dataclass(frozen=True)
class GateConfig:
    gate_id: int
    code: str
    edition_id: int
    zone_id: int
    zone_code: str
    bit: int | None
    rules: dict[str, RuleWindow]
    passback_mode: str
    skew_tolerance_seconds: int


_cache: dict[int, tuple[float, GateConfig | None]] = {}
_lock = threading.Lock()


def _load(gate_id: int) -> GateConfig | None:
    gate = Gate.objects.select_related("zone", "zone__access_slot").filter(pk=gate_id, active=True).first()
    if gate is None:
        return None
    settings_row = AccessSettings.objects.filter(edition_id=gate.edition_id).first()
    slot = getattr(gate.zone, "access_slot", None)
    rules = {
        rule.category: RuleWindow(frozenset(rule.days or ()), rule.opens, rule.closes)
        for rule in ZoneRule.objects.filter(zone_id=gate.zone_id)
    }
    return GateConfig(
        gate_id=gate.pk,
        code=gate.code,
        edition_id=gate.edition_id,
        zone_id=gate.zone_id,
        zone_code=gate.zone.code,
        bit=slot.bit if slot is not None else None,
        rules=rules,
        passback_mode=settings_row.passback_mode if settings_row else PassbackMode.WARN,
        skew_tolerance_seconds=settings_row.skew_tolerance_seconds if settings_row else 300,
    )


def gate_config(ref: int | str) -> GateConfig | None:
    text = str(ref).strip()
    if not text.isdigit() or len(text) > 18:
        return None
    gate_id = int(text)
    now = time.monotonic()
    hit = _cache.get(gate_id)
    if hit is not None and hit[0] > now:
        return hit[1]
    config = _load(gate_id)
    with _lock:
        _cache[gate_id] = (now + CACHE_SECONDS, config)
    return config


def clear_cache(**_ignored) -> None:
    with _lock:
        _cache.clear()
