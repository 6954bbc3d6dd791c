"""Delegations: members vetted like anyone, refusals reported plainly, nothing half-saved."""

import datetime as dt

import pytest

from salon.accreditation.domain.registrations import RegistrationError, register
from salon.accreditation.models import Registration, RegistrationStatus
from salon.accreditation.tests.conftest import person
from salon.audit.models import AuditEntry
from salon.delegations.domain import delegations as domain
from salon.delegations.models import Delegation, DelegationMember, VisitItem
from salon.delegations.tests.conftest import PARIS, with_status
from salon.errors import NotAllowed
from salon.exhibitors.models import Application, ApplicationStatus

pytestmark = pytest.mark.django_db


def counts() -> tuple[int, int, int]:
    return DelegationMember.objects.count(), AuditEntry.objects.count(), Registration.objects.count()


def test_confirm_member_refused_at_vetting_is_an_error_nothing_saved(delegation, organizer):
    member = delegation["interpreter"]
    before = counts()
    with pytest.raises(domain.DelegationError) as caught:
        domain.confirm_member(member, actor=organizer)
    assert (caught.value.code, caught.value.status) == ("member_refused", 409)
    assert "Moussa Diallo was refused at vetting" in caught.value.message
    assert "Identity could not be verified" in caught.value.message
    member.refresh_from_db()
    assert (member.confirmed_at, counts()) == (None, before)


def test_confirm_member_still_being_vetted_is_an_error(delegation, organizer):
    with pytest.raises(domain.DelegationError) as caught:
        domain.confirm_member(delegation["pending"], actor=organizer)
    assert caught.value.code == "member_not_accredited"


def test_confirm_member_accredited_is_confirmed_and_audited(delegation, organizer):
    member = domain.confirm_member(delegation["head"], actor=organizer)
    assert member.confirmed_by == organizer
    entry = AuditEntry.objects.get(action="delegation.member_confirmed")
    assert entry.object_id == str(member.pk)


def test_add_member_already_refused_is_refused_nothing_saved(delegation, edition, organizer):
    refused = with_status(
        register(
            edition,
            person(given_names="Ibrahima", family_name="Fall", id_document_number="SN100009"),
            actor=organizer,
        ),
        RegistrationStatus.REFUSED,
    )
    before = counts()
    with pytest.raises(domain.DelegationError) as caught:
        domain.add_member(delegation["delegation"], registration=refused, actor=organizer)
    assert caught.value.code == "member_refused"
    assert counts() == before


def test_add_member_with_person_details_registers_them_for_vetting(delegation, organizer):
    member = domain.add_member(
        delegation["delegation"],
        person=person(given_names="Khady", family_name="Ba", nationality="SN", id_document_number="SN100010"),
        role="staff",
        actor=organizer,
    )
    assert (member.registration.full_name, member.registration.status) == ("Khady Ba", "needs_review")


def test_add_member_with_invalid_person_saves_nothing(delegation, organizer):
    before = counts()
    with pytest.raises(RegistrationError) as caught:
        domain.add_member(
            delegation["delegation"],
            person=person(given_names="", id_document_number="SN100011"),
            actor=organizer,
        )
    assert caught.value.code == "invalid_registration"
    assert counts() == before


def test_add_member_second_head_refused(delegation, edition, organizer):
    other = register(
        edition, person(given_names="Omar", family_name="Sy", id_document_number="SN100012"), actor=organizer
    )
    with pytest.raises(domain.DelegationError) as caught:
        domain.add_member(delegation["delegation"], registration=other, role="head", actor=organizer)
    assert caught.value.code == "head_exists"


def test_create_delegation_departure_before_arrival_refused(edition, organizer):
    data = domain.DelegationData(
        country="TR",
        arrival_at=dt.datetime(2025, 11, 18, 9, tzinfo=PARIS),
        departure_at=dt.datetime(2025, 11, 17, 9, tzinfo=PARIS),
    )
    with pytest.raises(domain.DelegationError) as caught:
        domain.create_delegation(edition, data, actor=organizer)
    assert caught.value.code == "departs_before_arrival"
    assert Delegation.objects.count() == 0


