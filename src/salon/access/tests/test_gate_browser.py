"""The gate page in Debian's Chromium: verdicts, an outage with a queue, the sync after restart."""

import contextlib
import datetime as dt
import os
import socket
from pathlib import Path

import base45
import pytest
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.servers.basehttp import ThreadedWSGIServer
from django.db import connections
from django.test import Client
from django.test.testcases import LiveServerThread, QuietWSGIRequestHandler
from django.utils import timezone

from salon.access.domain.badges import issue_badge
from salon.access.domain.zones import add_gate, add_zone, set_zone_rule
from salon.access.models import Scan
from salon.accounts.domain.roles import Role
from salon.conftest import make_user
from salon.editions.domain.venue import create_edition

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WAIT_MS = 15000

pytestmark = [
    pytest.mark.usefixtures("migration_data_restored"),
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="Debian's chromium is not installed (scripts/ensure-browser.sh)"
    ),
]


class RestartableServer:
    """Django's live server thread, stoppable and restartable on the same port (the gate page's outage)."""

    def __init__(self) -> None:
        # In-memory SQLite: the server threads share the test's connection for the whole test.
        self.shared = {c.alias: c for c in connections.all() if c.vendor == "sqlite" and c.is_in_memory_db()}
        for conn in self.shared.values():
            conn.inc_thread_sharing()
        self.port = 0
        self.thread = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        thread = _ReusableLiveServerThread(
            "127.0.0.1", static_handler=StaticFilesHandler, connections_override=self.shared, port=self.port
        )
        thread.daemon = True
        thread.start()
        thread.is_ready.wait()
        if thread.error:
            raise thread.error
        self.thread, self.port = thread, thread.port

    def stop(self) -> None:
        if self.thread is not None:
            self.thread.terminate()
            self.thread = None

    def close(self) -> None:
        self.stop()
        for conn in self.shared.values():
            conn.dec_thread_sharing()


class _TrackingServer(ThreadedWSGIServer):
    """Remembers its open connections: stopping must also cut the browser's keep-alive ones."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.open_sockets: set = set()

    def process_request(self, request, client_address) -> None:
        self.open_sockets.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request) -> None:
        self.open_sockets.discard(request)
        super().shutdown_request(request)


class _ReusableLiveServerThread(LiveServerThread):
    server_class = _TrackingServer

    def terminate(self) -> None:
        super().terminate()
        httpd = getattr(self, "httpd", None)
        for sock in list(httpd.open_sockets if httpd is not None else []):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def _create_server(self, connections_override=None):
        return self.server_class(
            (self.host, self.port),
            QuietWSGIRequestHandler,
            allow_reuse_address=True,
            connections_override=connections_override,
        )


@pytest.fixture
def show_today(organizer):
    """An edition running today (the browser and the server use the real clock), one hall, one gate."""
    today = timezone.localdate()
    edition = create_edition(
        slug="gate-live",
        name="Gate Live",
        host_country="FR",
        city="Paris",
        venue="Nord",
        start_date=today - dt.timedelta(days=1),
        end_date=today + dt.timedelta(days=1),
        actor=organizer,
    )
    hall = add_zone(edition, code="hall", name_en="Hall", name_fr="Hall", kind="exhibition")
    set_zone_rule(hall, category="visitor", actor=organizer)
    add_gate(edition, zone=hall, code="hall-1", name="Hall gate", actor=organizer)
    badge = issue_badge(edition, holder_name="Claire Dubois", category="visitor", actor=organizer)
    return edition, badge


def _recorded() -> int:
    """Scans in the database. Inside Playwright's sync API the ORM opens a connection of its own (another
    asgiref context): close it here, or it outlives the test and blocks dropping the test database."""
    count = Scan.objects.count()
    connections.close_all()
    return count


def _forge(payload: str) -> str:
    """One bit of the signature flipped: still a well-formed payload, no longer signed."""
    raw = bytearray(base45.b45decode(payload))
    raw[-1] ^= 0x01
    return base45.b45encode(bytes(raw)).decode()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_gate_browser_verdicts_offline_queue_and_sync(show_today):
    playwright_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright (dev extra) is not installed"
    )
    edition, badge = show_today
    agent = make_user("gina", Role.GATE_AGENT)
    client = Client()
    client.force_login(agent)
    server = RestartableServer()
    server.start()
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop
    try:
        with playwright_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
            context = browser.new_context()
            context.add_cookies(
                [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": server.url}]
            )
            page = context.new_page()
            page.goto(f"{server.url}/gate/{edition.slug}/")
            page.wait_for_function(
                "document.querySelectorAll('#gate-select option').length === 1", timeout=WAIT_MS
            )

            def scan(payload: str, expected_source: str) -> dict:
                page.fill("#scan-input", payload)
                page.press("#scan-input", "Enter")
                if expected_source == "server":
                    page.wait_for_function(
                        "document.getElementById('verdict').dataset.serverReason", timeout=WAIT_MS
                    )
                else:
                    page.wait_for_function(
                        "document.getElementById('verdict').dataset.localReason", timeout=WAIT_MS
                    )
                return page.eval_on_selector("#verdict", "e => ({cls: e.className, ...e.dataset})")

            def unsynced() -> str:
                return page.inner_text("#unsynced")

            valid = scan(badge.payload, "server")
            assert ("green" in valid["cls"], valid["localReason"], valid["serverReason"]) == (
                True,
                "ok",
                "ok",
            )
            forged = scan(_forge(badge.payload), "server")
            assert ("red" in forged["cls"], forged["localReason"], forged["serverReason"]) == (
                True,
                "forged",
                "forged",
            )
            assert unsynced() == "0"
            assert _recorded() == 2

            server.stop()
            page.check("input[name=direction][value=out]")
            offline = [scan(badge.payload, "local")]
            page.check("input[name=direction][value=in]")
            offline += [scan(badge.payload, "local"), scan(_forge(badge.payload), "local")]
            page.wait_for_function(
                "document.getElementById('gate-status').dataset.online === '0'", timeout=WAIT_MS
            )
            assert [(v["localReason"], "green" in v["cls"]) for v in offline] == [
                ("ok", True),
                ("ok", True),
                ("forged", False),
            ]
            assert unsynced() == "3"
            assert _recorded() == 2

            server.start()
            page.wait_for_function("document.getElementById('unsynced').textContent === '0'", timeout=WAIT_MS)
            browser.close()
    finally:
        server.close()
    reasons = list(Scan.objects.order_by("device_time").values_list("direction", "reason"))
    assert reasons == [("in", "ok"), ("in", "forged"), ("out", "ok"), ("in", "ok"), ("in", "forged")]
