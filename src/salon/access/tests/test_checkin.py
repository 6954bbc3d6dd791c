import datetime as dt

import base45
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from salon.access.badges import codec
from salon.access.domain import keys
from salon.access.domain.badges import issue_badge, reissue_badge, revoke_badge, rotate_key
from salon.access.domain.checkin import Reason, ScanInput, check_in, check_in_batch, effective_time
from salon.access.domain.zones import set_passback_mode
from salon.access.models import Presence, Scan
from salon.access.tests.conftest import at, enter, scan
from salon.editions.domain.venue import create_edition

pytestmark = pytest.mark.django_db


def test_checkin_valid_badge_ok_recorded_and_inside(visitor_badge, gate):
    verdict = enter(visitor_badge.payload, gate, at(18, 10), scan_id="s-ok")
    assert (verdict.reason, verdict.admitted, verdict.recorded, verdict.replayed) == (
        Reason.OK,
        True,
        True,
        False,
    )
    assert (verdict.holder, verdict.category, verdict.gate, verdict.zone) == (
        "Claire Dubois",
        "visitor",
        "hall-north",
        "hall",
    )
    row = Scan.objects.get(scan_id="s-ok")
    assert (row.reason, row.admitted, row.badge_id, row.zone.code) == ("ok", True, visitor_badge.pk, "hall")
    assert Presence.objects.get(badge=visitor_badge).inside is True


def test_checkin_altered_signature_forged(visitor_badge, gate):
    raw = bytearray(base45.b45decode(visitor_badge.payload))
    raw[-1] ^= 0x01
    verdict = enter(base45.b45encode(bytes(raw)).decode(), gate, at(18, 10))
    assert (verdict.reason, verdict.admitted) == (Reason.FORGED, False)
    assert Scan.objects.get(scan_id=verdict.scan_id).reason == "forged"


def test_checkin_altered_claims_forged(visitor_badge, gate):
    raw = bytearray(base45.b45decode(visitor_badge.payload))
    raw[17] ^= 0x04  # one more zone bit, signature unchanged
    assert enter(base45.b45encode(bytes(raw)).decode(), gate, at(18, 10)).reason == Reason.FORGED


def test_checkin_payload_signed_by_another_key_forged(visitor_badge, gate):
    claims = codec.parse(visitor_badge.payload).claims
    assert enter(codec.sign(claims, Ed25519PrivateKey.generate()), gate, at(18, 10)).reason == Reason.FORGED


def test_checkin_payload_signed_by_other_editions_key_forged(visitor_badge, gate, organizer):
    other = create_edition(
        slug="bamex-test",
        name="BAMEX Test",
        host_country="ML",
        city="Bamako",
        venue="CICB",
        start_date=dt.date(2025, 11, 11),
        end_date=dt.date(2025, 11, 14),
        actor=organizer,
    )
    claims = codec.parse(visitor_badge.payload).claims  # claims this edition…
    forged = codec.sign(claims, keys.private_key(keys.current_key(other)))  # …signed with BAMEX's key
    assert enter(forged, gate, at(18, 10)).reason == Reason.FORGED


def test_checkin_badge_of_other_edition_other_edition(venue, gate, organizer):
    other = create_edition(
        slug="bamex-test",
        name="BAMEX Test",
        host_country="ML",
        city="Bamako",
        venue="CICB",
        start_date=dt.date(2025, 11, 18),
        end_date=dt.date(2025, 11, 21),
        actor=organizer,
    )
    badge = issue_badge(other, holder_name="Moussa Traoré", category="visitor", zones=[], actor=organizer)
    assert enter(badge.payload, gate, at(18, 10)).reason == Reason.OTHER_EDITION


@pytest.mark.parametrize("payload", ["", "garbage", "HELLO WORLD", "A" * 500])
def test_checkin_unreadable_payload_malformed(payload, gate):
    verdict = enter(payload, gate, at(18, 10))
    assert (verdict.reason, verdict.recorded) == (Reason.MALFORMED, True)


def test_checkin_truncated_payload_malformed(visitor_badge, gate):
    assert enter(visitor_badge.payload[:100], gate, at(18, 10)).reason == Reason.MALFORMED


