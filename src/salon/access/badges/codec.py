"""The badge payload carried by the QR code: compact binary claims + Ed25519 signature, base45-encoded.

No Django here: the gate, the benchmark and the tests use it as is. Layout (big-endian, 22 bytes):

    format u8 | edition u32 | key version u16 | badge u32 | issue version u16 | category u8
    | zone bitmask u32 | first valid day u16 (days since 2020-01-01) | valid-day bitmask u16

followed by the 64-byte signature of those 22 bytes. 86 bytes become 129 base45 characters, which
fit QR version 6 at error-correction level M in alphanumeric mode. Nothing personal is in the code:
a lost badge reveals a number, not a name.
"""

from __future__ import annotations

import datetime as dt
import struct
from dataclasses import dataclass
from enum import IntEnum
from functools import lru_cache

import base45
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

FORMAT_VERSION = 1
HEADER = struct.Struct(">BIHIHBIHH")
SIGNATURE_LENGTH = 64
PAYLOAD_LENGTH = HEADER.size + SIGNATURE_LENGTH
DAY_ZERO = dt.date(2020, 1, 1)
MAX_DAYS = 16  # width of the day bitmask: a show with set-up and tear-down fits easily
MAX_ZONES = 32  # width of the zone bitmask


class Category(IntEnum):
    """Holder categories; the numbers are in printed badges and must never be renumbered."""

    VISITOR = 1
    EXHIBITOR = 2
    DELEGATION = 3
    PRESS = 4
    ORGANIZER = 5
    CONTRACTOR = 6

    @property
    def code(self) -> str:
        return self.name.lower()

    @classmethod
    def from_code(cls, code: str) -> Category:
        try:
            return cls[code.upper()]
        except KeyError:
            raise ValueError(f"unknown badge category {code!r}") from None


class MalformedPayload(ValueError):
    """The text is not a Salon badge payload (truncated, altered encoding, unknown format)."""


@dataclass(frozen=True)
class BadgeClaims:
    edition_id: int
    key_version: int
    badge_id: int
    issue_version: int
    category: int
    zone_mask: int
    first_day: int
    day_mask: int

    def pack(self) -> bytes:
        try:
            return HEADER.pack(
                FORMAT_VERSION,
                self.edition_id,
                self.key_version,
                self.badge_id,
                self.issue_version,
                self.category,
                self.zone_mask,
                self.first_day,
                self.day_mask,
            )
        except struct.error as exc:
            raise ValueError(f"badge claims out of range: {exc}") from exc

    @property
    def valid_days(self) -> list[dt.date]:
        start = DAY_ZERO + dt.timedelta(days=self.first_day)
        return [start + dt.timedelta(days=i) for i in range(MAX_DAYS) if self.day_mask >> i & 1]

    def valid_on(self, day: dt.date) -> bool:
        offset = (day - DAY_ZERO).days - self.first_day
        return 0 <= offset < MAX_DAYS and bool(self.day_mask >> offset & 1)

    def grants_zone(self, bit: int) -> bool:
        return 0 <= bit < MAX_ZONES and bool(self.zone_mask >> bit & 1)


def days_to_mask(days: list[dt.date]) -> tuple[int, int]:
    """(first day, bitmask) for a set of days spanning at most MAX_DAYS."""
    if not days:
        raise ValueError("a badge needs at least one valid day")
    first = min(days)
    mask = 0
    for day in days:
        offset = (day - first).days
        if offset >= MAX_DAYS:
            raise ValueError(f"valid days span more than {MAX_DAYS} days ({first} to {max(days)})")
        mask |= 1 << offset
    return (first - DAY_ZERO).days, mask


def zones_to_mask(bits: list[int]) -> int:
    mask = 0
    for bit in bits:
        if not 0 <= bit < MAX_ZONES:
            raise ValueError(f"zone slot {bit} outside 0..{MAX_ZONES - 1}")
        mask |= 1 << bit
    return mask


def sign(claims: BadgeClaims, private_key: Ed25519PrivateKey) -> str:
    header = claims.pack()
    return base45.b45encode(header + private_key.sign(header)).decode("ascii")


@dataclass(frozen=True)
class ParsedPayload:
    claims: BadgeClaims
    header: bytes
    signature: bytes


def parse(text: str) -> ParsedPayload:
    """Decode without verifying. Raises MalformedPayload for anything that is not a well-formed payload."""
    if not isinstance(text, str):
        raise MalformedPayload("payload is not text")
    cleaned = text.strip()
    if not cleaned or len(cleaned) > 200:
        raise MalformedPayload("payload is empty or too long")
    try:
        raw = base45.b45decode(cleaned)
    except (ValueError, KeyError, TypeError) as exc:
        raise MalformedPayload(f"not base45: {exc}") from exc
    if len(raw) != PAYLOAD_LENGTH:
        raise MalformedPayload(f"payload has {len(raw)} bytes, expected {PAYLOAD_LENGTH}")
    header, signature = raw[: HEADER.size], raw[HEADER.size :]
    fields = HEADER.unpack(header)
    if fields[0] != FORMAT_VERSION:
        raise MalformedPayload(f"unknown payload format {fields[0]}")
    return ParsedPayload(BadgeClaims(*fields[1:]), header, signature)


@lru_cache(maxsize=256)
def _public_key(raw: bytes) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(raw)


def verify(parsed: ParsedPayload, public_key: bytes) -> bool:
    """True when the edition key `public_key` (32 raw bytes) signed this payload."""
    try:
        _public_key(public_key).verify(parsed.signature, parsed.header)
    except (InvalidSignature, ValueError):
        return False
    return True
