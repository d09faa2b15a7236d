"""An admissions counselor at a tablet or a laptop: the urgent inquiry on top with its
waiting time, triage columns on screen, one tap to call, one tap to log the attempt, and
the report that counts it."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from playwright.sync_api import expect

from admissions.models import Inquiry
from tests.admissions.factories import InquiryFactory
from tests.e2e.conftest import AXE_ON_ONE_DATABASE, ONE_DATABASE_IN_THE_BROWSER
from tests.factories import PASSWORD

from .conftest import assert_no_axe_violations

TRIAGE_COLUMNS = ["waiting", "urgency", "status", "assignee"]


@pytest.fixture
def counselor(demo):
    user = get_user_model().objects.get(username="admissions")
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.fixture
def crowded_queue(counselor):
    """Long names, long addresses and every kind of row, as a real queue has them."""
    InquiryFactory(
        name="Maximiliana Alexandra Featherstonehaugh-Worthington",
        email="maximiliana.featherstonehaugh-worthington@example-longdomain.org",
        phone="+18285550199",
        contact_method=Inquiry.ContactMethod.EMAIL,
        program_label="Partial Hospitalization Program (PHP)",
        received_at=timezone.now() - timedelta(days=3),
    )
    InquiryFactory(
        status=Inquiry.Status.ASSESSMENT_SCHEDULED,
        assigned_to=counselor,
        first_attempt_at=timezone.now(),
    )


def sign_in(page, base_url: str) -> None:
    page.goto(f"{base_url}/admin/login/")
    page.get_by_label("Username").fill("admissions")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def open_queue(page, base_url: str) -> None:
    page.goto(f"{base_url}/admin/admissions/inquiry/")
    expect(page.get_by_role("heading", name="Admissions queue")).to_be_visible()


@ONE_DATABASE_IN_THE_BROWSER
@pytest.mark.parametrize("width", [1024, 1280])
def test_triage_columns_are_on_screen_without_scrolling_sideways(
    crowded_queue, live_server, browser, width
):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    sign_in(page, live_server.url)
    open_queue(page, live_server.url)

    assert page.evaluate("document.documentElement.scrollWidth") <= width
    rows = page.locator("#result_list tbody tr")
    assert rows.count() == 6
    for row in range(rows.count()):
        for column in TRIAGE_COLUMNS:
            cell = rows.nth(row).locator(f"td.field-{column}")
            expect(cell).to_be_visible()
            box = cell.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= width, (column, box)
            assert cell.inner_text().strip(), (row, column)
    for column in TRIAGE_COLUMNS:
        header = page.locator(f"#result_list thead th.column-{column}")
        box = header.bounding_box()
        assert box["x"] + box["width"] <= width
    call = rows.first.locator("a.reach-link--call")
    assert call.get_attribute("href").startswith("tel:+1")
    context.close()


def test_a_counselor_calls_the_urgent_inquiry_logs_no_answer_and_sees_the_report(
    counselor, live_server, desktop_page
):
    page = desktop_page
    sign_in(page, live_server.url)
    open_queue(page, live_server.url)

    top = page.locator("#result_list tbody tr").first
    expect(top.locator(".field-urgency")).to_have_text("Urgent")
    expect(top.locator(".field-person")).to_contain_text("DEMURG33")
    expect(top.locator(".wait--over")).to_contain_text("min")
    expect(top.get_by_role("link", name="Call (864) 555-0123")).to_have_attribute(
        "href", "tel:+18645550123"
    )

    report = f"{live_server.url}/admin/admissions/firstcontactreport/"
    attempts = page.locator(".report-moment").nth(0).locator("dd").nth(1)
    reaches = page.locator(".report-moment").nth(1).locator("dd").nth(1)
    page.goto(report)
    attempts_before, reaches_before = (
        int(attempts.inner_text()),
        int(reaches.inner_text()),
    )

    open_queue(page, live_server.url)
    page.locator("#result_list tbody tr").first.get_by_role(
        "link", name="Maria L."
    ).click()
    page.get_by_role("button", name="Called: no answer").click()

    # Nobody was reached: an urgent inquiry's clock keeps running.
    expect(page.locator(".messagelist")).to_contain_text("Logged “Called: no answer”")
    expect(page.locator(".messagelist")).to_contain_text("tried, not reached")
    expect(page.locator(".timeline")).to_contain_text("Called: no answer · Dana Reyes")
    expect(page.locator(".timeline")).to_contain_text("First attempt")
    open_queue(page, live_server.url)
    expect(
        page.locator("#result_list tbody tr").first.locator(".wait--over")
    ).to_be_visible()
    page.goto(report)
    expect(attempts).to_have_text(str(attempts_before + 1))
    expect(reaches).to_have_text(str(reaches_before))

    open_queue(page, live_server.url)
    page.locator("#result_list tbody tr").first.get_by_role(
        "link", name="Maria L."
    ).click()
    page.get_by_role("button", name="Called: spoke with them").click()

    expect(page.locator(".messagelist")).to_contain_text("The clock stopped: reached")
    expect(page.locator(".timeline")).to_contain_text("Reached them")
    page.goto(report)
    expect(attempts).to_have_text(str(attempts_before + 1))
    expect(reaches).to_have_text(str(reaches_before + 1))
    expect(page.locator("#by-staff + .report-table")).to_contain_text("Dana Reyes")


def test_assign_to_me_from_the_queue(counselor, live_server, desktop_page):
    page = desktop_page
    sign_in(page, live_server.url)
    open_queue(page, live_server.url)

    page.locator("#result_list tbody tr").first.get_by_role(
        "button", name="Assign to me"
    ).click()

    expect(page.locator(".messagelist")).to_contain_text("is assigned to you")
    expect(
        page.locator("#result_list tbody tr").first.locator(".field-assignee")
    ).to_have_text("Dana Reyes")


@pytest.mark.one_database(reason=AXE_ON_ONE_DATABASE)
def test_the_queue_detail_page_and_report_have_no_accessibility_violations(
    crowded_queue, live_server, browser
):
    for width in (1024, 1280):
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        sign_in(page, live_server.url)
        open_queue(page, live_server.url)
        assert_no_axe_violations(page)
        urgent = Inquiry.objects.get(reference="DEMURG33")
        page.goto(f"{live_server.url}{urgent.get_admin_url()}")
        assert_no_axe_violations(page)
        page.goto(f"{live_server.url}/admin/admissions/firstcontactreport/")
        assert_no_axe_violations(page)
        context.close()
