"""Issuing, re-issuing and revoking badges. Each is one transaction with its audit entry."""

from __future__ import annotations

import datetime as dt
import logging

from django.db import transaction
from django.utils import timezone

from salon.access.badges import codec
from salon.access.domain import keys
from salon.access.domain.zones import RESTRICTED_KINDS, default_zones, edition_configured, slot_for
from salon.access.models import Badge, BadgeCategory, BadgeStatus, EditionKey, ZoneRule, ZoneSlot
from salon.accounts.domain.roles import Role, require_role
from salon.accreditation.models import Registration, RegistrationStatus, Sector
from salon.audit.domain.chain import record
from salon.editions.models import Edition, Zone
from salon.errors import DomainError
from salon.exhibitors.models import ApplicationStatus, StaffMember

log = logging.getLogger(__name__)
# Exhibitors and contractors build the stands before opening and dismantle them after closing.
SETUP_DAYS_BEFORE, TEARDOWN_DAYS_AFTER = 2, 1
WORKING_CATEGORIES = {BadgeCategory.EXHIBITOR, BadgeCategory.CONTRACTOR, BadgeCategory.ORGANIZER}


class BadgeError(DomainError):
    pass


def _require_organizer(actor, message: str) -> None:
    """Users need the organizer role; a text actor is the system or a shell operator (`salon badges …`),
    already trusted with the whole database."""
    if not isinstance(actor, str):
        require_role(actor, Role.ORGANIZER, message=message)


def default_days(edition: Edition, category: str) -> list[dt.date]:
    first, last = edition.start_date, edition.end_date
    if category in WORKING_CATEGORIES:
        first -= dt.timedelta(days=SETUP_DAYS_BEFORE)
        last += dt.timedelta(days=TEARDOWN_DAYS_AFTER)
    return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]


def _claims(badge: Badge, key: EditionKey) -> codec.BadgeClaims:
    first_day, day_mask = codec.days_to_mask([dt.date.fromisoformat(d) for d in badge.days])
    return codec.BadgeClaims(
        edition_id=badge.edition_id,
        key_version=key.version,
        badge_id=badge.pk,
        issue_version=badge.version,
        category=codec.Category.from_code(badge.category),
        zone_mask=badge.zone_mask,
        first_day=first_day,
        day_mask=day_mask,
    )


def _sign(badge: Badge, key: EditionKey, signer=None) -> None:
    badge.key_version = key.version
    badge.payload = codec.sign(_claims(badge, key), signer or keys.private_key(key))


def zone_codes(badge: Badge) -> list[str]:
    slots = ZoneSlot.objects.filter(edition_id=badge.edition_id).select_related("zone").order_by("bit")
    return [s.zone.code for s in slots if badge.zone_mask >> s.bit & 1]


@transaction.atomic
def issue_badge(
    edition: Edition,
    *,
    holder_name: str,
    category: str,
    actor,
    organization: str = "",
    country: str = "",
    zones: list[Zone] | None = None,
    days: list[dt.date] | None = None,
    registration: Registration | None = None,
    staff_member: StaffMember | None = None,
) -> Badge:
    """`zones`/`days` None: the defaults of the category (see default_zones / default_days)."""
    if category not in BadgeCategory.values:
        raise BadgeError("unknown_category", f"Unknown badge category {category!r}.", field="category")
    holder_name = (holder_name or "").strip()
    if not holder_name:
        raise BadgeError("holder_required", "A badge needs the holder's name.", field="holder_name")
    zones = default_zones(edition, category) if zones is None else zones
    for zone in zones:
        if zone.edition_id != edition.pk:
            raise BadgeError(
                "zone_of_other_edition", f"Zone {zone.code} is not in {edition.slug}.", field="zones"
            )
    days = sorted(set(days or default_days(edition, category)))
    try:
        codec.days_to_mask(days)
        mask = codec.zones_to_mask([slot_for(z).bit for z in zones])
    except ValueError as exc:
        raise BadgeError("bad_validity", str(exc), field="days") from exc
    badge = Badge.objects.create(
        edition=edition,
        category=category,
        holder_name=holder_name[:300],
        organization=(organization or "")[:200],
        country=country or "",
        registration=registration,
        staff_member=staff_member,
        zone_mask=mask,
        days=[d.isoformat() for d in days],
        issued_at=timezone.now(),
    )
    _sign(badge, keys.current_key(edition))
    badge.save(update_fields=["key_version", "payload"])
    record(
        actor=actor,
        action="badge.issued",
        target=badge,
        edition_id=edition.pk,
        payload={
            "category": category,
            "version": 1,
            "key_version": badge.key_version,
            "zones": [z.code for z in zones],
            "days": badge.days,
        },
    )
    return badge


def _locked(badge: Badge) -> Badge:
    return Badge.objects.select_for_update(of=("self",)).select_related("edition").get(pk=badge.pk)


