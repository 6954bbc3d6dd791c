"""The seam to B2B matchmaking: a personal agenda shows the person's meetings next to sessions.

The matchmaking app owns its meetings; it makes them visible here by defining
`salon.matchmaking.domain.agenda.meetings_for(user, edition)` returning objects (or dicts) with
`key`, `title`, `starts_at`, `ends_at` and optionally `location`. Until that function exists the
agenda simply has no meetings: nothing here reads matchmaking's tables.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable
from dataclasses import dataclass

PROVIDER_MODULE = "salon.matchmaking.domain.agenda"
PROVIDER_FUNCTION = "meetings_for"


@dataclass(frozen=True)
class AgendaMeeting:
    key: str
    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    location: str = ""


def provider() -> Callable | None:
    try:
        module = importlib.import_module(PROVIDER_MODULE)
    except ModuleNotFoundError as exc:
        if exc.name and PROVIDER_MODULE.startswith(exc.name):
            return None
        raise
    return getattr(module, PROVIDER_FUNCTION, None)


def _field(item, name: str, default=None):
    return item.get(name, default) if isinstance(item, dict) else getattr(item, name, default)


def meetings_for(user, edition) -> list[AgendaMeeting]:
    source = provider()
    if source is None:
        return []
    return [
        AgendaMeeting(
            key=f"meeting-{_field(item, 'key')}",
            title=str(_field(item, "title")),
            starts_at=_field(item, "starts_at"),
            ends_at=_field(item, "ends_at"),
            location=str(_field(item, "location", "") or ""),
        )
        for item in source(user, edition)
    ]
