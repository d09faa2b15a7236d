"""A change of the center's phone number or admissions email is logged and emailed to
every administrator (issue 14 item 6): number hijacking is this industry's best-known fraud."""

import logging

import pytest
from django.core import mail
from django.urls import reverse
from reversion.models import Version

from tests.admin_forms import change_form_data
from tests.admissions.factories import marketing_user
from tests.factories import SiteSettingsFactory, StaffFactory
from tests.tasks import run_worker
from website.models import SiteSettings

pytestmark = pytest.mark.django_db(transaction=True)


def settings_form(client, site: SiteSettings, **changes) -> dict:
    """The site settings form as it stands (every field and inline), with `changes`."""
    url = reverse("admin:website_sitesettings_change", args=[site.pk])
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

    with caplog.at_level(logging.WARNING, logger="website.contact_changes"):
        response = client.post(
            reverse("admin:website_sitesettings_change", args=[site.pk]),
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


class TestEveryPathThatChangesTheNumber:
    """Saving, restoring a version in one click and restoring it through its form all end
    in editing.save_change, which tells the model what visitors saw: a restore writes the
    old row before the save, so comparing with the stored row would find no change."""

    @pytest.fixture
    def site_with_an_old_number(self, client, administrators):
        site = SiteSettingsFactory(phone="(828) 555-0142")
        client.force_login(marketing_user(first_name="Jo", last_name="Park"))
        url = reverse("admin:website_sitesettings_change", args=[site.pk])
        for phone in ("(828) 555-0142", "(828) 555-0199"):
            client.post(url, settings_form(client, site, phone=phone))
        run_worker()
        mail.outbox.clear()
        old = Version.objects.get_for_object(site).order_by("pk").first()
        assert old.field_dict["phone"] == "(828) 555-0142"
        return site, old

    def assert_the_administrators_heard(self, site):
        run_worker()
        site.refresh_from_db()
        assert site.phone == "(828) 555-0142"
        [message] = mail.outbox
        assert "(828) 555-0199 → (828) 555-0142" in message.body
        assert "by Jo Park" in message.body

    def test_restoring_a_version_in_one_click(self, client, site_with_an_old_number):
        site, old = site_with_an_old_number

        response = client.post(
            f"/admin/website/sitesettings/{site.pk}/history/{old.pk}/restore/"
        )

        assert response.status_code == 302
        self.assert_the_administrators_heard(site)

    def test_restoring_a_version_through_its_form(
        self, client, site_with_an_old_number
    ):
        site, old = site_with_an_old_number
        url = f"/admin/website/sitesettings/{site.pk}/history/{old.pk}/"

        response = client.post(url, change_form_data(client, url))

        assert response.status_code == 302
        self.assert_the_administrators_heard(site)
