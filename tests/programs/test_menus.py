import pytest
from django.contrib.contenttypes.models import ContentType

from editing.publishing import Status
from programs.models import Page, Program
from tests.factories import MenuFactory, MenuItemFactory
from website.models import MenuItem
from website.models.menus import load_menus

from .factories import ProgramFactory

pytestmark = pytest.mark.django_db


def _labels(menu_slug: str) -> list[str]:
    return [item["label"] for item in load_menus()["by_slug"][menu_slug]["items"]]


def _point_at(page, label: str) -> MenuItem:
    return MenuItemFactory(
        menu=MenuFactory(slug="treatment-solutions", placement="footer"),
        label=label,
        url="",
        content_type=ContentType.objects.get_for_model(page),
        object_id=page.pk,
    )


def test_a_menu_item_follows_its_page_to_a_new_address():
    program = ProgramFactory(slug="php")
    _point_at(program, "Partial Hospitalization")

    program.slug = "partial-hospitalization"
    program.save()

    items = load_menus()["by_slug"]["treatment-solutions"]["items"]
    assert items[0]["href"] == "/treatment/partial-hospitalization/"


def test_an_item_whose_page_is_unpublished_drops_out_of_the_menu():
    detox = ProgramFactory(slug="detox")
    _point_at(detox, "Detox")
    _point_at(ProgramFactory(slug="residential"), "Residential")
    assert _labels("treatment-solutions") == ["Detox", "Residential"]

    detox.status = Status.DRAFT
    detox.save()

    assert _labels("treatment-solutions") == ["Residential"]


def test_an_item_whose_page_is_deleted_drops_out_of_the_menu():
    detox = ProgramFactory(slug="detox")
    _point_at(detox, "Detox")

    detox.delete()

    assert _labels("treatment-solutions") == []


def test_seeded_menus_point_at_pages_and_every_link_reaches_a_page(client, demo):

    residential = MenuItem.objects.get(menu__slug="main", label="Residential")
    assert residential.target == Program.objects.get(slug="residential")
    assert residential.url == ""
    assert MenuItem.objects.get(menu__slug="about", label="About us").target == (
        Page.objects.get(slug="about")
    )
    hrefs = {
        node["href"]
        for menu in load_menus()["by_slug"].values()
        for item in menu["items"]
        for node in (item, *item["children"])
    }
    # /blog/ and /admissions/ belong to apps built separately.
    own = sorted(h for h in hrefs if not h.startswith(("/blog/", "/admissions/")))
    assert len(own) >= 30
    for href in own:
        assert client.get(href).status_code == 200, href


def test_seed_demo_shows_only_consented_testimonials(client, demo):

    html = client.get("/reviews/").content.decode()

    assert "Daniel" in html
    assert "Awaiting written consent" not in html
    assert "Awaiting written consent" not in client.get("/").content.decode()
