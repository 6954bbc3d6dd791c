"""Several gates at once on PostgreSQL: no scan lost, none doubled, one verdict per scan id."""

import threading
from collections import Counter

import pytest
from django.db import connection, connections

from salon.access.domain.badges import issue_badge
from salon.access.domain.checkin import check_in
from salon.access.models import Presence, Scan
from salon.access.tests.conftest import at, scan

pytestmark = pytest.mark.usefixtures("migration_data_restored")
THREADS = 6
SCANS_PER_THREAD = 30


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrency_parallel_gates_never_lose_or_double_a_scan(edition, venue, organizer):
    if connection.vendor != "postgresql":
        pytest.skip(
            "needs PostgreSQL (set DATABASE_URL): SQLite serialises writers, so there is no race to test"
        )
    badges = [
        issue_badge(edition, holder_name=f"Holder {i}", category="visitor", actor=organizer) for i in range(4)
    ]
    gate = venue["gates"]["hall"]
    barrier = threading.Barrier(THREADS)
    verdicts: dict[str, list] = {}
    lock = threading.Lock()
    errors: list[BaseException] = []

    def gate_device(number: int) -> None:
        try:
            barrier.wait()
            for i in range(SCANS_PER_THREAD):
                # Every device also re-uploads scan ids another device is sending at the same time.
                scan_id = f"shared-{i}" if i % 3 == 0 else f"dev{number}-{i}"
                badge = badges[(number + i) % len(badges)]
                direction = "in" if (i // 2) % 2 == 0 else "out"
                verdict = check_in(
                    scan(badge.payload, gate, direction=direction, scan_id=scan_id), now=at(18, 11)
                )
                with lock:
                    verdicts.setdefault(scan_id, []).append(verdict)
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=gate_device, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    expected_ids = {f"shared-{i}" for i in range(0, SCANS_PER_THREAD, 3)} | {
        f"dev{n}-{i}" for n in range(THREADS) for i in range(SCANS_PER_THREAD) if i % 3
    }
    assert set(verdicts) == expected_ids
    assert Scan.objects.count() == len(expected_ids)
    assert Counter(Scan.objects.values_list("scan_id", flat=True)).most_common(1)[0][1] == 1
    for scan_id, answers in verdicts.items():
        first = [v for v in answers if not v.replayed]
        assert len(first) == 1, scan_id
        assert {(v.reason, v.admitted) for v in answers} == {(first[0].reason, first[0].admitted)}, scan_id
    assert Presence.objects.filter(zone=venue["hall"]).count() == len(badges)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrency_same_offline_queue_uploaded_by_parallel_devices_recorded_once(edition, venue, organizer):
    if connection.vendor != "postgresql":
        pytest.skip(
            "needs PostgreSQL (set DATABASE_URL): SQLite serialises writers, so there is no race to test"
        )
    from salon.access.domain.checkin import check_in_batch

    badges = [
        issue_badge(edition, holder_name=f"Holder {i}", category="visitor", actor=organizer) for i in range(5)
    ]
    gate = venue["gates"]["hall"]
    queue = [
        scan(badges[i % 5].payload, gate, direction=("in", "out")[(i // 5) % 2], scan_id=f"q-{i}")
        for i in range(40)
    ]
    barrier = threading.Barrier(THREADS)
    answers, errors = [], []

    def upload(number: int) -> None:
        try:
            barrier.wait()
            # Overlapping slices of one queue, in different orders of arrival.
            part = queue[number * 5 : number * 5 + 20]
            answers.append(check_in_batch(part, now=at(18, 11)))
        except BaseException as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=upload, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    uploaded = {s.scan_id for n in range(THREADS) for s in queue[n * 5 : n * 5 + 20]}
    assert Scan.objects.count() == len(uploaded)
    by_id: dict[str, set] = {}
    for verdicts in answers:
        for v in verdicts:
            by_id.setdefault(v.scan_id, set()).add((v.reason, v.admitted, v.warnings))
    assert all(len(found) == 1 for found in by_id.values())
    assert sum(1 for verdicts in answers for v in verdicts if not v.replayed) == len(uploaded)