def test_checkin_unknown_direction_malformed(visitor_badge, gate):
    assert enter(visitor_badge.payload, gate, at(18, 10), direction="sideways").reason == Reason.MALFORMED


@pytest.mark.parametrize("gate_ref", [999999, "no-such-gate", "", "-1"])
def test_checkin_unknown_gate_recorded(visitor_badge, gate_ref):
    verdict = check_in(scan(visitor_badge.payload, gate_ref), now=at(18, 10))
    assert (verdict.reason, verdict.admitted) == (Reason.UNKNOWN_GATE, False)
    assert Scan.objects.get(scan_id=verdict.scan_id).edition_id is None


def test_checkin_inactive_gate_unknown_gate(visitor_badge, gate):
    gate.active = False
    gate.save()
    assert enter(visitor_badge.payload, gate, at(18, 10)).reason == Reason.UNKNOWN_GATE


def test_checkin_signed_but_unrecorded_badge_unknown_badge(visitor_badge, gate):
    claims = codec.parse(visitor_badge.payload).claims
    ghost = codec.sign(
        codec.BadgeClaims(**{**claims.__dict__, "badge_id": 987654}),
        keys.private_key(keys.current_key(visitor_badge.edition)),
    )
    verdict = enter(ghost, gate, at(18, 10))
    assert (verdict.reason, verdict.badge_id) == (Reason.UNKNOWN_BADGE, 987654)


def test_checkin_revoked_badge_revoked(visitor_badge, gate, organizer):
    revoke_badge(visitor_badge, actor=organizer, reason="Lost, declared by holder")
    assert enter(visitor_badge.payload, gate, at(18, 10)).reason == Reason.REVOKED


def test_checkin_reissued_badge_old_print_superseded_new_ok(visitor_badge, gate, organizer):
    old = visitor_badge.payload
    new = reissue_badge(visitor_badge, actor=organizer, reason="Name misspelt").payload
    assert enter(old, gate, at(18, 10)).reason == Reason.SUPERSEDED
    assert enter(new, gate, at(18, 10, 1)).reason == Reason.OK


def test_checkin_after_key_rotation_old_print_superseded(visitor_badge, gate, organizer):
    old = visitor_badge.payload
    version, count = rotate_key(visitor_badge.edition, actor=organizer)
    visitor_badge.refresh_from_db()
    assert (version, count, visitor_badge.key_version) == (2, 1, 2)
    assert enter(old, gate, at(18, 10)).reason == Reason.SUPERSEDED
    assert enter(visitor_badge.payload, gate, at(18, 10, 1)).reason == Reason.OK


def test_checkin_day_outside_badge_wrong_day(visitor_badge, gate):
    assert enter(visitor_badge.payload, gate, at(22, 10)).reason == Reason.WRONG_DAY


def test_checkin_day_outside_zone_rule_wrong_day(edition, venue, organizer):
    exhibitor = issue_badge(edition, holder_name="Hugo Petit", category="exhibitor", actor=organizer)
    assert enter(exhibitor.payload, venue["gates"]["setup"], at(17, 8)).reason == Reason.OK
    assert enter(exhibitor.payload, venue["gates"]["setup"], at(18, 8)).reason == Reason.WRONG_DAY


def test_checkin_after_closing_outside_hours(visitor_badge, gate):
    assert enter(visitor_badge.payload, gate, at(18, 18, 0)).reason == Reason.OUTSIDE_HOURS
    assert enter(visitor_badge.payload, gate, at(18, 8, 59)).reason == Reason.OUTSIDE_HOURS


def test_checkin_zone_without_rule_for_category_zone_denied(visitor_badge, venue):
    assert enter(visitor_badge.payload, venue["gates"]["setup"], at(18, 10)).reason == Reason.ZONE_DENIED


def test_checkin_restricted_zone_not_granted_zone_denied_granted_ok(edition, visitor_badge, venue, organizer):
    assert enter(visitor_badge.payload, venue["gates"]["demo"], at(18, 11)).reason == Reason.ZONE_DENIED
    granted = issue_badge(
        edition,
        holder_name="Ana Silva",
        category="visitor",
        zones=[venue["hall"], venue["demo"]],
        actor=organizer,
    )
    assert enter(granted.payload, venue["gates"]["demo"], at(18, 11)).reason == Reason.OK


