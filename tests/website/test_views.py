import pytest
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.test import Client
from django.urls import reverse

from tests.factories import MenuFactory, MenuItemFactory, SiteSettingsFactory
from website.models import SiteSettings


@pytest.fixture
def demo_site(demo):
    return SiteSettings.load()


def test_home_page_shows_header_menus_footer_and_phone_from_the_database(
    client, demo_site
):
    response = client.get("/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Willow Ridge Recovery" in html
    assert 'href="tel:+18285550142"' in html
    assert 'id="site-nav"' in html
    for label in ("Tour", "Residential", "Partial Hospitalization", "Reviews"):
        assert f">{label}<" in html
    assert "988 Suicide &amp; Crisis Lifeline" in html
    assert "1-800-662-4357" in html
    assert "Areas we serve" in html


def test_menu_edits_show_up_on_the_next_request(client, db):
    SiteSettingsFactory()
    menu = MenuFactory(slug="main", title="Main", placement="header")
    MenuItemFactory(menu=menu, label="Our Story", url="/our-story/")
    assert "Our Story" in client.get("/").content.decode()

    menu.items.update(
        label="Our History"
    )  # bypasses signals, so the cache still holds the old label
    MenuItemFactory(
        menu=menu, label="Careers", url="/careers/"
    )  # a save bumps the content version

    html = client.get("/").content.decode()
    assert "Our History" in html
    assert "Careers" in html


def test_site_settings_are_cached_between_requests(
    client, demo_site, django_assert_num_queries
):
    client.get("/")
    with django_assert_num_queries(0):
        client.get("/")


def test_home_page_query_count_does_not_grow_with_menu_size(
    client, db, django_assert_max_num_queries
):
    SiteSettingsFactory()
    menu = MenuFactory(slug="main", placement="header")
    for _ in range(3):
        MenuItemFactory(menu=menu)
    # Cold cache: the settings, the home page and its lists, the kinds of section it
    # uses and each kind, menus, what the sections list (programs, addictions, groups,
    # testimonials, articles), accreditations and notice links; a warm cache runs none.
    with django_assert_max_num_queries(24) as small:
        client.get("/")
    for _ in range(40):
        MenuItemFactory(menu=menu)
    with django_assert_max_num_queries(24) as large:
        client.get("/")
    assert len(small.captured_queries) == len(large.captured_queries)


def test_unknown_page_gets_the_styled_404_with_the_phone_number(client, demo_site):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    html = response.content.decode()
    assert "find that page" in html
    assert "(828) 555-0142" in html


def test_server_error_page_shows_the_phone_number(demo_site, settings):
    settings.ROOT_URLCONF = "tests.website.failing_urls"
    client = Client(raise_request_exception=False)

    response = client.get("/boom/")

    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong on our side" in html
    assert "(828) 555-0142" in html


def test_csrf_failure_page_is_friendly(demo_site):
    client = Client(enforce_csrf_checks=True)

    response = client.post(reverse("admin:login"), {"username": "x", "password": "y"})

    assert response.status_code == 403
    html = response.content.decode()
    assert "Please send that again" in html
    assert "(828) 555-0142" in html


def test_robots_txt_points_at_the_sitemap_and_hides_the_admin(client, db):
    response = client.get("/robots.txt")

    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /admin/" in body


def test_the_home_page_leads_the_sitemap_of_site_pages(client, db):
    index = client.get("/sitemap.xml").content.decode()
    pages = client.get("/sitemap-pages.xml").content.decode()

    assert "sitemap-pages.xml" in index
    assert pages.index("<loc>http://testserver/</loc>") < pages.index("</url>")


def test_the_admin_pages_show_the_sites_favicon(client, admin_client):
    """The browser asks every page for an icon; without a link it asked for
    /favicon.ico, a 404 on every admin page."""
    icon = static("img/favicon.svg")
    for page in (
        client.get(reverse("admin:login")),
        admin_client.get(reverse("admin:index")),
    ):
        assert f'<link rel="icon" href="{icon}" type="image/svg+xml">' in (
            page.content.decode()
        )
    assert finders.find("img/favicon.svg")
