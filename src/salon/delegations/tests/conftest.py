import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from salon.accounts.domain.roles import Role
from salon.accreditation.domain.registrations import register
from salon.accreditation.models import Registration, RegistrationStatus
from salon.accreditation.tests.conftest import person
from salon.conftest import make_user
from salon.delegations.domain.delegations import DelegationData, add_member, create_delegation

PARIS = ZoneInfo("Europe/Paris")


def with_status(registration: Registration, status: str, reason: str = "") -> Registration:
    Registration.objects.filter(pk=registration.pk).update(status=status, decision_reason=reason)
    registration.refresh_from_db()
    return registration


@pytest.fixture
def host_officer(db):
    user = make_user("hugo", Role.VISITOR)
    user.first_name, user.last_name = "Hugo", "Martin"
    user.save()
    return user


@pytest.fixture
def delegation(edition, organizer, host_officer):
    """Senegal: an accredited head, an interpreter refused at vetting, an official still being vetted."""
    delegation = create_delegation(
        edition,
        DelegationData(
            country="SN",
            name="Délégation du Sénégal",
            host_officer_id=host_officer.pk,
            arrival_at=dt.datetime(2025, 11, 17, 18, 30, tzinfo=PARIS),
            departure_at=dt.datetime(2025, 11, 20, 12, 0, tzinfo=PARIS),
            protocol_notes="Minister: welcome at Gate A",
        ),
        actor=organizer,
    )
    head = with_status(
        register(
            edition,
            person(
                given_names="Awa",
                family_name="Ndiaye",
                nationality="SN",
                sector="government",
                id_document_number="SN100001",
            ),
            actor=organizer,
        ),
        RegistrationStatus.ACCREDITED,
    )
    interpreter = register(
        edition,
        person(
            given_names="Moussa",
            family_name="Diallo",
            nationality="SN",
            sector="government",
            id_document_number="SN100002",
        ),
        actor=organizer,
    )
    pending = register(
        edition,
        person(
            given_names="Fatou",
            family_name="Sow",
            nationality="SN",
            sector="armed_forces",
            id_document_number="SN100003",
        ),
        actor=organizer,
    )
    members = {
        "head": add_member(
            delegation, registration=head, role="head", title="Minister of the Armed Forces", actor=organizer
        ),
        "pending": add_member(
            delegation, registration=pending, role="official", title="Chief of staff", actor=organizer
        ),
        "interpreter": add_member(
            delegation, registration=interpreter, role="interpreter", languages="fr,wo,en", actor=organizer
        ),
    }
    # Vetting refuses the interpreter after they joined: a refusal can come at any time.
    with_status(interpreter, RegistrationStatus.REFUSED, "Identity could not be verified")
    return {"delegation": delegation, **members}
