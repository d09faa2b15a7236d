"""The page visitors see when the database cannot be reached."""

import pytest
from django.db import InterfaceError, OperationalError
from django.test import Client

from programs.views import HomePageView
from tests.reliability.conftest import PHONE
from website.models import SiteSettings


@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
def test_a_database_outage_is_a_friendly_503_with_the_phone_number(
    site_settings, monkeypatch, error
):
    SiteSettings.load()  # read while the database still answered

    def database_gone(self, **kwargs):
        raise error("connection refused")

    monkeypatch.setattr(HomePageView, "get_context_data", database_gone)
    response = Client(raise_request_exception=False).get("/")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    body = response.content.decode()
    assert "briefly unavailable" in body
    assert PHONE in body


def test_other_errors_are_still_a_500(site_settings, monkeypatch):
    def broken(self, **kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr(HomePageView, "get_context_data", broken)
    response = Client(raise_request_exception=False).get("/")

    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()
