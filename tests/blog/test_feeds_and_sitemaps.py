import xml.etree.ElementTree as ElementTree

import pytest

from .factories import ArticleFactory, CategoryFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def articles():
    opioids = CategoryFactory(slug="opioids", name="Opioids")
    return {
        "live": ArticleFactory(title="Live opioid article", categories=[opioids]),
        "other": ArticleFactory(title="Live alcohol article"),
        "draft": ArticleFactory(
            title="Draft article", draft=True, categories=[opioids]
        ),
        "scheduled": ArticleFactory(
            title="Scheduled article", scheduled=True, categories=[opioids]
        ),
    }


def rss_titles(response) -> list[str]:
    root = ElementTree.fromstring(response.content)
    return [item.findtext("title") for item in root.iter("item")]


def atom_titles(response) -> list[str]:
    root = ElementTree.fromstring(response.content)
    return [entry.findtext(f"{ATOM}title") for entry in root.iter(f"{ATOM}entry")]


def test_rss_and_atom_feeds_list_only_live_articles(client, articles):
    rss = client.get("/blog/feed/")
    atom = client.get("/blog/feed/atom/")

    assert rss["Content-Type"].startswith("application/rss+xml")
    assert atom["Content-Type"].startswith("application/atom+xml")
    expected = {"Live opioid article", "Live alcohol article"}
    assert set(rss_titles(rss)) == expected
    assert set(atom_titles(atom)) == expected


def test_category_feeds_list_only_that_categorys_live_articles(client, articles):
    assert rss_titles(client.get("/blog/category/opioids/feed/")) == [
        "Live opioid article"
    ]
    assert atom_titles(client.get("/blog/category/opioids/feed/atom/")) == [
        "Live opioid article"
    ]


def test_pages_advertise_their_feeds(client, articles):
    html = client.get("/blog/category/opioids/").content.decode()

    assert 'type="application/rss+xml"' in html
    assert 'href="/blog/category/opioids/feed/atom/"' in html


def test_sitemap_lists_live_articles_with_last_modified_dates(client, articles):
    ArticleFactory(title="Hidden from search", slug="hidden-from-search", noindex=True)
    index = client.get("/sitemap.xml").content.decode()
    assert "sitemap-articles.xml" in index

    sitemap = client.get("/sitemap-articles.xml").content.decode()

    assert articles["live"].get_absolute_url() in sitemap
    assert articles["other"].get_absolute_url() in sitemap
    assert articles["draft"].get_absolute_url() not in sitemap
    assert articles["scheduled"].get_absolute_url() not in sitemap
    assert "hidden-from-search" not in sitemap
    assert sitemap.count("<lastmod>") == 2


def test_blog_sitemap_lists_the_blog_and_categories_with_live_articles(
    client, articles
):
    CategoryFactory(slug="empty-category")

    sitemap = client.get("/sitemap-blog.xml").content.decode()

    assert "/blog/</loc>" in sitemap
    assert "/blog/category/opioids/</loc>" in sitemap
    assert "empty-category" not in sitemap


def test_robots_txt_points_at_the_sitemap(client):
    assert (
        "Sitemap: http://testserver/sitemap.xml"
        in client.get("/robots.txt").content.decode()
    )
