"""B2B meetings as seen from the conference program: the seam `program.domain.meetings` looks for."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from salon.accreditation.models import Registration
from salon.exhibitors.models import Application
from salon.matchmaking.domain.scheduling import exhibitor_agenda, visitor_agenda


@dataclass(frozen=True)
class MeetingItem:
    key: str
    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    location: str = ""


def meetings_for(user, edition) -> list[MeetingItem]:
    """Scheduled meetings of the user at this edition, as a visitor and as an exhibitor's member."""
    if not getattr(user, "is_authenticated", False):
        return []
    items: list[MeetingItem] = []
    for registration in Registration.objects.filter(edition=edition, registrant=user).select_related(
        "edition"
    ):
        items += [
            MeetingItem(str(i.meeting_id), i.title, i.start, i.end, i.with_whom)
            for i in visitor_agenda(registration, actor=user)
        ]
    for application in Application.objects.filter(edition=edition, company__members=user).select_related(
        "company", "edition"
    ):
        items += [
            MeetingItem(str(i.meeting_id), i.title, i.start, i.end, i.with_whom)
            for i in exhibitor_agenda(application, actor=user)
        ]
    unique = {item.key: item for item in items}
    return sorted(unique.values(), key=lambda item: item.starts_at)
