"""Every URL that staff type: menus, redirects, profile links (issue 17, item 3).

Each kind of field is tried three ways, as the admin, an import and the shell would store
it: full_clean (the admin's message), a plain create (the database's constraint) and the
page (defence in depth on output).
"""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from editing.models import Redirect
from tests.factories import MenuFactory, MenuItemFactory, UserFactory
from website.models import MenuItem, SiteSettings

pytestmark = pytest.mark.django_db

# Links a browser would run, or send to another site, however they are spelled.
HOSTILE_LINKS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(document.domain)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "javascript&colon;alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "ftp://example.org/file",
    "//evil.example/",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    # A line break at the very end: Python's `$` (SQLite's REGEXP) matches before it.
    "/admissions/\n",
    "https://example.org/\n",
    "https://",
    "https://exa mple.org/",
    "tel:javascript:alert(1)",
    "sms:",
    "mailto:javascript:alert(1)",
    "admissions",
]
SAFE_MENU_LINKS = [
    "/",
    "/admissions/",
    "/blog/?page=2#top",
    "https://www.samhsa.gov/find-help/national-helpline",
    "http://example.org/path",
    "HTTPS://EXAMPLE.ORG/",
    "tel:+18285550142",
    "tel:(828)555-0142",
    "sms:+18285550142",
    "mailto:admissions@example.org",
]
SAFE_PATHS = ["/", "/blog/old-title/", "/treatment/detox/?from=ad"]
OFFSITE_LINKS = [
    "https://evil.example/",
    "http://example.org/",
    "tel:+18285550142",
    "mailto:a@example.org",
]


def menu_item(url: str) -> MenuItem:
    return MenuItem(menu=MenuFactory(), label="Help", url=url)


@pytest.mark.parametrize("url", HOSTILE_LINKS)
def test_a_menu_item_refuses_a_hostile_link_with_a_clear_message(url):
    with pytest.raises(ValidationError) as refused:
        menu_item(url).full_clean()

    assert "javascript" in " ".join(refused.value.message_dict["url"])


@pytest.mark.parametrize("url", HOSTILE_LINKS)
def test_the_database_refuses_a_hostile_menu_link_from_an_import_or_the_shell(url):
    if "\x00" in url:
        pytest.skip("PostgreSQL refuses NUL in text before any constraint")
    with pytest.raises(IntegrityError), transaction.atomic():
        MenuItem.objects.create(menu=MenuFactory(), label="Help", url=url)


@pytest.mark.parametrize("url", SAFE_MENU_LINKS)
def test_a_menu_item_keeps_every_safe_kind_of_link(url):
    item = menu_item(url)
    item.full_clean()
    item.save()

    assert MenuItem.objects.get(pk=item.pk).href == url


@pytest.mark.parametrize("url", HOSTILE_LINKS)
def test_a_hostile_link_that_reached_a_menu_is_left_out_of_the_page(url):
    """Defence in depth: a row stored before the rule (here, unsaved) is never an href."""
    assert menu_item(url).href is None


@pytest.mark.parametrize("field", ["old_path", "new_path"])
@pytest.mark.parametrize("path", HOSTILE_LINKS + OFFSITE_LINKS)
def test_a_redirect_leads_only_to_and_from_paths_on_this_site(field, path):
    values = {"old_path": "/old/", "new_path": "/new/", field: path}
    with pytest.raises(ValidationError) as refused:
        Redirect(**values).full_clean()
    assert "path on this site" in " ".join(refused.value.message_dict[field])

    with pytest.raises(IntegrityError), transaction.atomic():
        Redirect.objects.create(**values)


@pytest.mark.parametrize("path", SAFE_PATHS)
def test_a_redirect_to_a_site_path_works(client, path):
    redirect = Redirect(old_path="/old-page/", new_path=path)
    redirect.full_clean()
    redirect.save()

    response = client.get("/old-page/")

    assert response.status_code == 301
    assert response["Location"] == path


@pytest.mark.parametrize("url", HOSTILE_LINKS + ["tel:+18285550142"])
def test_profile_links_take_only_web_addresses(url):
    site = SiteSettings(name="Center", facebook_url=url)
    with pytest.raises(ValidationError) as refused:
        site.full_clean()
    assert "facebook_url" in refused.value.message_dict

    with pytest.raises(IntegrityError), transaction.atomic():
        SiteSettings.objects.create(name="Center", facebook_url=url)


def test_profile_links_left_unsafe_are_not_rendered():
    site = SiteSettings(
        facebook_url="javascript:alert(1)", youtube_url="https://youtube.com/@center"
    )

    assert site.social_links == [("YouTube", "https://youtube.com/@center")]


def test_the_admin_shows_the_message_and_keeps_what_was_typed(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    menu = MenuFactory(title="Help", slug="help")

    response = client.post(
        f"/admin/website/menu/{menu.pk}/change/",
        {
            "title": "Help",
            "slug": "help",
            "placement": "footer",
            "order": "0",
            "items-TOTAL_FORMS": "1",
            "items-INITIAL_FORMS": "0",
            "items-0-label": "Crisis line",
            "items-0-url": "javascript:alert(document.cookie)",
            "items-0-order": "0",
        },
    )

    assert response.status_code == 200
    assert "Other kinds of link, such as javascript:, are refused." in (
        response.content.decode()
    )
    assert 'value="javascript:alert(document.cookie)"' in response.content.decode()
    assert not menu.items.exists()


def test_a_safe_menu_link_saved_in_the_admin_reaches_every_page(client):
    menu = MenuFactory(title="Help", slug="help", placement="footer")
    MenuItemFactory(menu=menu, label="Call SAMHSA", url="tel:+18006624357")

    assert 'href="tel:+18006624357"' in client.get("/").content.decode()
