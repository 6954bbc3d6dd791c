"""The exhibitor application workflow, one transactional function per decision.

draft --submit--> policy check --open-------------------------------> admitted --allocate--> (stand)
                               --authorization--> pending_authorization --authorize--> admitted
                                                                         --refuse----> refused
                               --barred---------> refused (policy reason shown to the applicant)
Every transition writes its audit entry in the same transaction.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone

from salon.accounts.domain.roles import Role, require_role
from salon.audit.domain.chain import record
from salon.editions.domain.policy import decide
from salon.editions.models import Edition, Regime, Stand
from salon.errors import DomainError
from salon.exhibitors.domain.access import require_company_editor
from salon.exhibitors.models import Application, ApplicationStatus, Company

MIN_REASON_LENGTH = 5


class ApplicationError(DomainError):
    pass


def _locked(application: Application) -> Application:
    return (
        Application.objects.select_for_update(of=("self",))
        .select_related("company", "edition")
        .get(pk=application.pk)
    )


def _require_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if len(reason) < MIN_REASON_LENGTH:
        raise ApplicationError(
            "reason_required", "A decision needs a reason (at least 5 characters).", field="reason"
        )
    return reason


@transaction.atomic
def create_application(
    *, edition: Edition, company: Company, requested_area_m2: int = 9, actor
) -> Application:
    require_company_editor(actor, company)
    if requested_area_m2 < 1 or requested_area_m2 > 5000:
        raise ApplicationError(
            "invalid_area", "The requested area must be between 1 and 5,000 m².", field="requested_area_m2"
        )
    if Application.objects.filter(edition=edition, company=company).exists():
        raise ApplicationError(
            "already_applied", f"{company} already has an application for {edition}.", status=409
        )
    application = Application.objects.create(
        edition=edition, company=company, requested_area_m2=requested_area_m2
    )
    record(
        actor=actor,
        action="application.created",
        target=application,
        edition_id=edition.pk,
        payload={"company": company.legal_name, "country": company.country.code},
    )
    return application


@transaction.atomic
def submit(application: Application, *, actor) -> Application:
    """Submit and run the policy check at once: the applicant learns the outcome immediately."""
    application = _locked(application)
    require_company_editor(actor, application.company)
    if application.status != ApplicationStatus.DRAFT:
        raise ApplicationError("not_draft", "Only a draft application can be submitted.", status=409)
    decision = decide(application.edition, application.company.country.code)
    now = timezone.now()
    application.submitted_at = now
    application.policy_regime = decision.regime
    application.policy_reason = decision.reason
    if decision.regime == Regime.BARRED:
        application.status = ApplicationStatus.REFUSED
        application.decision_reason = decision.reason
        application.decided_at = now
    elif decision.regime == Regime.AUTHORIZATION:
        application.status = ApplicationStatus.PENDING_AUTHORIZATION
    else:
        application.status = ApplicationStatus.ADMITTED
        application.decided_at = now
    application.save()
    record(
        actor=actor,
        action="application.policy_checked",
        target=application,
        edition_id=application.edition_id,
        payload={
            "country": decision.country,
            "regime": decision.regime,
            "reason": decision.reason,
            "source": decision.source,
            "status": application.status,
        },
    )
    return application


def _officer_decision(
    application: Application, *, actor, reason: str, status: str, action: str
) -> Application:
    require_role(
        actor, Role.AUTHORIZATION_OFFICER, message="Only an authorization officer decides on authorizations."
    )
    reason = _require_reason(reason)
    application = _locked(application)
    if application.status != ApplicationStatus.PENDING_AUTHORIZATION:
        raise ApplicationError("not_pending", "This application is not awaiting authorization.", status=409)
    application.status = status
    application.decision_reason = reason
    application.decided_by = actor
    application.decided_at = timezone.now()
    application.save()
    record(
        actor=actor,
        action=action,
        target=application,
        edition_id=application.edition_id,
        payload={
            "reason": reason,
            "company": application.company.legal_name,
            "country": application.company.country.code,
        },
    )
    return application


@transaction.atomic
def authorize(application: Application, *, actor, reason: str) -> Application:
    return _officer_decision(
        application,
        actor=actor,
        reason=reason,
        status=ApplicationStatus.ADMITTED,
        action="application.authorized",
    )


@transaction.atomic
def refuse(application: Application, *, actor, reason: str) -> Application:
    return _officer_decision(
        application,
        actor=actor,
        reason=reason,
        status=ApplicationStatus.REFUSED,
        action="application.refused",
    )


@transaction.atomic
def allocate_stand(application: Application, stand: Stand, *, actor) -> Application:
    require_role(actor, Role.ORGANIZER, message="Only an organizer allocates stands.")
    application = _locked(application)
    if application.status != ApplicationStatus.ADMITTED:
        raise ApplicationError("not_admitted", "Only an admitted exhibitor can get a stand.", status=409)
    stand = Stand.objects.select_for_update(of=("self",)).select_related("hall").get(pk=stand.pk)
    if stand.hall.edition_id != application.edition_id:
        raise ApplicationError("stand_other_edition", "This stand belongs to another edition.", field="stand")
    holder = (
        Application.objects.filter(stand=stand).exclude(pk=application.pk).select_related("company").first()
    )
    if holder is not None:
        raise ApplicationError(
            "stand_taken",
            f"Stand {stand} is already allocated to {holder.company}.",
            status=409,
            field="stand",
        )
    previous = application.stand
    application.stand = stand
    try:
        with transaction.atomic():
            application.save(update_fields=["stand"])
    except IntegrityError as exc:  # a concurrent allocation won the race between our check and our write
        raise ApplicationError(
            "stand_taken",
            f"Stand {stand} was just allocated to another exhibitor.",
            status=409,
            field="stand",
        ) from exc
    record(
        actor=actor,
        action="stand.allocated",
        target=application,
        edition_id=application.edition_id,
        payload={
            "stand": str(stand),
            "area_m2": str(stand.area_m2),
            "previous_stand": str(previous) if previous else None,
        },
    )
    return application


@transaction.atomic
def release_stand(application: Application, *, actor) -> Application:
    require_role(actor, Role.ORGANIZER, message="Only an organizer releases stands.")
    application = _locked(application)
    if application.stand_id is None:
        raise ApplicationError("no_stand", "This exhibitor has no stand.", status=409)
    previous = str(application.stand)
    application.stand = None
    application.save(update_fields=["stand"])
    record(
        actor=actor,
        action="stand.released",
        target=application,
        edition_id=application.edition_id,
        payload={"stand": previous},
    )
    return application
