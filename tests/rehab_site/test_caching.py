"""Every way content changes reaches every page that shows it, on time, with the caches on
as in production: Redis, cached fragments and values, and the Cache-Control that the edge
(nginx, a CDN) obeys. Time moves by time-machine."""

import datetime

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from rehab_site.caching import COORDINATION, STATE_KEY
from tests.blog.factories import (
    ArticleFactory,
    CategoryFactory,
    PersonFactory,
    TagFactory,
)
from tests.factories import MenuFactory, MenuItemFactory, SiteSettingsFactory
from tests.programs.factories import ConditionFactory, PageFactory, ProgramFactory

MARKER = "Zephyrine"
# Every page that lists the marked article links to it.
MARKED_PATH = "/blog/zephyrine-road-back/"
# A moment well away from midnight and from a month's end, so the archive pages are known.
NOW = datetime.datetime(2026, 6, 10, 15, 0, tzinfo=datetime.UTC)
DUE = NOW + datetime.timedelta(hours=2)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("redis_cache")]


@pytest.fixture
def site():
    """A blog of ten live articles, the topics, a program and an addiction page that link
    to them, and one more article (the marker) in every one of those lists."""
    with time_machine.travel(NOW - datetime.timedelta(days=1), tick=False):
        SiteSettingsFactory()
        topics = {
            "category": CategoryFactory(slug="opioids", name="Opioids"),
            "tag": TagFactory(slug="naloxone", name="naloxone"),
            "author": PersonFactory(slug="jordan", name="Jordan Reyes"),
            "program": ProgramFactory(slug="detox", name="Medical detox"),
            "condition": ConditionFactory(slug="opioids", name="Opioid addiction"),
        }
        older = [
            ArticleFactory(
                publish_at=NOW - datetime.timedelta(days=3, hours=n),
                categories=[topics["category"]],
                tags=[topics["tag"]],
            )
            for n in range(10)
        ]
        for article in older:
            article.authors.set([topics["author"]])
        neighbour = older[0]
        menu = MenuFactory(slug="main", title="Main", placement="header")
        menu_page = PageFactory(
            slug="open-house",
            name="Open house",
            publish_at=NOW - datetime.timedelta(days=2),
        )
        MenuItemFactory(
            menu=menu, label="Visit our open house", url="", target=menu_page
        )
    return {**topics, "neighbour": neighbour, "menu_page": menu_page}


def marked_article(site, **fields):
    article = ArticleFactory(
        title=f"{MARKER} and the road back",
        slug="zephyrine-road-back",
        summary=f"{MARKER} is a word found in this article only.",
        body=f"<p>{MARKER} appears in the body too.</p>",
        categories=[site["category"]],
        tags=[site["tag"]],
        **fields,
    )
    article.authors.set([site["author"]])
    article.programs.set([site["program"]])
    article.conditions.set([site["condition"]])
    return article


def surfaces(site) -> dict[str, str]:
    """Every page that lists an article, by what it is."""
    return {
        "home": "/",
        "blog list": "/blog/",
        "category": "/blog/category/opioids/",
        "category feed": "/blog/category/opioids/feed/",
        "tag": "/blog/tag/naloxone/",
        "author": "/blog/author/jordan/",
        "year archive": f"/blog/{DUE:%Y}/",
        "month archive": f"/blog/{DUE:%Y}/{DUE:%m}/",
        "sidebar and related articles": site["neighbour"].get_absolute_url(),
        "program page": "/treatment/detox/",
        "addiction page": "/addictions/opioids/",
        "RSS feed": "/blog/feed/",
        "Atom feed": "/blog/feed/atom/",
        "article sitemap": "/sitemap-articles.xml",
        "search": f"/blog/search/?q={MARKER}",
    }


def shown(path: str) -> bool:
    """Whether the page at `path` lists or shows the marked article."""
    response = Client().get(path)
    if response.status_code == 404:
        return False
    assert response.status_code == 200, (path, response.status_code)
    html = response.content.decode()
    return MARKED_PATH in html or (path == MARKED_PATH and MARKER in html)


def in_header(path: str) -> bool:
    return "Visit our open house" in Client().get(path).content.decode()


