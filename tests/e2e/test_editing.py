"""A marketer writing in the admin loses nothing: not to the idle timeout, not to a crash
or a closed tab, not to a second editor. Server time moves with time-machine (the live
server runs in this process); nothing sleeps."""

import datetime
import re

import pytest
import time_machine
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from blog.models import Article
from tests.blog.factories import ArticleFactory
from tests.factories import PASSWORD, UserFactory

from .conftest import DESKTOP, ONE_DATABASE_IN_THE_BROWSER, assert_no_axe_violations

pytestmark = pytest.mark.django_db(transaction=True)

NOW = datetime.datetime(2026, 6, 10, 15, 0, tzinfo=datetime.UTC)
TYPED = "Cravings pass like waves: notice them, breathe, and let them go by."


def marketer(username: str, first_name: str, last_name: str):
    user = UserFactory(
        username=username, is_staff=True, first_name=first_name, last_name=last_name
    )
    user.groups.add(Group.objects.get(name="Marketing"))
    return user


@pytest.fixture
def article():
    return ArticleFactory(
        slug="riding-the-wave",
        title="Riding the wave",
        body="<p>Cravings are normal in early recovery.</p>",
        # Live before the tests' moment (NOW), so that its form offers "Publish".
        publish_at=NOW - datetime.timedelta(days=1),
    )


def sign_in(page, base_url: str, username: str, next_path: str = "/admin/") -> None:
    page.goto(f"{base_url}/admin/login/?next={next_path}")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def open_editor(page, base_url: str, article) -> None:
    page.goto(f"{base_url}/admin/blog/article/{article.pk}/change/")
    expect(page.locator(".ck-editor__editable")).to_be_visible()


def type_in_editor(page, text: str) -> None:
    editable = page.locator(".ck-editor__editable")
    editable.click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.type(text)


def editor_text(page) -> str:
    return page.locator(".ck-editor__editable").inner_text()


def test_typing_past_the_idle_timeout_then_saving_keeps_the_article(
    live_server, browser, article, settings
):
    settings.STAFF_IDLE_MINUTES = 1
    marketer("maria", "Maria", "Lopez")
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.set_default_timeout(15_000)
    with time_machine.travel(NOW, tick=True) as traveller:
        sign_in(page, live_server.url, "maria")
        open_editor(page, live_server.url, article)
        type_in_editor(page, TYPED)
        page.get_by_label("Title:", exact=True).fill("Riding the wave of a craving")
        traveller.shift(datetime.timedelta(minutes=3))  # no request while typing

        page.get_by_role("button", name="Publish", exact=True).click()

        # The session had ended: sign in again, and the form comes back with the text.
        expect(page).to_have_url(re.compile(r"/admin/login/"))
        page.get_by_label("Username").fill("maria")
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Log in").click()
        expect(page.locator("#editing-restore")).to_contain_text(
            "were not saved, because your session had ended"
        )
        expect(page.get_by_label("Title:", exact=True)).to_have_value(
            "Riding the wave of a craving"
        )
        expect(page.locator(".ck-editor__editable")).to_contain_text(TYPED)
        page.get_by_role("button", name="Publish", exact=True).click()
        expect(page.locator(".messagelist .success")).to_be_visible()
        # Saved: the copy in the browser is gone, so reopening offers nothing.
        open_editor(page, live_server.url, article)
        expect(page.locator("#editing-restore")).to_be_hidden()

    article.refresh_from_db()
    assert article.title == "Riding the wave of a craving"
    assert TYPED in article.body_text
    assert "Cravings are normal in early recovery." in article.body_text
    context.close()


def test_a_form_with_unsaved_edits_keeps_the_session_alive(
    live_server, browser, article, settings
):
    settings.STAFF_IDLE_MINUTES = 1  # the page pings every 20 seconds while edited
    marketer("maria", "Maria", "Lopez")
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.clock.install()  # the page's timers move only when the test moves them
    with time_machine.travel(NOW, tick=True) as traveller:
        sign_in(page, live_server.url, "maria")
        open_editor(page, live_server.url, article)
        page.clock.fast_forward(
            1_000
        )  # the editing script starts once the editor is ready
        type_in_editor(page, TYPED)
        for _ in range(9):  # three minutes of writing without a page load
            traveller.shift(datetime.timedelta(seconds=20))
            with page.expect_response(re.compile(r"/admin/keep-alive/$")) as ping:
                page.clock.fast_forward(20_000)
            # (its body is not read: with the page's clock stopped, reading it waits)
            assert ping.value.status == 200
        page.get_by_role("button", name="Publish", exact=True).click()
        expect(page.locator(".messagelist .success")).to_be_visible()

    article.refresh_from_db()
    assert TYPED in article.body_text
    context.close()


