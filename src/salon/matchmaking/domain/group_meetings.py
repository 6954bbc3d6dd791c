"""Group meetings requested on behalf of a delegation (the seam `delegations.domain` looks for)."""

from __future__ import annotations

import datetime as dt

from salon.accreditation.models import RegistrationStatus
from salon.matchmaking.domain.meetings import request_meeting
from salon.matchmaking.models import MeetingRequest


def request_group_meeting(
    *,
    edition,
    exhibitor,
    registrations,
    requested_by,
    preferred_start: dt.datetime | None = None,
    message: str = "",
) -> MeetingRequest:
    """The delegation's accredited visitors meet one exhibitor; the exhibitor accepts, the scheduler finds the
    slot. The delegations domain has already checked that `requested_by` hosts this delegation."""
    registrations = [r for r in registrations if r.status == RegistrationStatus.ACCREDITED]
    if preferred_start is not None:
        message = f"{message}\nPreferred time: {preferred_start.isoformat()}".strip()
    return request_meeting(
        exhibitor=exhibitor,
        visitors=list(registrations),
        actor=requested_by,
        message=message,
        priority=3,
        vouched_by_caller=True,
    )