@transaction.atomic
def reissue_badge(badge: Badge, *, actor, reason: str, zones: list[Zone] | None = None) -> Badge:
    """New version (the printed one answers `superseded`), re-activating a revoked badge if need be."""
    _require_organizer(actor, "Only organizers re-issue badges.")
    badge = _locked(badge)
    previous = {"version": badge.version, "status": badge.status}
    if zones is not None:
        badge.zone_mask = codec.zones_to_mask([slot_for(z).bit for z in zones])
    badge.version += 1
    badge.status = BadgeStatus.ACTIVE
    badge.revoked_at, badge.revoked_reason = None, ""
    badge.issued_at = timezone.now()
    _sign(badge, keys.current_key(badge.edition))
    badge.save()
    record(
        actor=actor,
        action="badge.reissued",
        target=badge,
        edition_id=badge.edition_id,
        payload={
            "reason": reason,
            "previous": previous,
            "version": badge.version,
            "key_version": badge.key_version,
        },
    )
    return badge


@transaction.atomic
def revoke_badge(badge: Badge, *, actor, reason: str) -> Badge:
    badge = _locked(badge)
    if badge.status == BadgeStatus.REVOKED:
        return badge
    badge.status = BadgeStatus.REVOKED
    badge.revoked_at = timezone.now()
    badge.revoked_reason = (reason or "")[:300]
    badge.save(update_fields=["status", "revoked_at", "revoked_reason"])
    record(
        actor=actor,
        action="badge.revoked",
        target=badge,
        edition_id=badge.edition_id,
        payload={"reason": badge.revoked_reason, "version": badge.version},
    )
    return badge


@transaction.atomic
def rotate_key(edition: Edition, *, actor) -> tuple[int, int]:
    """A new signing key; every active badge is re-signed with it at the next version, so each printed
    badge answers `superseded` until its holder gets the new one. Returns (new key version, badges)."""
    _require_organizer(actor, "Only organizers rotate badge keys.")
    key, old = keys.new_version(edition)
    signer = keys.private_key(key)
    badges = list(Badge.objects.select_for_update().filter(edition=edition, status=BadgeStatus.ACTIVE))
    now = timezone.now()
    for badge in badges:
        badge.version += 1
        badge.issued_at = now
        _sign(badge, key, signer)
    Badge.objects.bulk_update(badges, ["version", "issued_at", "key_version", "payload"], batch_size=500)
    record(
        actor=actor,
        action="access.key_rotated",
        target=key,
        edition_id=edition.pk,
        payload={
            "from_version": old.version if old else None,
            "to_version": key.version,
            "badges_reissued": len(badges),
        },
    )
    return key.version, len(badges)


def _registration_category(registration: Registration) -> str:
    return BadgeCategory.PRESS if registration.sector == Sector.PRESS else BadgeCategory.VISITOR


def _decision_actor(registration: Registration):
    return registration.decided_by or "screening"


def sync_registration_badge(registration: Registration) -> Badge | None:
    """Called in the decision's transaction: accredited → a badge (or the revoked one back), refused →
    revoked. Editions without zone rules get badges later (`salon badges issue`)."""
    badge = Badge.objects.filter(registration=registration).first()
    actor = _decision_actor(registration)
    if registration.status == RegistrationStatus.REFUSED:
        if badge is not None:
            revoke_badge(badge, actor=actor, reason="Accreditation refused or withdrawn")
        return badge
    if registration.status != RegistrationStatus.ACCREDITED:
        return badge
    if badge is not None:
        if badge.status == BadgeStatus.REVOKED:
            return _reinstate(badge, actor)
        return badge
    if not edition_configured(registration.edition):
        log.info(
            "edition %s has no zone rules yet: badge of registration %s deferred",
            registration.edition_id,
            registration.pk,
        )
        return None
    return _issue_for_registration(registration, actor)


def _reinstate(badge: Badge, actor) -> Badge:
    """A new version for a badge revoked by an earlier refusal (vetting decides, not an organizer)."""
    badge = _locked(badge)
    badge.version += 1
    badge.status, badge.revoked_at, badge.revoked_reason = BadgeStatus.ACTIVE, None, ""
    badge.issued_at = timezone.now()
    _sign(badge, keys.current_key(badge.edition))
    badge.save()
    record(
        actor=actor,
        action="badge.reissued",
        target=badge,
        edition_id=badge.edition_id,
        payload={"reason": "accredited again", "version": badge.version},
    )
    return badge


def _issue_for_registration(registration: Registration, actor) -> Badge:
    category = _registration_category(registration)
    requested = list(registration.requested_zones.all())
    days = [dt.date.fromisoformat(d) for d in registration.requested_days or []] or None
    return issue_badge(
        registration.edition,
        holder_name=registration.full_name,
        organization=registration.organization,
        country=str(registration.nationality or ""),
        category=category,
        zones=default_zones(registration.edition, category, requested),
        days=days,
        registration=registration,
        actor=actor,
    )


def issue_staff_badge(staff_member: StaffMember, *, actor) -> Badge:
    existing = Badge.objects.filter(staff_member=staff_member).first()
    if existing is not None:
        return existing
    application = staff_member.application
    if application.status != ApplicationStatus.ADMITTED:
        raise BadgeError("not_admitted", "Only admitted exhibitors' staff get badges.", status=409)
    company = application.company
    return issue_badge(
        application.edition,
        holder_name=staff_member.full_name,
        organization=company.legal_name,
        country=str(company.country or ""),
        category=BadgeCategory.EXHIBITOR,
        staff_member=staff_member,
        actor=actor,
    )