def test_host_officer_sees_only_their_delegation(delegation, edition, organizer, host_officer):
    domain.create_delegation(edition, domain.DelegationData(country="CI"), actor=organizer)
    assert [d.country.code for d in domain.visible_delegations(host_officer, edition)] == ["SN"]
    assert sorted(d.country.code for d in domain.visible_delegations(organizer, edition)) == ["CI", "SN"]


def test_host_officer_may_not_change_the_host_officer(delegation, host_officer, organizer):
    data = domain.DelegationData(country="SN", host_officer_id=organizer.pk)
    with pytest.raises(NotAllowed):
        domain.update_delegation(delegation["delegation"], data, actor=host_officer)


@pytest.fixture
def admitted(edition, company_factory):
    company = company_factory("FR", name="Optronix SAS")
    return Application.objects.create(
        edition=edition, company=company, status=ApplicationStatus.ADMITTED, requested_area_m2=18
    )


def test_add_visit_meeting_goes_to_the_group_meeting_scheduler_when_present(
    delegation, organizer, admitted, monkeypatch
):
    calls = []

    class Meeting:
        pk = 77

    def schedule(**kwargs):
        calls.append(kwargs)
        return Meeting()

    monkeypatch.setattr(domain, "group_meeting_scheduler", lambda: schedule)
    visit = domain.add_visit(
        delegation["delegation"],
        domain.VisitData(
            kind="meeting",
            title="Border surveillance",
            exhibitor_id=admitted.pk,
            starts_at=dt.datetime(2025, 11, 18, 15, tzinfo=PARIS),
            ends_at=dt.datetime(2025, 11, 18, 15, 30, tzinfo=PARIS),
        ),
        actor=organizer,
    )
    assert visit.meeting_request_id == 77
    assert sorted(r.family_name for r in calls[0]["registrations"]) == ["Diallo", "Ndiaye", "Sow"]
    assert calls[0]["exhibitor"] == admitted


def test_add_visit_without_scheduler_keeps_the_visit_only(delegation, organizer, admitted, monkeypatch):
    monkeypatch.setattr(domain, "group_meeting_scheduler", lambda: None)
    visit = domain.add_visit(
        delegation["delegation"],
        domain.VisitData(
            kind="stand_visit",
            title="Stand visit",
            exhibitor_id=admitted.pk,
            starts_at=dt.datetime(2025, 11, 18, 11, tzinfo=PARIS),
            ends_at=dt.datetime(2025, 11, 18, 11, 20, tzinfo=PARIS),
        ),
        actor=organizer,
    )
    assert (visit.meeting_request_id, VisitItem.objects.count()) == (None, 1)


def test_add_visit_ending_before_start_refused(delegation, organizer):
    with pytest.raises(domain.DelegationError) as caught:
        domain.add_visit(
            delegation["delegation"],
            domain.VisitData(
                kind="official",
                title="Ministerial tour",
                starts_at=dt.datetime(2025, 11, 18, 11, tzinfo=PARIS),
                ends_at=dt.datetime(2025, 11, 18, 10, tzinfo=PARIS),
            ),
            actor=organizer,
        )
    assert caught.value.code == "ends_before_start"
    assert VisitItem.objects.count() == 0


def test_set_guest_pavilion_sets_the_edition_guest_country(edition, organizer):
    pavilion = domain.set_guest_pavilion(
        edition,
        country="TR",
        name_en="Türkiye pavilion",
        name_fr="Pavillon de la Türkiye",
        hall_code="H5",
        actor=organizer,
    )
    edition.refresh_from_db()
    assert (pavilion.hall.code, edition.guest_of_honour_country.code) == ("H5", "TR")
