import datetime as dt

import pytest

from salon.accounts.domain.roles import Role
from salon.accreditation.domain.registrations import RegistrationData, register
from salon.accreditation.domain.vetting import accredit
from salon.conftest import make_user
from salon.exhibitors.domain import applications as workflow
from salon.exhibitors.domain.companies import CompanyProfile, add_product, create_company
from salon.matchmaking.domain.profiles import update_need
from salon.matchmaking.domain.slots import meeting_settings

OFFERS = {
    "Skyguard Systems Ltd": (
        "GB",
        "drones_anti_uas",
        "Counter-drone RF jamming and radar detection for stadiums, "
        "airports and critical sites. Our C-UAS suite detects, tracks and neutralises small UAVs.",
    ),
    "Cyberpreuve SAS": (
        "FR",
        "forensics",
        "Criminalistique numérique : extraction de téléphones, analyse de "
        "disques et investigation informatique pour les enquêteurs de police judiciaire.",
    ),
    "Armatec Vehicles GmbH": (
        "DE",
        "armored_vehicles",
        "Armoured 4x4 patrol vehicles with STANAG level 2 "
        "ballistic protection for police and gendarmerie units.",
    ),
}


@pytest.fixture
def market(edition, exhibitor_user, organizer, vetting_officer, visitor):
    """Three admitted exhibitors and one accredited visitor with a French need, 2 meeting slots a day."""
    settings_row = meeting_settings(edition)
    settings_row.day_start, settings_row.day_end = dt.time(9), dt.time(10)
    settings_row.save()
    exhibitors = {}
    for name, (country, category, description) in OFFERS.items():
        company = create_company(
            CompanyProfile(
                legal_name=name,
                country=country,
                categories=[category],
                description_en=description if country != "FR" else "",
                description_fr=description if country == "FR" else "",
            ),
            actor=exhibitor_user,
        )
        add_product(
            company,
            name=f"{name.split()[0]} One",
            category=category,
            description_en=description,
            actor=exhibitor_user,
        )
        application = workflow.create_application(edition=edition, company=company, actor=exhibitor_user)
        exhibitors[name] = workflow.submit(application, actor=exhibitor_user)
    registration = register(
        edition,
        RegistrationData(
            given_names="Louis",
            family_name="Garnier",
            birth_date="1978-09-09",
            nationality="FR",
            organization="Gendarmerie nationale",
            sector="gendarmerie",
            id_document_type="professional_card",
            id_document_number="GN778899",
        ),
        actor=visitor,
    )
    registration = accredit(registration, actor=vetting_officer, reason="Verified with the unit")
    update_need(
        registration,
        actor=visitor,
        text="Détection et neutralisation de drones autour d'un stade",
        categories=["drones_anti_uas"],
    )
    return exhibitors, registration


def accredited_visitor(edition, vetting_officer, username: str, number: str):
    user = make_user(username, Role.VISITOR)
    registration = register(
        edition,
        RegistrationData(
            given_names=username.capitalize(),
            family_name="Tester",
            birth_date="1980-01-01",
            nationality="BE",
            organization="Police fédérale",
            sector="police",
            id_document_type="passport",
            id_document_number=number,
        ),
        actor=user,
    )
    return user, accredit(registration, actor=vetting_officer, reason="Verified with the unit")
