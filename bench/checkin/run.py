"""Check-in benchmark: N simulated gates (processes) scan over HTTP on loopback against gunicorn + PostgreSQL.

Mix per gate: valid badges (in/out), forged payloads, revoked badges, malformed codes, and replays of scan
ids the gate already sent (an offline queue uploaded twice). Reports scans/s and p50/p99 latency next to
the in-process signature-verification rate (the ceiling), then checks that the database recorded exactly
one scan per distinct scan id the server accepted. Bounded: --scans per gate or --max-seconds per mode.

    .venv/bin/python bench/checkin/run.py                  # 8 gates, 1500 scans each, both modes
    .venv/bin/python bench/checkin/run.py --gates 4 --scans 500 --batch 50 --modes batch

Modes: `single` = one POST /api/v1/checkin per scan (an online gate); `batch` = POST
/api/v1/checkin/batch with --batch scans per request (a gate syncing its queue, or buffering briefly).
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import os
import random
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent / "out"
PG_SERVER = "postgres://postgres@127.0.0.1:5432"
DB_NAME = "salon_bench_checkin"
MIX = {"valid": 0.70, "forged": 0.08, "revoked": 0.07, "malformed": 0.03, "replay": 0.12}


def _environment(port: int) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=f"{PG_SERVER}/{DB_NAME}",
        SALON_DATA_DIR=str(OUT / "data"),
        DJANGO_SETTINGS_MODULE="salon.settings",
        SALON_LOG_LEVEL="ERROR",
        SALON_ALLOWED_HOSTS="127.0.0.1",
    )
    return env


def _recreate_database() -> None:
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {DB_NAME}")


def prepare(badge_count: int, gate_count: int) -> dict:
    """Create the schema and a show running today: zones, gates, badges (some revoked), a gate agent token."""
    import datetime as dt

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connections
    from django.utils import timezone

    from salon.access.domain.badges import issue_badge, revoke_badge
    from salon.access.domain.zones import add_gate, add_zone, set_zone_rule
    from salon.accounts.domain.roles import Role, grant
    from salon.accounts.domain.tokens import issue_token
    from salon.editions.domain.venue import create_edition
    from salon.editions.models import ZoneKind

    call_command("migrate", verbosity=0, interactive=False)
    from django.contrib.auth import get_user_model

    users = get_user_model().objects
    organizer = users.create_user("bench-organizer", password="x-bench-password-1")
    grant(organizer, Role.ORGANIZER)
    agent = users.create_user("bench-gate", password="x-bench-password-2")
    grant(agent, Role.GATE_AGENT)
    today = timezone.localdate()
    edition = create_edition(
        slug="bench-show",
        name="Bench Show",
        host_country="FR",
        city="Paris",
        venue="Nord",
        start_date=today - dt.timedelta(days=1),
        end_date=today + dt.timedelta(days=2),
        actor=organizer,
    )
    gates = []
    for number in range(gate_count):
        zone = add_zone(
            edition,
            code=f"hall-{number}",
            name_en=f"Hall {number}",
            name_fr=f"Hall {number}",
            kind=ZoneKind.EXHIBITION,
        )
        set_zone_rule(zone, category="visitor", actor=organizer)
        gates.append(
            add_gate(edition, zone=zone, code=f"gate-{number}", name=f"Gate {number}", actor=organizer).pk
        )
    badges = [
        issue_badge(edition, holder_name=f"Visitor {i}", category="visitor", actor=organizer)
        for i in range(badge_count)
    ]
    revoked = badges[: max(1, badge_count // 20)]
    for badge in revoked:
        revoke_badge(badge, actor=organizer, reason="bench: revoked")
    world = {
        "token": issue_token(agent, "bench"),
        "gates": gates,
        "valid": [b.payload for b in badges[len(revoked) :]],
        "revoked": [b.payload for b in revoked],
    }
    connections.close_all()
    return world


def verification_rate(payloads: list[str], seconds: float = 2.0) -> float:
    """In-process parse + Ed25519 verification per second, one thread: the ceiling of a single core."""
    from salon.access.badges import codec
    from salon.access.domain import keys

    parsed = [codec.parse(p) for p in payloads[:200]]
    public = keys.public_key(parsed[0].claims.edition_id, parsed[0].claims.key_version)
    done, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds:
        for payload in payloads[:200]:
            assert codec.verify(codec.parse(payload), public)
        done += 200
    return done / (time.perf_counter() - started)


def _forge(payload: str) -> str:
    """One bit of the signature flipped: a well-formed payload that no key signed."""
    import base45

    raw = bytearray(base45.b45decode(payload))
    raw[-1] ^= 0x01
    return base45.b45encode(bytes(raw)).decode()


def _plan(world: dict, gate: int, scans: int, seed: int, prefix: str) -> list[tuple[str, dict]]:
    rng = random.Random(seed)
    kinds, weights = list(MIX), list(MIX.values())
    sent: list[dict] = []
    plan = []
    for _ in range(scans):
        kind = rng.choices(kinds, weights)[0]
        if kind == "replay" and sent:
            plan.append((kind, rng.choice(sent)))
            continue
        if kind == "replay":
            kind = "valid"
        payload = {
            "valid": lambda: rng.choice(world["valid"]),
            "forged": lambda: _forge(rng.choice(world["valid"])),
            "revoked": lambda: rng.choice(world["revoked"]),
            "malformed": lambda: rng.choice(world["valid"])[: rng.randint(5, 120)],
        }[kind]()
        body = {
            "payload": payload,
            "gate": world["gates"][gate],
            "scan_id": f"{prefix}-{uuid.uuid4().hex}",
            "direction": "in" if kind != "valid" or rng.random() < 0.6 else "out",
        }
        sent.append(body)
        plan.append((kind, body))
    return plan


# A revoked badge scanned on the way out is let out (reason ok, warning "revoked"), hence only "in" is sent.
EXPECTED = {"valid": {"ok"}, "forged": {"forged"}, "revoked": {"revoked"}, "malformed": {"malformed"}}


def gate_device(args: tuple) -> dict:
    """One gate: a keep-alive connection, scans one after another (or in batches), each timed."""
    port, token, plan, batch, deadline = args
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    latencies, accepted, errors, wrong = [], [], 0, {}
    step = max(1, batch)
    for start in range(0, len(plan), step):
        if time.time() > deadline:
            break
        chunk = plan[start : start + step]
        if batch:
            path, body = "/api/v1/checkin/batch", {"scans": [b for _, b in chunk]}
        else:
            path, body = "/api/v1/checkin", chunk[0][1]
        began = time.perf_counter()
        try:
            conn.request("POST", path, json.dumps(body), headers)
            response = conn.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException):
            errors += len(chunk)
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            continue
        latencies.append(time.perf_counter() - began)
        if response.status != 200:
            errors += len(chunk)
            continue
        answer = json.loads(data)
        results = answer["results"] if batch else [answer]
        for (kind, sent), result in zip(chunk, results, strict=True):
            if result["recorded"] or result["replayed"]:
                accepted.append(sent["scan_id"])
            if kind in EXPECTED and not result["replayed"] and result["reason"] not in EXPECTED[kind]:
                key = f"{kind}->{result['reason']}"
                wrong[key] = wrong.get(key, 0) + 1
    conn.close()
    return {"latencies": latencies, "accepted": accepted, "errors": errors, "wrong": wrong}


def warm_up(args: tuple) -> None:
    """Untimed requests first: each gunicorn worker loads the URLconf and opens its database connections on
    its first requests, which is start-up cost, not check-in cost."""
    port, token = args
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    for _ in range(10):
        conn.request(
            "POST",
            "/api/v1/checkin/batch",
            json.dumps({"scans": []}),
            {"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        )
        conn.getresponse().read()
    conn.close()


def _start_gunicorn(port: int, workers: int, threads: int) -> subprocess.Popen:
    command = [
        str(ROOT / ".venv/bin/gunicorn"),
        "salon.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--worker-class",
        "gthread",
        "--threads",
        str(threads),
        "--keep-alive",
        "30",
        "--log-level",
        "warning",
        "--timeout",
        "60",
    ]
    process = subprocess.Popen(command, env=_environment(port), cwd=ROOT, start_new_session=True)
    for _ in range(150):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            conn.request("GET", "/api/v1/editions")
            if conn.getresponse().status == 200:
                return process
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit("gunicorn did not answer on 127.0.0.1")


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def run_mode(world: dict, options, mode: str) -> dict:
    batch = options.batch if mode == "batch" else 0
    plans = [
        _plan(world, g, options.scans, seed=g + (1000 if batch else 0), prefix=f"{mode}-{g}")
        for g in range(options.gates)
    ]
    server = _start_gunicorn(options.port, options.workers, options.threads)
    try:
        load_before = os.getloadavg()[0]
        deadline = time.time() + options.max_seconds
        jobs = [(options.port, world["token"], plan, batch, deadline) for plan in plans]
        with multiprocessing.get_context("fork").Pool(options.gates) as pool:
            pool.map(warm_up, [(options.port, world["token"])] * options.gates * 2)
            began = time.perf_counter()
            results = pool.map(gate_device, jobs)
        elapsed = time.perf_counter() - began
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    from salon.access.models import Scan

    accepted = [x for r in results for x in r["accepted"]]
    return {
        "mode": mode,
        "label": f"batches of {batch}" if batch else "one scan per request",
        "latencies": [x for r in results for x in r["latencies"]],
        "scans": len(accepted),
        "distinct": len(set(accepted)),
        "recorded": Scan.objects.filter(scan_id__startswith=f"{mode}-").count(),
        "elapsed": elapsed,
        "errors": sum(r["errors"] for r in results),
        "wrong": {k: sum(r["wrong"].get(k, 0) for r in results) for r in results for k in r["wrong"]},
        "load": (load_before, os.getloadavg()[0]),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gates", type=int, default=8)
    parser.add_argument("--scans", type=int, default=1500, help="scans per gate and mode")
    parser.add_argument("--badges", type=int, default=2000)
    parser.add_argument("--batch", type=int, default=20, help="scans per request in batch mode")
    parser.add_argument("--modes", default="single,batch")
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--max-seconds", type=float, default=60.0, help="per mode")
    options = parser.parse_args()
    modes = [m.strip() for m in options.modes.split(",") if m.strip()]
    if not modes or set(modes) - {"single", "batch"} or options.batch < 1:
        raise SystemExit("--modes takes single and/or batch; --batch must be at least 1")
    OUT.mkdir(parents=True, exist_ok=True)
    os.environ.update(_environment(options.port))
    sys.path.insert(0, str(ROOT / "src"))

    _recreate_database()
    started = time.perf_counter()
    world = prepare(options.badges, options.gates)
    print(
        f"setup: {options.badges} badges ({len(world['revoked'])} revoked), {options.gates} gates and zones "
        f"in {time.perf_counter() - started:.1f} s; mix {MIX}"
    )
    ceiling = verification_rate(world["valid"])
    runs = [run_mode(world, options, mode) for mode in modes]
    print(
        f"{options.gates} gates, gunicorn {options.workers}x{options.threads} gthread, PostgreSQL, loopback; "
        f"the machine is shared (1-min load average before → after each mode)"
    )
    print(f"{'':34}{'scans/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'vs ceiling':>12}  load")
    failed = False
    for run in runs:
        rate = run["scans"] / run["elapsed"]
        print(
            f"{'HTTP, ' + run['label']:34}{rate:>9.0f}{_percentile(run['latencies'], 0.5) * 1000:>9.1f}"
            f"{_percentile(run['latencies'], 0.99) * 1000:>9.1f}{rate / ceiling:>12.3f}  "
            f"{run['load'][0]:.2f} → {run['load'][1]:.2f}"
        )
    print(f"{'in-process verify, 1 core':34}{ceiling:>9.0f}{'':>9}{'':>9}{1:>12.3f}")
    for run in runs:
        same = run["recorded"] == run["distinct"]
        failed |= not same
        detail = f" {run['wrong']}" if run["wrong"] else ""
        print(
            f"{run['mode']}: {run['scans']} answered scans in {run['elapsed']:.1f} s, transport errors "
            f"{run['errors']}, unexpected verdicts {sum(run['wrong'].values())}{detail}; "
            f"recorded scans {run['recorded']} == distinct accepted scan ids {run['distinct']}: "
            f"{'OK' if same else 'MISMATCH'}"
        )
    print("latency is per HTTP request (a batch request carries --batch scans)")
    if failed:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
