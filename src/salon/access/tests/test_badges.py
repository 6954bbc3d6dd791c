import datetime as dt

import pytest
from django.core.management import CommandError, call_command

from salon.access.badges import codec
from salon.access.domain import keys
from salon.access.domain.badges import issue_badge, reissue_badge, revoke_badge
from salon.access.models import Badge, BadgeStatus, EditionKey
from salon.accreditation.domain.registrations import register
from salon.accreditation.domain.vetting import accredit, refuse
from salon.accreditation.models import VettingSettings
from salon.accreditation.tests.conftest import person
from salon.audit.domain.chain import verify_chain
from salon.audit.models import AuditEntry
from salon.exhibitors.models import Application, ApplicationStatus, StaffMember

pytestmark = pytest.mark.django_db


def _actions(badge) -> list[str]:
    return list(
        AuditEntry.objects.filter(object_type="access.badge", object_id=str(badge.pk))
        .order_by("seq")
        .values_list("action", flat=True)
    )


def test_badge_issue_signed_with_edition_key_and_audited(visitor_badge):
    parsed = codec.parse(visitor_badge.payload)
    assert codec.verify(parsed, keys.public_key(visitor_badge.edition_id, 1)) is True
    assert (parsed.claims.badge_id, parsed.claims.issue_version, parsed.claims.category) == (
        visitor_badge.pk,
        1,
        codec.Category.VISITOR,
    )
    assert parsed.claims.valid_days == [dt.date(2025, 11, 18) + dt.timedelta(days=i) for i in range(4)]
    assert _actions(visitor_badge) == ["badge.issued"]
    assert verify_chain().intact


def test_badge_default_zones_skip_restricted_ones(visitor_badge, venue):
    from salon.access.domain.badges import zone_codes

    assert zone_codes(visitor_badge) == ["hall"]


def test_badge_private_key_stored_encrypted(visitor_badge):
    key = EditionKey.objects.get(edition=visitor_badge.edition)
    clear = keys.private_key(key).private_bytes_raw().hex()
    assert clear not in key.private_key_encrypted
    assert key.private_key_encrypted.startswith("gAAAA")  # a Fernet token


def test_badge_reissue_bumps_version_and_audits(visitor_badge, organizer):
    badge = reissue_badge(visitor_badge, actor=organizer, reason="Photo replaced")
    assert (badge.version, codec.parse(badge.payload).claims.issue_version) == (2, 2)
    assert _actions(badge) == ["badge.issued", "badge.reissued"]


def test_badge_revoke_audited_once(visitor_badge, organizer):
    revoke_badge(visitor_badge, actor=organizer, reason="Lost badge")
    revoke_badge(visitor_badge, actor=organizer, reason="Lost badge")
    assert Badge.objects.get(pk=visitor_badge.pk).status == BadgeStatus.REVOKED
    assert _actions(visitor_badge) == ["badge.issued", "badge.revoked"]


def test_badge_days_over_sixteen_rejected(edition, venue, organizer):
    from salon.access.domain.badges import BadgeError

    with pytest.raises(BadgeError, match="span more than 16 days"):
        issue_badge(
            edition,
            holder_name="X Y",
            category="visitor",
            actor=organizer,
            days=[dt.date(2025, 11, 1), dt.date(2025, 11, 20)],
        )


def test_badge_issued_when_registration_accredited_revoked_when_refused(edition, venue, vetting_officer):
    registration = register(edition, person(requested_zones=["demo"]))
    assert not Badge.objects.filter(registration=registration).exists()
    accredit(registration, actor=vetting_officer, reason="Checked with the unit")
    badge = Badge.objects.get(registration=registration)
    from salon.access.domain.badges import zone_codes

    assert (badge.holder_name, badge.category, badge.status, zone_codes(badge)) == (
        "Claire Dubois",
        "visitor",
        "active",
        ["hall", "demo"],
    )
    refuse(registration, actor=vetting_officer, reason="New information from the service")
    badge.refresh_from_db()
    assert badge.status == BadgeStatus.REVOKED
    from salon.access.tests.conftest import at, enter

    assert enter(badge.payload, venue["gates"]["hall"], at(18, 10)).reason == "revoked"
    assert _actions(badge) == ["badge.issued", "badge.revoked"]


def test_badge_issued_on_automatic_accreditation(edition, venue):
    VettingSettings.objects.create(edition=edition, auto_accredit_sectors=["gendarmerie"])
    registration = register(edition, person())
    assert registration.status == "accredited"
    assert Badge.objects.get(registration=registration).category == "visitor"