def test_checkin_entering_twice_warns_by_default(visitor_badge, gate):
    assert enter(visitor_badge.payload, gate, at(18, 10)).warnings == ()
    second = enter(visitor_badge.payload, gate, at(18, 10, 5))
    assert (second.reason, second.admitted, second.warnings) == (Reason.OK, True, ("passback",))


def test_checkin_entering_twice_denied_in_deny_mode(visitor_badge, gate, edition, organizer):
    set_passback_mode(edition, "deny", actor=organizer)
    assert enter(visitor_badge.payload, gate, at(18, 10)).reason == Reason.OK
    second = enter(visitor_badge.payload, gate, at(18, 10, 5))
    assert (second.reason, second.admitted) == (Reason.PASSBACK, False)
    assert enter(visitor_badge.payload, gate, at(18, 11), direction="out").reason == Reason.OK
    assert enter(visitor_badge.payload, gate, at(18, 12)).reason == Reason.OK


def test_checkin_revoked_holder_may_leave(visitor_badge, gate, organizer):
    enter(visitor_badge.payload, gate, at(18, 10))
    revoke_badge(visitor_badge, actor=organizer, reason="Accreditation withdrawn")
    verdict = enter(visitor_badge.payload, gate, at(18, 11), direction="out")
    assert (verdict.reason, verdict.admitted, verdict.warnings) == (Reason.OK, True, ("revoked",))
    assert Presence.objects.get(badge=visitor_badge).inside is False


def test_checkin_device_clock_skew_flagged_server_time_decides(visitor_badge, gate):
    server = at(18, 10)
    device = server + dt.timedelta(days=3)  # the tablet thinks it is the 21st
    verdict = check_in(scan(visitor_badge.payload, gate, device_time=device, sent_at=device), now=server)
    assert (verdict.reason, verdict.warnings, verdict.skew_seconds) == (Reason.OK, ("clock_skew",), 3 * 86400)
    assert verdict.effective_at == server
    assert Scan.objects.get(scan_id=verdict.scan_id).device_time == device


def test_checkin_small_skew_not_flagged(visitor_badge, gate):
    server = at(18, 10)
    device = server - dt.timedelta(seconds=40)
    verdict = check_in(scan(visitor_badge.payload, gate, device_time=device, sent_at=device), now=server)
    assert (verdict.warnings, verdict.skew_seconds) == ((), -40)


def test_effective_time_offline_scan_dated_by_device_relative_to_upload():
    now = at(18, 12)
    device_scan, device_sent = at(18, 9, 55), at(18, 10, 25)  # device clock 1 h 35 min late
    assert effective_time(now, device_scan, device_sent) == (at(18, 11, 30), -5700)
    assert effective_time(now, None, None) == (now, None)
    assert effective_time(now, now + dt.timedelta(hours=1), now) == (now, 0)


def test_checkin_offline_scan_before_closing_decided_at_scan_time(visitor_badge, gate):
    # Scanned offline at 17:50, uploaded at 18:20 (after closing): it was valid when it happened.
    verdict = check_in(
        scan(visitor_badge.payload, gate, device_time=at(18, 17, 50), sent_at=at(18, 18, 20)),
        now=at(18, 18, 20),
    )
    assert (verdict.reason, verdict.effective_at) == (Reason.OK, at(18, 17, 50))
    assert Scan.objects.get(scan_id=verdict.scan_id).offline is True


def test_checkin_replayed_scan_id_returns_first_verdict_records_nothing(visitor_badge, gate, organizer):
    first = enter(visitor_badge.payload, gate, at(18, 10), scan_id="dup-1")
    revoke_badge(visitor_badge, actor=organizer, reason="Lost, declared by holder")
    again = enter(visitor_badge.payload, gate, at(18, 10, 1), scan_id="dup-1")
    assert (again.reason, again.admitted, again.replayed, again.warnings) == (Reason.OK, True, True, ())
    assert again.effective_at == first.effective_at
    assert Scan.objects.filter(scan_id="dup-1").count() == 1
    assert Presence.objects.get(badge=visitor_badge).inside is True


