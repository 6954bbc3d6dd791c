import datetime as dt
import itertools

import pytest
from django.utils import timezone

from salon.access.domain.badges import issue_badge
from salon.access.domain.checkin import ScanInput, check_in
from salon.access.domain.gateconfig import clear_cache
from salon.access.domain.zones import add_gate, add_zone, set_zone_rule
from salon.accounts.domain.roles import Role
from salon.conftest import make_user
from salon.editions.models import ZoneKind

SHOW_DAYS = [dt.date(2025, 11, 18) + dt.timedelta(days=i) for i in range(4)]
_scan_numbers = itertools.count(1)


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    """Venue time (Europe/Paris) on November `day` 2025."""
    return timezone.make_aware(dt.datetime(2025, 11, day, hour, minute))


def scan(payload: str, gate, direction: str = "in", scan_id: str | None = None, **extra) -> ScanInput:
    gate_ref = gate.pk if hasattr(gate, "pk") else gate
    return ScanInput(
        payload=payload,
        gate=gate_ref,
        direction=direction,
        scan_id=scan_id or f"scan-{next(_scan_numbers)}",
        **extra,
    )


@pytest.fixture(autouse=True)
def fresh_gate_config():
    """Ids come back after each test's rollback: a gate cached by an earlier test must not answer."""
    clear_cache()
    yield
    clear_cache()


@pytest.fixture
def gate_agent(db):
    return make_user("gaston", Role.GATE_AGENT)


@pytest.fixture
def venue(edition, organizer):
    """Hall (visitors 09:00-18:00 on show days), demonstration area (restricted), exhibitor set-up zone."""
    hall = add_zone(
        edition, code="hall", name_en="Hall 5", name_fr="Hall 5", kind=ZoneKind.EXHIBITION, capacity=100
    )
    demo = add_zone(edition, code="demo", name_en="Demo", name_fr="Démo", kind=ZoneKind.DEMONSTRATION)
    setup = add_zone(edition, code="setup", name_en="Set-up", name_fr="Montage", kind=ZoneKind.SETUP)
    set_zone_rule(
        hall, category="visitor", days=SHOW_DAYS, opens=dt.time(9), closes=dt.time(18), actor=organizer
    )
    set_zone_rule(hall, category="exhibitor", opens=dt.time(7), closes=dt.time(20), actor=organizer)
    set_zone_rule(
        demo, category="visitor", days=SHOW_DAYS, opens=dt.time(10), closes=dt.time(17), actor=organizer
    )
    set_zone_rule(
        setup, category="exhibitor", days=[dt.date(2025, 11, 16), dt.date(2025, 11, 17)], actor=organizer
    )
    gates = {
        "hall": add_gate(edition, zone=hall, code="hall-north", name="Hall north", actor=organizer),
        "demo": add_gate(edition, zone=demo, code="demo-1", name="Demo gate", actor=organizer),
        "setup": add_gate(edition, zone=setup, code="setup-1", name="Set-up gate", actor=organizer),
    }
    return {"hall": hall, "demo": demo, "setup": setup, "gates": gates}


@pytest.fixture
def visitor_badge(edition, venue, organizer):
    return issue_badge(
        edition,
        holder_name="Claire Dubois",
        organization="Gendarmerie nationale",
        country="FR",
        category="visitor",
        actor=organizer,
    )


@pytest.fixture
def gate(venue):
    return venue["gates"]["hall"]


def enter(payload: str, gate, when: dt.datetime, **kwargs):
    return check_in(scan(payload, gate, **kwargs), now=when)


@pytest.fixture(scope="module")
def migration_data_restored(django_db_blocker):
    """Transactional tests end with a flush that also empties what data migrations loaded (role groups,
    categories): put it back for the transactional tests of other apps that run after this module."""
    yield
    from django.db import connections

    with django_db_blocker.unblock():
        for conn in connections.all():
            contents = getattr(conn, "_test_serialized_contents", None)
            if contents:
                conn.creation.deserialize_db_from_string(contents)
