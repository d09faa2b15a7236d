import pytest

from editing.models import Redirect


@pytest.mark.django_db
def test_an_old_address_redirects_permanently_to_the_new_one(client):
    Redirect.record_move("/blog/old-title/", "/blog/new-title/")

    response = client.get("/blog/old-title/?utm_source=mail")

    assert response.status_code == 301
    assert response["Location"] == "/blog/new-title/?utm_source=mail"


@pytest.mark.django_db
def test_a_second_move_keeps_the_first_address_working_without_a_chain():
    Redirect.record_move("/a/", "/b/")
    Redirect.record_move("/b/", "/c/")

    assert dict(Redirect.objects.values_list("old_path", "new_path")) == {
        "/a/": "/c/",
        "/b/": "/c/",
    }


@pytest.mark.django_db
def test_moving_back_removes_the_redirect_that_would_loop():
    Redirect.record_move("/a/", "/b/")
    Redirect.record_move("/b/", "/a/")

    assert dict(Redirect.objects.values_list("old_path", "new_path")) == {"/b/": "/a/"}


@pytest.mark.django_db
def test_unknown_addresses_still_get_the_404_page(client):
    assert client.get("/never-existed/").status_code == 404
