"""A family on a phone sends their insurance card by keyboard and the file chooser; an
admissions counselor opens it and sees the photo; every new page passes axe-core."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from admissions.models import AccessLog
from insurance_verification.models import InsuranceVerification
from programs.models import Insurer
from tests.e2e.conftest import AXE_ON_ONE_DATABASE
from tests.factories import PASSWORD
from tests.insurance_verification.helpers import photo_bytes

from .conftest import assert_no_axe_violations
from .test_admissions import tab_to


@pytest.fixture(autouse=True)
def no_time_trap_wait(settings):
    settings.ADMISSIONS_MIN_FILL_SECONDS = 0
    settings.ADMISSIONS_NOTIFY_EMAILS = ["intake@example.org"]


@pytest.fixture
def card_photo(tmp_path):
    path = tmp_path / "card-front.jpg"
    path.write_bytes(photo_bytes())
    return path


def test_a_keyboard_user_on_a_phone_sends_a_card_photo_and_is_thanked(
    demo, live_server, phone_page, card_photo
):
    page = phone_page
    # Playwright turns on the browser's file chooser interception when the first
    # listener is added, without waiting for it. Added just before the key press, it
    # raced the key under load (a real, unseen dialog opened), so it is added first.
    page.on("filechooser", lambda chooser: None)
    page.goto(f"{live_server.url}/admissions/verify-insurance/")

    tab_to(page, "id_insurance")
    page.keyboard.type("Cigna")  # a select follows what is typed
    tab_to(page, "id_member_id")
    page.keyboard.type("U1234 56789")
    tab_to(page, "id_holder_name")
    page.keyboard.type("Jordan Smith")
    tab_to(page, "id_holder_birth_date")
    page.keyboard.type("03141971")
    tab_to(page, "id_relationship_0")
    page.keyboard.press("Space")
    tab_to(page, "id_card_front")
    with page.expect_file_chooser() as chooser:
        page.keyboard.press("Space")
    chooser.value.set_files(card_photo)

    tab_to(page, "id_phone")
    page.keyboard.type("(828) 555-0187")
    tab_to(page, "id_consent")
    page.keyboard.press("Space")
    tab_to(page, "verification-submit")
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Thank you. We are checking your insurance."
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    verification = InsuranceVerification.objects.get()
    assert verification.insurer == Insurer.objects.get(name="Cigna")
    assert verification.member_id == "U1234 56789"
    assert verification.holder_birth_date == date(1971, 3, 14)
    assert verification.card_front
    expect(page.locator(".thank-you__reference")).to_have_text(verification.reference)
    assert_no_axe_violations(page)


def test_admissions_open_the_verification_and_see_the_card_photo(
    demo, live_server, desktop_page, card_photo
):
    page = desktop_page
    page.goto(f"{live_server.url}/admissions/verify-insurance/")
    page.get_by_label("Insurance provider").select_option(label="Aetna")
    page.get_by_label("Member ID").fill("W998877665")
    page.get_by_label("Policy holder's name").fill("Pat Lee")
    page.get_by_label("Policy holder's date of birth").fill("1980-05-02")
    page.get_by_role("radio", name="I am the policy holder").check()
    page.locator("#id_card_front").set_input_files(card_photo)
    page.locator("#id_email").fill("pat@example.com")
    page.locator("#id_consent").check()
    page.locator("#verification-submit").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Thank you")

    user = get_user_model().objects.get(username="admissions")
    user.set_password(PASSWORD)
    user.save()
    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Username").fill("admissions")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(f"{live_server.url}/admin/admissions/insuranceverification/")
    expect(page.get_by_role("heading", name="Insurance verifications")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Pat Lee").click()

    photo = page.get_by_role("img", name="Insurance card, front")
    expect(photo).to_be_visible()
    page.wait_for_load_state("load")  # images included
    assert photo.evaluate("img => img.naturalWidth") > 0
    assert page.get_by_text("W998877665").is_visible()
    assert_no_axe_violations(page)
    verification = InsuranceVerification.objects.get(holder_name="Pat Lee")
    assert AccessLog.objects.filter(
        action=AccessLog.Action.VIEW_CARD, inquiry_reference=verification.reference
    ).exists()


@pytest.mark.one_database(reason=AXE_ON_ONE_DATABASE)
def test_the_form_with_errors_has_no_accessibility_violations(
    demo, live_server, desktop_page
):
    """The blank pages are checked with every page type (tests/e2e/test_page_layout.py)."""
    page = desktop_page
    page.goto(f"{live_server.url}/admissions/verify-insurance/")
    page.locator("#verification-submit").click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert_no_axe_violations(page)
