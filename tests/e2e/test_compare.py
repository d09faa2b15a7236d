"""Two versions of an article compared as a marketer reads them: the changed words of a
paragraph and of a heading, formatted as on the page, and the unchanged fields folded
away until asked for; then the older version restored from the same page."""

import pytest
from playwright.sync_api import expect

from blog.models import Article
from tests.blog.factories import ArticleFactory

from .conftest import DESKTOP, assert_no_axe_violations
from .test_editing import marketer, sign_in

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = (
    "<h2>Signs of withdrawal</h2>"
    "<p>Withdrawal from opioids can be <strong>painful</strong> but rarely dangerous.</p>"
    "<p>Words that stay the same.</p>"
)
AFTER = (
    "<h2>Signs of opioid withdrawal</h2>"
    "<p>Withdrawal from opioids can be <strong>painful</strong> and sometimes "
    "dangerous.</p>"
    "<p>Words that stay the same.</p>"
)


def save_in_the_form(page, base_url, article, body: str) -> None:
    """Set the editor's text as the marketer would after selecting it all, and save."""
    page.goto(f"{base_url}/admin/blog/article/{article.pk}/change/")
    editable = page.locator(".ck-editor__editable")
    expect(editable).to_be_visible()
    page.evaluate(
        "(html) => document.querySelector('.ck-editor__editable')"
        ".ckeditorInstance.setData(html)",
        body,
    )
    page.get_by_role("button", name="Publish", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")


def test_compare_shows_the_changed_words_formatted_and_folds_the_rest(
    live_server, browser
):
    marketer("maria", "Maria", "Lopez")
    article = ArticleFactory(
        slug="opioid-withdrawal", title="Opioid withdrawal", body=BEFORE
    )
    page = browser.new_page(viewport=DESKTOP)
    page.set_default_timeout(15_000)
    sign_in(page, live_server.url, "maria")
    save_in_the_form(page, live_server.url, article, BEFORE)
    save_in_the_form(page, live_server.url, article, AFTER)

    page.goto(f"{live_server.url}/admin/blog/article/{article.pk}/history/")
    page.get_by_role("button", name="Compare the chosen versions").click()

    body = page.get_by_role("region", name="Body")
    expect(body.locator("h2 ins")).to_have_text("opioid")
    expect(body.locator("ins", has_text="and sometimes")).to_be_visible()
    expect(body.locator("del", has_text="but rarely")).to_be_visible()
    expect(body.locator("strong", has_text="painful")).to_be_visible()
    # Only the body changed: the title and the unchanged fields are folded away.
    expect(page.get_by_role("heading", name="Title")).to_have_count(0)
    unchanged = page.locator(".versions__unchanged")
    expect(unchanged.get_by_text("Opioid withdrawal")).to_be_hidden()
    for width in (1024, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        assert_no_axe_violations(page)
    page.get_by_text("Show unchanged fields").click()
    expect(unchanged.get_by_text("Opioid withdrawal")).to_be_visible()
    assert_no_axe_violations(page)

    page.get_by_role("button", name="Restore the older version").click()

    expect(page.locator(".messagelist")).to_be_visible()
    article = Article.objects.get(pk=article.pk)
    assert "rarely dangerous" in article.body