class _BulkIssuer:
    """Thousands of badges at once (an edition's accredited visitors): one signing-key decryption, zone
    defaults computed once per category, inserts and signatures in chunks, one audit entry per chunk."""

    CHUNK = 1000

    def __init__(self, edition: Edition, actor) -> None:
        self.edition, self.actor = edition, actor
        self.key = keys.current_key(edition)
        self.signer = keys.private_key(self.key)
        rules = ZoneRule.objects.filter(zone__edition=edition).select_related("zone")
        self.bits = {rule.zone_id: slot_for(rule.zone).bit for rule in rules}
        self.open_mask: dict[str, int] = {}
        self.restricted: dict[str, set[int]] = {}
        for rule in rules:
            if rule.zone.kind in RESTRICTED_KINDS:
                self.restricted.setdefault(rule.category, set()).add(rule.zone_id)
            else:
                self.open_mask[rule.category] = (
                    self.open_mask.get(rule.category, 0) | 1 << self.bits[rule.zone_id]
                )
        self.count = 0

    def mask(self, category: str, requested_zone_ids: set[int] | None = None) -> int:
        granted = self.restricted.get(category, set()) & (requested_zone_ids or set())
        return self.open_mask.get(category, 0) | codec.zones_to_mask([self.bits[z] for z in granted])

    def issue(self, badges: list[Badge], source: str) -> None:
        for start in range(0, len(badges), self.CHUNK):
            chunk = Badge.objects.bulk_create(badges[start : start + self.CHUNK])
            for badge in chunk:
                _sign(badge, self.key, self.signer)
            Badge.objects.bulk_update(chunk, ["key_version", "payload"])
            record(
                actor=self.actor,
                action="badge.issued",
                object_type="access.badge",
                object_id=f"{chunk[0].pk}-{chunk[-1].pk}",
                edition_id=self.edition.pk,
                payload={
                    "source": source,
                    "count": len(chunk),
                    "badge_ids": [b.pk for b in chunk],
                    "key_version": self.key.version,
                },
            )
            self.count += len(chunk)


def _registration_badges(issuer: _BulkIssuer, registrations, now) -> list[Badge]:
    badges = []
    for registration in registrations:
        category = _registration_category(registration)
        days = [dt.date.fromisoformat(d) for d in registration.requested_days or []] or default_days(
            issuer.edition, category
        )
        badges.append(
            Badge(
                edition=issuer.edition,
                category=category,
                holder_name=registration.full_name[:300],
                organization=registration.organization[:200],
                country=str(registration.nationality or ""),
                registration=registration,
                zone_mask=issuer.mask(category, {z.pk for z in registration.requested_zones.all()}),
                days=[d.isoformat() for d in sorted(set(days))],
                issued_at=now,
            )
        )
    return badges


@transaction.atomic
def issue_registration_badges(edition: Edition, registrations: list[Registration], *, actor) -> int:
    """Badges for a batch of registrations accredited together (automatic accreditation of an import);
    editions without zone rules get theirs later from `issue_missing_badges`."""
    if not registrations or not edition_configured(edition):
        return 0
    pending = Registration.objects.filter(
        pk__in=[r.pk for r in registrations], status=RegistrationStatus.ACCREDITED, badge__isnull=True
    ).prefetch_related("requested_zones")
    issuer = _BulkIssuer(edition, actor)
    issuer.issue(_registration_badges(issuer, pending, timezone.now()), "accredited registrations")
    return issuer.count


@transaction.atomic
def issue_missing_badges(edition: Edition, *, actor) -> int:
    """Badges for every accredited registration and admitted exhibitor's staff member that has none, with the
    same zones and days as one-by-one issuance would give them."""
    issuer = _BulkIssuer(edition, actor)
    now = timezone.now()
    registrations = Registration.objects.filter(
        edition=edition, status=RegistrationStatus.ACCREDITED, badge__isnull=True, purged_at__isnull=True
    ).prefetch_related("requested_zones")
    issuer.issue(
        _registration_badges(issuer, registrations.iterator(chunk_size=2000), now), "accredited registrations"
    )
    staff = StaffMember.objects.filter(
        application__edition=edition, application__status=ApplicationStatus.ADMITTED, badge__isnull=True
    ).select_related("application__company")
    exhibitor_days = [d.isoformat() for d in default_days(edition, BadgeCategory.EXHIBITOR)]
    issuer.issue(
        [
            Badge(
                edition=edition,
                category=BadgeCategory.EXHIBITOR,
                holder_name=member.full_name[:300],
                organization=member.application.company.legal_name[:200],
                country=str(member.application.company.country or ""),
                staff_member=member,
                zone_mask=issuer.mask(BadgeCategory.EXHIBITOR),
                days=exhibitor_days,
                issued_at=now,
            )
            for member in staff
        ],
        "exhibitor staff",
    )
    return issuer.count
