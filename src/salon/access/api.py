"""Badges, gate bundles, check-in and occupancy under /api/v1."""

from __future__ import annotations

import dataclasses
import datetime as dt

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Router
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.responses import Status

from salon.access.domain import badges as badge_domain
from salon.access.domain import checkin as checkin_domain
from salon.access.domain.bundle import gate_bundle
from salon.access.domain.checkin import ScanInput, Verdict, check_in, check_in_batch
from salon.access.domain.occupancy import occupancy
from salon.access.domain.printing import badges_pdf, printable
from salon.access.domain.zones import add_gate, set_zone_rule
from salon.access.interfaces.schemas import (
    BadgeIn,
    BadgeOut,
    BatchIn,
    BatchOut,
    GateIn,
    GateOut,
    OccupancyOut,
    ReasonIn,
    RotationOut,
    ScanIn,
    VerdictOut,
    ZoneOccupancyOut,
    ZoneRuleIn,
    ZoneRuleOut,
)
from salon.access.models import Badge
from salon.accounts.domain.roles import Role, has_role, require_role
from salon.editions.api import get_edition
from salon.editions.models import Zone
from salon.errors import NotAllowed

router = Router(tags=["access"])


def _when(text: str | None) -> dt.datetime | None:
    """A device's ISO time, or None when absent or unreadable (its skew then is simply unknown)."""
    if not text:
        return None
    try:
        value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return value if timezone.is_aware(value) else timezone.make_aware(value, dt.UTC)


def _scan(item: ScanIn, sent_at: str | None = None) -> ScanInput:
    return ScanInput(
        payload=item.payload,
        gate=item.gate,
        direction=item.direction,
        scan_id=item.scan_id,
        device_time=_when(item.device_time),
        sent_at=_when(item.sent_at or sent_at),
    )


def _out(verdict: Verdict) -> dict:
    return dataclasses.asdict(verdict) | {"reason": verdict.reason.value, "warnings": list(verdict.warnings)}


def _gate_agent(user) -> None:
    require_role(user, Role.GATE_AGENT, message="Only gate agents record scans.")


@router.post("/checkin", response=VerdictOut)
def checkin(request, body: ScanIn):
    """Decide one scan in one round trip; a replayed scan id returns the first verdict, records nothing."""
    _gate_agent(request.auth)
    return _out(check_in(_scan(body), agent=request.auth, now=checkin_domain.clock()))


@router.post("/checkin/batch", response=BatchOut)
def checkin_batch(request, body: BatchIn):
    """Upload a gate's offline queue; safe to send twice."""
    _gate_agent(request.auth)
    now = checkin_domain.clock()
    verdicts = check_in_batch([_scan(item, body.sent_at) for item in body.scans], agent=request.auth, now=now)
    return {
        "results": [_out(v) for v in verdicts],
        "recorded": sum(1 for v in verdicts if v.recorded and not v.replayed),
        "replayed": sum(1 for v in verdicts if v.replayed),
        "server_time": now,
    }


@router.get("/editions/{ref}/gate-bundle")
def bundle(request, ref: str):
    """Public keys, revocations, zone rules and gates: what a gate needs to decide offline."""
    require_role(request.auth, Role.GATE_AGENT, Role.ORGANIZER, message="Only gate agents and organizers.")
    return gate_bundle(get_edition(ref)) | {"server_time": timezone.now().isoformat()}


@router.get("/editions/{ref}/occupancy", response=OccupancyOut)
def zone_occupancy(request, ref: str, day: dt.date | None = None):
    require_role(request.auth, Role.ORGANIZER, Role.GATE_AGENT, message="Only organizers and gate agents.")
    edition = get_edition(ref)
    day = day or timezone.localdate()
    zones = occupancy(edition, day=day)
    return {
        "edition": edition.slug,
        "day": day,
        "present": sum(z.present for z in zones),
        "zones": [ZoneOccupancyOut(**dataclasses.asdict(z), load=z.load) for z in zones],
    }


def _organizer(user, what: str) -> None:
    require_role(user, Role.ORGANIZER, message=f"Only organizers {what}.")


def _zones(edition, codes: list[str] | None) -> list[Zone] | None:
    if codes is None:
        return None
    zones = {z.code: z for z in Zone.objects.filter(edition=edition, code__in=codes)}
    missing = [c for c in codes if c not in zones]
    if missing:
        raise badge_domain.BadgeError(
            "unknown_zone", f"Unknown zone(s): {', '.join(missing)}.", field="zones"
        )
    return [zones[c] for c in codes]


