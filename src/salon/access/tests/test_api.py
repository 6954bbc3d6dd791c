import datetime as dt

import pytest

from salon.access.domain import checkin as checkin_domain
from salon.access.domain.badges import revoke_badge
from salon.access.models import Scan
from salon.access.tests.conftest import at

pytestmark = pytest.mark.django_db


@pytest.fixture
def frozen(monkeypatch):
    """The server's clock on the first show day, 10:00 at the venue."""
    now = at(18, 10)
    monkeypatch.setattr(checkin_domain, "clock", lambda: now)
    return now


def _body(badge, gate, scan_id, **extra):
    return {"payload": badge.payload, "gate": gate.pk, "direction": "in", "scan_id": scan_id, **extra}


def test_api_checkin_one_round_trip_verdict(api_as, gate_agent, visitor_badge, gate, frozen):
    response = api_as(gate_agent).post("/checkin", _body(visitor_badge, gate, "api-1"))
    assert response.status_code == 200
    body = response.json()
    assert (body["reason"], body["admitted"], body["replayed"], body["holder"]) == (
        "ok",
        True,
        False,
        "Claire Dubois",
    )
    again = api_as(gate_agent).post("/checkin", _body(visitor_badge, gate, "api-1")).json()
    assert (again["reason"], again["replayed"]) == ("ok", True)
    assert Scan.objects.get(scan_id="api-1").agent == gate_agent


def test_api_checkin_bad_inputs_are_verdicts_not_errors(api_as, gate_agent, visitor_badge, gate, frozen):
    client = api_as(gate_agent)
    cases = [
        ({"payload": "x", "gate": gate.pk, "scan_id": "b-1"}, "malformed"),
        ({"payload": visitor_badge.payload, "gate": "nope", "scan_id": "b-2"}, "unknown_gate"),
        ({"payload": visitor_badge.payload, "gate": 10**12, "scan_id": "b-3"}, "unknown_gate"),
        ({"payload": visitor_badge.payload[:-2], "gate": gate.pk, "scan_id": "b-4"}, "malformed"),
        (_body(visitor_badge, gate, "b-5", device_time="not a time", sent_at="yesterday"), "ok"),
    ]
    for body, reason in cases:
        response = client.post("/checkin", body)
        assert (response.status_code, response.json()["reason"]) == (200, reason), body


def test_api_batch_offline_queue_twice_nothing_doubled(
    api_as, gate_agent, edition, visitor_badge, gate, frozen, organizer
):
    revoked_payload = visitor_badge.payload
    queue = {
        "sent_at": (frozen + dt.timedelta(minutes=20)).isoformat(),  # device clock 20 min fast
        "scans": [
            _body(visitor_badge, gate, "o-1", device_time=(frozen + dt.timedelta(minutes=5)).isoformat()),
            {"payload": "garbage", "gate": gate.pk, "scan_id": "o-2"},
            {"payload": revoked_payload, "gate": 424242, "scan_id": "o-3"},
            {"payload": revoked_payload, "gate": gate.pk, "scan_id": "bad id with spaces"},
        ],
    }
    client = api_as(gate_agent)
    first = client.post("/checkin/batch", queue).json()
    assert [r["reason"] for r in first["results"]] == ["ok", "malformed", "unknown_gate", "malformed"]
    assert (first["recorded"], first["replayed"]) == (3, 0)
    assert first["results"][0]["effective_at"] == (frozen - dt.timedelta(minutes=15)).isoformat()
    assert first["results"][0]["warnings"] == ["clock_skew"]
    revoke_badge(visitor_badge, actor=organizer, reason="Lost badge")
    second = client.post("/checkin/batch", queue).json()
    assert [r["reason"] for r in second["results"]] == ["ok", "malformed", "unknown_gate", "malformed"]
    assert (second["recorded"], second["replayed"]) == (0, 3)
    assert Scan.objects.count() == 3


def test_api_gate_bundle_has_keys_revocations_rules_gates(
    api_as, gate_agent, visitor_badge, organizer, venue
):
    revoke_badge(visitor_badge, actor=organizer, reason="Lost badge")
    bundle = api_as(gate_agent).get(f"/editions/{visitor_badge.edition.slug}/gate-bundle").json()
    assert [(k["version"], k["current"]) for k in bundle["keys"]] == [(1, True)]
    assert bundle["revoked"] == [visitor_badge.pk]
    assert [g["code"] for g in bundle["gates"]] == ["demo-1", "hall-north", "setup-1"]
    hall = next(z for z in bundle["zones"] if z["code"] == "hall")
    assert hall["rules"][1] == {
        "category": "visitor",
        "days": ["2025-11-18", "2025-11-19", "2025-11-20", "2025-11-21"],
        "opens": "09:00",
        "closes": "18:00",
    }
    assert (bundle["passback_mode"], bundle["edition"]["timezone"]) == ("warn", "Europe/Paris")


def test_api_occupancy_counts_present_and_entries_per_hour(api_as, organizer, edition, visitor_badge, gate):
    from salon.access.domain.badges import issue_badge
    from salon.access.domain.checkin import check_in
    from salon.access.tests.conftest import scan

    other = issue_badge(edition, holder_name="Ana Silva", category="visitor", actor=organizer)
    check_in(scan(visitor_badge.payload, gate), now=at(18, 9, 30))
    check_in(scan(other.payload, gate), now=at(18, 10, 15))
    check_in(scan(other.payload, gate, direction="out"), now=at(18, 10, 45))
    check_in(scan(other.payload, gate), now=at(18, 10, 50))
    check_in(scan("forged", gate), now=at(18, 10, 55))
    body = api_as(organizer).get(f"/editions/{edition.slug}/occupancy?day=2025-11-18").json()
    hall = next(z for z in body["zones"] if z["code"] == "hall")
    assert (body["present"], hall["present"], hall["load"], hall["entries_today"]) == (2, 2, 0.02, 3)
    assert hall["entries_by_hour"] == {"09:00": 1, "10:00": 2}


def test_api_badge_issue_reissue_revoke_pdf(api_as, organizer, edition, venue):
    client = api_as(organizer)
    created = client.post(
        f"/editions/{edition.slug}/badges",
        {
            "holder_name": "Inès Haddad",
            "category": "press",
            "organization": "AFP",
            "country": "fr",
            "zones": ["hall"],
            "days": ["2025-11-19"],
        },
    )
    assert created.status_code == 201, created.content
    badge = created.json()
    assert (badge["zones"], badge["days"], badge["country"], badge["version"]) == (
        ["hall"],
        ["2025-11-19"],
        "FR",
        1,
    )
    reissued = client.post(f"/badges/{badge['id']}/reissue", {"reason": "Wrong spelling"}).json()
    assert (reissued["version"], reissued["payload"] != badge["payload"]) == (2, True)
    pdf = client.get(f"/badges/{badge['id']}/pdf")
    assert (pdf.status_code, pdf["Content-Type"], pdf.content[:5]) == (200, "application/pdf", b"%PDF-")
    revoked = client.post(f"/badges/{badge['id']}/revoke", {"reason": "Left the agency"}).json()
    assert revoked["status"] == "revoked"
    assert client.get(f"/badges/{badge['id']}/pdf").json()["code"] == "revoked"


def test_api_badge_unknown_zone_rejected(api_as, organizer, edition, venue):
    response = api_as(organizer).post(
        f"/editions/{edition.slug}/badges",
        {"holder_name": "Inès Haddad", "category": "press", "zones": ["hall", "roof"]},
    )
    assert (response.status_code, response.json()["code"]) == (400, "unknown_zone")
