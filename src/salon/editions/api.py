from __future__ import annotations

from django.http import Http404
from ninja import Router

from salon.accounts.domain.roles import Role, require_role
from salon.editions.domain.policy import set_rule
from salon.editions.domain.venue import edition_by_ref
from salon.editions.interfaces.schemas import EditionOut, PolicyOut, RuleIn, RuleOut, StandOut
from salon.editions.models import Edition, ParticipationRule, Stand

router = Router(tags=["editions"])


def get_edition(ref: str) -> Edition:
    edition = edition_by_ref(ref)
    if edition is None:
        raise Http404(f"No edition {ref!r}.")
    return edition


@router.get("/editions", response=list[EditionOut], auth=None)
def list_editions(request):
    return Edition.objects.prefetch_related("themes")


@router.get("/editions/{ref}", response=EditionOut, auth=None)
def edition_detail(request, ref: str):
    return get_edition(ref)


@router.get("/editions/{ref}/policy", response=PolicyOut, auth=None)
def edition_policy(request, ref: str):
    """Public: an applicant learns before applying whether its nationality needs an authorization."""
    edition = get_edition(ref)
    return {
        "default_regime": edition.default_regime,
        "rules": list(ParticipationRule.objects.filter(edition=edition)),
    }


@router.put("/editions/{ref}/policy/{country}", response=RuleOut)
def put_policy_rule(request, ref: str, country: str, body: RuleIn):
    require_role(request.auth, Role.ORGANIZER, message="Only organizers edit the participation policy.")
    return set_rule(
        get_edition(ref),
        country=country,
        regime=body.regime,
        reason=body.reason,
        source=body.source,
        source_date=body.source_date,
        actor=request.auth,
    )


@router.get("/editions/{ref}/stands", response=list[StandOut])
def list_stands(request, ref: str, free: bool | None = None):
    require_role(request.auth, Role.ORGANIZER, message="Only organizers see the floor plan.")
    stands = Stand.objects.filter(hall__edition=get_edition(ref)).select_related("hall", "application")
    if free is not None:
        stands = stands.filter(application__isnull=free)
    return stands
