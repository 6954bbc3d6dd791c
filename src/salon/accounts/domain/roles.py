"""Roles are Django groups; this module is the one place that names them."""

from __future__ import annotations

from enum import StrEnum

from django.contrib.auth.models import Group

from salon.errors import NotAllowed


class Role(StrEnum):
    ORGANIZER = "organizer"
    AUTHORIZATION_OFFICER = "authorization_officer"
    EXHIBITOR = "exhibitor"
    VETTING_OFFICER = "vetting_officer"
    GATE_AGENT = "gate_agent"
    VISITOR = "visitor"


def ensure_role_groups() -> None:
    for role in Role:
        Group.objects.get_or_create(name=role.value)


def roles_of(user) -> frozenset[str]:
    if user is None or not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_salon_roles", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        if user.is_superuser:
            cached = cached | {Role.ORGANIZER.value}
        user._salon_roles = cached
    return cached


def has_role(user, *roles: Role) -> bool:
    mine = roles_of(user)
    return any(role.value in mine for role in roles)


def grant(user, role: Role) -> None:
    group, _ = Group.objects.get_or_create(name=role.value)
    user.groups.add(group)
    if hasattr(user, "_salon_roles"):
        del user._salon_roles


def require_role(user, *roles: Role, message: str = "Your role may not do this.") -> None:
    if not has_role(user, *roles):
        raise NotAllowed(message)
