"""/insurance/ and the accepted carriers' pages: from the staff-managed list the forms
offer too, every carrier with its line, with FAQs and their FAQPage data, the verification
form preselected, the sitemap and menus."""

import json
import re

import pytest
from django.urls import reverse

from programs.models import FAQ, Insurer
from tests.factories import MenuFactory
from website.models import MenuItem

# Every insurer has the line its card shows on /insurance/.
LINE = "Plans usually cover treatment here; we check yours for free."

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
        "acme": Insurer.objects.create(
            summary=LINE, name="Acme Mutual", slug="acme", order=2
        ),
        "medicaid": Insurer.objects.create(
            summary="We are not in network with Medicaid; we help you find a program "
            "that is.",
            name="Medicaid",
            slug="medicaid",
            is_accepted=False,
            has_page=True,
        ),
    }


def json_ld(html: str) -> list[dict]:
    return [
        json.loads(block)
        for block in re.findall(
            r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S
        )
    ]


def test_the_list_shows_accepted_carriers_in_order_then_the_others(client, carriers):
    html = client.get("/insurance/").text

    elsewhere = html.index("Plans we are not in network with")
    assert html.index("Zephyr Health") < html.index("Acme Mutual") < elsewhere
    assert html.index("Medicaid", elsewhere) > elsewhere
    assert "Medicaid" not in html[:elsewhere]
    assert 'href="/insurance/zephyr-health/"' in html
    assert 'href="/insurance/acme/"' not in html  # no page of its own
    assert 'href="/insurance/medicaid/"' not in html  # not accepted: no page


def test_every_carrier_the_forms_offer_is_on_the_page_with_its_line(client, carriers):
    from admissions.forms import InquiryForm
    from insurance_verification.forms import VerificationForm

    html = client.get("/insurance/").text

    for form in (InquiryForm(), VerificationForm()):
        offered = [value for value, _ in form.fields["insurance"].choices]
        insurers = Insurer.objects.filter(pk__in=[v for v in offered if v.isdigit()])
        assert set(insurers) == set(Insurer.objects.all())
    for insurer in Insurer.objects.all():
        card = html[html.index(f">{insurer.name}<") :]
        card = card[: card.index("</li>")]
        assert f'<p class="insurers__summary">{insurer.summary}</p>' in card


def test_a_carrier_not_accepted_says_so_and_what_to_do_instead(client, carriers):
    html = client.get("/insurance/").text

    elsewhere = html[html.index("Plans we are not in network with") :]
    card = elsewhere[elsewhere.index(">Medicaid<") :]
    card = card[: card.index("</li>")]
    assert "We are not in network with Medicaid" in card
    assert f'href="{reverse("admissions:inquiry")}"' in card
    assert "Verify your Medicaid benefits" not in html


def test_the_forms_say_which_carriers_are_not_in_network(carriers):
    from insurance_verification.forms import VerificationForm

    labels = dict(VerificationForm().fields["insurance"].choices)

    assert labels[str(carriers["medicaid"].pk)] == "Medicaid (we are not in network)"
    assert labels[str(carriers["acme"].pk)] == "Acme Mutual"


@pytest.mark.parametrize("summary", ["", "   \n  "])
def test_a_carrier_cannot_be_saved_without_its_line(admin_client, summary):
    response = admin_client.post(
        reverse("admin:programs_insurer_add"),
        {
            "name": "Zephyr Health",
            "slug": "zephyr-health",
            "is_accepted": "on",
            "order": "5",
            "summary": summary,
            "programs-faq-content_type-object_id-TOTAL_FORMS": "0",
            "programs-faq-content_type-object_id-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 200
    assert "This field is required." in response.text
    assert not Insurer.objects.exists()


def test_the_database_refuses_a_carrier_without_its_line():
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Insurer.objects.create(name="Zephyr Health", slug="zephyr-health")


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
    assert f'action="{reverse("insurance_verification:verify_insurance")}"' in html
    assert '<input type="hidden" name="form_key" value="">' in html
    assert response["Cache-Control"].startswith("public")


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
    url = reverse("insurance_verification:verify_insurance")

    assert f'href="{url}"' in client.get("/").text
    assert f'href="{url}"' in client.get(program.get_absolute_url()).text
    assert f'href="{url}"' in client.get(reverse("admissions:thank_you")).text


def test_every_demo_carrier_has_its_own_line_on_the_page(client, demo):
    from django.utils.html import escape

    html = client.get("/insurance/").text
    insurers = list(Insurer.objects.all())

    assert {insurer.name for insurer in insurers} >= {"Cigna", "Medicaid", "TRICARE"}
    assert len({insurer.summary for insurer in insurers}) == len(insurers)
    for insurer in insurers:
        card = html[html.index(f">{insurer.name}<") :]
        card = card[: card.index("</li>")]
        assert f'<p class="insurers__summary">{escape(insurer.summary)}</p>' in card
