"""Dashboard render time on the full demo (Milipol 2025: 30,000 visitors, 1,100 exhibitors).

    .venv/bin/python bench/dashboard/run.py [--requests 15] [--data bench/dashboard/out/demo]

Builds the demo database once (`salon demo --no-serve`, several minutes) and reuses it afterwards. The demo
has no gate traffic, so the first run adds synthetic entry scans (each accredited visitor comes on about
70 % of the days asked for) and presences, marked with scan ids `bench-…`, so "present" figures are real
volumes. Measures, through Django's test client: the full page, the live fragment, the API; then the
figures alone against a naive baseline that loads every row and counts in Python — and checks that both
give the same numbers.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SLUG = "milipol-2025"


def build(data: Path) -> None:
    if (data / "salon.sqlite3").exists():
        return
    print(f"building the demo database in {data} (several minutes)…", flush=True)
    env = dict(os.environ, SALON_DATA_DIR=str(data))
    subprocess.run(
        [str(ROOT / ".venv/bin/salon"), "demo", "--no-serve"], env=env, check=True, stdout=subprocess.DEVNULL
    )


def add_scans(edition) -> int:
    import datetime as dt

    from django.db import transaction
    from django.utils import timezone

    from salon.access.models import Badge, Gate, Presence, Scan

    if Scan.objects.filter(edition=edition, scan_id__startswith="bench-").exists():
        return Scan.objects.filter(edition=edition, scan_id__startswith="bench-").count()
    rng = random.Random(6)
    gates = list(Gate.objects.filter(edition=edition, zone__kind="exhibition").select_related("zone"))
    tz = timezone.get_current_timezone()
    scans, presences = [], []
    badges = Badge.objects.filter(edition=edition, registration__isnull=False).values_list(
        "pk", "registration__requested_days"
    )
    for badge_id, days in badges:
        inside_zone = None
        for day in days:
            if rng.random() > 0.7:
                continue
            gate = rng.choice(gates)
            when = dt.datetime.combine(dt.date.fromisoformat(day), dt.time(9), tzinfo=tz) + dt.timedelta(
                minutes=rng.randrange(480)
            )
            scans.append(
                Scan(
                    scan_id=f"bench-{len(scans)}",
                    edition=edition,
                    gate=gate,
                    gate_ref=gate.code,
                    zone=gate.zone,
                    badge_id=badge_id,
                    direction="in",
                    reason="ok",
                    admitted=True,
                    effective_at=when,
                    received_at=when,
                )
            )
            inside_zone = gate.zone_id
        if inside_zone and rng.random() < 0.3:
            presences.append(
                Presence(badge_id=badge_id, zone_id=inside_zone, inside=True, since=timezone.now())
            )
    with transaction.atomic():
        Scan.objects.bulk_create(scans, batch_size=5000)
        Presence.objects.bulk_create(presences, batch_size=5000, ignore_conflicts=True)
    return len(scans)


def naive_figures(edition) -> dict[str, object]:
    """The baseline: every registration, scan and application loaded as objects and counted in Python."""
    from salon.access.models import Scan
    from salon.accreditation.models import Registration
    from salon.exhibitors.models import Application

    registrations = list(Registration.objects.filter(edition=edition))
    by_day, by_country, by_sector = Counter(), Counter(), Counter()
    for registration in registrations:
        for day in registration.requested_days:
            by_day[day] += 1
        by_country[registration.nationality.code] += 1
        by_sector[registration.sector] += 1
    present = Counter()
    seen = set()
    for scan in Scan.objects.filter(edition=edition, admitted=True, direction="in").select_related(
        "badge__registration"
    ):
        if scan.badge is None or scan.badge.registration is None:
            continue
        key = (scan.badge_id, scan.badge.registration.sector)
        if key not in seen:
            seen.add(key)
            present[scan.badge.registration.sector] += 1
    exhibitors = Counter()
    for application in Application.objects.filter(edition=edition).select_related("company"):
        if application.status != "draft":
            exhibitors[application.company.country.code] += 1
    return {
        "by_day": by_day,
        "by_country": by_country,
        "by_sector": by_sector,
        "present_by_sector": present,
        "exhibitors_by_country": exhibitors,
    }


def timed(call, n: int) -> tuple[float, list[float]]:
    call()  # warm-up: templates, translations, SQLite page cache
    samples = []
    for _ in range(n):
        start = time.perf_counter()
        call()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=15)
    parser.add_argument("--data", type=Path, default=ROOT / "bench/dashboard/out/demo")
    args = parser.parse_args()
    data = args.data.resolve()
    build(data)
    os.environ["SALON_DATA_DIR"] = str(data)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "salon.settings")
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.utils import translation

    from salon.accreditation.models import Registration
    from salon.analytics.domain import figures
    from salon.editions.models import Edition

    edition = Edition.objects.get(slug=SLUG)
    scans = add_scans(edition)
    visitors = Registration.objects.filter(edition=edition).count()
    organizer = get_user_model().objects.get(username="organizer")
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(organizer)
    page_url = f"/editions/{SLUG}/dashboard/"

    def page():
        response = client.get(page_url)
        assert response.status_code == 200, response.status_code

    def live():
        assert client.get(page_url + "live/").status_code == 200

    def api():
        assert client.get(f"/api/v1/editions/{SLUG}/dashboard").status_code == 200

    def ours():
        with translation.override("en"):
            return figures.dashboard_tables(edition)

    print(
        f"data: {visitors} visitors, {scans} gate entry scans, edition {SLUG}; "
        f"median of {args.requests} requests after one warm-up"
    )
    page_ms, samples = timed(page, args.requests)
    live_ms, _ = timed(live, args.requests)
    api_ms, _ = timed(api, args.requests)
    ours_ms, _ = timed(ours, args.requests)
    naive_ms, _ = timed(lambda: naive_figures(edition), max(3, args.requests // 5))

    tables = {t.key: t for t in ours()}
    naive = naive_figures(edition)
    same = (
        [row[1] for row in tables["visitors_by_day"].rows]
        == [naive["by_day"][d] for d in tables["visitors_by_day"].extra["days"]]
        and sum(row[1] for row in tables["visitors_by_country"].rows) == sum(naive["by_country"].values())
        and sorted(row[1] for row in tables["visitors_by_sector"].rows) == sorted(naive["by_sector"].values())
        and sorted(row[3] for row in tables["visitors_by_sector"].rows)
        == sorted(naive["present_by_sector"].get(code, 0) for code in naive["by_sector"])
        and sum(row[1] for row in tables["exhibitors_by_country"].rows)
        == sum(naive["exhibitors_by_country"].values())
    )
    print(
        f"dashboard page (full HTML, 11 SVG charts): median {page_ms:7.1f} ms  "
        f"(min {min(samples):.1f}, max {max(samples):.1f}; "
        f"target < 300 ms: {'met' if page_ms < 300 else 'MISSED'})"
    )
    print(f"live fragment (htmx, every 10 s):          median {live_ms:7.1f} ms")
    print(f"REST API /dashboard (JSON):                median {api_ms:7.1f} ms")
    print(f"figures only, aggregate queries (ours):    median {ours_ms:7.1f} ms")
    print(
        f"figures subset, naive Python over rows:    median {naive_ms:7.1f} ms  "
        f"(ratio naive/ours {naive_ms / ours_ms:.1f}x; same numbers: {same})"
    )


if __name__ == "__main__":
    main()
