from salon.accounts.domain.roles import roles_of


def roles(request):
    """Expose the user's roles to templates so menus show what the user may open."""
    return {"salon_roles": roles_of(getattr(request, "user", None))}
