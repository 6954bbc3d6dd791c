import datetime as dt

import pytest
import segno
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given
from hypothesis import strategies as st

from salon.access.badges import codec

KEY = Ed25519PrivateKey.generate()
PUBLIC = KEY.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def claims(**overrides) -> codec.BadgeClaims:
    first_day, day_mask = codec.days_to_mask([dt.date(2025, 11, 18), dt.date(2025, 11, 21)])
    values = dict(
        edition_id=7,
        key_version=2,
        badge_id=123456,
        issue_version=3,
        category=codec.Category.PRESS,
        zone_mask=0b1011,
        first_day=first_day,
        day_mask=day_mask,
    )
    values.update(overrides)
    return codec.BadgeClaims(**values)


def test_codec_round_trip_keeps_claims_and_verifies():
    text = codec.sign(claims(), KEY)
    parsed = codec.parse(text)
    assert parsed.claims == claims()
    assert codec.verify(parsed, PUBLIC) is True
    assert parsed.claims.valid_days == [dt.date(2025, 11, 18), dt.date(2025, 11, 21)]
    assert parsed.claims.grants_zone(3) is True and parsed.claims.grants_zone(2) is False


def test_codec_payload_fits_qr_version_6_alphanumeric():
    text = codec.sign(claims(edition_id=2**32 - 1, badge_id=2**32 - 1), KEY)
    assert len(text) == 129
    assert set(text) <= set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")
    qr = segno.make_qr(text, error="m", mode="alphanumeric", boost_error=False)
    assert (qr.version, qr.mode) == (6, "alphanumeric")


def test_codec_other_key_does_not_verify():
    other = Ed25519PrivateKey.generate()
    assert codec.verify(codec.parse(codec.sign(claims(), other)), PUBLIC) is False


@pytest.mark.parametrize("text", ["", "hello", "A" * 300, "::::", "%69 VD92EX0"])
def test_codec_parse_rejects_non_payloads(text):
    with pytest.raises(codec.MalformedPayload):
        codec.parse(text)


def test_codec_truncated_payload_malformed():
    with pytest.raises(codec.MalformedPayload, match="expected 86"):
        codec.parse(codec.sign(claims(), KEY)[:-3])


def test_codec_unknown_format_version_malformed():
    import base45

    raw = bytearray(base45.b45decode(codec.sign(claims(), KEY)))
    raw[0] = 9
    with pytest.raises(codec.MalformedPayload, match="unknown payload format 9"):
        codec.parse(base45.b45encode(bytes(raw)).decode())


def test_codec_days_span_over_16_rejected():
    with pytest.raises(ValueError, match="span more than 16 days"):
        codec.days_to_mask([dt.date(2025, 11, 1), dt.date(2025, 11, 17)])


def test_codec_zone_bit_out_of_range_rejected():
    with pytest.raises(ValueError, match="zone slot 32"):
        codec.zones_to_mask([1, 32])


@given(st.binary(min_size=86, max_size=86))
def test_codec_random_bytes_never_verify(raw):
    import base45

    text = base45.b45encode(raw).decode()
    try:
        parsed = codec.parse(text)
    except codec.MalformedPayload:
        return
    assert codec.verify(parsed, PUBLIC) is False
