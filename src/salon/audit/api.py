from __future__ import annotations

import datetime as dt

from ninja import Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from salon.accounts.domain.roles import Role, require_role
from salon.audit.domain.chain import verify_chain
from salon.audit.models import AuditEntry

router = Router(tags=["audit"])


class VerifyOut(Schema):
    intact: bool
    entries_checked: int
    first_broken_seq: int | None
    problem: str


class EntryOut(Schema):
    seq: int
    recorded_at: dt.datetime
    actor: str
    action: str
    edition_id: int | None
    object_type: str
    object_id: str
    payload: dict
    entry_hash: str


@router.get("/verify", response=VerifyOut)
def verify(request):
    require_role(request.auth, Role.ORGANIZER, message="Only organizers verify the audit trail.")
    report = verify_chain()
    return {
        "intact": report.intact,
        "entries_checked": report.entries_checked,
        "first_broken_seq": report.first_broken_seq,
        "problem": report.problem,
    }


@router.get("/entries", response=list[EntryOut])
@paginate(LimitOffsetPagination)
def entries(request, edition_id: int | None = None, action: str | None = None):
    require_role(request.auth, Role.ORGANIZER, message="Only organizers read the audit trail.")
    rows = AuditEntry.objects.order_by("-seq")
    if edition_id is not None:
        rows = rows.filter(edition_id=edition_id)
    if action:
        rows = rows.filter(action=action)
    return rows
