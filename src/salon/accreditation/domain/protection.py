"""Encryption at rest of identity-document numbers.

Fernet (AES-128-CBC + HMAC, from `cryptography`) with MultiFernet so keys rotate without a flag day; a
separate HMAC fingerprint lets us spot duplicates without decrypting.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings


def _key_file_keys() -> list[bytes]:
    key_dir = settings.SALON_KEY_DIR
    path = key_dir / "field.key"
    if not path.exists():
        key_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(Fernet.generate_key())
    return [path.read_bytes().strip()]


@cache
def _keys() -> tuple[bytes, ...]:
    configured = [k.encode() for k in settings.SALON_FIELD_KEYS]
    return tuple(configured or _key_file_keys())


def _cipher() -> MultiFernet:
    return MultiFernet([Fernet(k) for k in _keys()])


def normalise_document_number(number: str) -> str:
    return "".join(ch for ch in number.upper() if ch.isalnum())


def encrypt(value: str) -> str:
    return _cipher().encrypt(value.encode()).decode() if value else ""


def decrypt(token: str) -> str:
    if not token:
        return ""
    try:
        return _cipher().decrypt(token.encode()).decode()
    except InvalidToken:
        return ""


def fingerprint(number: str) -> str:
    normalised = normalise_document_number(number)
    if not normalised:
        return ""
    return hmac.new(_keys()[0], b"id-document:" + normalised.encode(), hashlib.sha256).hexdigest()


def masked(number: str) -> str:
    """What an officer sees by default: enough to compare with the document in hand."""
    return "•" * max(0, len(number) - 3) + number[-3:] if number else ""


def reset_key_cache() -> None:
    _keys.cache_clear()
