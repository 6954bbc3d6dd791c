"""Demo access set-up for the demo editions: zones and their rules, gates, signing keys, a gate agent, and
badges for the staff of admitted exhibitors and for accredited visitors (every person is fictitious)."""

from __future__ import annotations

import datetime as dt
import random

from salon.access.domain.badges import issue_badge, issue_missing_badges
from salon.access.domain.keys import current_key
from salon.access.domain.zones import add_gate, add_zone, set_zone_rule
from salon.accounts.domain.roles import Role
from salon.editions.demo import BAMEX, MILIPOL, DemoContext
from salon.editions.models import Edition, ZoneKind
from salon.exhibitors.models import Application, ApplicationStatus, StaffMember

STAFF_PER_EXHIBITOR = 2
MAX_EXHIBITORS_WITH_STAFF = 120  # keeps `salon demo` quick; `salon badges issue` does the rest for real shows
GIVEN = [
    "Amélie",
    "Bruno",
    "Chloé",
    "David",
    "Élodie",
    "Farid",
    "Gaëlle",
    "Hugo",
    "Inès",
    "Jules",
    "Karim",
    "Léa",
    "Malik",
    "Nora",
    "Omar",
    "Pauline",
    "Quentin",
    "Rania",
    "Sami",
    "Théo",
    "Ursula",
    "Victor",
    "Yasmine",
    "Zoé",
    "Aminata",
    "Moussa",
    "Fatoumata",
    "Ibrahim",
    "Mehmet",
    "Ayşe",
]
FAMILY = [
    "Martin",
    "Bernard",
    "Diallo",
    "Traoré",
    "Keïta",
    "Petit",
    "Durand",
    "Leroy",
    "Moreau",
    "Fontaine",
    "Yilmaz",
    "Kaya",
    "Schmidt",
    "Rossi",
    "Haddad",
    "Benali",
    "Coulibaly",
    "Camara",
    "Laurent",
    "Garnier",
    "Fabre",
    "Mercier",
    "Chevalier",
    "Roux",
    "Blanc",
]
STAFF_ROLES = ["Sales manager", "Technical engineer", "Export director", "Product specialist"]


def _days(start: dt.date, end: dt.date) -> list[dt.date]:
    return [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]


def _configure(edition: Edition, halls: list[tuple[str, str, int]], organizer) -> None:
    show_days = _days(edition.start_date, edition.end_date)
    setup_days = _days(edition.start_date - dt.timedelta(days=2), edition.start_date - dt.timedelta(days=1))
    nine, six = dt.time(9, 0), dt.time(18, 0)
    zones = []
    for code, name, capacity in halls:
        zones.append(
            add_zone(
                edition, code=code, name_en=name, name_fr=name, kind=ZoneKind.EXHIBITION, capacity=capacity
            )
        )
    conference = add_zone(
        edition,
        code="conf",
        name_en="Conference centre",
        name_fr="Centre de conférences",
        kind=ZoneKind.CONFERENCE,
        capacity=800,
    )
    demo = add_zone(
        edition,
        code="demo",
        name_en="Live demonstration area",
        name_fr="Zone de démonstration",
        kind=ZoneKind.DEMONSTRATION,
        capacity=300,
    )
    lounge = add_zone(
        edition,
        code="lounge",
        name_en="Official delegations lounge",
        name_fr="Salon des délégations officielles",
        kind=ZoneKind.LOUNGE,
        capacity=120,
    )
    setup = add_zone(
        edition,
        code="setup",
        name_en="Exhibitor set-up (before opening)",
        name_fr="Montage exposants (avant ouverture)",
        kind=ZoneKind.SETUP,
    )
    for zone in [*zones, conference]:
        for category in ("visitor", "press", "delegation"):
            set_zone_rule(zone, category=category, days=show_days, opens=nine, closes=six, actor=organizer)
        set_zone_rule(
            zone, category="exhibitor", opens=dt.time(7, 30), closes=dt.time(19, 30), actor=organizer
        )
        set_zone_rule(zone, category="organizer", actor=organizer)
    for category in ("visitor", "press", "delegation"):
        set_zone_rule(
            demo,
            category=category,
            days=show_days,
            opens=dt.time(10, 0),
            closes=dt.time(17, 0),
            actor=organizer,
        )
    set_zone_rule(demo, category="organizer", actor=organizer)
    for category in ("delegation", "organizer"):
        set_zone_rule(lounge, category=category, actor=organizer)
    for category in ("exhibitor", "contractor", "organizer"):
        set_zone_rule(setup, category=category, days=setup_days, actor=organizer)
    for zone in [*zones, conference, demo, lounge, setup]:
        add_gate(edition, zone=zone, code=f"{zone.code}-1", name=f"{zone.name_en} — gate 1", actor=organizer)
    current_key(edition)


def _staff(edition: Edition, rng: random.Random) -> int:
    """Staff of the first admitted exhibitors, in bulk: issue_missing_badges gives them their badges."""
    admitted = Application.objects.filter(edition=edition, status=ApplicationStatus.ADMITTED).order_by("pk")
    members = [
        StaffMember(
            application=application,
            full_name=f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}",
            role=rng.choice(STAFF_ROLES),
        )
        for application in admitted[:MAX_EXHIBITORS_WITH_STAFF]
        for _ in range(STAFF_PER_EXHIBITOR)
    ]
    StaffMember.objects.bulk_create(members)
    return len(members)


def load_demo(context: DemoContext) -> None:
    organizer = context.users["organizer"]
    context.user(
        "gate",
        Role.GATE_AGENT,
        first_name="Nadia",
        last_name="Belkacem",
        hint="gate agent: /gate/milipol-2025/ scans badges, keeps working offline",
    )
    rng = random.Random(context.seed)
    layouts = {
        MILIPOL: [
            ("hall-4", "Hall 4", 9000),
            ("hall-5a", "Hall 5A", 9000),
            ("hall-5b", "Hall 5B", 9000),
            ("hall-6", "Hall 6", 8000),
        ],
        BAMEX: [("pavillon-p1", "Pavillon principal", 3000), ("pavillon-tr", "Pavillon Türkiye", 1500)],
    }
    for slug, halls in layouts.items():
        edition = context.editions.get(slug)
        if edition is None:
            continue
        _configure(edition, halls, organizer)
        staff = _staff(edition, rng)
        issue_badge(
            edition,
            holder_name="Claire Vasseur",
            organization="Salon organizer",
            country="FR",
            category="organizer",
            actor=organizer,
        )
        issued = issue_missing_badges(edition, actor=organizer)
        context.say(
            f"{slug}: zones, rules, gates; {issued + 1} badges ({staff} exhibitor staff, {issued - staff} "
            f"accredited visitors and press, 1 organizer); gate page /gate/{slug}/ (login gate)"
        )