def test_checkin_same_offline_queue_uploaded_twice_recorded_once(visitor_badge, gate):
    queue = [
        scan(
            visitor_badge.payload,
            gate,
            scan_id=f"q-{i}",
            direction=("in", "out")[i % 2],
            device_time=at(18, 10, i),
            sent_at=at(18, 10, 30),
        )
        for i in range(6)
    ]
    queue.append(scan("forged-garbage", gate, scan_id="q-bad"))
    first = check_in_batch(queue, now=at(18, 10, 30))
    second = check_in_batch(queue, now=at(18, 10, 40))
    assert [v.reason for v in first] == ["ok"] * 6 + ["malformed"]
    assert [v.replayed for v in first] == [False] * 7
    assert [v.replayed for v in second] == [True] * 7
    assert [v.reason for v in second] == [v.reason for v in first]
    assert Scan.objects.count() == 7


@pytest.mark.parametrize("scan_id", ["", "x" * 65, "with space", None])
def test_checkin_invalid_scan_id_not_recorded(visitor_badge, gate, scan_id):
    verdict = check_in(
        ScanInput(payload=visitor_badge.payload, gate=gate.pk, direction="in", scan_id=scan_id),
        now=at(18, 10),
    )
    assert (verdict.reason, verdict.recorded) == (Reason.MALFORMED, False)
    assert Scan.objects.count() == 0


def test_checkin_reasons_all_exercised():
    """Every reason code has a test above; a new code must get one too."""
    import pathlib

    source = pathlib.Path(__file__).read_text()
    assert [r.name for r in Reason if f"Reason.{r.name}" not in source] == []


@pytest.mark.parametrize("mode", ["warn", "deny"])
def test_checkin_batch_decides_exactly_like_one_by_one(edition, venue, visitor_badge, organizer, mode):
    import random

    set_passback_mode(edition, mode, actor=organizer)
    exhibitor = issue_badge(edition, holder_name="Hugo Petit", category="exhibitor", actor=organizer)
    revoked = issue_badge(edition, holder_name="Lost Badge", category="visitor", actor=organizer)
    revoke_badge(revoked, actor=organizer, reason="Lost badge")
    payloads = [visitor_badge.payload, exhibitor.payload, revoked.payload, "garbage"]
    gates = [venue["gates"]["hall"], venue["gates"]["demo"], venue["gates"]["setup"], 999999]
    rng = random.Random(4)
    plan = [(rng.choice(payloads), rng.choice(gates), rng.choice(["in", "in", "out"])) for _ in range(80)]

    def run(prefix, batched):
        Presence.objects.all().delete()
        scans = [scan(p, g, direction=d, scan_id=f"{prefix}-{i}") for i, (p, g, d) in enumerate(plan)]
        verdicts = (
            check_in_batch(scans, now=at(18, 11)) if batched else [check_in(s, now=at(18, 11)) for s in scans]
        )
        state = sorted(Presence.objects.values_list("badge_id", "zone__code", "inside"))
        return [(v.reason, v.admitted, v.warnings, v.badge_id) for v in verdicts], state

    one_by_one, batched = run("a", False), run("b", True)
    assert batched == one_by_one
    assert {r for r, *_ in one_by_one[0]} >= {"ok", "revoked", "zone_denied", "malformed", "unknown_gate"}
    assert Scan.objects.filter(scan_id__startswith="b-").count() == 80


def test_checkin_batch_repeat_within_upload_is_replay(visitor_badge, gate):
    scans = [
        scan(visitor_badge.payload, gate, scan_id="r-1"),
        scan(visitor_badge.payload, gate, scan_id="r-1"),
    ]
    first, second = check_in_batch(scans, now=at(18, 10))
    assert (first.reason, first.replayed, second.reason, second.replayed) == (
        Reason.OK,
        False,
        Reason.OK,
        True,
    )
    assert Scan.objects.filter(scan_id="r-1").count() == 1
