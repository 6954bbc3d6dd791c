"""Vetting decisions. One transactional function per decision; each is audited and mailed to the
registrant, who learns the status and the reason but never which list entry matched."""

from __future__ import annotations

from collections.abc import Sequence

from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from salon.accounts.domain.roles import Role, require_role
from salon.accreditation.domain.watchlists import import_watch_list, screen_registrations
from salon.accreditation.models import Registration, RegistrationStatus, VettingSettings
from salon.accreditation.signals import registration_decided, registrations_accredited
from salon.audit.domain.chain import Decision, record, record_many
from salon.errors import DomainError

MIN_REASON_LENGTH = 5


class VettingError(DomainError):
    pass


def vetting_settings(edition) -> VettingSettings:
    settings_row, _ = VettingSettings.objects.get_or_create(edition=edition)
    return settings_row


def notify(registration: Registration) -> None:
    """Mail the outcome after the transaction commits (a rolled-back decision mails nothing)."""
    address = registration.email or (registration.registrant.email if registration.registrant else "")
    if not address or registration.status == RegistrationStatus.NEEDS_REVIEW:
        return
    with translation.override(registration.language or "en"):
        status = RegistrationStatus(registration.status).label
        subject = _("%(edition)s: your accreditation — %(status)s") % {
            "edition": registration.edition.name,
            "status": status,
        }
        body = _("Hello %(name)s,\n\nYour registration for %(edition)s is now: %(status)s.\n%(reason)s\n") % {
            "name": registration.full_name,
            "edition": registration.edition.name,
            "status": status,
            "reason": registration.decision_reason,
        }
    transaction.on_commit(lambda: send_mail(subject, body, None, [address], fail_silently=True))


def screen_and_route(registrations: Sequence[Registration]) -> None:
    """Screen, then accredit at once the clean registrations of sectors the organizer trusts."""
    if not registrations:
        return
    settings_row = vetting_settings(registrations[0].edition)
    counts = screen_registrations(registrations, settings_row.screening_threshold)
    trusted = set(settings_row.auto_accredit_sectors or [])
    now = timezone.now()
    accredited = []
    for registration in registrations:
        if (
            counts[registration.pk] == 0
            and registration.sector in trusted
            and registration.status == RegistrationStatus.NEEDS_REVIEW
        ):
            registration.status = RegistrationStatus.ACCREDITED
            registration.decision_reason = _("Accredited automatically: no watch-list hit, sector accepted.")
            registration.decided_at = now
            accredited.append(registration)
    ids = [r.pk for r in accredited]
    for start in range(0, len(ids), 2000):  # one UPDATE per chunk: the values are the same for all
        Registration.objects.filter(pk__in=ids[start : start + 2000]).update(
            status=RegistrationStatus.ACCREDITED,
            decision_reason=accredited[0].decision_reason,
            decided_at=now,
        )
    if accredited:
        registrations_accredited.send(
            sender=Registration, edition=accredited[0].edition, registrations=accredited
        )
    for registration in accredited:
        notify(registration)
    record_many(
        [
            Decision(
                actor="screening",
                action="registration.screened",
                target=registration,
                edition_id=registration.edition_id,
                payload={
                    "hits": counts[registration.pk],
                    "status": registration.status,
                    "threshold": settings_row.screening_threshold,
                },
            )
            for registration in registrations
        ]
    )


def _decide(
    registration: Registration, *, actor, reason: str, status: str, allowed_from: set[str], action: str
) -> Registration:
    require_role(actor, Role.VETTING_OFFICER, message="Only a vetting officer decides on accreditations.")
    reason = (reason or "").strip()
    if len(reason) < MIN_REASON_LENGTH:
        raise VettingError(
            "reason_required", "A decision needs a reason (at least 5 characters).", field="reason"
        )
    registration = (
        Registration.objects.select_for_update(of=("self",))
        .select_related("edition", "registrant")
        .get(pk=registration.pk)
    )
    if registration.purged_at is not None:
        raise VettingError("purged", "This registration's personal data was purged.", status=409)
    if registration.status not in allowed_from:
        raise VettingError("not_pending", "This registration is not awaiting this decision.", status=409)
    previous = registration.status
    registration.status = status
    registration.decision_reason = reason
    registration.decided_by = actor
    registration.decided_at = timezone.now()
    registration.save(update_fields=["status", "decision_reason", "decided_by", "decided_at"])
    record(
        actor=actor,
        action=action,
        target=registration,
        edition_id=registration.edition_id,
        payload={"reason": reason, "previous_status": previous, "hits": registration.hits.count()},
    )
    registration_decided.send(sender=Registration, registration=registration)
    notify(registration)
    return registration


@transaction.atomic
def accredit(registration: Registration, *, actor, reason: str) -> Registration:
    return _decide(
        registration,
        actor=actor,
        reason=reason,
        status=RegistrationStatus.ACCREDITED,
        allowed_from={RegistrationStatus.NEEDS_REVIEW},
        action="registration.accredited",
    )


@transaction.atomic
def refuse(registration: Registration, *, actor, reason: str) -> Registration:
    """Also withdraws an accreditation when new information arrives (the badge is revoked with it)."""
    return _decide(
        registration,
        actor=actor,
        reason=reason,
        status=RegistrationStatus.REFUSED,
        allowed_from={RegistrationStatus.NEEDS_REVIEW, RegistrationStatus.ACCREDITED},
        action="registration.refused",
    )


@transaction.atomic
def rescreen_pending(edition) -> int:
    """After a list changes, undecided registrations are screened again."""
    pending = list(
        Registration.objects.filter(
            edition=edition, status=RegistrationStatus.NEEDS_REVIEW, purged_at__isnull=True
        ).select_related("edition")
    )
    for start in range(0, len(pending), 5000):
        screen_and_route(pending[start : start + 5000])
    return len(pending)


@transaction.atomic
def load_watch_list(edition, *, name: str, source: str, list_date, data: bytes, actor):
    """Replace a list and re-screen the undecided registrations against the new lists, as one change."""
    require_role(
        actor,
        Role.VETTING_OFFICER,
        Role.ORGANIZER,
        message="Only organizers and vetting officers load watch lists.",
    )
    watch_list = import_watch_list(
        edition, name=name, source=source, list_date=list_date, data=data, actor=actor
    )
    rescreen_pending(edition)
    return watch_list
