import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from salon.audit.domain.chain import GENESIS_HASH, record, verify_chain
from salon.audit.models import AuditEntry


def _three_entries():
    for number in range(3):
        record(
            actor="tester",
            action="test.decision",
            object_type="thing",
            object_id=number,
            payload={"number": number, "reason": "é — unicode survives"},
        )


@pytest.mark.django_db
def test_chain_links_each_entry_to_previous_hash():
    _three_entries()
    entries = list(AuditEntry.objects.order_by("seq"))
    assert [e.seq for e in entries] == [1, 2, 3]
    assert entries[0].prev_hash == GENESIS_HASH
    assert entries[1].prev_hash == entries[0].entry_hash
    assert entries[2].prev_hash == entries[1].entry_hash
    report = verify_chain()
    assert report.intact and report.entries_checked == 3


@pytest.mark.django_db
def test_chain_verify_names_row_altered_in_database():
    _three_entries()
    with connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditentry SET actor = %s WHERE seq = %s", ["mallory", 2])
    report = verify_chain()
    assert report.first_broken_seq == 2
    assert report.entries_checked == 1
    assert "altered" in report.problem


@pytest.mark.django_db
def test_chain_verify_names_deleted_row():
    _three_entries()
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditentry WHERE seq = %s", [2])
    report = verify_chain()
    assert report.first_broken_seq == 2
    assert "missing" in report.problem


@pytest.mark.django_db
def test_chain_verify_detects_rehashed_row_breaking_the_link():
    _three_entries()
    # A forger who recomputes the altered row's own hash still breaks the next row's link.
    entry = AuditEntry.objects.get(seq=2)
    entry.payload = {"number": 99}
    from salon.audit.domain.chain import compute_hash

    new_hash = compute_hash(entry)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE audit_auditentry SET payload = %s, entry_hash = %s WHERE seq = 2",
            ['{"number": 99}', new_hash],
        )
    report = verify_chain()
    assert report.first_broken_seq == 3
    assert "does not link" in report.problem


@pytest.mark.django_db
def test_chain_entry_refuses_update_and_delete_through_orm():
    _three_entries()
    entry = AuditEntry.objects.get(seq=1)
    entry.actor = "mallory"
    with pytest.raises(RuntimeError):
        entry.save()
    with pytest.raises(RuntimeError):
        entry.delete()


@pytest.mark.django_db
def test_audit_command_verify_exit_status_follows_tampering(capsys):
    _three_entries()
    call_command("audit", "verify")
    assert "audit chain intact: 3 entries" in capsys.readouterr().out
    with connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditentry SET action = %s WHERE seq = %s", ["test.forged", 3])
    with pytest.raises(CommandError, match="BROKEN at entry #3"):
        call_command("audit", "verify")
