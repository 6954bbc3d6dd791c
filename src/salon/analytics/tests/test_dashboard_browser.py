"""The dashboard in Debian's Chromium: every chart draws, the live part refreshes; a screenshot is kept."""

from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[4] / "var" / "test-artifacts"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="Debian's chromium is not installed at /usr/bin/chromium"
    ),
]


def test_dashboard_browser_renders_charts_and_refreshes(show, live_server):
    sync_playwright = pytest.importorskip("playwright.sync_api").sync_playwright
    client = Client()
    client.force_login(show.organizer)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            context.add_cookies(
                [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
            )
            page = context.new_page()
            page.goto(f"{live_server.url}/editions/{show.edition.slug}/dashboard/")
            page.wait_for_selector("svg.chart")
            charts = page.locator("svg.chart")
            assert charts.count() == 11
            box = page.locator('svg.chart[data-table="visitors_by_day"]').bounding_box()
            assert box is not None and box["width"] > 300 and box["height"] > 100
            assert page.locator('svg.chart[data-table="visitors_by_day"] rect.bar').count() == 12
            assert page.locator('[data-total="registered"]').inner_text() == "7"
            # htmx is loaded and swaps the live part in place (asked now rather than waiting 10 s).
            live_url = page.get_attribute("#dash-live", "hx-get")
            with page.expect_response(lambda r: r.url.endswith("/dashboard/live/") and r.status == 200):
                page.evaluate(
                    "url => htmx.ajax('GET', url, {target: '#dash-live', swap: 'outerHTML'})", live_url
                )
            page.wait_for_selector('#dash-live svg.chart[data-table="zone_occupancy"]')
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)
        finally:
            browser.close()
    assert (ARTIFACTS / "dashboard.png").stat().st_size > 10_000
