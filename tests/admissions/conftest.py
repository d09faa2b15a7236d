import socket
import time

import pytest
from django.core import signing
from django.urls import reverse

from admissions.forms import FORM_KEY_SALT

from .factories import admissions_user, marketing_user


@pytest.fixture(autouse=True)
def admissions_settings(settings):
    settings.ADMISSIONS_NOTIFY_EMAILS = ["intake@example.org"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.SITE_URL = "https://www.example.org"
    settings.ADMISSIONS_RATE_LIMIT = 5
    return settings


def form_key(
    seconds_ago: float = 60, token: str = "6f1c7b52-3a4e-4a8e-9d0b-2f6c1e7a9b10"
) -> str:
    """A form key as the form would have issued it `seconds_ago`."""
    return signing.dumps(
        {"token": token, "issued": time.time() - seconds_ago}, salt=FORM_KEY_SALT
    )


def valid_post(**overrides) -> dict:
    data = {
        "name": "Jordan Smith",
        "phone": "(828) 555-0187",
        "email": "jordan@example.com",
        "contact_method": "phone",
        "contact_time": "evening",
        "for_whom": "self",
        "substance_other": "",
        "insurance": "unsure",
        "insurance_other": "",
        "message": "I want to stop drinking.",
        "consent": "on",
        "website": "",
        "form_key": form_key(),
        "form_page": "/admissions/",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def admissions_client(client):
    user = admissions_user()
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def marketing_client(client):
    user = marketing_user()
    client.force_login(user)
    client.user = user
    return client


def change_form_data(
    status="new", assigned_to="", is_urgent=False, note="", kind="note", **extra
) -> dict:
    """What the inquiry's change form posts: triage fields and the new-note inline."""
    data = {
        "status": status,
        "assigned_to": assigned_to,
        "notes-TOTAL_FORMS": "1",
        "notes-INITIAL_FORMS": "0",
        "notes-0-kind": kind,
        "notes-0-body": note,
        **extra,
    }
    if is_urgent:
        data["is_urgent"] = "on"
    return data


def search(client, term: str, follow: bool = True):
    """Search the queue as the search box does: a POST, then the list at its token."""
    return client.post(
        reverse("admin:admissions_inquiry_search"), {"q": term}, follow=follow
    )


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def failing_mail(settings):
    """A real SMTP backend pointed at a port nobody listens on."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = closed_port()
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 2
    return settings
