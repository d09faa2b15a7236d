"""The trust pages in a real browser: the footer's notices, accreditations and license,
"Text us" and "Get directions". axe checks each of these pages with every page type
(tests/e2e/test_page_layout.py)."""

import re

from playwright.sync_api import expect

from .conftest import ONE_DATABASE_IN_THE_BROWSER

pytestmark = ONE_DATABASE_IN_THE_BROWSER


def test_a_visitor_on_a_phone_reaches_each_notice_from_the_footer(
    demo, live_server, phone_page
):
    page = phone_page
    for name, path in [
        ("Notice of Privacy Practices", "/notice-of-privacy-practices/"),
        (
            "Nondiscrimination Notice and Language Assistance",
            "/nondiscrimination-notice/",
        ),
        ("Accessibility Statement", "/accessibility/"),
    ]:
        page.goto(f"{live_server.url}/treatment/residential/")
        footer = page.get_by_role("navigation", name="Notices and policies")
        footer.get_by_role("link", name=name).click()
        expect(page).to_have_url(f"{live_server.url}{path}")
        expect(page.get_by_role("heading", level=1)).to_have_text(name)
        assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_the_footer_shows_accreditations_the_license_and_ways_to_reach_the_center(
    demo, live_server, desktop_page
):
    page = desktop_page
    page.goto(live_server.url)
    footer = page.locator("footer.site-footer")
    credentials = footer.get_by_role("region", name="Accreditation and licensing")
    expect(credentials).to_contain_text("The Joint Commission")
    expect(credentials).to_contain_text("License no. MHL-088-0412")
    expect(credentials).to_contain_text("Licensed by the North Carolina Department")
    expect(footer.get_by_role("link", name="Text us")).to_have_attribute(
        "href", "sms:+18285550199"
    )
    directions = footer.get_by_role("link", name="Get directions")
    expect(directions).to_have_attribute(
        "href", re.compile(r"^https://www\.google\.com/maps/dir/\?api=1&destination=35")
    )
    # The header's "Text us" sits beside its phone in the top bar; at this width the menu
    # keeps its room for the pages (its own "Text us" shows from 1360 px and in the phone
    # menu), so exactly one is visible.
    header = page.locator("header.site-header")
    expect(header.get_by_role("link", name="Text us")).to_have_count(1)
    expect(header.locator("a[href^='sms:']")).to_have_count(2)
    expect(header.locator("a[href^='tel:+1828']")).to_have_count(2)


def test_directions_open_the_map_app_of_an_android_phone(demo, live_server, browser):
    context = browser.new_context(
        viewport={"width": 375, "height": 812},
        user_agent="Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Mobile Safari/537.36",
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/about/")
    expect(
        page.locator("main").get_by_role("link", name="Get directions")
    ).to_have_attribute("href", re.compile(r"^geo:35\.233412,-82\.727683\?q="))
    context.close()
