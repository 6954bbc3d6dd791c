"""Deleting visitors' personal data once the edition's retention period is over.

Rows stay (anonymised: sector, nationality, status) so that attendance statistics survive the purge.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from salon.accreditation.domain.vetting import vetting_settings
from salon.accreditation.models import Registration, ScreeningHit
from salon.audit.domain.chain import record
from salon.editions.models import Edition
from salon.errors import DomainError


class RetentionError(DomainError):
    pass


def purge_date(edition: Edition) -> dt.date:
    return edition.end_date + dt.timedelta(days=vetting_settings(edition).retention_days)


@transaction.atomic
def purge_personal_data(edition: Edition, *, actor, today: dt.date | None = None, force: bool = False) -> int:
    today = today or dt.date.today()
    due = purge_date(edition)
    if today < due and not force:
        raise RetentionError(
            "retention_running",
            f"{edition.name}: personal data is kept until {due.isoformat()} (retention period).",
            status=409,
        )
    targets = Registration.objects.filter(edition=edition, purged_at__isnull=True)
    ids = list(targets.values_list("pk", flat=True))
    for registration in targets.exclude(photo=""):
        registration.photo.delete(save=False)
    ScreeningHit.objects.filter(registration_id__in=ids).delete()
    Registration.requested_zones.through.objects.filter(registration_id__in=ids).delete()
    targets.update(
        given_names="",
        family_name="",
        original_script_name="",
        birth_date=None,
        email="",
        role="",
        organization="",
        id_document_number_encrypted="",
        id_document_fingerprint="",
        photo="",
        decision_reason="",
        registrant=None,
        purged_at=timezone.now(),
    )
    record(
        actor=actor,
        action="registration.purged",
        target=edition,
        edition_id=edition.pk,
        payload={"registrations": len(ids), "due": due.isoformat(), "forced": force and today < due},
    )
    return len(ids)