def test_badge_deferred_when_edition_has_no_zone_rules(edition, vetting_officer, organizer):
    registration = register(edition, person())
    accredit(registration, actor=vetting_officer, reason="Checked with the unit")
    assert not Badge.objects.filter(registration=registration).exists()


def test_badge_for_staff_member_of_admitted_exhibitor(edition, venue, company_factory):
    application = Application.objects.create(
        edition=edition, company=company_factory("FR"), status=ApplicationStatus.ADMITTED
    )
    member = StaffMember.objects.create(application=application, full_name="Hugo Petit", role="Engineer")
    badge = Badge.objects.get(staff_member=member)
    assert (badge.category, badge.organization, badge.country.code) == ("exhibitor", "Test Company FR", "FR")
    assert badge.days[0] == "2025-11-16"  # set-up days before opening


def test_badge_cli_issue_catches_up_and_rotate_key_reissues(edition, vetting_officer, organizer):
    registration = register(edition, person())
    accredit(registration, actor=vetting_officer, reason="Checked with the unit")
    from salon.access.domain.zones import add_zone, set_zone_rule

    hall = add_zone(edition, code="hall", name_en="Hall", name_fr="Hall", kind="exhibition")
    set_zone_rule(hall, category="visitor", actor=organizer)
    call_command("badges", "issue", edition.slug, "--as", organizer.username)
    badge = Badge.objects.get(registration=registration)
    call_command("badges", "rotate-key", edition.slug, "--as", organizer.username)
    badge.refresh_from_db()
    assert (badge.version, badge.key_version) == (2, 2)
    assert AuditEntry.objects.filter(action="access.key_rotated", payload__badges_reissued=1).count() == 1


def test_badge_cli_bad_input_clear_errors(edition, organizer, officer, tmp_path):
    with pytest.raises(CommandError, match="No edition 'nope'"):
        call_command("badges", "print", "nope", "--out", str(tmp_path / "x.pdf"))
    with pytest.raises(CommandError, match="no active badge to print"):
        call_command("badges", "print", edition.slug, "--out", str(tmp_path / "x.pdf"))
    with pytest.raises(CommandError, match="no organizer of that name"):
        call_command("badges", "rotate-key", edition.slug, "--as", officer.username)


def test_badge_bulk_issue_same_zones_and_days_as_one_by_one(
    edition, vetting_officer, organizer, company_factory
):
    from salon.access.domain.badges import issue_missing_badges, zone_codes
    from salon.access.domain.zones import add_zone, default_zones, set_zone_rule

    hall = add_zone(edition, code="hall", name_en="Hall", name_fr="Hall", kind="exhibition")
    demo = add_zone(edition, code="demo", name_en="Demo", name_fr="Démo", kind="demonstration")
    plain = register(edition, person())
    demo_seeker = register(
        edition,
        person(
            given_names="Ana",
            family_name="Silva",
            id_document_number="PT99887766",
            requested_zones=["demo"],
            requested_days=["2025-11-19"],
        ),
    )
    for registration in (plain, demo_seeker):
        accredit(registration, actor=vetting_officer, reason="Checked with the unit")
    application = Application.objects.create(
        edition=edition, company=company_factory("FR"), status=ApplicationStatus.ADMITTED
    )
    StaffMember.objects.bulk_create([StaffMember(application=application, full_name="Hugo Petit")])
    for zone in (hall, demo):
        set_zone_rule(zone, category="visitor", actor=organizer)
    set_zone_rule(hall, category="exhibitor", actor=organizer)
    assert issue_missing_badges(edition, actor=organizer) == 3
    for registration in (plain, demo_seeker):
        badge = Badge.objects.get(registration=registration)
        expected = default_zones(edition, "visitor", list(registration.requested_zones.all()))
        assert sorted(zone_codes(badge)) == sorted(z.code for z in expected)
        parsed = codec.parse(badge.payload)
        assert codec.verify(parsed, keys.public_key(edition.pk, 1)) is True
    assert zone_codes(Badge.objects.get(registration=demo_seeker)) == ["hall", "demo"]
    assert Badge.objects.get(registration=demo_seeker).days == ["2025-11-19"]
    staff_badge = Badge.objects.get(staff_member__full_name="Hugo Petit")
    assert (zone_codes(staff_badge), staff_badge.days[0]) == (["hall"], "2025-11-16")
    assert AuditEntry.objects.filter(action="badge.issued", payload__count=2).count() == 1


def test_badge_cli_rotate_key_without_user_audited_as_cli(visitor_badge, capsys):
    call_command("badges", "rotate-key", visitor_badge.edition.slug)
    assert "signing key v2; 1 badge(s) re-issued" in capsys.readouterr().out
    entry = AuditEntry.objects.get(action="access.key_rotated")
    assert entry.actor.startswith("cli:")
