"""A small but varied show, built only through the other apps' domain functions: registrations vetted
both ways, badges scanned at gates on two days, exhibitors through every step of the authorization
pipeline, meetings in every state, a conference session with bookings and arrivals."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, field

import pytest
from django.utils import timezone

from salon.access.domain.checkin import ScanInput, check_in
from salon.access.domain.gateconfig import clear_cache
from salon.access.domain.zones import add_gate, add_zone, set_zone_rule
from salon.accounts.domain.roles import Role
from salon.accreditation.domain.registrations import RegistrationData, register
from salon.accreditation.domain.vetting import accredit, refuse
from salon.accreditation.models import Registration
from salon.conftest import make_user
from salon.editions.models import ZoneKind
from salon.exhibitors.domain import applications
from salon.exhibitors.domain.companies import CompanyProfile, create_company
from salon.matchmaking.domain import meetings
from salon.matchmaking.models import MeetingRequest
from salon.program.domain.agenda import add_to_agenda
from salon.program.domain.sessions import SessionData, add_room, save_session

SHOW_DAYS = [dt.date(2025, 11, 18) + dt.timedelta(days=i) for i in range(4)]
_numbers = itertools.count(1)


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    """Venue time (Europe/Paris) on November `day` 2025."""
    return timezone.make_aware(dt.datetime(2025, 11, day, hour, minute))


# nationality, sector, requested days (of November), decision
PEOPLE = [
    ("FR", "gendarmerie", (18, 19), "accredit"),
    ("FR", "police", (18,), "accredit"),
    ("DE", "police", (19, 20), "accredit"),
    ("IL", "industry", (18,), "accredit"),
    ("US", "research", (20, 21), "refuse"),
    ("ML", "armed_forces", (18,), None),
    ("FR", "customs", (21,), "accredit"),
]


@dataclass
class Show:
    edition: object
    organizer: object
    registrations: list[Registration] = field(default_factory=list)
    users: list = field(default_factory=list)
    gates: dict = field(default_factory=dict)
    session: object = None


def _scan(badge, gate, when: dt.datetime, direction: str = "in") -> None:
    verdict = check_in(
        ScanInput(payload=badge.payload, gate=gate.pk, direction=direction, scan_id=f"a-{next(_numbers)}"),
        now=when,
    )
    assert verdict.ok, verdict


@pytest.fixture
def show(edition, organizer, exhibitor_user, company_factory) -> Show:
    clear_cache()
    show = Show(edition=edition, organizer=organizer)
    officer = make_user("vanessa", Role.VETTING_OFFICER)
    authorizer = make_user("otto", Role.AUTHORIZATION_OFFICER)

    hall = add_zone(
        edition, code="hall", name_en="Hall 5", name_fr="Hall 5", kind=ZoneKind.EXHIBITION, capacity=50
    )
    conf = add_zone(
        edition,
        code="conf",
        name_en="Conference room",
        name_fr="Salle de conférence",
        kind=ZoneKind.CONFERENCE,
        capacity=20,
    )
    for zone in (hall, conf):
        set_zone_rule(
            zone, category="visitor", days=SHOW_DAYS, opens=dt.time(8), closes=dt.time(19), actor=organizer
        )
    show.gates = {
        "hall": add_gate(edition, zone=hall, code="hall-1", name="Hall gate", actor=organizer),
        "conf": add_gate(edition, zone=conf, code="conf-1", name="Conference gate", actor=organizer),
    }

    for number, (country, sector, days, decision) in enumerate(PEOPLE):
        user = make_user(f"visitor{number}", Role.VISITOR)
        registration = register(
            edition,
            RegistrationData(
                given_names=f"Given{number}",
                family_name=f"Family{number}",
                birth_date="1980-01-01",
                nationality=country,
                organization="Unit",
                sector=sector,
                id_document_type="passport",
                id_document_number=f"DOC{number:05d}",
                email=f"v{number}@example.org",
                language="en",
                requested_days=[dt.date(2025, 11, d) for d in days],
            ),
            actor=user,
        )
        if decision == "accredit":
            registration = accredit(registration, actor=officer, reason="Employer confirmed")
        elif decision == "refuse":
            registration = refuse(registration, actor=officer, reason="Not a professional")
        show.registrations.append(registration)
        show.users.append(user)

    badges = [
        r.badge for r in Registration.objects.filter(edition=edition, status="accredited").order_by("pk")
    ]
    fr_gendarme, fr_police, de_police, il_industry, _fr_customs = badges
    # Day 1: three visitors come in, one leaves; the gendarme comes back on day 2.
    _scan(fr_gendarme, show.gates["hall"], at(18, 9, 30))
    _scan(fr_police, show.gates["hall"], at(18, 10))
    _scan(il_industry, show.gates["hall"], at(18, 11))
    _scan(il_industry, show.gates["hall"], at(18, 12), direction="out")
    _scan(fr_gendarme, show.gates["hall"], at(19, 9, 5))
    _scan(de_police, show.gates["hall"], at(19, 9, 15))
    # The conference on day 1 at 14:00: one arrives early enough, one during it, one after it ended.
    _scan(fr_gendarme, show.gates["conf"], at(18, 13, 50))
    _scan(fr_police, show.gates["conf"], at(18, 14, 20))
    _scan(il_industry, show.gates["conf"], at(18, 16))

    room = add_room(edition, name="Salle Europe", capacity=20, zone_code="conf", actor=organizer)
    show.session = save_session(
        edition,
        SessionData(
            title_en="AI and policing",
            title_fr="IA et police",
            format="panel",
            language="fr",
            starts_at=at(18, 14),
            ends_at=at(18, 15),
            room_id=room.pk,
        ),
        actor=organizer,
    ).session
    save_session(
        edition,
        SessionData(
            title_en="Forensics",
            title_fr="Criminalistique",
            format="keynote",
            language="en",
            starts_at=at(19, 10),
            ends_at=at(19, 11),
            room_id=room.pk,
        ),
        actor=organizer,
    )
    for user in show.users[:3]:
        add_to_agenda(user, show.session)

    _exhibitors(edition, exhibitor_user, authorizer, company_factory)
    _meetings(edition, exhibitor_user, show)
    return show


def _exhibitors(edition, owner, authorizer, company_factory) -> None:
    def apply(country: str, name: str, categories: list[str]):
        company = create_company(
            CompanyProfile(legal_name=name, country=country, categories=categories), actor=owner
        )
        return applications.create_application(edition=edition, company=company, actor=owner)

    applications.submit(apply("FR", "Thales Test", ["surveillance", "cybersecurity"]), actor=owner)
    applications.submit(apply("FR", "Idemia Test", ["cybersecurity"]), actor=owner)
    applications.submit(apply("DE", "Rheinmetall Test", ["robotics"]), actor=owner)
    applications.submit(apply("IL", "Elbit Test", ["drones_anti_uas"]), actor=owner)  # stays pending
    authorized = applications.submit(apply("IL", "Rafael Test", ["surveillance"]), actor=owner)
    applications.authorize(authorized, actor=authorizer, reason="Authorization granted by the ministry")
    refused = applications.submit(apply("IL", "IAI Test", ["robotics"]), actor=owner)
    applications.refuse(refused, actor=authorizer, reason="Authorization refused by the ministry")
    applications.submit(apply("RU", "Kalashnikov Test", ["surveillance"]), actor=owner)  # barred
    apply("US", "Draft Test", ["robotics"])  # never submitted


def _meetings(edition, owner, show: Show) -> None:
    from salon.exhibitors.models import Application

    exhibitor = Application.objects.get(edition=edition, company__legal_name="Thales Test")
    accredited = [r for r in show.registrations if r.status == "accredited"]
    made = [
        meetings.request_meeting(exhibitor=exhibitor, visitors=[visitor], actor=owner, from_exhibitor=True)
        for visitor in accredited[:4]
    ]
    for meeting in made[:3]:
        meetings.accept(meeting, actor=show.users[show.registrations.index(meeting.visitors.get())])
    meetings.decline(made[3], actor=show.users[show.registrations.index(made[3].visitors.get())])
    # Placed as the scheduler places them: one slot long past, one far in the future, one not placed yet.
    MeetingRequest.objects.filter(pk=made[0].pk).update(slot_start=at(18, 10))
    MeetingRequest.objects.filter(pk=made[1].pk).update(slot_start=timezone.now() + dt.timedelta(days=400))
