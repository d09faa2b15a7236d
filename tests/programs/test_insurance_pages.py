"""/insurance/ and the accepted carriers' pages: from the staff-managed list, with FAQs
and their FAQPage data, the verification form preselected, the sitemap and menus."""

import json
import re

import pytest
from django.urls import reverse

from programs.models import FAQ, Insurer
from rehab_site.models import MenuItem
from tests.factories import MenuFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def carriers():
    return {
        "zephyr": Insurer.objects.create(
            name="Zephyr Health",
            slug="zephyr-health",
            order=1,
            has_page=True,
            summary="In network for every level of care.",
            coverage="<p>Zephyr plans usually cover residential care.</p>",
        ),
        "acme": Insurer.objects.create(name="Acme Mutual", slug="acme", order=2),
        "medicaid": Insurer.objects.create(
            name="Medicaid", slug="medicaid", is_accepted=False, has_page=True
        ),
    }


def json_ld(html: str) -> list[dict]:
    return [
        json.loads(block)
        for block in re.findall(
            r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S
        )
    ]


def test_the_list_shows_only_accepted_carriers_in_order(client, carriers):
    html = client.get("/insurance/").text

    assert html.index("Zephyr Health") < html.index("Acme Mutual")
    assert "Medicaid" not in html
    assert 'href="/insurance/zephyr-health/"' in html
    assert 'href="/insurance/acme/"' not in html  # no page of its own


def test_a_carrier_page_shows_coverage_faqs_and_the_form_preselected(client, carriers):
    zephyr = carriers["zephyr"]
    FAQ.objects.create(
        page=zephyr, question="Is detox covered?", answer="Usually, yes.", order=0
    )

    response = client.get("/insurance/zephyr-health/")

    html = response.text
    assert response.status_code == 200
    assert "Zephyr plans usually cover residential care." in html
    assert "Is detox covered?" in html
    faq_page = next(data for data in json_ld(html) if data["@type"] == "FAQPage")
    assert faq_page["mainEntity"][0]["name"] == "Is detox covered?"
    assert f'<option value="{zephyr.pk}" selected>Zephyr Health</option>' in html
    assert f'action="{reverse("admissions:verify_insurance")}"' in html
    assert 'name="form_key"' in html
    assert "public" not in response.get("Cache-Control", "")


def test_a_carrier_without_a_page_or_not_accepted_has_no_page(client, carriers):
    assert client.get("/insurance/acme/").status_code == 404
    assert client.get("/insurance/medicaid/").status_code == 404


def test_a_rename_shows_at_once(client, carriers):
    client.get("/insurance/")
    zephyr = carriers["zephyr"]
    zephyr.name = "Zephyr Health Plans"
    zephyr.save()

    assert "Zephyr Health Plans" in client.get("/insurance/").text


def test_carrier_pages_are_in_the_sitemap(client, carriers):
    xml = client.get("/sitemap-insurance.xml").text
    overview = client.get("/sitemap-program-overviews.xml").text

    assert "/insurance/zephyr-health/" in xml
    assert "/insurance/acme/" not in xml
    assert "/insurance/medicaid/" not in xml
    assert "/insurance/</loc>" in overview


def test_a_menu_item_follows_the_carrier_page_out(client, carriers):
    from django.contrib.contenttypes.models import ContentType

    menu = MenuFactory(slug="main")
    zephyr = carriers["zephyr"]
    MenuItem.objects.create(
        menu=menu,
        label="Zephyr coverage",
        content_type=ContentType.objects.get_for_model(Insurer),
        object_id=zephyr.pk,
    )
    assert 'href="/insurance/zephyr-health/"' in client.get("/").text

    zephyr.has_page = False
    zephyr.save()

    assert "Zephyr coverage" not in client.get("/").text


def test_the_header_program_pages_and_thank_you_link_to_verification(client):
    from tests.programs.factories import ProgramFactory

    program = ProgramFactory()
    url = reverse("admissions:verify_insurance")

    assert f'href="{url}"' in client.get("/").text
    assert f'href="{url}"' in client.get(program.get_absolute_url()).text
    assert f'href="{url}"' in client.get(reverse("admissions:thank_you")).text
