"""Badges follow the decisions of other apps (connected in AccessConfig.ready)."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from salon.access.domain.badges import issue_registration_badges, issue_staff_badge, sync_registration_badge
from salon.access.domain.gateconfig import clear_cache
from salon.access.domain.zones import edition_configured
from salon.access.models import AccessSettings, Gate, ZoneRule, ZoneSlot
from salon.accreditation.models import Registration
from salon.accreditation.signals import registration_decided, registrations_accredited
from salon.exhibitors.models import ApplicationStatus, StaffMember


@receiver(registration_decided, sender=Registration, dispatch_uid="access.badge_for_registration")
def badge_for_registration(sender, registration: Registration, **kwargs) -> None:
    sync_registration_badge(registration)


@receiver(registrations_accredited, sender=Registration, dispatch_uid="access.badges_for_registrations")
def badges_for_registrations(sender, edition, registrations: list[Registration], **kwargs) -> None:
    issue_registration_badges(edition, registrations, actor="screening")


@receiver(post_save, sender=StaffMember, dispatch_uid="access.badge_for_staff_member")
def badge_for_staff_member(sender, instance: StaffMember, created: bool, raw: bool = False, **kwargs) -> None:
    if not created or raw:
        return
    application = instance.application
    if application.status == ApplicationStatus.ADMITTED and edition_configured(application.edition):
        issue_staff_badge(instance, actor="system")


# Check-in caches gate configuration for a few seconds; a change made here applies at once in this process.
for _model in (Gate, ZoneRule, ZoneSlot, AccessSettings):
    post_save.connect(clear_cache, sender=_model, dispatch_uid=f"access.gate_config.save.{_model.__name__}")
    post_delete.connect(
        clear_cache, sender=_model, dispatch_uid=f"access.gate_config.delete.{_model.__name__}"
    )
