"""Who may see and change which exhibitor data. Every view and API route asks here."""

from __future__ import annotations

from django.db.models import QuerySet

from salon.accounts.domain.roles import Role, has_role
from salon.errors import NotAllowed
from salon.exhibitors.models import Application, Company


def is_staff_reader(user) -> bool:
    return has_role(user, Role.ORGANIZER, Role.AUTHORIZATION_OFFICER)


def is_member(user, company: Company) -> bool:
    return user.is_authenticated and company.members.filter(pk=user.pk).exists()


def require_company_editor(user, company: Company) -> None:
    """Organizers edit any company; an exhibitor only the companies it belongs to."""
    if has_role(user, Role.ORGANIZER):
        return
    if has_role(user, Role.EXHIBITOR) and is_member(user, company):
        return
    raise NotAllowed("You may only edit your own company.")


def require_company_reader(user, company: Company) -> None:
    if is_staff_reader(user):
        return
    require_company_editor(user, company)


def visible_companies(user) -> QuerySet[Company]:
    if is_staff_reader(user):
        return Company.objects.all()
    return Company.objects.filter(members=user) if user.is_authenticated else Company.objects.none()


def visible_applications(user) -> QuerySet[Application]:
    if is_staff_reader(user):
        return Application.objects.all()
    return (
        Application.objects.filter(company__members=user)
        if user.is_authenticated
        else Application.objects.none()
    )
