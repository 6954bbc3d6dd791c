"""The hash-chained, append-only audit log.

Each entry's hash covers its own content and the previous entry's hash, so altering, inserting or
removing any row breaks every hash after it. Appends are serialised (advisory lock on PostgreSQL,
SQLite's single writer) so two concurrent decisions never fork the chain.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime

from django.db import connection, transaction
from django.utils import timezone

from salon.audit.models import AuditEntry

GENESIS_HASH = "0" * 64
_PG_LOCK_KEY = 0x5A10A0D17  # an arbitrary constant naming the audit chain's advisory lock


def _canonical(
    seq: int,
    recorded_at: datetime,
    actor: str,
    action: str,
    edition_id: int | None,
    object_type: str,
    object_id: str,
    payload: dict,
    prev_hash: str,
) -> bytes:
    document = {
        "seq": seq,
        "recorded_at": recorded_at.isoformat(timespec="microseconds"),
        "actor": actor,
        "action": action,
        "edition_id": edition_id,
        "object_type": object_type,
        "object_id": object_id,
        "payload": payload,
        "prev_hash": prev_hash,
    }
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def compute_hash(entry: AuditEntry) -> str:
    return hashlib.sha256(
        _canonical(
            entry.seq,
            entry.recorded_at,
            entry.actor,
            entry.action,
            entry.edition_id,
            entry.object_type,
            entry.object_id,
            entry.payload,
            entry.prev_hash,
        )
    ).hexdigest()


def actor_name(user) -> str:
    if user is None or not getattr(user, "is_authenticated", False):
        return "system"
    return user.get_username()


@dataclass(frozen=True)
class Decision:
    """One entry to append; `target` (a model instance) fills object_type and object_id."""

    actor: object
    action: str
    target: object = None
    object_type: str = ""
    object_id: str | int = ""
    edition_id: int | None = None
    payload: dict | None = None


def record(
    *,
    actor,
    action: str,
    target=None,
    object_type: str = "",
    object_id: str | int = "",
    edition_id: int | None = None,
    payload: dict | None = None,
) -> AuditEntry:
    """Append one decision. Must run inside the caller's transaction so that the decision and its
    audit entry commit or roll back together."""
    return record_many([Decision(actor, action, target, object_type, object_id, edition_id, payload)])[0]


def record_many(decisions: list[Decision]) -> list[AuditEntry]:
    """Append many decisions under one lock and one INSERT (group imports, batch screening)."""
    if not decisions:
        return []
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_PG_LOCK_KEY])
        last = AuditEntry.objects.order_by("-seq").only("seq", "entry_hash").first()
        seq, prev_hash = (last.seq, last.entry_hash) if last else (0, GENESIS_HASH)
        now = timezone.now()
        entries = []
        for decision in decisions:
            object_type, object_id = decision.object_type, decision.object_id
            if decision.target is not None:
                object_type = object_type or decision.target._meta.label_lower
                object_id = object_id or decision.target.pk
            seq += 1
            entry = AuditEntry(
                seq=seq,
                recorded_at=now,
                actor=decision.actor if isinstance(decision.actor, str) else actor_name(decision.actor),
                action=decision.action,
                edition_id=decision.edition_id,
                object_type=object_type,
                object_id=str(object_id),
                payload=json.loads(json.dumps(decision.payload or {}, default=str)),
                prev_hash=prev_hash,
            )
            entry.entry_hash = compute_hash(entry)
            prev_hash = entry.entry_hash
            entries.append(entry)
        AuditEntry.objects.bulk_create(entries, batch_size=1000)
    return entries


@dataclass(frozen=True)
class ChainReport:
    entries_checked: int
    first_broken_seq: int | None
    problem: str = ""

    @property
    def intact(self) -> bool:
        return self.first_broken_seq is None


def verify_chain(batch_size: int = 2000) -> ChainReport:
    """Walk the whole chain in order and name the first entry whose hash or link does not hold."""
    expected_prev = GENESIS_HASH
    expected_seq = 1
    checked = 0
    for entry in AuditEntry.objects.order_by("seq").iterator(chunk_size=batch_size):
        if entry.seq != expected_seq:
            return ChainReport(checked, expected_seq, f"entry #{expected_seq} is missing")
        if entry.prev_hash != expected_prev:
            return ChainReport(checked, entry.seq, f"entry #{entry.seq} does not link to the previous entry")
        if compute_hash(entry) != entry.entry_hash:
            return ChainReport(checked, entry.seq, f"entry #{entry.seq} was altered after it was written")
        expected_prev = entry.entry_hash
        expected_seq += 1
        checked += 1
    return ChainReport(checked, None)
