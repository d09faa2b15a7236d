"""Marketing changes the home page's headline and a promise, the footer's description and
an overview page in the admin, sees each on the site, and the forms pass axe-core at
1024 and 1280 px."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from playwright.sync_api import expect

from programs.models import Page
from tests.factories import PASSWORD

from .conftest import ONE_DATABASE_IN_THE_BROWSER, assert_no_axe_violations


def home_page_form() -> str:
    home = Page.objects.get(is_home=True)
    return reverse("admin:programs_page_change", args=[home.pk])


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


def test_marketing_edits_the_home_page_and_footer_and_sees_them(
    marketer, live_server, browser
):
    staff = browser.new_context(viewport={"width": 1280, "height": 900})
    visitor = browser.new_context(viewport={"width": 1280, "height": 900})
    page, site = staff.new_page(), visitor.new_page()
    sign_in(page, live_server.url, marketer)

    page.goto(f"{live_server.url}{home_page_form()}")
    page.locator("#id_programs_herosection_set-0-headline").fill(
        "Help is one call away."
    )
    page.locator("#id_programs_listsection_set-0-items").fill(
        "Free, confidential assessment\nWe accept Blue Ridge Health plans"
    )
    page.get_by_role("button", name="Publish", exact=True).first.click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    page.goto(f"{live_server.url}/admin/website/sitesettings/")
    page.get_by_label("The center in a sentence").fill(
        "A small mountain center for adults and their families."
    )
    page.get_by_role("button", name="Save", exact=True).first.click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    site.goto(live_server.url)
    expect(site.locator("h1")).to_have_text("Help is one call away.")
    expect(site.locator(".hero__promises")).to_contain_text(
        "We accept Blue Ridge Health plans"
    )
    expect(site.locator(".hero__promises")).not_to_contain_text(
        "Most major insurance accepted"
    )
    expect(site.locator(".site-footer__description")).to_have_text(
        "A small mountain center for adults and their families."
    )
    staff.close()
    visitor.close()


@ONE_DATABASE_IN_THE_BROWSER
@pytest.mark.parametrize("width", [1024, 1280])
def test_the_words_forms_pass_axe_and_fit_the_screen(
    marketer, live_server, browser, width
):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    sign_in(page, live_server.url, marketer)

    for path in (
        home_page_form(),
        "/admin/website/sitesettings/",
        "/admin/programs/overview/",
    ):
        page.goto(live_server.url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        assert_no_axe_violations(page)
    context.close()