@ONE_DATABASE_IN_THE_BROWSER
def test_an_untouched_form_does_not_keep_the_session_alive(
    live_server, browser, article, settings
):
    settings.STAFF_IDLE_MINUTES = 1
    marketer("maria", "Maria", "Lopez")
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.clock.install()
    pings = []
    page.on(
        "request",
        lambda request: (
            pings.append(request.url) if "keep-alive" in request.url else None
        ),
    )
    with time_machine.travel(NOW, tick=True) as traveller:
        sign_in(page, live_server.url, "maria")
        open_editor(page, live_server.url, article)
        page.clock.fast_forward(1_000)
        for _ in range(4):
            traveller.shift(datetime.timedelta(seconds=20))
            page.clock.fast_forward(20_000)
        page.reload()
        expect(page).to_have_url(re.compile(r"/admin/login/"))
    assert pings == []
    context.close()


def test_after_a_crash_reopening_the_form_offers_the_text_back(
    live_server, browser, article
):
    marketer("maria", "Maria", "Lopez")
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    sign_in(page, live_server.url, "maria")
    open_editor(page, live_server.url, article)
    type_in_editor(page, TYPED)
    page.get_by_label("Summary:", exact=True).fill("What to do when a craving comes.")
    page.close()  # the tab is gone, no save, no warning: as in a crash

    page = context.new_page()
    open_editor(page, live_server.url, article)
    offer = page.locator("#editing-restore")
    expect(offer).to_contain_text("never saved")
    expect(page.locator(".ck-editor__editable")).not_to_contain_text(TYPED)
    page.get_by_role("button", name="Restore my text").click()

    expect(page.locator(".ck-editor__editable")).to_contain_text(TYPED)
    expect(page.get_by_label("Summary:", exact=True)).to_have_value(
        "What to do when a craving comes."
    )
    expect(offer).to_be_hidden()
    assert Article.objects.get().summary != "What to do when a craving comes."
    context.close()


def test_two_editors_save_one_article_and_the_second_is_warned(
    live_server, browser, article
):
    marketer("maria", "Maria", "Lopez")
    marketer("devon", "Devon", "Price")
    first_context = browser.new_context(viewport=DESKTOP)
    second_context = browser.new_context(viewport=DESKTOP)
    first, second = first_context.new_page(), second_context.new_page()
    sign_in(first, live_server.url, "maria")
    sign_in(second, live_server.url, "devon")
    open_editor(first, live_server.url, article)
    open_editor(second, live_server.url, article)

    first.get_by_label("Title:", exact=True).fill("Riding the wave, by Maria")
    first.get_by_role("button", name="Publish", exact=True).click()
    expect(first.locator(".messagelist .success")).to_be_visible()
    type_in_editor(second, TYPED)
    second.get_by_role("button", name="Publish", exact=True).click()

    expect(second.locator(".errorlist.nonfield")).to_contain_text(
        "Maria Lopez saved this article"
    )
    expect(second.locator(".ck-editor__editable")).to_contain_text(TYPED)
    article.refresh_from_db()
    assert article.title == "Riding the wave, by Maria"
    assert TYPED not in article.body_text
    first_context.close()
    second_context.close()


@ONE_DATABASE_IN_THE_BROWSER
@pytest.mark.parametrize("width", [1024, 1280])
def test_change_form_history_and_diff_pass_axe_and_fit(
    live_server, browser, article, width
):
    marketer("maria", "Maria", "Lopez")
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    sign_in(page, live_server.url, "maria")
    for title in ("Riding the wave of cravings", "Riding out a craving"):
        open_editor(page, live_server.url, article)
        page.get_by_label("Title:", exact=True).fill(title)
        page.get_by_role("button", name="Publish", exact=True).click()
        expect(page.locator(".messagelist .success")).to_be_visible()

    open_editor(page, live_server.url, article)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert_no_axe_violations(page)

    page.get_by_role("link", name="History").click()
    expect(page.get_by_role("button", name="Restore")).to_have_count(1)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert_no_axe_violations(page)

    page.get_by_role("button", name="Compare the chosen versions").click()
    diff = page.locator(
        "section.versions__field", has=page.get_by_role("heading", name="Title")
    )
    # "Riding the wave of cravings" became "Riding out a craving":
    expect(diff.locator("del")).to_have_text(["the wave of cravings"])
    expect(diff.locator("ins")).to_have_text(["out a craving"])
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert_no_axe_violations(page)

    page.get_by_role("button", name="Restore the older version").click()
    expect(page.locator(".messagelist .success")).to_contain_text(
        "saved as a new version"
    )
    expect(page.get_by_label("Title:", exact=True)).to_have_value(
        "Riding the wave of cravings"
    )
    context.close()
