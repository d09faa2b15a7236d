"""A person on a phone sends an inquiry by keyboard alone, fixes a mistake, and is thanked."""

import pytest
from playwright.sync_api import expect

from admissions.models import Inquiry
from tests.e2e.conftest import AXE_ON_ONE_DATABASE

from .conftest import assert_no_axe_violations


@pytest.fixture(autouse=True)
def no_time_trap_wait(settings):
    # The browser types faster than a person; the time trap has its own tests.
    settings.ADMISSIONS_MIN_FILL_SECONDS = 0
    settings.ADMISSIONS_NOTIFY_EMAILS = ["intake@example.org"]


def tab_to(page, element_id: str, limit: int = 80) -> None:
    """Press Tab until the element has focus, as a keyboard user would."""
    for _ in range(limit):
        if (
            page.evaluate("document.activeElement && document.activeElement.id")
            == element_id
        ):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached #{element_id}")


def test_a_keyboard_user_on_a_phone_fixes_one_wrong_field_and_is_thanked(
    demo, live_server, phone_page
):
    page = phone_page
    page.goto(f"{live_server.url}/admissions/")

    tab_to(page, "id_name")
    page.keyboard.type("Jordan")
    tab_to(page, "id_phone")
    page.keyboard.type("555-01")  # no area code: wrong
    tab_to(page, "id_email")
    page.keyboard.type("jordan@example.com")
    tab_to(page, "id_for_whom_0")
    page.keyboard.press("Space")
    tab_to(page, "id_message")
    page.keyboard.type("I need help with drinking.")
    tab_to(page, "id_consent")
    page.keyboard.press("Space")
    tab_to(page, "inquiry-submit")
    page.keyboard.press("Enter")

    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("One answer needs a change")
    page.keyboard.press("Tab")
    expect(summary.get_by_role("link")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#id_phone")).to_be_focused()
    expect(page.locator("#id_name")).to_have_value("Jordan")

    page.keyboard.press("Control+A")
    page.keyboard.type("(828) 555-0187")
    tab_to(page, "inquiry-submit")
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Thank you. We have your request."
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    inquiry = Inquiry.objects.get(name="Jordan")
    assert inquiry.phone == "+18285550187"
    assert inquiry.message == "I need help with drinking."


@pytest.mark.one_database(reason=AXE_ON_ONE_DATABASE)
def test_the_form_with_errors_and_the_urgent_thank_you_have_no_axe_violations(
    demo, live_server, phone_page, desktop_page
):
    """The blank form and thank-you page are checked with every page type
    (tests/e2e/test_page_layout.py)."""
    page = desktop_page
    page.goto(f"{live_server.url}/admissions/")
    page.get_by_label("Your name").fill("Sam")
    page.locator("#inquiry-submit").click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert_no_axe_violations(page)

    page.locator("#id_phone").fill("(828) 555-0199")
    page.get_by_role("radio", name="A loved one").check()
    page.get_by_label("Anything you would like us to know").fill(
        "He overdosed last night."
    )
    page.locator("#id_consent").check()
    page.locator("#inquiry-submit").click()

    expect(
        page.get_by_role("heading", name="If you or someone else is in danger")
    ).to_be_visible()
    assert_no_axe_violations(page)
    phone_page.goto(page.url)
    assert_no_axe_violations(phone_page)
