"""Demo delegations: three at Milipol 2025, ten states at BAMEX 2025 with Türkiye as guest of honour and its
pavilion. Every person is fictitious; members go through registration (and so screening) like anyone.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from salon.accounts.domain.roles import Role
from salon.accreditation.domain.registrations import RegistrationData, register
from salon.accreditation.models import Registration, RegistrationStatus
from salon.delegations.domain.delegations import (
    DelegationData,
    VisitData,
    add_member,
    add_visit,
    confirm_member,
    create_delegation,
    set_guest_pavilion,
)
from salon.editions.demo import BAMEX, MILIPOL, DemoContext
from salon.program.demo import ensure_settings

# (edition, country, name, head's title, ministry, given names, family names, interpreter languages)
DELEGATIONS = [
    (
        MILIPOL,
        "BE",
        "Belgian Federal Police delegation",
        "Commissioner General",
        "Police fédérale",
        ["Lotte", "Pieter", "Nathalie"],
        ["Claes", "Peeters", "Dubois"],
        "nl,fr,en",
    ),
    (
        MILIPOL,
        "MA",
        "Délégation du Royaume du Maroc",
        "Directeur général",
        "DGSN",
        ["Youssef", "Salma", "Hicham"],
        ["Alaoui", "Bennani", "Tazi"],
        "ar,fr",
    ),
    (
        MILIPOL,
        "AE",
        "United Arab Emirates delegation",
        "Undersecretary",
        "Ministry of Interior",
        ["Hamad", "Mariam", "Khalid"],
        ["Al Mansoori", "Al Nuaimi", "Al Shamsi"],
        "ar,en",
    ),
    (
        BAMEX,
        "TR",
        "Türkiye — guest of honour",
        "Deputy Minister of National Defence",
        "Ministry of National Defence",
        ["Emre", "Zeynep", "Burak"],
        ["Yıldız", "Demir", "Öztürk"],
        "tr,fr,en",
    ),
    (
        BAMEX,
        "SN",
        "Délégation du Sénégal",
        "Ministre des Forces armées",
        "Ministère des Forces armées",
        ["Awa", "Mamadou", "Fatou"],
        ["Ndiaye", "Diop", "Sow"],
        "wo,fr",
    ),
    (
        BAMEX,
        "CI",
        "Délégation de Côte d'Ivoire",
        "Chef d'état-major",
        "Ministère de la Défense",
        ["Kouassi", "Aya", "Yao"],
        ["Konan", "Kouamé", "N'Guessan"],
        "fr,en",
    ),
    (
        BAMEX,
        "BF",
        "Délégation du Burkina Faso",
        "Ministre de la Défense",
        "Ministère de la Défense",
        ["Issouf", "Salamata", "Boukary"],
        ["Ouédraogo", "Sawadogo", "Compaoré"],
        "mos,fr",
    ),
    (
        BAMEX,
        "NE",
        "Délégation du Niger",
        "Ministre de la Défense",
        "Ministère de la Défense",
        ["Abdou", "Hadiza", "Moussa"],
        ["Issoufou", "Maïga", "Abdoulaye"],
        "ha,fr",
    ),
    (
        BAMEX,
        "GN",
        "Délégation de Guinée",
        "Chef d'état-major",
        "Ministère de la Défense",
        ["Alpha", "Mariama", "Sékou"],
        ["Camara", "Bah", "Condé"],
        "fr,en",
    ),
    (
        BAMEX,
        "MR",
        "Délégation de Mauritanie",
        "Ministre de la Défense",
        "Ministère de la Défense",
        ["Mohamed", "Aïchetou", "Sidi"],
        ["Ould Ahmed", "Mint Salem", "Ould Cheikh"],
        "ar,fr",
    ),
    (
        BAMEX,
        "TD",
        "Délégation du Tchad",
        "Ministre des Armées",
        "Ministère des Armées",
        ["Mahamat", "Achta", "Idriss"],
        ["Saleh", "Abakar", "Hassan"],
        "ar,fr",
    ),
    (
        BAMEX,
        "TG",
        "Délégation du Togo",
        "Ministre des Armées",
        "Ministère des Armées",
        ["Kodjo", "Afi", "Komi"],
        ["Agbéko", "Mensah", "Adjovi"],
        "ee,fr",
    ),
    (
        BAMEX,
        "GH",
        "Ghana Armed Forces delegation",
        "Chief of Defence Staff",
        "Ministry of Defence",
        ["Kwame", "Ama", "Kofi"],
        ["Mensah", "Owusu", "Boateng"],
        "en,fr",
    ),
]


def _person(
    edition_slug: str, country: str, given: str, family: str, organization: str, sector: str, number: int
):
    return RegistrationData(
        given_names=given,
        family_name=family,
        birth_date=dt.date(1962 + number % 25, 1 + number % 12, 1 + number % 27),
        nationality=country,
        organization=organization,
        sector=sector,
        id_document_type="passport",
        id_document_number=f"{country}D{number:06d}",
        language="fr",
    )


def load_demo(context: DemoContext) -> None:
    organizer = context.users["organizer"]
    host = context.user(
        "host-officer",
        Role.VISITOR,
        first_name="Nadia",
        last_name="Lefèvre",
        hint="host officer: the delegations she looks after (Türkiye, Senegal at BAMEX; Belgium at Milipol)",
    )
    for edition in context.editions.values():
        ensure_settings(edition)
    number = 0
    created = 0
    for slug, country, name, head_title, organization, givens, families, languages in DELEGATIONS:
        edition = context.editions[slug]
        tz = ZoneInfo("Africa/Bamako" if slug == BAMEX else "Europe/Paris")
        arrival = dt.datetime.combine(edition.start_date - dt.timedelta(days=1), dt.time(17, 0), tzinfo=tz)
        delegation = create_delegation(
            edition,
            DelegationData(
                country=country,
                name=name,
                host_officer_id=host.pk if country in ("TR", "SN", "BE") else None,
                arrival_at=arrival + dt.timedelta(hours=created % 4),
                departure_at=arrival + dt.timedelta(days=3, hours=2),
                protocol_notes="Welcome at the VIP entrance; national flag at the lounge."
                if country == "TR"
                else "",
            ),
            actor=organizer,
        )
        members = []
        for index, (given, family) in enumerate(zip(givens, families, strict=True)):
            number += 1
            role = "head" if index == 0 else "official"
            sector = "government" if index == 0 else "armed_forces"
            registration = register(
                edition, _person(slug, country, given, family, organization, sector, number), actor=organizer
            )
            members.append(
                add_member(
                    delegation,
                    registration=registration,
                    role=role,
                    title=head_title if index == 0 else "Conseiller / Adviser",
                    actor=organizer,
                )
            )
        number += 1
        interpreter = register(
            edition,
            _person(
                slug,
                country,
                "Lucie" if number % 2 else "Omar",
                f"Interprète {country}",
                "Interpreting services",
                "government",
                number,
            ),
            actor=organizer,
        )
        members.append(
            add_member(
                delegation, registration=interpreter, role="interpreter", languages=languages, actor=organizer
            )
        )
        # Vetting outcome of the demo: all accredited and confirmed, except a pending official in Guinea and a
        # refused one in Chad (confirming the latter shows the protocol error).
        for member in members:
            status = RegistrationStatus.ACCREDITED
            if country == "GN" and member.role == "official" and member == members[2]:
                status = RegistrationStatus.NEEDS_REVIEW
            if country == "TD" and member == members[2]:
                status = RegistrationStatus.REFUSED
            Registration.objects.filter(pk=member.registration_id).update(
                status=status, decision_reason="Demo vetting decision"
            )
            if status == RegistrationStatus.ACCREDITED:
                confirm_member(member, actor=organizer)
        opening = dt.datetime.combine(edition.start_date, dt.time(9, 15), tzinfo=tz)
        add_visit(
            delegation,
            VisitData(
                kind="official",
                title="Official opening tour",
                starts_at=opening,
                ends_at=opening + dt.timedelta(minutes=90),
                location="Main entrance",
            ),
            actor=organizer,
        )
        created += 1
    bamex = context.editions[BAMEX]
    set_guest_pavilion(
        bamex,
        country="TR",
        name_en="Türkiye pavilion — guest of honour",
        name_fr="Pavillon de la Türkiye — invitée d'honneur",
        hall_code="TR",
        description_en="Turkish defence and security industry, with an official stand of the Ministry.",
        description_fr="L'industrie turque de défense et de sécurité, avec le stand officiel du ministère.",
        actor=organizer,
    )
    context.say(f"delegations: {created} official delegations ({number} members), Türkiye pavilion at BAMEX")
