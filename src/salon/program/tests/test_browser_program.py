"""A real browser (Debian's Chromium, Playwright): the French program, a track filter, the agenda, iCal."""

import datetime as dt
import shutil
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.test import Client
from icalendar import Calendar

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="Debian's Chromium is not installed (apt-get install chromium)"
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_browser_program_french_filter_book_and_download_ical(
    program, police_visitor, live_server, monkeypatch, tmp_path
):
    sync_api = pytest.importorskip("playwright.sync_api")
    # Playwright's sync API runs an event loop in this thread; the ORM work is all done before it starts.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    browser_client = Client()
    browser_client.force_login(police_visitor)
    session_cookie = browser_client.cookies[settings.SESSION_COOKIE_NAME].value
    workshop = program["restricted"]

    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            context = browser.new_context(locale="fr-FR", accept_downloads=True)
            context.add_cookies(
                [{"name": settings.SESSION_COOKIE_NAME, "value": session_cookie, "url": live_server.url}]
            )
            page = context.new_page()
            page.goto(f"{live_server.url}/editions/milipol-test/program/")
            sync_api.expect(page.locator("h1")).to_have_text("Programme des conférences")
            cards = page.locator("li.session")
            sync_api.expect(cards).to_have_count(2)

            page.select_option("#id_track", "justice")  # htmx swaps the results without a reload
            sync_api.expect(cards).to_have_count(1)
            sync_api.expect(cards.first.locator("h3")).to_have_text("Covert surveillance workshop (fr)")
            assert "track=justice" in page.url

            cards.first.get_by_role("button", name="Ajouter à mon agenda").click()
            sync_api.expect(cards.first.locator(".agenda-btn .in")).to_have_text("✓ Dans mon agenda")

            page.goto(f"{live_server.url}/editions/milipol-test/program/agenda/")
            sync_api.expect(page.locator(".agenda-entry h3")).to_have_text(
                ["Covert surveillance workshop (fr)"]
            )
            with page.expect_download() as download_info:
                page.get_by_role("link", name="Télécharger (iCal)").click()
            target = tmp_path / "agenda.ics"
            download_info.value.save_as(target)
            page.screenshot(path=str(tmp_path / "agenda.png"))
        finally:
            browser.close()

    events = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert [str(e["summary"]) for e in events] == ["Covert surveillance workshop (fr)"]
    assert events[0].decoded("dtstart") == dt.datetime(2025, 11, 18, 14, tzinfo=ZoneInfo("Europe/Paris"))
    assert events[0].decoded("dtend") == dt.datetime(2025, 11, 18, 16, tzinfo=ZoneInfo("Europe/Paris"))
    assert str(events[0]["uid"]) == f"session-{workshop.pk}@milipol-test.salon"
    artifacts = Path(settings.DATA_DIR) / "test-artifacts"
    artifacts.mkdir(parents=True, exist_ok=True)
    shutil.copy(tmp_path / "agenda.png", artifacts / "program-agenda.png")