def test_a_scheduled_article_appears_everywhere_at_its_time_with_no_save(site):
    with time_machine.travel(NOW, tick=False):
        marked_article(site, publish_at=DUE)
    pages = surfaces(site)

    with time_machine.travel(DUE - datetime.timedelta(seconds=1), tick=False):
        before = {name: shown(path) for name, path in pages.items()}
        assert not shown(MARKED_PATH)
        assert (
            Client().get("/blog/?page=2").status_code == 404
        )  # ten articles: one page
    with time_machine.travel(DUE, tick=False):
        after = {name: shown(path) for name, path in pages.items()}
        assert shown(MARKED_PATH)
        assert Client().get("/blog/?page=2").status_code == 200

    assert before == dict.fromkeys(pages, False)
    assert after == dict.fromkeys(pages, True)


def test_counts_and_sitemap_dates_follow_a_scheduled_article(site):
    with time_machine.travel(NOW, tick=False):
        marked_article(site, publish_at=DUE)

    with time_machine.travel(DUE - datetime.timedelta(minutes=1), tick=False):
        sidebar_before = Client().get("/blog/").content.decode()
        index_before = Client().get("/sitemap.xml").content.decode()
    with time_machine.travel(DUE + datetime.timedelta(minutes=1), tick=False):
        sidebar_after = Client().get("/blog/").content.decode()
        index_after = Client().get("/sitemap.xml").content.decode()

    assert 'Opioids</a> <span class="blog-sidebar__count">(10)' in sidebar_before
    assert 'Opioids</a> <span class="blog-sidebar__count">(11)' in sidebar_after
    due = timezone.localtime(DUE).isoformat()
    assert due not in index_before
    assert due in index_after


def test_a_page_scheduled_into_a_menu_appears_at_its_time(site):
    with time_machine.travel(NOW, tick=False):
        page = site["menu_page"]
        page.publish_at = DUE
        page.save()

    with time_machine.travel(DUE - datetime.timedelta(seconds=1), tick=False):
        before = [in_header(path) for path in ("/", "/blog/", "/treatment/detox/")]
    with time_machine.travel(DUE, tick=False):
        after = [in_header(path) for path in ("/", "/blog/", "/treatment/detox/")]

    assert before == [False] * 3
    assert after == [True] * 3


@pytest.mark.parametrize("change", ["unpublish", "delete", "schedule for later"])
def test_an_article_taken_down_disappears_from_every_page_at_once(
    site, change, django_capture_on_commit_callbacks
):
    with time_machine.travel(NOW, tick=False):
        article = marked_article(site, publish_at=NOW - datetime.timedelta(hours=1))
    pages = surfaces(site)

    with time_machine.travel(NOW + datetime.timedelta(minutes=1), tick=False):
        before = {name: shown(path) for name, path in pages.items()}
        with django_capture_on_commit_callbacks(execute=True):
            if change == "delete":
                article.delete()
            else:
                if change == "unpublish":
                    article.status = "draft"
                else:
                    article.publish_at = NOW + datetime.timedelta(days=1)
                article.save()
        after = {name: shown(path) for name, path in pages.items()}
        own_address = Client().get(MARKED_PATH).status_code

    assert before == dict.fromkeys(pages, True)
    assert after == dict.fromkeys(pages, False)
    assert own_address == 404


TOPIC_PAGES = {
    "category": "/blog/category/opioids/",
    "tag": "/blog/tag/naloxone/",
    "author": "/blog/author/jordan/",
}


@pytest.mark.parametrize("topic", TOPIC_PAGES)
def test_a_topic_renamed_or_deleted_changes_on_the_next_request(
    site, topic, django_capture_on_commit_callbacks
):
    path = TOPIC_PAGES[topic]
    with time_machine.travel(NOW, tick=False):
        before = Client().get(path).content.decode()
        with django_capture_on_commit_callbacks(execute=True):
            site[topic].name = "Quillwort"
            site[topic].save()
        renamed = Client().get(path).content.decode()
        with django_capture_on_commit_callbacks(execute=True):
            site[topic].delete()
        deleted = Client().get(path)

    assert "Quillwort" not in before
    assert "<h1" in renamed and "Quillwort" in renamed
    assert deleted.status_code == 404


