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
    if target is not None:
        object_type = object_type or target._meta.label_lower
        object_id = object_id or target.pk
    payload = json.loads(json.dumps(payload or {}, default=str))
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_PG_LOCK_KEY])
        last = AuditEntry.objects.order_by("-seq").only("seq", "entry_hash").first()
        entry = AuditEntry(
            seq=(last.seq + 1) if last else 1,
            recorded_at=timezone.now(),
            actor=actor if isinstance(actor, str) else actor_name(actor),
            action=action,
            edition_id=edition_id,
            object_type=object_type,
            object_id=str(object_id),
            payload=payload,
            prev_hash=last.entry_hash if last else GENESIS_HASH,
        )
        entry.entry_hash = compute_hash(entry)
        entry.save(force_insert=True)
    return entry


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
