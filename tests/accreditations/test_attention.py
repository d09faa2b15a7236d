"""The admin dashboard's notices about accreditations (the attention contract)."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.test import RequestFactory

from accreditations.attention import attention
from tests.factories import StaffFactory

from .factories import AccreditationFactory

pytestmark = pytest.mark.django_db

EXPIRES = datetime.date(2026, 9, 30)


def at_noon(day: datetime.date):
    return datetime.datetime.combine(
        day, datetime.time(12), tzinfo=zoneinfo.ZoneInfo("America/New_York")
    )


def notices_for(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return attention(request)


@pytest.fixture
def editor():
    return StaffFactory(permissions=["accreditations.change_accreditation"])


def test_nothing_needs_attention_61_days_before_expiry(editor):
    AccreditationFactory(expires_on=EXPIRES)
    with time_machine.travel(at_noon(EXPIRES - datetime.timedelta(days=61))):
        assert notices_for(editor) == []


def test_the_dashboard_warns_60_days_before_expiry(editor):
    AccreditationFactory(body="LegitScript", expires_on=EXPIRES)
    with time_machine.travel(at_noon(EXPIRES - datetime.timedelta(days=60))):
        [notice] = notices_for(editor)
    assert notice.tone == "warning"
    assert notice.title.startswith("1 accreditation")
    assert "LegitScript" in notice.detail and "September 30, 2026" in notice.detail
    assert notice.url == "/admin/accreditations/accreditation/?validity=expiring"


def test_an_expired_one_is_urgent_until_staff_act(editor):
    lapsed = AccreditationFactory(expires_on=EXPIRES)
    with time_machine.travel(at_noon(EXPIRES + datetime.timedelta(days=1))):
        [notice] = notices_for(editor)
        assert notice.tone == "urgent"
        assert notice.url.endswith("?validity=lapsed")
        lapsed.show_on_site = False
        lapsed.save()
        assert notices_for(editor) == []


def test_staff_who_cannot_change_accreditations_get_no_notice():
    AccreditationFactory(expires_on=EXPIRES)
    with time_machine.travel(at_noon(EXPIRES - datetime.timedelta(days=10))):
        assert notices_for(StaffFactory()) == []


def test_the_notice_links_to_a_list_that_shows_the_expiring_one(editor, client):
    AccreditationFactory(body="LegitScript", expires_on=EXPIRES)
    AccreditationFactory(body="Far Future Board", expires_on=datetime.date(2030, 1, 1))
    admin = StaffFactory(is_superuser=True, username="boss")
    client.force_login(admin)
    with time_machine.travel(at_noon(EXPIRES - datetime.timedelta(days=30))):
        [notice] = notices_for(editor)
        html = client.get(notice.url).content.decode()
    assert "LegitScript" in html and "Expires in 30 days" in html
    assert "Far Future Board" not in html
