"""The admin as marketing uses it (issue 14 items 4 to 6): the editor in the site's
typography, fields that fit, no accessibility violations, and a passkey as second factor."""

import re

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from staff_access.models import EnrolmentLink
from staff_access.roles import MARKETING
from tests.e2e.conftest import AXE_ON_ONE_DATABASE, ONE_DATABASE_IN_THE_BROWSER
from tests.factories import StaffFactory

from .conftest import assert_no_axe_violations
from .test_blog import sign_in


@pytest.fixture
def marketer(demo):
    user = StaffFactory(username="marketer", first_name="Jo", last_name="Park")
    user.groups.add(Group.objects.get(name=MARKETING))
    return user


@ONE_DATABASE_IN_THE_BROWSER
def test_the_editor_shows_a_heading_2_larger_and_bolder_than_a_paragraph(
    marketer, live_server, desktop_page
):
    page = desktop_page
    sign_in(page, live_server, marketer)
    page.goto(f"{live_server.url}/admin/blog/article/add/")
    body = page.locator(".ck-editor__editable").first
    body.click()
    page.keyboard.type("What withdrawal feels like")
    page.locator(".ck-heading-dropdown button.ck-dropdown__button").first.click()
    page.get_by_role("menuitemradio", name="Heading", exact=True).click()
    page.keyboard.press("End")
    page.keyboard.press("Enter")
    page.keyboard.type("Most people feel it within a day.")

    heading = body.locator("h2")
    paragraph = body.locator("p")
    expect(heading).to_have_text("What withdrawal feels like")
    style = page.evaluate(
        """([h2, p]) => [h2, p].map((element) => {
            const computed = getComputedStyle(element);
            return [parseFloat(computed.fontSize), Number(computed.fontWeight)];
        })""",
        [heading.element_handle(), paragraph.element_handle()],
    )
    (h2_size, h2_weight), (p_size, p_weight) = style
    assert h2_size > p_size * 1.4
    assert h2_weight >= 700 > p_weight


@ONE_DATABASE_IN_THE_BROWSER
@pytest.mark.parametrize("width", [1024, 1280])
def test_the_article_list_and_the_title_box_fit_the_screen(
    marketer, live_server, browser, width
):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    sign_in(page, live_server, marketer)

    page.goto(f"{live_server.url}/admin/blog/article/")
    if width >= 1280:  # narrower screens scroll the list inside its box, as stock
        table = page.locator("#result_list").bounding_box()
        box = page.locator("#changelist .results").bounding_box()
        assert table["x"] + table["width"] <= box["x"] + box["width"] + 1
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    page.goto(f"{live_server.url}/admin/blog/article/add/")
    assert page.get_by_label("Title:", exact=True).bounding_box()["width"] >= 520
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()


@pytest.mark.parametrize(
    "path",
    [
        "/admin/",
        "/admin/blog/article/",
        "/admin/blog/article/add/",
        "/admin/linkcheck/brokenlink/",
    ],
)
@pytest.mark.one_database(reason=AXE_ON_ONE_DATABASE)
def test_the_admin_pages_an_editor_uses_have_no_accessibility_violations(
    marketer, live_server, desktop_page, path
):
    from linkcheck.checker import check_all_links

    check_all_links()
    sign_in(desktop_page, live_server, marketer)
    desktop_page.goto(f"{live_server.url}{path}")
    assert_no_axe_violations(desktop_page)


def test_a_marketer_enrols_a_passkey_with_the_link_and_signs_in_with_it(
    marketer, live_server, desktop_page, settings
):
    settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = [live_server.url]
    settings.OTP_WEBAUTHN_RP_ID = "localhost"
    page = desktop_page
    authenticator = page.context.new_cdp_session(page)
    authenticator.send("WebAuthn.enable")
    authenticator.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
            }
        },
    )
    _, code = EnrolmentLink.issue(marketer)
    sign_in(page, live_server, marketer)

    page.goto(f"{live_server.url}/admin/two-factor/enrol/{code}/")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="A passkey (recommended)")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Add a passkey").click()

    expect(page).to_have_url(re.compile(r"/admin/two-factor/recovery-codes/"))
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Show my recovery codes").click()
    expect(page.locator(".two-factor__codes li")).to_have_count(10)
    page.get_by_role("link", name="I saved them, continue").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))

    page.get_by_role("button", name="Log out").click()
    sign_in(page, live_server, marketer)
    page.goto(f"{live_server.url}/admin/two-factor/verify/?next=/admin/blog/article/")
    page.get_by_role("button", name="Sign in with a passkey").click()
    expect(page).to_have_url(re.compile(r"/admin/blog/article/$"))


@ONE_DATABASE_IN_THE_BROWSER
def test_preview_opens_the_program_as_typed_with_its_questions_and_saves_nothing(
    marketer, live_server, desktop_page
):
    from programs.models import Program

    program = Program.objects.filter(faqs__isnull=False).distinct().first()
    question = program.faqs.order_by("order", "pk").first()
    page = desktop_page
    sign_in(page, live_server, marketer)
    page.goto(f"{live_server.url}/admin/programs/program/{program.pk}/change/")
    page.get_by_label("Name:", exact=True).fill(f"{program.name}, typed")
    page.locator("input[name$='-0-question']").fill(
        "What does the first day look like?"
    )

    with page.context.expect_page() as opened:
        page.get_by_role("button", name="Preview").first.click()
    preview = opened.value
    preview.wait_for_load_state()

    expect(preview.get_by_role("heading", level=1)).to_have_text(
        f"{program.name}, typed"
    )
    expect(preview.get_by_role("status")).to_contain_text(
        "as typed in the editor, not saved"
    )
    expect(preview.locator(".faqs")).to_contain_text(
        "What does the first day look like?"
    )
    expect(preview.locator(".faqs")).not_to_contain_text(question.question)
    assert_no_axe_violations(preview)
    question.refresh_from_db()
    assert Program.objects.get(pk=program.pk).name == program.name
    assert question.question != "What does the first day look like?"
