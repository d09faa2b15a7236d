"""Accreditations show in the footer, on the About page and in the MedicalClinic JSON-LD
while valid, and disappear at midnight after their expiry date with nothing saved, through
every cache (fragments in memory, the content state in Redis, the edge's max-age)."""

import datetime
import json
import re
import zoneinfo

import pytest
import time_machine
from django.test import Client

from accreditations.models import Accreditation
from programs.models.sections import AccreditationsSection, CenterDetailsSection
from tests.factories import SiteSettingsFactory
from tests.programs.factories import PageFactory

from .factories import AccreditationFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("redis_cache")]

CENTER_TIME = zoneinfo.ZoneInfo("America/New_York")
# The last valid day of the lapsing accreditation, and the first moment it is not.
LAST_DAY = datetime.date(2026, 6, 30)
LAPSES_AT = datetime.datetime(2026, 7, 1, 0, 0, tzinfo=CENTER_TIME)
BODY = "Zephyr Accreditation Council"


@pytest.fixture
def center():
    with time_machine.travel(LAPSES_AT - datetime.timedelta(days=10), tick=False):
        SiteSettingsFactory(license_number="MHL-088-0412")
        PageFactory(
            slug="about",
            name="About us",
            sections=[(CenterDetailsSection, {}), (AccreditationsSection, {})],
        )
        AccreditationFactory(body="The Joint Commission", number="HCO 612345")
        lapsing = AccreditationFactory(
            body=BODY,
            number="ZAC-77",
            issued_on=datetime.date(2025, 7, 1),
            expires_on=LAST_DAY,
        )
    return lapsing


def clinic_json_ld(html: str) -> dict:
    for block in re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.S
    ):
        data = json.loads(block)
        if data.get("@type") == "MedicalClinic":
            return data
    raise AssertionError("no MedicalClinic JSON-LD on the page")


def credential_numbers(html: str) -> set[str]:
    return {
        item.get("identifier") for item in clinic_json_ld(html).get("hasCredential", [])
    }


def footer(html: str) -> str:
    return html[html.index('<footer class="site-footer">') :]


def test_a_valid_accreditation_shows_in_the_footer_the_about_page_and_the_json_ld(
    center,
):
    with time_machine.travel(LAPSES_AT - datetime.timedelta(days=5), tick=False):
        home = Client().get("/").content.decode()
        about = Client().get("/about/").content.decode()

    assert BODY in footer(home)
    assert "ZAC-77" in footer(home)
    assert "https://www.qualitycheck.org/" in footer(home)
    main = about[about.index("<main") : about.index('<footer class="site-footer">')]
    assert BODY in main and "Jun 30, 2026" in main
    assert {"HCO 612345", "ZAC-77", "MHL-088-0412"} <= credential_numbers(home)
    assert credential_numbers(about) == credential_numbers(home)
    lapsing = next(
        item
        for item in clinic_json_ld(about)["hasCredential"]
        if item.get("identifier") == "ZAC-77"
    )
    assert lapsing["@type"] == "EducationalOccupationalCredential"
    assert lapsing["recognizedBy"] == {"@type": "Organization", "name": BODY}
    assert lapsing["expires"] == "2026-06-30"


def test_an_expired_accreditation_disappears_exactly_at_its_expiry_with_no_save(
    center,
):
    client = Client()
    with time_machine.travel(LAPSES_AT - datetime.timedelta(days=1), tick=False):
        # Fill every cache: fragments, values and the content state.
        for path in ("/", "/about/"):
            assert BODY in client.get(path).content.decode()
    with time_machine.travel(LAPSES_AT - datetime.timedelta(seconds=1), tick=False):
        home = client.get("/")
        assert BODY in home.content.decode()
        assert "ZAC-77" in credential_numbers(home.content.decode())
        # The edge may keep the page no longer than until the expiry.
        assert "max-age=1" in home["Cache-Control"]
    with time_machine.travel(LAPSES_AT, tick=False):
        for path in ("/", "/about/"):
            html = client.get(path).content.decode()
            assert BODY not in html, path
            assert "ZAC-77" not in credential_numbers(html), path
            assert "HCO 612345" in credential_numbers(html), path
    assert Accreditation.objects.filter(body=BODY).exists()


def test_a_renewal_entered_early_appears_on_its_issue_date(center):
    with time_machine.travel(LAPSES_AT - datetime.timedelta(days=3), tick=False):
        AccreditationFactory(
            body=BODY,
            number="ZAC-78",
            issued_on=LAPSES_AT.date(),
            expires_on=datetime.date(2027, 6, 30),
        )
        assert "ZAC-78" not in Client().get("/").content.decode()
    with time_machine.travel(LAPSES_AT, tick=False):
        html = Client().get("/").content.decode()
    assert "ZAC-78" in html and "ZAC-77" not in html


def test_next_scheduled_change_is_the_next_issue_date_or_the_midnight_after_an_expiry(
    center,
):
    before = LAPSES_AT - datetime.timedelta(days=2)
    assert Accreditation.next_scheduled_change(before) == LAPSES_AT
    later = AccreditationFactory(
        issued_on=datetime.date(2026, 8, 1), expires_on=datetime.date(2026, 9, 1)
    )
    assert Accreditation.next_scheduled_change(LAPSES_AT) == datetime.datetime(
        2026, 8, 1, tzinfo=CENTER_TIME
    )
    later.delete()
    assert Accreditation.next_scheduled_change(LAPSES_AT) == datetime.datetime(
        2027, 1, 15, tzinfo=CENTER_TIME
    )


def test_one_hidden_by_staff_is_not_shown(center):
    center.show_on_site = False
    center.save()
    with time_machine.travel(LAPSES_AT - datetime.timedelta(days=5), tick=False):
        html = Client().get("/").content.decode()
    assert BODY not in html
    assert "ZAC-77" not in credential_numbers(html)


def test_the_footer_shows_the_license_number_from_the_site_settings():
    SiteSettingsFactory(
        license_number="MHL-088-0412",
        license_authority="the North Carolina Department of Health and Human Services",
    )
    html = footer(Client().get("/").content.decode())
    assert (
        "Licensed by the North Carolina Department of Health and Human Services, "
        'license no. <span class="number">MHL-088-0412</span>' in html
    ), "the number is kept on one line"


def test_a_text_badge_is_drawn_when_there_is_no_seal(center):
    with time_machine.travel(LAPSES_AT - datetime.timedelta(days=5), tick=False):
        html = footer(Client().get("/").content.decode())
    assert 'class="credential__badge"' in html
    assert "credential__seal" not in html
