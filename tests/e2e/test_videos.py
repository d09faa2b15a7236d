"""The media page's video in a real browser: nothing is requested from another host until
the visitor presses play (by keyboard here), then the privacy player takes the poster's
place; without JavaScript the button is a link to the video on its host."""

import os
from urllib.parse import urlsplit

from playwright.sync_api import expect

from .conftest import DESKTOP, PHONE, assert_no_axe_violations

MEDIA = "/media-and-videos/"
PLAY = "Play video: How to talk to someone you love about their drinking"
SHOTS = os.environ.get("SCREENSHOT_DIR")


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


def test_the_media_page_has_no_accessibility_violations(
    demo, live_server, phone_page, desktop_page
):
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
        assert_no_axe_violations(page)
        if SHOTS:
            page.locator(".videos").screenshot(
                path=f"{SHOTS}/media-video-{viewport['width']}.png"
            )
            page.screenshot(
                path=f"{SHOTS}/media-page-{viewport['width']}.png", full_page=True
            )
