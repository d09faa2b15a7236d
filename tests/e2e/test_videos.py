"""The media page's video in a real browser: nothing is requested from another host until
the visitor presses play (by keyboard here), then the privacy player takes the poster's
place; without JavaScript the button is a link to the video on its host."""

import os
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from programs.models import Page
from tests.e2e.conftest import AXE_ON_ONE_DATABASE, ONE_DATABASE_IN_THE_BROWSER
from tests.factories import PASSWORD

from .conftest import DESKTOP, PHONE, assert_no_axe_violations
from .test_blog import sign_in

MEDIA = "/media-and-videos/"
PLAY = "Play video: How to talk to someone you love about their drinking"
SHOTS = os.environ.get("SCREENSHOT_DIR")


@pytest.fixture(autouse=True)
def media_served(settings):
    """Posters served as nginx serves uploads in production (tests/e2e/media_urls.py)."""
    settings.ROOT_URLCONF = "tests.e2e.media_urls"


def block_other_hosts(page, live_server) -> list[str]:
    """Abort every request to a host other than the live server, and list them."""
    own = urlsplit(live_server.url).netloc
    elsewhere = []

    def route(route):
        if urlsplit(route.request.url).netloc == own:
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    page.route("**/*", route)
    return elsewhere


@ONE_DATABASE_IN_THE_BROWSER
def test_pressing_play_by_keyboard_swaps_in_the_nocookie_player(
    demo, live_server, desktop_page
):
    page = desktop_page
    elsewhere = block_other_hosts(page, live_server)
    page.goto(f"{live_server.url}{MEDIA}")
    page.wait_for_load_state("networkidle")
    assert elsewhere == []
    expect(page.locator("iframe")).to_have_count(0)

    play = page.get_by_role("button", name=PLAY)
    play.focus()
    page.keyboard.press("Enter")

    player = page.locator("iframe.video__player")
    expect(player).to_have_attribute(
        "src", "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ"
    )
    expect(player).to_have_attribute("title", PLAY.removeprefix("Play video: "))
    expect(player).to_be_focused()
    expect(page.get_by_role("button", name=PLAY)).to_have_count(0)
    page.wait_for_load_state("networkidle")
    assert all(urlsplit(url).netloc == "www.youtube-nocookie.com" for url in elsewhere)


@ONE_DATABASE_IN_THE_BROWSER
def test_without_javascript_play_links_to_the_video_on_youtube(
    demo, live_server, browser
):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}{MEDIA}")
        expect(page.get_by_role("link", name=PLAY)).to_have_attribute(
            "href", "https://www.youtube.com/watch?v=aqz-KE-bpKQ"
        )
    finally:
        context.close()


@pytest.mark.one_database(reason=AXE_ON_ONE_DATABASE)
def test_the_media_pages_video_keeps_its_shape_at_both_widths(
    demo, live_server, phone_page, desktop_page
):
    """axe checks the page with every page type (tests/e2e/test_page_layout.py)."""
    for page, viewport in ((phone_page, PHONE), (desktop_page, DESKTOP)):
        block_other_hosts(page, live_server)
        page.goto(f"{live_server.url}{MEDIA}")
        poster = page.locator(".video__poster")
        poster.scroll_into_view_if_needed()
        expect(poster).to_have_js_property("complete", True)
        assert poster.evaluate("image => image.naturalWidth") > 0
        box = page.locator(".video__frame").bounding_box()
        assert abs(box["width"] / box["height"] - 16 / 9) < 0.02
        assert box["x"] + box["width"] <= viewport["width"]
        if SHOTS:
            page.locator(".videos").screenshot(
                path=f"{SHOTS}/media-video-{viewport['width']}.png"
            )
            page.screenshot(
                path=f"{SHOTS}/media-page-{viewport['width']}.png", full_page=True
            )


@pytest.mark.parametrize(
    "width", [pytest.param(1024, marks=ONE_DATABASE_IN_THE_BROWSER), 1280]
)
def test_marketing_edits_the_video_inline_and_the_form_passes_axe(
    demo, live_server, browser, width
):
    marketer = get_user_model().objects.get(username="marketing")
    marketer.set_password(PASSWORD)
    marketer.save()
    media = Page.objects.get(slug="media-and-videos")
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        sign_in(page, live_server, marketer)
        page.goto(f"{live_server.url}/admin/programs/page/{media.pk}/change/")
        address = page.locator("#id_videos-0-embed_url")
        expect(address).to_have_value(
            "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ"
        )
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        assert_no_axe_violations(page)
        if SHOTS:
            page.locator("#videos-group").screenshot(
                path=f"{SHOTS}/admin-videos-{width}.png"
            )

        address.fill("https://www.dailymotion.com/video/x8abc12")
        page.get_by_role("button", name="Publish", exact=True).first.click()
        expect(page.get_by_text("YouTube or Vimeo only")).to_be_visible()
        expect(page.locator("#id_videos-0-embed_url")).to_have_value(
            "https://www.dailymotion.com/video/x8abc12"
        )
        assert media.videos.get().embed_url.startswith(
            "https://www.youtube-nocookie.com/"
        )
    finally:
        context.close()
