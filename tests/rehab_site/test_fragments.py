"""{% fragment %}: parts of pages cached until content changes."""

import datetime

import pytest
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from rehab_site.cache import bump_content_version
from tests.blog.factories import ArticleFactory, PersonFactory
from tests.factories import MenuFactory, MenuItemFactory, SiteSettingsFactory

COUNTER = Template(
    '{% load site_tags %}{% fragment "counter" colour %}{{ colour }} {{ count.next }}'
    "{% endfragment %}"
)


class Count:
    def __init__(self):
        self.value = 0

    def next(self):
        self.value += 1
        return self.value


def render(colour, count, request=True):
    context = {"colour": colour, "count": count}
    if request:
        context["request"] = RequestFactory().get("/")
    return COUNTER.render(Context(context))


def test_a_fragment_is_built_once_per_content_version_and_vary_value(db):
    count = Count()

    assert render("teal", count) == "teal 1"
    assert render("teal", count) == "teal 1"
    assert render("amber", count) == "amber 2"
    bump_content_version()
    assert render("teal", count) == "teal 3"


def test_without_a_request_nothing_is_kept(db):
    count = Count()

    render("teal", count, request=False)

    assert render("teal", count, request=False) == "teal 2"
    assert render("teal", count) == "teal 3"


def test_fragments_can_be_switched_off(db, settings):
    settings.CACHE_FRAGMENTS = False
    count = Count()

    render("teal", count)

    assert render("teal", count) == "teal 2"


@pytest.fixture
def menu(db):
    SiteSettingsFactory()
    main = MenuFactory(slug="main", placement="header")
    MenuItemFactory(menu=main, label="Tour", url="/tour/")
    MenuItemFactory(menu=main, label="Blog", url="/blog/")
    return main


def test_the_cached_header_marks_the_current_page_on_each_page(client, menu, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/")
    client.get("/blog/")

    home = client.get("/").content.decode()
    blog = client.get("/blog/").content.decode()

    assert 'href="/blog/" aria-current="page"' in blog
    assert 'aria-current="page">Blog' not in home
    assert 'href="/blog/" aria-current' not in home


def test_error_pages_do_not_leave_their_bare_header_for_other_pages(client, menu):
    client.get("/no-such-page/")

    assert ">Tour</a>" in client.get("/blog/").content.decode()


def test_an_article_page_with_its_fragments_cached_runs_one_query(client, db, settings):
    settings.PAGE_CACHE_SECONDS = 0
    SiteSettingsFactory()
    article = ArticleFactory(
        medical_reviewer=PersonFactory(), reviewed_on=datetime.date(2026, 11, 1)
    )
    article.authors.add(PersonFactory(name="Dana Reyes"))
    first = client.get(article.get_absolute_url())

    with CaptureQueriesContext(connection) as queries:
        again = client.get(article.get_absolute_url())

    assert len(queries) == 1
    assert again.content == first.content
    assert "Dana Reyes" in again.content.decode()
