"""Marketing builds a campaign landing page from sections in the browser (issue 26): eight
kinds of section added with the keyboard-ready section editor, two reordered, the page
previewed at phone and desktop widths, scheduled, and seen by a visitor at its time. The
page and the editor pass axe-core; a visitor who lands on it keeps its campaign number
for the rest of the visit, and a new visit does not."""

import datetime

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.utils import timezone
from playwright.sync_api import expect

from programs.models import Page
from tests.factories import PASSWORD

from .conftest import ONE_DATABASE_IN_THE_BROWSER, assert_no_axe_violations

CAMPAIGN = "(828) 555-0188"
# (button of the kind of section, the fields to fill: {field name: value})
SECTIONS = [
    ("Hero", {"headline": "Stop drinking safely, with doctors beside you"}),
    ("Promises, features or steps", {"items": "Free assessment\nSame-day admission"}),
    ("Cards of pages", {"heading": "Levels of care"}),
    ("Insurance carriers accepted", {}),
    ("Verify-insurance box", {}),
    ("Call box", {"heading": "Ready to talk today?"}),
    ("Short inquiry form", {"heading": "Ask about admission"}),
    ("Testimonials", {"heading": "In their words"}),
]


@pytest.fixture
def marketer(demo):
    user = get_user_model().objects.get(username="marketing")
    user.set_password(PASSWORD)
    user.save()
    return user


def sign_in(page, base_url, user) -> None:
    page.goto(f"{base_url}/admin/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def add_section(page, kind: str, fields: dict) -> None:
    """Press the last "+" with the keyboard, choose the kind, fill its fields."""
    target = page.locator(".order-machine-insert-target.last")
    target.focus()
    page.keyboard.press("Enter")
    page.get_by_role("button", name=f"Add: {kind}").press("Enter")
    # The new section is the last in the order the editor shows (its CSS order), which
    # need not be the last in the page's markup.
    page.evaluate(
        """() => {
            const sections = [...document.querySelectorAll(
                '.order-machine .inline-related:not(.empty-form)')];
            sections.sort((a, b) => a.style.order - b.style.order);
            for (const old of document.querySelectorAll('[data-newest]')) {
                delete old.dataset.newest;
            }
            sections.at(-1).dataset.newest = 'true';
        }"""
    )
    section = page.locator("[data-newest]")
    expect(section).to_contain_text(kind)
    for name, value in fields.items():
        section.locator(f"[name$='-{name}']").fill(value)


def headings_in_order(page) -> list[str]:
    return page.locator("main h1, main h2").all_inner_texts()


def test_marketing_builds_previews_and_schedules_a_landing_page(
    marketer, live_server, browser
):
    staff = browser.new_context(viewport={"width": 1280, "height": 900})
    page = staff.new_page()
    page.set_default_timeout(15_000)
    sign_in(page, live_server.url, marketer)
    page.goto(f"{live_server.url}/admin/programs/page/add/")
    page.get_by_label("Name").fill("Alcohol rehab near Boone")
    page.locator("#id_layout").select_option("landing")
    page.get_by_label("Summary").fill(
        "Medically supervised alcohol detox and residential care an hour from Boone."
    )
    page.locator("#id_layout").select_option("landing")
    page.get_by_label("Campaign phone").fill(CAMPAIGN)
    page.locator("summary", has_text="Search engines").click()
    page.get_by_label("Meta description").fill(
        "Safe, medically supervised alcohol detox near Boone, NC. Call any hour."
    )
    for kind, fields in SECTIONS:
        add_section(page, kind, fields)

    # Reorder two: the testimonials up above the short form, with the keyboard.
    page.get_by_role("button", name="Move up: Testimonials").press("Enter")

    # Preview as typed, at a phone's width and a desktop's.
    with page.expect_popup() as opened:
        page.get_by_role("button", name="Preview").first.click()
    preview = opened.value
    preview.wait_for_load_state()
    assert "fix these first" not in preview.content(), preview.inner_text("main")
    for width in (375, 1280):
        preview.set_viewport_size({"width": width, "height": 900})
        expect(preview.locator("h1")).to_have_text(
            "Stop drinking safely, with doctors beside you"
        )
        assert preview.evaluate("document.documentElement.scrollWidth") <= width
    order = headings_in_order(preview)
    assert order.index("In their words") < order.index("Ask about admission")
    preview.close()

    # Schedule it for tomorrow morning.
    when = timezone.localtime() + datetime.timedelta(days=1)
    page.get_by_label("Publish on (date)").fill(when.strftime("%Y-%m-%d"))
    page.get_by_label("Publish at (time)").fill("09:00:00")
    # "Publish" reads "Schedule" once the time typed is to come.
    page.get_by_role("button", name="Schedule", exact=True).first.click()
    page.wait_for_load_state()
    assert page.locator(".errornote").count() == 0, page.locator(
        ".errornote, .errorlist"
    ).all_inner_texts()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    landing = Page.objects.get(name="Alcohol rehab near Boone")
    assert landing.is_landing and landing.campaign_phone == CAMPAIGN
    staff.close()

    visitor = browser.new_context(viewport={"width": 1280, "height": 900})
    site = visitor.new_page()
    address = f"{live_server.url}{landing.get_absolute_url()}"
    assert site.goto(address).status == 404
    with time_machine.travel(landing.publish_at + datetime.timedelta(minutes=1)):
        assert site.goto(address).status == 200
        expect(site.locator("h1")).to_have_text(
            "Stop drinking safely, with doctors beside you"
        )
        expect(site.locator(".site-header--landing")).to_contain_text(CAMPAIGN)
        order = headings_in_order(site)
        assert order.index("In their words") < order.index("Ask about admission")
        assert_no_axe_violations(site)

        # The number stays for the rest of the visit...
        site.goto(f"{live_server.url}/treatment/")
        expect(site.locator(".topbar__phone[data-site-phone]")).to_contain_text(
            CAMPAIGN
        )
    visitor.close()

    # ...and a new visit has the main number.
    fresh = browser.new_context(viewport={"width": 1280, "height": 900})
    other = fresh.new_page()
    other.goto(f"{live_server.url}/treatment/")
    expect(other.locator(".topbar__phone[data-site-phone]")).not_to_contain_text(
        CAMPAIGN
    )
    fresh.close()


@ONE_DATABASE_IN_THE_BROWSER
@pytest.mark.parametrize("width", [1024, 1280])
def test_the_section_editor_and_a_landing_page_pass_axe(
    marketer, live_server, browser, width
):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    sign_in(page, live_server.url, marketer)
    landing = Page.objects.get(slug="alcohol-rehab-asheville")

    page.goto(f"{live_server.url}/admin/programs/page/{landing.pk}/change/")
    expect(page.get_by_role("button", name="Move up: Hero")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert_no_axe_violations(page)
    page.locator(".order-machine-insert-target.last").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Add: Hero")).to_be_focused()
    assert_no_axe_violations(page)

    page.goto(f"{live_server.url}{landing.get_absolute_url()}")
    assert_no_axe_violations(page)
    context.close()
