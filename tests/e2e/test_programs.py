import re

from playwright.sync_api import expect

from .conftest import ONE_DATABASE_IN_THE_BROWSER

pytestmark = ONE_DATABASE_IN_THE_BROWSER


def test_a_parent_on_a_phone_finds_residential_care_and_how_to_call(
    demo, live_server, phone_page
):
    page = phone_page
    page.goto(live_server.url)

    page.get_by_role("button", name="Menu").click()
    page.get_by_role("button", name="Treatment").click()
    page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="Residential", exact=True
    ).click()

    expect(page).to_have_url(f"{live_server.url}/treatment/residential/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Residential Treatment")

    question = page.locator("summary", has_text="Can I keep my phone?")
    answer = page.locator(".faq__answer", has_text="locked cabinet")
    expect(answer).to_be_hidden()
    question.click()
    expect(answer).to_be_visible()

    call = page.locator("main a[href^='tel:']").first
    expect(call).to_be_visible()
    expect(call).to_have_attribute("href", re.compile(r"^tel:\+1\d{10}$"))
    admissions = (
        page.locator("main").get_by_role("link", name="Start your admission").first
    )
    expect(admissions).to_be_visible()
    expect(admissions).to_have_attribute("href", "/admissions/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
