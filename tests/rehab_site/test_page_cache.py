import pytest
from django.http import HttpResponse
from django.template import RequestContext, Template
from django.test import Client
from django.urls import path

from tests.factories import (
    MenuFactory,
    MenuItemFactory,
    SiteSettingsFactory,
    StaffFactory,
)


def page_with_a_form(request):
    return HttpResponse(
        Template("<form method='post'>{% csrf_token %}</form>").render(
            RequestContext(request)
        )
    )


def plain_page(request):
    return HttpResponse("the same for everyone")


urlpatterns = [path("form/", page_with_a_form), path("plain/", plain_page)]


@pytest.fixture
def home(db):
    SiteSettingsFactory()
    menu = MenuFactory(slug="main", placement="header")
    MenuItemFactory(menu=menu, label="Tour", url="/tour/")
    return menu


def test_anonymous_pages_are_served_from_the_cache_with_public_headers(client, home):
    first = client.get("/")
    second = client.get("/")

    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "public" in second["Cache-Control"]
    assert "max-age=60" in second["Cache-Control"]


def test_a_content_save_invalidates_cached_pages(client, home):
    client.get("/")

    MenuItemFactory(menu=home, label="Reviews", url="/reviews/")
    response = client.get("/")

    assert response["X-Page-Cache"] == "miss"
    assert "Reviews" in response.content.decode()


def test_signed_in_staff_always_get_fresh_private_pages(client, home):
    client.get("/")
    client.force_login(StaffFactory())

    response = client.get("/")

    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]


def test_the_admin_is_never_cached(client, db):
    response = client.get("/admin/login/")

    assert "no-store" in response["Cache-Control"]
    assert "X-Page-Cache" not in response


def test_pages_with_a_csrf_token_are_never_shared_between_visitors(settings, db):
    settings.ROOT_URLCONF = __name__
    first_visitor, second_visitor = Client(), Client()

    first = first_visitor.get("/form/")
    second = second_visitor.get("/form/")

    assert "X-Page-Cache" not in first and "X-Page-Cache" not in second
    assert first.content != second.content
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value


def test_the_same_page_for_everyone_is_cached(settings, db):
    settings.ROOT_URLCONF = __name__
    Client().get("/plain/")

    assert Client().get("/plain/")["X-Page-Cache"] == "hit"
