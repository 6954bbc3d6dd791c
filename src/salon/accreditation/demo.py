"""Demo visitors: 30,000 fictitious professionals for Milipol (a few hundred for BAMEX), a demo watch list,
and a handful of visitors whose names are spelling variants of listed people, waiting in the vetting queue.

Registrations go through the same validation, encryption, screening and routing as real ones
(`build_registration`, `screen_and_route`); only the officer decisions on the bulk are recorded in bulk.
"""

from __future__ import annotations

import datetime as dt
import random

from django.utils import timezone
from tqdm import tqdm

from salon.accounts.domain.roles import Role
from salon.accreditation.domain.registrations import (
    CleanRegistration,
    build_registration,
    edition_days,
)
from salon.accreditation.domain.vetting import load_watch_list, screen_and_route, vetting_settings
from salon.accreditation.models import Registration, RegistrationStatus
from salon.audit.domain.chain import Decision, record_many
from salon.editions.demo import BAMEX, MILIPOL, DemoContext
from salon.exhibitors.demo_data import demo_person

SECTOR_MIX = {
    "police": 18,
    "gendarmerie": 10,
    "armed_forces": 14,
    "customs": 4,
    "justice": 3,
    "civil_protection": 5,
    "government": 10,
    "research": 5,
    "industry": 25,
    "private_security": 4,
    "press": 2,
}
TRUSTED_SECTORS = [
    "police",
    "gendarmerie",
    "armed_forces",
    "customs",
    "justice",
    "civil_protection",
    "government",
]
MILIPOL_NATIONALITIES = {
    "FR": 52,
    "BE": 4,
    "DE": 4,
    "IT": 3,
    "ES": 3,
    "GB": 3,
    "CH": 2,
    "NL": 2,
    "PL": 2,
    "US": 2,
    "MA": 2,
    "TN": 1,
    "DZ": 1,
    "CI": 2,
    "SN": 2,
    "AE": 2,
    "SA": 1,
    "QA": 1,
    "TR": 1,
    "IL": 1,
    "IN": 1,
    "KR": 1,
    "JP": 1,
    "BR": 1,
    "CA": 1,
    "PT": 1,
    "GR": 1,
    "RO": 1,
}
BAMEX_NATIONALITIES = {
    "ML": 55,
    "BF": 10,
    "NE": 8,
    "TR": 8,
    "TG": 4,
    "GH": 4,
    "NG": 4,
    "MA": 3,
    "CG": 2,
    "SN": 2,
}
ORGANIZATIONS = {
    ("FR", "police"): "Police nationale",
    ("FR", "gendarmerie"): "Gendarmerie nationale",
    ("FR", "armed_forces"): "Ministère des Armées",
    ("FR", "customs"): "Direction générale des douanes",
    ("FR", "justice"): "Ministère de la Justice",
    ("FR", "civil_protection"): "Sécurité civile",
    ("FR", "government"): "Ministère de l'Intérieur",
    ("ML", "armed_forces"): "Forces armées maliennes",
    ("ML", "police"): "Police nationale du Mali",
    ("ML", "gendarmerie"): "Gendarmerie nationale du Mali",
}
GENERIC_ORGANIZATIONS = {
    "police": "National Police",
    "gendarmerie": "National Gendarmerie",
    "armed_forces": "Ministry of Defence",
    "customs": "Customs Administration",
    "justice": "Ministry of Justice",
    "civil_protection": "Civil Protection Agency",
    "government": "Ministry of the Interior",
    "research": "Institute for Security Research",
    "industry": "Security Systems Integrator",
    "private_security": "Private Security Group",
    "press": "Defence Press Agency",
}
ROLES = {
    "police": "Commissaire",
    "gendarmerie": "Capitaine",
    "armed_forces": "Officier d'état-major",
    "customs": "Inspecteur",
    "justice": "Magistrat",
    "civil_protection": "Officier",
    "government": "Chargé de mission",
    "research": "Chercheur",
    "industry": "Ingénieur d'affaires",
    "private_security": "Directeur sûreté",
    "press": "Journaliste",
}

# Fictitious listed people and the spelling under which each registers: the vetting queue's hard cases.
WATCH_LIST_ROWS = [
    ("DEMO-001", "Muhammad Abd al-Rahman Haddad", "1971-03-02", "SD", "Mohamed Abdelrahman Haddad"),
    ("DEMO-002", "Олег Викторович Петренко", "1980-05-05", "UA", "Oleg Petrenko"),
    ("DEMO-003", "Mehmet Şahin Korkmaz", "1975-11-20", "TR", "Mehmet Sahin Korkmaz"),
    ("DEMO-004", "Γιώργος Παπαδάκης", "1968-07-14", "GR", "Giorgos Papadakis"),
    ("DEMO-005", "Youssef Ben Amara", "1983-01-30", "TN", "Amara Youssef Ben"),
    ("DEMO-006", "Jean-Baptiste Ouédraogo Kaboré", "1979-09-09", "BF", "Jean Baptiste Kabore"),
    ("DEMO-007", "Abdoulaye Traoré", "1985-04-12", "ML", "Abdoulaye Traore"),
    ("DEMO-008", "Reza Hosseini Tabrizi", "1972-02-02", "IR", "Reza Hoseini Tabrizi"),
]


