"""Watch lists per edition and the screening of registrations against them.

The engine (salon.accreditation.screening) is pure; this module feeds it from the database, keeps one
built index per edition in memory (rebuilt when a list changes) and stores hits with a snapshot of
the listed person.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path

from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone

from salon.accreditation.models import Registration, ScreeningHit, WatchList, WatchListEntry
from salon.accreditation.screening import Person, ScreeningIndex, WatchlistEntry
from salon.accreditation.screening.readers import ScreeningInputError, detect_format, read_watchlist
from salon.audit.domain.chain import record
from salon.editions.models import Edition
from salon.errors import DomainError

_INDEX_CACHE: dict[int, tuple[tuple, ScreeningIndex, dict[str, WatchListEntry]]] = {}
_INDEX_LOCK = threading.Lock()


class WatchListError(DomainError):
    pass


def _entry_key(watch_list_id: int, entry_id: str) -> str:
    # Two lists may use the same ids; the index sees them as distinct entries.
    return f"{watch_list_id}:{entry_id}"


@transaction.atomic
def import_watch_list(
    edition: Edition, *, name: str, source: str, list_date: dt.date, data: bytes, actor
) -> WatchList:
    """Read and validate the whole file first; then replace the list of that name in one transaction."""
    name = (name or "").strip()
    if not name or len(name) > 200:
        raise WatchListError(
            "invalid_name", "A watch list needs a name (200 characters at most).", field="name"
        )
    if list_date > dt.date.today():
        raise WatchListError("future_date", "The list's date cannot be in the future.", field="list_date")
    with tempfile.NamedTemporaryFile(suffix=".csv") as handle:
        handle.write(data)
        handle.flush()
        path = Path(handle.name)
        try:
            file_format = detect_format(path)
            entries = list(read_watchlist(path))
        except ScreeningInputError as exc:
            raise WatchListError("invalid_watch_list", exc.message.replace(str(path), "the file")) from exc
    previous = WatchList.objects.select_for_update().filter(edition=edition, name=name).first()
    if previous is not None:
        previous.delete()
    watch_list = WatchList.objects.create(
        edition=edition,
        name=name,
        source=source[:300],
        list_date=list_date,
        file_format=file_format,
        entry_count=len(entries),
        imported_at=timezone.now(),
    )
    WatchListEntry.objects.bulk_create(
        [
            WatchListEntry(
                watch_list=watch_list,
                entry_id=e.id[:200],
                names=list(e.names),
                birth_date=e.birth_date or "",
                countries=list(e.countries),
            )
            for e in entries
        ],
        batch_size=2000,
    )
    record(
        actor=actor,
        action="watchlist.imported",
        target=watch_list,
        edition_id=edition.pk,
        payload={
            "name": name,
            "source": source,
            "list_date": list_date.isoformat(),
            "entries": len(entries),
            "replaced": previous is not None,
        },
    )
    return watch_list


def _version(edition: Edition) -> tuple:
    summary = WatchList.objects.filter(edition=edition).aggregate(
        n=Count("id"), last=Max("imported_at"), ids=Max("id")
    )
    return (summary["n"], summary["last"], summary["ids"])


def edition_index(edition: Edition) -> tuple[ScreeningIndex, dict[str, WatchListEntry]]:
    version = _version(edition)
    with _INDEX_LOCK:
        cached = _INDEX_CACHE.get(edition.pk)
        if cached and cached[0] == version:
            return cached[1], cached[2]
        rows = {
            _entry_key(e.watch_list_id, e.entry_id): e
            for e in WatchListEntry.objects.filter(watch_list__edition=edition).select_related("watch_list")
        }
        index = ScreeningIndex.build(
            WatchlistEntry(key, tuple(e.names), e.birth_date or None, tuple(c.upper() for c in e.countries))
            for key, e in rows.items()
        )
        _INDEX_CACHE[edition.pk] = (version, index, rows)
        return index, rows


def as_person(registration: Registration) -> Person:
    return Person(
        id=str(registration.pk),
        name=registration.full_name,
        original_script_name=registration.original_script_name or None,
        birth_date=registration.birth_date.isoformat() if registration.birth_date else None,
        nationality=registration.nationality.code or None,
    )


def screen_registrations(registrations: Sequence[Registration], threshold: float) -> dict[int, int]:
    """Replace the stored hits of these registrations; returns the hit count per registration id."""
    if not registrations:
        return {}
    index, rows = edition_index(registrations[0].edition)
    people = [as_person(r) for r in registrations]
    results = (
        index.screen_many(people, threshold, workers=1)
        if len(people) > 1
        else [index.screen(people[0], threshold)]
    )
    ScreeningHit.objects.filter(registration__in=registrations).delete()
    hits: list[ScreeningHit] = []
    for registration, person_hits in zip(registrations, results, strict=True):
        for hit in person_hits:
            entry = rows[hit.entry_id]
            hits.append(
                ScreeningHit(
                    registration=registration,
                    watch_list_name=entry.watch_list.name,
                    entry_id=entry.entry_id,
                    listed_names=entry.names,
                    listed_birth_date=entry.birth_date,
                    listed_countries=entry.countries,
                    matched_name=hit.matched_name[:500],
                    score=hit.score,
                    explanation=hit.explanation,
                )
            )
    ScreeningHit.objects.bulk_create(hits, batch_size=1000)
    now = timezone.now()
    Registration.objects.filter(pk__in=[r.pk for r in registrations]).update(screened_at=now)
    counts = {r.pk: 0 for r in registrations}
    for hit in hits:
        counts[hit.registration_id] += 1
    return counts
