import pytest
from django.core.exceptions import ValidationError

from tests.factories import MenuFactory, MenuItemFactory
from website.models.menus import load_menus


@pytest.mark.django_db
def test_menus_nest_children_under_their_parent_in_order():
    menu = MenuFactory(slug="main", placement="header")
    treatment = MenuItemFactory(
        menu=menu, label="Treatment", url="/treatment/", order=1
    )
    MenuItemFactory(menu=menu, label="Home", url="/", order=0)
    MenuItemFactory(
        menu=menu,
        parent=treatment,
        label="Residential",
        url="/treatment/residential/",
        order=2,
    )
    MenuItemFactory(
        menu=menu, parent=treatment, label="Detox", url="/treatment/detox/", order=1
    )

    main = load_menus()["by_slug"]["main"]

    assert [item["label"] for item in main["items"]] == ["Home", "Treatment"]
    assert [child["label"] for child in main["items"][1]["children"]] == [
        "Detox",
        "Residential",
    ]


@pytest.mark.django_db
def test_footer_lists_only_footer_menus_with_items():
    filled = MenuFactory(title="Addictions", placement="footer")
    MenuItemFactory(menu=filled, label="Alcohol")
    MenuFactory(title="Empty", placement="footer")

    assert [menu["title"] for menu in load_menus()["footer"]] == ["Addictions"]


@pytest.mark.django_db
def test_an_item_needs_a_url_or_a_page():
    item = MenuItemFactory.build(menu=MenuFactory(), url="")

    with pytest.raises(ValidationError, match="URL or choose a page"):
        item.full_clean()


@pytest.mark.django_db
def test_a_parent_must_belong_to_the_same_menu():
    parent = MenuItemFactory(menu=MenuFactory())
    item = MenuItemFactory.build(menu=MenuFactory(), parent=parent)

    with pytest.raises(ValidationError, match="same menu"):
        item.full_clean()
