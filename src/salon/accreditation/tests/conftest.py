import datetime as dt

import pytest

from salon.accreditation.domain.registrations import RegistrationData
from salon.accreditation.domain.vetting import load_watch_list

WATCH_LIST = """id,name,birth_date,nationality
wl-1,Muhammad Abd al-Rahman,1971-03-02,SD
wl-2,Олег Петров,1980,RU
wl-3,Mehmet Şahin,,TR
"""


@pytest.fixture
def watch_list(edition, vetting_officer):
    return load_watch_list(
        edition,
        name="Test list",
        source="unit tests",
        list_date=dt.date(2025, 10, 1),
        data=WATCH_LIST.encode(),
        actor=vetting_officer,
    )


def person(**overrides) -> RegistrationData:
    values = dict(
        given_names="Claire",
        family_name="Dubois",
        birth_date="1985-06-15",
        nationality="FR",
        organization="Gendarmerie nationale",
        sector="gendarmerie",
        id_document_type="passport",
        id_document_number="19FR44721",
        email="claire.dubois@example.org",
        language="fr",
    )
    values.update(overrides)
    return RegistrationData(**values)