@router.get("/editions/{ref}/badges", response=list[BadgeOut])
@paginate(LimitOffsetPagination)
def list_badges(request, ref: str, status: str | None = None):
    _organizer(request.auth, "list badges")
    badges = Badge.objects.filter(edition=get_edition(ref)).select_related("edition").order_by("pk")
    if status:
        badges = badges.filter(status=status)
    return badges


@router.post("/editions/{ref}/badges", response={201: BadgeOut})
def issue(request, ref: str, body: BadgeIn):
    _organizer(request.auth, "issue badges")
    edition = get_edition(ref)
    badge = badge_domain.issue_badge(
        edition,
        holder_name=body.holder_name,
        category=body.category,
        organization=body.organization,
        country=body.country.upper(),
        zones=_zones(edition, body.zones),
        days=body.days,
        actor=request.auth,
    )
    return Status(201, badge)


def _pdf(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@router.get("/editions/{ref}/badges/pdf")
def edition_badges_pdf(request, ref: str):
    """Every active badge of the edition, one A6 page each."""
    _organizer(request.auth, "print badges")
    edition = get_edition(ref)
    badges = printable(edition)
    if not badges:
        raise Http404("No active badge in this edition.")
    return _pdf(badges_pdf(badges), f"badges-{edition.slug}.pdf")


def _badge_for(user, badge_id: int) -> Badge:
    badge = get_object_or_404(
        Badge.objects.select_related("edition", "registration", "staff_member__application__company"),
        pk=badge_id,
    )
    if has_role(user, Role.ORGANIZER):
        return badge
    holder = badge.registration is not None and badge.registration.registrant_id == user.pk
    staff = badge.staff_member is not None and (
        badge.staff_member.application.company.members.filter(pk=user.pk).exists()
    )
    if holder or staff:
        return badge
    raise NotAllowed("Only organizers and the badge's holder see a badge.")


@router.get("/badges/{badge_id}", response=BadgeOut)
def badge_detail(request, badge_id: int):
    return _badge_for(request.auth, badge_id)


@router.get("/badges/{badge_id}/pdf")
def badge_pdf(request, badge_id: int):
    badge = _badge_for(request.auth, badge_id)
    if badge.status != "active":
        raise badge_domain.BadgeError("revoked", "A revoked badge cannot be printed.", status=409)
    return _pdf(badges_pdf([badge]), f"badge-{badge.pk}-v{badge.version}.pdf")


@router.post("/badges/{badge_id}/reissue", response=BadgeOut)
def reissue(request, badge_id: int, body: ReasonIn):
    _organizer(request.auth, "re-issue badges")
    badge = get_object_or_404(Badge, pk=badge_id)
    return badge_domain.reissue_badge(badge, actor=request.auth, reason=body.reason)


@router.post("/badges/{badge_id}/revoke", response=BadgeOut)
def revoke(request, badge_id: int, body: ReasonIn):
    _organizer(request.auth, "revoke badges")
    badge = get_object_or_404(Badge, pk=badge_id)
    return badge_domain.revoke_badge(badge, actor=request.auth, reason=body.reason)


@router.post("/editions/{ref}/badge-key/rotate", response=RotationOut)
def rotate(request, ref: str):
    """A new signing key: every active badge is re-issued and must be printed again."""
    _organizer(request.auth, "rotate badge keys")
    version, count = badge_domain.rotate_key(get_edition(ref), actor=request.auth)
    return {"key_version": version, "badges_reissued": count}


@router.put("/editions/{ref}/zones/{code}/rules/{category}", response=ZoneRuleOut)
def put_zone_rule(request, ref: str, code: str, category: str, body: ZoneRuleIn):
    _organizer(request.auth, "set zone rules")
    zone = get_object_or_404(Zone, edition=get_edition(ref), code=code)
    rule = set_zone_rule(
        zone, category=category, days=body.days, opens=body.opens, closes=body.closes, actor=request.auth
    )
    return {
        "zone": zone.code,
        "category": rule.category,
        "days": rule.days,
        "opens": rule.opens,
        "closes": rule.closes,
    }


@router.post("/editions/{ref}/gates", response={201: GateOut})
def new_gate(request, ref: str, body: GateIn):
    _organizer(request.auth, "set up gates")
    edition = get_edition(ref)
    zone = get_object_or_404(Zone, edition=edition, code=body.zone)
    gate = add_gate(edition, zone=zone, code=body.code, name=body.name, actor=request.auth)
    return Status(201, {"id": gate.pk, "code": gate.code, "name": gate.name, "zone": zone.code})
