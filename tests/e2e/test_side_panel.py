"""The checklist and the preview beside the form while an editor types (issue 27, items
4 and 5): advice arrives without a save, each item leads to its field, the preview shows
what was typed at phone or desktop width, and the panel passes axe at 1024 and 1280 px."""

import pytest
from playwright.sync_api import expect

from blog.models import Article
from tests.blog.factories import ArticleFactory

from .conftest import DESKTOP, assert_no_axe_violations
from .test_editing import marketer, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_side_panel_advises_and_previews_as_the_editor_types(live_server, browser):
    marketer("maria", "Maria", "Lopez")
    article = ArticleFactory(
        slug="sleep-in-recovery",
        title="Sleep in recovery",
        summary="Rest helps. Sleep comes back. Give it time.",
        meta_description="",
    )
    page = browser.new_page(viewport=DESKTOP)
    page.set_default_timeout(15_000)
    sign_in(page, live_server.url, "maria")
    page.goto(f"{live_server.url}/admin/blog/article/{article.pk}/change/")
    expect(page.locator(".ck-editor__editable")).to_be_visible()

    page.get_by_role("button", name="Checklist and live view").click()
    panel = page.get_by_role("complementary", name="Checklist and preview")
    expect(panel).to_be_visible()
    expect(panel.get_by_text("The meta description is empty")).to_be_visible()
    preview = page.frame_locator("iframe[name=side-panel-preview]")
    expect(preview.get_by_role("heading", level=1)).to_have_text("Sleep in recovery")

    # Typing, no save: the advice and the preview follow.
    page.get_by_label("Title:", exact=True).fill("Sleep in early recovery")
    # The meta description is in the folded "Search engines" section: the item opens it.
    panel.get_by_role("link", name="Go to Meta description").click()
    expect(page.get_by_label("Meta description:")).to_be_focused()
    page.get_by_label("Meta description:").fill(
        "Why sleep is hard in early recovery, and the small steps that bring it back."
    )
    expect(preview.get_by_role("heading", level=1)).to_have_text(
        "Sleep in early recovery"
    )
    expect(panel.get_by_text("The meta description is empty")).to_have_count(0)
    page.get_by_label("Summary:").fill(
        "Notwithstanding considerable heterogeneity, pharmacological interventions "
        "administered concomitantly with psychotherapeutic modalities demonstrate "
        "substantially improved longitudinal abstinence trajectories."
    )
    advice = panel.locator(".side-panel__item", has_text="school grade")
    expect(advice).to_be_visible()
    for width in (1024, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        assert_no_axe_violations(page)

    advice.get_by_role("link", name="Go to Summary").click()
    expect(page.get_by_label("Summary:")).to_be_focused()
    panel.get_by_role("button", name="Desktop").click()
    expect(panel.get_by_role("button", name="Desktop")).to_have_attribute(
        "aria-pressed", "true"
    )
    assert (
        page.evaluate(
            "document.querySelector('iframe[name=side-panel-preview]').style.width"
        )
        == "1280px"
    )
    panel.get_by_role("button", name="Close").click()
    expect(panel).to_be_hidden()
    # Nothing was saved by the panel.
    assert Article.objects.get(pk=article.pk).title == "Sleep in recovery"
