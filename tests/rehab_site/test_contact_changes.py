"""A change of the center's phone number or admissions email is logged and emailed to
every administrator (issue 14 item 6): number hijacking is this industry's best-known fraud."""

import logging

import pytest
from django.core import mail
from django.urls import reverse

from rehab_site.models import SiteSettings
from tests.admissions.factories import marketing_user
from tests.factories import SiteSettingsFactory, StaffFactory
from tests.rehab_site.admin_forms import change_form_data
from tests.tasks import run_worker

pytestmark = pytest.mark.django_db(transaction=True)


def settings_form(client, site: SiteSettings, **changes) -> dict:
    """The site settings form as it stands (every field and inline), with `changes`."""
    url = reverse("admin:rehab_site_sitesettings_change", args=[site.pk])
    return change_form_data(client, url) | changes


@pytest.fixture
def administrators():
    return [
        StaffFactory(is_superuser=True, email="owner@example.org"),
        StaffFactory(is_superuser=True, email="it@example.org"),
        StaffFactory(is_superuser=True, email="", username="no-address"),
        StaffFactory(is_superuser=True, is_active=False, email="gone@example.org"),
    ]


def test_a_phone_change_in_the_admin_is_emailed_to_every_administrator(
    client, administrators, caplog
):
    site = SiteSettingsFactory(phone="(828) 555-0142")
    editor = marketing_user(first_name="Jo", last_name="Park")
    client.force_login(editor)
    mail.outbox.clear()

    with caplog.at_level(logging.WARNING, logger="rehab_site.contact_changes"):
        response = client.post(
            reverse("admin:rehab_site_sitesettings_change", args=[site.pk]),
            settings_form(client, site, phone="(828) 555-0199"),
        )
    run_worker()

    assert response.status_code == 302
    # The log's filter masks anything shaped like a phone number; what changed is named.
    assert "The center's 24/7 phone number was changed" in caplog.text
    assert "by Jo Park" in caplog.text
    [message] = mail.outbox
    assert sorted(message.to) == ["it@example.org", "owner@example.org"]
    assert "(828) 555-0142 → (828) 555-0199" in message.body
    assert "by Jo Park" in message.body


def test_an_admissions_email_change_from_the_shell_is_reported_too(administrators):
    site = SiteSettingsFactory(admissions_email="intake@example.org")
    mail.outbox.clear()

    site.admissions_email = "intake@broker.example"
    site.save()
    run_worker()

    [message] = mail.outbox
    assert "intake@example.org → intake@broker.example" in message.body
    assert "outside the admin" in message.body


def test_other_changes_send_nothing(administrators):
    site = SiteSettingsFactory()
    mail.outbox.clear()

    site.tagline = "A calmer tagline"
    site.save()
    run_worker()

    assert mail.outbox == []