def test_an_edit_shows_on_the_next_request_of_every_page(
    site, django_capture_on_commit_callbacks
):
    with time_machine.travel(NOW, tick=False):
        article = marked_article(site, publish_at=NOW - datetime.timedelta(hours=1))
        # Sitemaps list addresses, not titles.
        pages = [
            path for name, path in surfaces(site).items() if "sitemap" not in name
        ] + [MARKED_PATH]
        before = [Client().get(path).content.decode() for path in pages]
        with django_capture_on_commit_callbacks(execute=True):
            article.title = "Quillwort and the road back"
            article.save()
        after = [Client().get(path).content.decode() for path in pages]

    assert all("Zephyrine and the road back" in html for html in before)
    assert not any("Quillwort" in html for html in before)
    assert all("Quillwort and the road back" in html for html in after)


def test_public_pages_may_be_kept_until_the_next_scheduled_change_and_no_longer(
    site, settings
):
    settings.PUBLIC_MAX_AGE = 30
    with time_machine.travel(NOW, tick=False):
        marked_article(site, publish_at=DUE)

    returning_visitor = Client()
    with time_machine.travel(DUE - datetime.timedelta(hours=1), tick=False):
        returning_visitor.get(
            "/"
        )  # the first visit sets a cookie: that answer is private
        later = returning_visitor.get("/blog/")["Cache-Control"]
    with time_machine.travel(DUE - datetime.timedelta(seconds=12), tick=False):
        soon = returning_visitor.get("/blog/")["Cache-Control"]

    assert soon == "public, max-age=12"
    assert later == "public, max-age=30"


def test_the_content_state_is_kept_in_the_shared_cache(site):
    from django.core.cache import caches

    with time_machine.travel(NOW, tick=False):
        marked_article(site, publish_at=DUE)
        Client().get("/")

        state = caches[COORDINATION].get(STATE_KEY)

    assert state.next_change == DUE


def test_freshness_needs_no_clock_of_the_cache_itself(site):
    """The scheduled time is checked against the site's clock on every read, so an entry
    that the cache would keep longer (its own clock, a rounding) is never served."""
    with time_machine.travel(NOW, tick=False):
        marked_article(site, publish_at=DUE)
    with time_machine.travel(DUE - datetime.timedelta(milliseconds=1), tick=False):
        assert not shown("/")
    with time_machine.travel(DUE, tick=False):
        assert shown("/")


def test_a_save_between_two_requests_moves_the_next_change_earlier(
    site, django_capture_on_commit_callbacks
):
    with time_machine.travel(NOW, tick=False):
        article = marked_article(site, publish_at=DUE + datetime.timedelta(days=5))
        assert not shown("/")
        with django_capture_on_commit_callbacks(execute=True):
            article.publish_at = DUE
            article.save()
    with time_machine.travel(DUE, tick=False):
        assert shown("/")


# -- the program-side pages themselves (kept for visitors: programs/views.py live_page) -----

PAGE_KINDS = {
    "program": ("/treatment/", ProgramFactory),
    "addiction": ("/addictions/", ConditionFactory),
    "site page": ("/", PageFactory),
}


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_a_scheduled_page_answers_at_its_time_with_no_save(site, kind):
    prefix, factory = PAGE_KINDS[kind]
    with time_machine.travel(NOW, tick=False):
        factory(slug="zephyrine", name=f"{MARKER} care", publish_at=DUE)

    with time_machine.travel(DUE - datetime.timedelta(seconds=1), tick=False):
        before = Client().get(f"{prefix}zephyrine/").status_code
    with time_machine.travel(DUE, tick=False):
        after = Client().get(f"{prefix}zephyrine/")

    assert before == 404
    assert after.status_code == 200
    assert f"{MARKER} care" in after.content.decode()


@pytest.mark.parametrize("change", ["unpublish", "delete", "edit"])
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_a_page_taken_down_or_edited_changes_on_the_next_request(
    site, kind, change, django_capture_on_commit_callbacks
):
    prefix, factory = PAGE_KINDS[kind]
    with time_machine.travel(NOW, tick=False):
        page = factory(slug="zephyrine", name=f"{MARKER} care")
        before = Client().get(f"{prefix}zephyrine/")
        with django_capture_on_commit_callbacks(execute=True):
            if change == "delete":
                page.delete()
            else:
                if change == "unpublish":
                    page.status = "draft"
                else:
                    page.name = "Quillwort care"
                page.save()
        after = Client().get(f"{prefix}zephyrine/")

    assert before.status_code == 200
    if change == "edit":
        assert "Quillwort care" in after.content.decode()
        assert MARKER not in after.content.decode()
    else:
        assert after.status_code == 404