def _weighted(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _person(rng: random.Random, edition, nationalities: dict[str, int], number: int) -> CleanRegistration:
    country = _weighted(rng, nationalities)
    sector = _weighted(rng, SECTOR_MIX)
    given, family, _ = demo_person(rng, country)
    days = edition_days(edition)
    first = rng.randrange(len(days))
    return CleanRegistration(
        given_names=given,
        family_name=family,
        original_script_name="",
        birth_date=dt.date(1958, 1, 1) + dt.timedelta(days=rng.randrange(365 * 42)),
        nationality=country,
        email="",
        organization=ORGANIZATIONS.get((country, sector), GENERIC_ORGANIZATIONS[sector]),
        sector=sector,
        role=ROLES[sector],
        id_document_type=rng.choice(["passport", "national_id", "professional_card"]),
        id_document_number=f"{country}{number:08d}",
        requested_days=tuple(days[first : first + rng.randint(1, 3)]),
        requested_zones=(),
        language="fr"
        if country in {"FR", "BE", "CH", "ML", "BF", "NE", "SN", "CI", "TG", "CG", "MA", "TN", "DZ"}
        else "en",
    )


def _load(
    context: DemoContext, slug: str, count: int, nationalities: dict[str, int], seed: int, pending_left: int
) -> None:
    edition = context.editions[slug]
    officer = context.users["vetting"]
    settings_row = vetting_settings(edition)
    settings_row.auto_accredit_sectors = TRUSTED_SECTORS
    settings_row.save()
    load_watch_list(
        edition,
        name="Demo consolidated list",
        source="fictitious demo data",
        list_date=edition.start_date - dt.timedelta(days=30),
        data=(
            "id,name,birth_date,nationality\n"
            + "".join(f"{i},{name},{born},{country}\n" for i, name, born, country, _ in WATCH_LIST_ROWS)
        ).encode(),
        actor=officer,
    )
    rng = random.Random(f"{seed}-{slug}")
    people = [_person(rng, edition, nationalities, n) for n in range(count)]
    for index, (_, _, born, country, variant) in enumerate(WATCH_LIST_ROWS):
        given, _, family = variant.partition(" ")
        people[index * 7] = CleanRegistration(
            given_names=given,
            family_name=family,
            original_script_name="",
            birth_date=dt.date.fromisoformat(born),
            nationality=country if country != "IR" else "TR",
            email="",
            organization="Import-Export Consulting",
            sector="industry",
            role="Consultant",
            id_document_type="passport",
            id_document_number=f"X{index:07d}",
            requested_days=tuple(edition_days(edition)),
            requested_zones=(),
            language="en",
        )
    registrations = Registration.objects.bulk_create(
        [build_registration(edition, p) for p in people], batch_size=2000
    )
    for registration in registrations:
        registration.edition = edition
    with tqdm(
        total=len(registrations),
        desc=f"{slug} visitors screened",
        unit="visitor",
        file=context.out,
        mininterval=1.0,
    ) as bar:
        for start in range(0, len(registrations), 5000):
            screen_and_route(registrations[start : start + 5000])
            bar.update(len(registrations[start : start + 5000]))
    # The vetting team already worked through most of the untrusted sectors before opening day.
    pending = list(
        Registration.objects.filter(
            edition=edition, status=RegistrationStatus.NEEDS_REVIEW, hits__isnull=True
        ).order_by("pk")
    )
    decided = pending[pending_left:]
    now = timezone.now()
    for registration in decided:
        registration.status = RegistrationStatus.ACCREDITED
        registration.decision_reason = "Employer confirmed by the vetting team"
        registration.decided_by = officer
        registration.decided_at = now
    ids = [r.pk for r in decided]
    for start in range(0, len(ids), 2000):
        Registration.objects.filter(pk__in=ids[start : start + 2000]).update(
            status=RegistrationStatus.ACCREDITED,
            decision_reason="Employer confirmed by the vetting team",
            decided_by=officer,
            decided_at=now,
        )
    record_many(
        [
            Decision(
                officer,
                "registration.accredited",
                target=r,
                edition_id=edition.pk,
                payload={"reason": r.decision_reason, "previous_status": "needs_review", "hits": 0},
            )
            for r in decided
        ]
    )
    statuses = Registration.objects.filter(edition=edition).values_list("status", flat=True)
    context.say(
        f"{slug}: {len(registrations)} visitors ("
        f"{sum(s == 'accredited' for s in statuses)} accredited, "
        f"{sum(s == 'needs_review' for s in statuses)} awaiting vetting)"
    )


def load_demo(context: DemoContext) -> None:
    context.user(
        "vetting",
        Role.VETTING_OFFICER,
        first_name="Nadia",
        last_name="Benali",
        hint="vetting officer: the screening queue with watch-list hits side by side",
    )
    visitor_user = context.user(
        "visitor",
        Role.VISITOR,
        first_name="Louis",
        last_name="Garnier",
        hint="visitor: your accreditation, B2B recommendations and agenda",
    )
    _load(context, MILIPOL, 30_000, MILIPOL_NATIONALITIES, context.seed, pending_left=120)
    _load(context, BAMEX, 600, BAMEX_NATIONALITIES, context.seed, pending_left=20)
    own = (
        Registration.objects.filter(
            edition=context.editions[MILIPOL], sector="gendarmerie", status=RegistrationStatus.ACCREDITED
        )
        .order_by("pk")
        .first()
    )
    Registration.objects.filter(pk=own.pk).update(
        registrant=visitor_user,
        given_names="Louis",
        family_name="Garnier",
        email="louis.garnier@salon.example",
    )
    context.registrations["visitor"] = own.pk
