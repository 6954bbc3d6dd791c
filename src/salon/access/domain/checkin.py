"""Gate check-in: one transactional function deciding and recording a scan (after pretix's check-in).

The device sends the scanned payload, its gate, the direction and a scan id it generated. The server's clock
decides validity; the device's clock only dates offline scans relative to the upload (see `effective_time`).
Replaying a scan id returns the verdict recorded the first time and records nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from enum import StrEnum

from django.db import IntegrityError, transaction
from django.utils import timezone

from salon.access.badges import codec
from salon.access.domain import keys
from salon.access.domain.gateconfig import GateConfig, gate_config
from salon.access.models import Badge, BadgeStatus, Direction, PassbackMode, Presence, Scan


class Reason(StrEnum):
    """Stable codes: gate devices switch on them. Never rename one."""

    OK = "ok"
    MALFORMED = "malformed"
    FORGED = "forged"
    OTHER_EDITION = "other_edition"
    UNKNOWN_GATE = "unknown_gate"
    UNKNOWN_BADGE = "unknown_badge"
    REVOKED = "revoked"
    SUPERSEDED = "superseded"
    WRONG_DAY = "wrong_day"
    OUTSIDE_HOURS = "outside_hours"
    ZONE_DENIED = "zone_denied"
    PASSBACK = "passback"


MESSAGES = {
    Reason.OK: "Welcome.",
    Reason.MALFORMED: "Not a readable badge code.",
    Reason.FORGED: "Signature invalid: not a badge of this show.",
    Reason.OTHER_EDITION: "Badge of another edition.",
    Reason.UNKNOWN_GATE: "This gate is not known.",
    Reason.UNKNOWN_BADGE: "Badge not on record.",
    Reason.REVOKED: "Badge revoked.",
    Reason.SUPERSEDED: "An older print of a re-issued badge.",
    Reason.WRONG_DAY: "Badge not valid today.",
    Reason.OUTSIDE_HOURS: "Zone closed at this hour for this badge.",
    Reason.ZONE_DENIED: "Badge does not give access to this zone.",
    Reason.PASSBACK: "Already inside: entered without leaving.",
}
# Leaving is never refused for these: a revoked holder found inside must still be let out.
EXIT_TOLERATED = {
    Reason.REVOKED,
    Reason.SUPERSEDED,
    Reason.WRONG_DAY,
    Reason.OUTSIDE_HOURS,
    Reason.ZONE_DENIED,
    Reason.PASSBACK,
}
SCAN_ID = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")


@dataclass(frozen=True)
class ScanInput:
    payload: str
    gate: int | str
    direction: str
    scan_id: str
    device_time: dt.datetime | None = None
    # Device clock when the (batch) upload was sent: with device_time it dates an offline scan.
    sent_at: dt.datetime | None = None


@dataclass(frozen=True)
class Verdict:
    scan_id: str
    reason: Reason
    admitted: bool
    recorded: bool = True
    replayed: bool = False
    warnings: tuple[str, ...] = ()
    badge_id: int | None = None
    category: str = ""
    holder: str = ""
    organization: str = ""
    gate: str = ""
    zone: str = ""
    direction: str = ""
    effective_at: dt.datetime | None = None
    skew_seconds: int | None = None
    message: str = field(default="")

    @property
    def ok(self) -> bool:
        return self.reason == Reason.OK


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    if value is not None and timezone.is_naive(value):
        return timezone.make_aware(value, dt.UTC)
    return value


def effective_time(now: dt.datetime, device_time: dt.datetime | None, sent_at: dt.datetime | None):
    """(when the scan happened by the server's clock, device clock skew in seconds).

    Online: now. Offline batch: device_time shifted by the device's skew (now - sent_at), never in the future.
    """
    device_time, sent_at = _aware(device_time), _aware(sent_at)
    reference = sent_at or device_time
    skew = None if reference is None else round((reference - now).total_seconds())
    if device_time is None or sent_at is None:
        return now, skew
    return min(now, device_time + (now - sent_at)), skew


def _signed_by(parsed: codec.ParsedPayload, edition_id: int) -> bool:
    key = keys.public_key(edition_id, parsed.claims.key_version)
    if key is not None and codec.verify(parsed, key):
        return True
    fresh = keys.public_key(edition_id, parsed.claims.key_version, refresh=True)
    return fresh is not None and fresh != key and codec.verify(parsed, fresh)


def _rule_reason(gate: GateConfig, category: str, local: dt.datetime) -> Reason | None:
    rule = gate.rules.get(category)
    if rule is None:
        return Reason.ZONE_DENIED
    if rule.days and local.date().isoformat() not in rule.days:
        return Reason.WRONG_DAY
    if rule.opens is not None and not rule.opens <= local.time().replace(tzinfo=None) < rule.closes:
        return Reason.OUTSIDE_HOURS
    return None


def _badge_reason(
    gate: GateConfig, claims: codec.BadgeClaims, badge: Badge, local: dt.datetime
) -> Reason | None:
    if badge.status == BadgeStatus.REVOKED:
        return Reason.REVOKED
    if (claims.key_version, claims.issue_version) != (badge.key_version, badge.version):
        return Reason.SUPERSEDED
    if not claims.valid_on(local.date()):
        return Reason.WRONG_DAY
    if gate.bit is None or not claims.grants_zone(gate.bit):
        return Reason.ZONE_DENIED
    return _rule_reason(gate, badge.category, local)


class _DirectStore:
    """Badges and presences straight from the database: one scan per transaction."""

    def badge(self, edition_id: int, badge_id: int) -> Badge | None:
        # Locked: revocation is decided here, and one badge's scans queue up so its presence never races.
        return Badge.objects.select_for_update().filter(pk=badge_id, edition_id=edition_id).first()

    def inside(self, badge: Badge, zone_id: int) -> bool | None:
        # A second statement on purpose: under READ COMMITTED only a statement started after the lock was
        # granted sees what the previous holder of the lock committed.
        return Presence.objects.filter(badge=badge, zone_id=zone_id).values_list("inside", flat=True).first()

    def move(self, badge: Badge, zone_id: int, was: bool | None, entering: bool, when: dt.datetime) -> None:
        if was is None:
            Presence.objects.create(badge=badge, zone_id=zone_id, inside=entering, since=when)
        elif was != entering:
            Presence.objects.filter(badge=badge, zone_id=zone_id).update(inside=entering, since=when)


class _BatchStore:
    """A whole upload in one transaction: its badges locked in one query (in id order, so two batches never
    deadlock), their presences read in one, written back in two."""

    def __init__(self, badge_ids: set[int]) -> None:
        self.badges = {
            b.pk: b for b in Badge.objects.select_for_update().filter(pk__in=badge_ids).order_by("pk")
        }
        self.rows = {
            (p.badge_id, p.zone_id): p for p in Presence.objects.filter(badge_id__in=list(self.badges))
        }
        self.state = {key: row.inside for key, row in self.rows.items()}
        self.changed: dict[tuple[int, int], dt.datetime] = {}

    def badge(self, edition_id: int, badge_id: int) -> Badge | None:
        badge = self.badges.get(badge_id)
        return badge if badge is not None and badge.edition_id == edition_id else None

    def inside(self, badge: Badge, zone_id: int) -> bool | None:
        return self.state.get((badge.pk, zone_id))

    def move(self, badge: Badge, zone_id: int, was: bool | None, entering: bool, when: dt.datetime) -> None:
        if was != entering:
            self.state[(badge.pk, zone_id)] = entering
            self.changed[(badge.pk, zone_id)] = when

    def flush(self) -> None:
        new, updated = [], []
        for key, when in self.changed.items():
            row = self.rows.get(key)
            if row is None:
                new.append(Presence(badge_id=key[0], zone_id=key[1], inside=self.state[key], since=when))
            elif row.inside != self.state[key]:
                row.inside, row.since = self.state[key], when
                updated.append(row)
        Presence.objects.bulk_create(new)
        Presence.objects.bulk_update(updated, ["inside", "since"])


def _move(
    store, badge: Badge, gate: GateConfig, direction: str, when: dt.datetime
) -> tuple[Reason | None, str]:
    """Update the badge's presence in the gate's zone: (refusal reason or None, warning or '')."""
    inside = store.inside(badge, gate.zone_id)
    if direction == Direction.IN and inside:
        if gate.passback_mode == PassbackMode.DENY:
            return Reason.PASSBACK, ""
        warning = "passback"
    elif direction == Direction.OUT and not inside:
        warning = "exit_without_entry"
    else:
        warning = ""
    store.move(badge, gate.zone_id, inside, direction == Direction.IN, when)
    return None, warning


def _decide(scan: ScanInput, now: dt.datetime, agent, store) -> tuple[Verdict, dict]:
    when, skew = effective_time(now, scan.device_time, scan.sent_at)
    direction = scan.direction if scan.direction in Direction.values else ""
    base = dict(
        scan_id=scan.scan_id, direction=direction or scan.direction[:3], effective_at=when, skew_seconds=skew
    )
    row = dict(
        scan_id=scan.scan_id,
        gate_ref=str(scan.gate)[:64],
        direction=direction or "in",
        payload=(scan.payload or "")[:200] if isinstance(scan.payload, str) else "",
        device_time=_aware(scan.device_time),
        effective_at=when,
        received_at=now,
        skew_seconds=skew,
        offline=scan.sent_at is not None and scan.device_time is not None and when < now,
        agent=agent if getattr(agent, "pk", None) else None,
    )
    warnings: list[str] = []

    def verdict(reason: Reason, **extra) -> tuple[Verdict, dict]:
        admitted = reason == Reason.OK
        if not admitted and direction == Direction.OUT and reason in EXIT_TOLERATED:
            warnings.append(reason.value)
            reason, admitted = Reason.OK, True
        result = Verdict(
            reason=reason,
            admitted=admitted,
            warnings=tuple(warnings),
            message=MESSAGES[reason],
            **base,
            **extra,
        )
        row.update(reason=reason.value, admitted=admitted, warnings=list(warnings))
        return result, row

    gate = gate_config(scan.gate)
    if gate is None:
        return verdict(Reason.UNKNOWN_GATE)
    row.update(edition_id=gate.edition_id, gate_id=gate.gate_id, zone_id=gate.zone_id)
    base.update(gate=gate.code, zone=gate.zone_code)
    if not direction:
        return verdict(Reason.MALFORMED)
    if skew is not None and abs(skew) > gate.skew_tolerance_seconds:
        warnings.append("clock_skew")
    try:
        parsed = codec.parse(scan.payload)
    except codec.MalformedPayload:
        return verdict(Reason.MALFORMED)
    claims = parsed.claims
    if claims.edition_id != gate.edition_id:
        return verdict(Reason.OTHER_EDITION if _signed_by(parsed, claims.edition_id) else Reason.FORGED)
    if not _signed_by(parsed, gate.edition_id):
        return verdict(Reason.FORGED)
    badge = store.badge(gate.edition_id, claims.badge_id)
    if badge is None:
        return verdict(Reason.UNKNOWN_BADGE, badge_id=claims.badge_id)
    row["badge"] = badge
    who = dict(
        badge_id=badge.pk, category=badge.category, holder=badge.holder_name, organization=badge.organization
    )
    local = timezone.localtime(when)
    refusal = _badge_reason(gate, claims, badge, local)
    if refusal is not None and not (direction == Direction.OUT and refusal in EXIT_TOLERATED):
        return verdict(refusal, **who)
    if refusal is not None:
        warnings.append(refusal.value)
    passback, warning = _move(store, badge, gate, direction, when)
    if passback is not None:
        return verdict(passback, **who)
    if warning:
        warnings.append(warning)
    return verdict(Reason.OK, **who)


def _replay(existing: Scan) -> Verdict:
    badge = existing.badge
    reason = Reason(existing.reason)
    return Verdict(
        scan_id=existing.scan_id,
        reason=reason,
        admitted=existing.admitted,
        replayed=True,
        warnings=tuple(existing.warnings),
        badge_id=existing.badge_id,
        category=badge.category if badge else "",
        holder=badge.holder_name if badge else "",
        organization=badge.organization if badge else "",
        gate=existing.gate.code if existing.gate else "",
        zone=existing.zone.code if existing.zone else "",
        direction=existing.direction,
        effective_at=existing.effective_at,
        skew_seconds=existing.skew_seconds,
        message=MESSAGES[reason],
    )


def _existing(scan_id: str) -> Scan | None:
    return Scan.objects.select_related("badge", "gate", "zone").filter(scan_id=scan_id).first()


def clock() -> dt.datetime:
    """The server's time, which decides validity (tests replace it)."""
    return timezone.now()


def check_in(scan: ScanInput, *, agent=None, now: dt.datetime | None = None) -> Verdict:
    """Decide and record one scan. Never raises for bad input: every problem is a verdict."""
    invalid = _invalid_scan_id(scan)
    if invalid is not None:
        return invalid
    now = now or clock()
    try:
        with transaction.atomic():
            result, row = _decide(scan, now, agent, _DirectStore())
            Scan.objects.create(**row)
    except IntegrityError:
        # A replay (scan ids are unique): the first verdict stands, this decision is rolled back. Checking
        # before deciding would cost every scan a query for the sake of the rare replay.
        existing = _existing(scan.scan_id)
        if existing is None:
            raise
        return _replay(existing)
    return result


def _invalid_scan_id(scan: ScanInput) -> Verdict | None:
    if isinstance(scan.scan_id, str) and SCAN_ID.match(scan.scan_id):
        return None
    return Verdict(
        scan_id=str(scan.scan_id)[:64],
        reason=Reason.MALFORMED,
        admitted=False,
        recorded=False,
        message="The scan id must be 1-64 letters, digits or . _ : -",
    )


def _badge_ids(scans: list[ScanInput]) -> set[int]:
    ids = set()
    for scan in scans:
        try:
            ids.add(codec.parse(scan.payload).claims.badge_id)
        except codec.MalformedPayload:
            continue
    return ids


def check_in_batch(scans: list[ScanInput], *, agent=None, now: dt.datetime | None = None) -> list[Verdict]:
    """An offline queue (or a busy gate's buffer), decided in upload order exactly as one check_in per scan
    would, in one transaction. A scan id already recorded, or repeated within the upload, is a replay."""
    now = now or clock()
    results: list[Verdict | None] = [_invalid_scan_id(scan) for scan in scans]
    ids = [scan.scan_id for scan, result in zip(scans, results, strict=True) if result is None]
    recorded = {
        row.scan_id: row
        for row in Scan.objects.select_related("badge", "gate", "zone").filter(scan_id__in=ids)
    }
    first_index: dict[str, int] = {}
    todo = []
    for index, scan in enumerate(scans):
        if results[index] is not None:
            continue
        if scan.scan_id in recorded:
            results[index] = _replay(recorded[scan.scan_id])
        elif scan.scan_id not in first_index:
            first_index[scan.scan_id] = index
            todo.append(index)
    try:
        with transaction.atomic():
            store = _BatchStore(_badge_ids([scans[i] for i in todo]))
            rows = []
            for index in todo:
                results[index], row = _decide(scans[index], now, agent, store)
                rows.append(Scan(**row))
            store.flush()
            # In scan id order: two uploads sharing scan ids then wait on each other in the same order (an
            # IntegrityError to settle, never a deadlock).
            Scan.objects.bulk_create(sorted(rows, key=lambda row: row.scan_id))
    except IntegrityError:
        # Another upload recorded one of these scan ids meanwhile: redo this one scan at a time, which settles
        # every replay exactly.
        return [check_in(scan, agent=agent, now=now) for scan in scans]
    for index, scan in enumerate(scans):
        if results[index] is None:  # a repeat within the upload
            results[index] = replace(results[first_index[scan.scan_id]], replayed=True)
    return results
