import re

from playwright.sync_api import expect

from .conftest import LAYOUT_SHIFT, ONE_DATABASE_IN_THE_BROWSER

pytestmark = ONE_DATABASE_IN_THE_BROWSER


def test_home_page_at_phone_width_shows_the_phone_link_and_a_menu_button(
    demo, live_server, phone_page
):
    phone_page.goto(live_server.url)

    call = phone_page.locator(".topbar__phone[href^='tel:']")
    expect(call).to_be_visible()
    expect(call).to_have_attribute("href", "tel:+18285550142")
    expect(phone_page.locator("#site-nav")).to_be_hidden()

    phone_page.get_by_role("button", name="Menu").click()

    expect(phone_page.locator("#site-nav")).to_be_visible()
    expect(phone_page.get_by_role("button", name="Menu")).to_have_attribute(
        "aria-expanded", "true"
    )
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 375


def test_home_page_at_desktop_width_shows_the_menu_and_admissions_button(
    demo, live_server, desktop_page
):
    desktop_page.goto(live_server.url)

    nav = desktop_page.get_by_role("navigation", name="Main")
    expect(nav).to_be_visible()
    expect(desktop_page.get_by_role("button", name="Menu")).to_be_hidden()
    expect(nav.get_by_role("link", name="Admissions", exact=True).first).to_be_visible()
    expect(desktop_page.locator(".topbar__phone[href^='tel:']")).to_have_attribute(
        "href", re.compile(r"^tel:\+1\d{10}$")
    )


def test_treatment_submenu_opens_and_closes_by_keyboard(
    demo, live_server, desktop_page
):
    desktop_page.goto(live_server.url)
    treatment = desktop_page.get_by_role("button", name="Treatment")
    nav = desktop_page.get_by_role("navigation", name="Main")
    residential = nav.get_by_role("link", name="Residential", exact=True)

    expect(residential).to_be_hidden()
    treatment.focus()
    desktop_page.keyboard.press("Enter")

    expect(treatment).to_have_attribute("aria-expanded", "true")
    expect(residential).to_be_visible()
    desktop_page.keyboard.press("Tab")
    expect(desktop_page.get_by_role("link", name="Treatment overview")).to_be_focused()

    desktop_page.keyboard.press("Escape")

    expect(treatment).to_have_attribute("aria-expanded", "false")
    expect(treatment).to_be_focused()
    expect(residential).to_be_hidden()


def test_treatment_submenu_opens_by_touch_at_phone_width(demo, live_server, phone_page):
    phone_page.goto(live_server.url)
    phone_page.get_by_role("button", name="Menu").click()

    phone_page.get_by_role("button", name="Treatment").click()

    expect(
        phone_page.get_by_role("link", name="Detox", exact=True).first
    ).to_be_visible()


def test_pages_at_phone_width_load_without_shifting(demo, live_server, phone_page):
    for path in ["/", "/treatment/detox/", "/admissions/"]:
        phone_page.goto(live_server.url + path)
        phone_page.wait_for_load_state("load")

        assert phone_page.evaluate(LAYOUT_SHIFT) < 0.01, path


def test_without_javascript_the_phone_menu_is_shown_open(demo, live_server, browser):
    from .conftest import PHONE

    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(live_server.url)

        expect(page.locator("#site-nav")).to_be_visible()
        expect(page.get_by_role("button", name="Menu")).to_be_hidden()
        expect(page.locator("#site-nav .nav__link").first).to_be_visible()
    finally:
        context.close()
