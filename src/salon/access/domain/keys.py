"""The editions' badge-signing keys. Private halves are Fernet-encrypted at rest with the same keys that
protect identity documents; public halves are cached forever in the process (a version never changes)."""

from __future__ import annotations

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.db import transaction
from django.utils import timezone

from salon.access.models import EditionKey
from salon.accreditation.domain.protection import decrypt, encrypt
from salon.errors import DomainError

_public_keys: dict[tuple[int, int], bytes] = {}


def _new_key_row(edition, version: int) -> EditionKey:
    private = Ed25519PrivateKey.generate()
    raw_private = private.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    raw_public = private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    key = EditionKey.objects.create(
        edition=edition,
        version=version,
        public_key=raw_public,
        private_key_encrypted=encrypt(raw_private.hex()),
    )
    # Ids can come back after a rollback (SQLite, tests): the newest row for an (edition, version) wins.
    _public_keys[(edition.pk, version)] = raw_public
    return key


@transaction.atomic
def current_key(edition) -> EditionKey:
    """The edition's signing key, created on first use."""
    key = EditionKey.objects.filter(edition=edition, retired_at__isnull=True).order_by("-version").first()
    if key is None:
        latest = EditionKey.objects.select_for_update().filter(edition=edition).order_by("-version").first()
        key = _new_key_row(edition, (latest.version + 1) if latest else 1)
    return key


def new_version(edition) -> tuple[EditionKey, EditionKey | None]:
    """Retire the current key and create the next one (caller holds the transaction)."""
    latest = EditionKey.objects.select_for_update().filter(edition=edition).order_by("-version").first()
    if latest is not None and latest.retired_at is None:
        latest.retired_at = timezone.now()
        latest.save(update_fields=["retired_at"])
    return _new_key_row(edition, (latest.version + 1) if latest else 1), latest


def private_key(key: EditionKey) -> Ed25519PrivateKey:
    clear = decrypt(key.private_key_encrypted)
    if not clear:
        raise DomainError(
            "key_unreadable",
            f"Signing key v{key.version} of this edition cannot be decrypted with the configured field keys.",
            status=500,
        )
    return Ed25519PrivateKey.from_private_bytes(bytes.fromhex(clear))


def public_key(edition_id: int, version: int, *, refresh: bool = False) -> bytes | None:
    """The raw public key. A cached key can only be stale after a rolled-back creation (its private half was
    never stored, so it signed nothing): callers re-read with refresh=True before calling a payload forged."""
    cached = None if refresh else _public_keys.get((edition_id, version))
    if cached is None:
        row = EditionKey.objects.filter(edition_id=edition_id, version=version).values_list(
            "public_key", flat=True
        )
        found = row.first()
        if found is None:
            return None
        cached = _public_keys[(edition_id, version)] = bytes(found)
    return cached
