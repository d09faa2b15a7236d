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


def cacheable_form(request):
    return HttpResponse(
        Template(
            "{% load site_tags %}<form method='post'>{% cacheable_csrf_token %}</form>"
        ).render(RequestContext(request))
    )


urlpatterns = [
    path("form/", page_with_a_form),
    path("plain/", plain_page),
    path("cacheable-form/", cacheable_form),
]


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


def test_a_cached_form_gets_each_visitors_own_token_and_a_true_length(settings, db):
    settings.ROOT_URLCONF = __name__
    first_visitor, second_visitor = Client(), Client()

    first = first_visitor.get("/cacheable-form/")
    second = second_visitor.get("/cacheable-form/")

    assert second["X-Page-Cache"] == "hit"
    tokens = [
        response.content.decode().split('value="')[1].split('"')[0]
        for response in (first, second)
    ]
    assert tokens[0] != tokens[1]
    assert "__csrf" not in second.content.decode()
    assert second.cookies["csrftoken"].value
    assert int(second["Content-Length"]) == len(second.content)
    assert "private" in second["Cache-Control"]


def test_a_cached_form_posts_back_with_its_token(settings, db):
    settings.ROOT_URLCONF = __name__
    Client().get("/cacheable-form/")
    visitor = Client(enforce_csrf_checks=True)

    page = visitor.get("/cacheable-form/")
    token = page.content.decode().split('value="')[1].split('"')[0]

    assert page["X-Page-Cache"] == "hit"
    assert visitor.post("/cacheable-form/").status_code == 403
    assert (
        visitor.post("/cacheable-form/", {"csrfmiddlewaretoken": token}).status_code
        == 200
    )


def test_a_visitor_with_a_session_gets_fresh_private_pages(client, home):
    client.get("/")
    client.cookies["sessionid"] = "whatever-it-holds"

    response = client.get("/")

    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]


def count_cache_reads(client, path: str, monkeypatch) -> tuple[object, int]:
    from django.core.cache import cache

    calls = []
    original = cache.get_many

    def counted(*args, **kwargs):
        calls.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(cache, "get_many", counted)
    response = client.get(path)
    monkeypatch.undo()
    return response, len(calls)


def test_a_page_this_process_served_costs_no_cache_trip(
    client, home, monkeypatch, django_assert_num_queries
):
    client.get("/")

    with django_assert_num_queries(0):
        response, reads = count_cache_reads(client, "/", monkeypatch)

    assert response["X-Page-Cache"] == "hit"
    assert reads == 0


def test_a_page_another_process_stored_costs_one_cache_trip(client, home, monkeypatch):
    from rehab_site import cache as content_cache
    from rehab_site import page_cache

    client.get("/")
    page_cache._recent_pages.clear()
    content_cache.forget_version()

    response, reads = count_cache_reads(client, "/", monkeypatch)

    assert response["X-Page-Cache"] == "hit"
    assert reads == 1


def test_pages_stored_under_an_older_content_version_are_not_served(client, home):
    from rehab_site.cache import bump_content_version

    client.get("/")
    bump_content_version()

    assert client.get("/")["X-Page-Cache"] == "miss"


def test_pages_kept_in_process_stay_within_their_byte_budget(settings):
    from rehab_site.page_cache import RecentPages

    pages = RecentPages(max_bytes=10)
    for name in "abc":
        pages.put(name, 1, (200, [], b"12345"))

    assert pages.get("a", 1) is None
    assert pages.get("b", 1) == (200, [], b"12345")
    assert pages.get("c", 2) is None  # another content version
    assert pages.size <= 10
