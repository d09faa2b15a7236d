"""Campaign landing pages and reusable blocks (issue 26 items 4 and 5): the landing layout
keeps visitors on its message and out of search engines, its campaign number shows on the
page (cached like every page) and is recorded on an inquiry sent in that visit; a block
placed on many pages changes on all of them with one edit, and lists where it is used."""

import uuid

import pytest
from django.test import Client
from django.urls import reverse

from admissions.models import Inquiry
from editing.publishing import Status
from programs.models import Page
from programs.models.sections import (
    BlockSection,
    CallBoxSection,
    PlacedBlock,
    TextSection,
)
from tests.admin_forms import submit_change_form
from tests.admissions.conftest import form_key, valid_post
from tests.factories import SiteSettingsFactory, UserFactory
from tests.programs.factories import PageFactory, ProgramFactory

pytestmark = pytest.mark.django_db

MAIN = "(828) 555-0142"
CAMPAIGN = "(828) 555-0199"


@pytest.fixture
def landing():
    SiteSettingsFactory(phone=MAIN)
    return PageFactory(
        slug="alcohol-rehab-asheville",
        name="Alcohol rehab near Asheville",
        layout=Page.Layout.LANDING,
        noindex=True,
        campaign_phone=CAMPAIGN,
        sections=[(CallBoxSection, {"heading": "Ready to talk?"})],
    )


def test_a_landing_page_has_no_menu_but_keeps_the_notices_and_crisis_lines(landing):
    html = Client().get(landing.get_absolute_url()).content.decode()

    assert 'id="site-nav"' not in html
    assert "site-header--landing" in html
    assert 'class="crisis' in html
    assert "site-footer" in html
    assert '<meta name="robots" content="noindex">' in html


def test_a_landing_page_stays_out_of_the_sitemap_and_the_sites_search(landing):
    client = Client()

    assert landing.slug not in client.get("/sitemap-pages.xml").content.decode()
    results = client.get("/search/", {"q": "Asheville"}).content.decode()
    assert landing.get_absolute_url() not in results


def test_the_campaign_number_replaces_the_main_one_on_its_page_only(landing):
    other = PageFactory(slug="about")
    client = Client()

    on_landing = client.get(landing.get_absolute_url()).content.decode()
    elsewhere = client.get(other.get_absolute_url()).content.decode()

    assert CAMPAIGN in on_landing and MAIN not in on_landing
    assert 'href="tel:+18285550199"' in on_landing
    assert f'data-campaign-phone="{CAMPAIGN}"' in on_landing
    # Every other page is the same for everyone: the script swaps the number in the
    # browser for the rest of the visit (static/js/site.js).
    assert MAIN in elsewhere and CAMPAIGN not in elsewhere
    assert "data-campaign-phone" not in elsewhere
    # Cached parts of pages are kept apart by number: the next visitor of each page
    # still sees its own.
    assert CAMPAIGN not in client.get(other.get_absolute_url()).content.decode()
    assert MAIN not in client.get(landing.get_absolute_url()).content.decode()


def send_inquiry(client, **extra):
    """The inquiry form as the site's script sends it: `campaign_page` is what it kept
    for the visit (sessionStorage), `form_page` the page the form was on."""
    return client.post(
        "/admissions/", valid_post(form_key=form_key(token=str(uuid.uuid4())), **extra)
    )


@pytest.fixture
def relaxed_spam_checks(settings):
    settings.ADMISSIONS_MIN_FILL_SECONDS = 0


def test_an_inquiry_sent_in_the_visit_records_the_landing_page_and_number(
    landing, relaxed_spam_checks
):
    response = send_inquiry(
        Client(), campaign_page=landing.get_absolute_url(), form_page="/admissions/"
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    inquiry = Inquiry.objects.get()
    assert inquiry.campaign_page == "/alcohol-rehab-asheville/"
    assert inquiry.campaign_phone == CAMPAIGN


def test_a_new_visit_records_no_campaign_and_a_made_up_one_is_ignored(
    landing, relaxed_spam_checks
):
    send_inquiry(Client())
    send_inquiry(Client(), campaign_page="/about/")

    assert list(Inquiry.objects.values_list("campaign_page", "campaign_phone")) == [
        ("", ""),
        ("", ""),
    ]


def test_without_the_script_the_form_on_the_landing_page_records_it(
    landing, relaxed_spam_checks
):
    send_inquiry(Client(), form_page=landing.get_absolute_url())

    assert Inquiry.objects.get().campaign_phone == CAMPAIGN


def test_the_attribution_report_counts_inquiries_by_campaign_number(
    landing, relaxed_spam_checks, admin_client
):
    send_inquiry(Client(), campaign_page=landing.get_absolute_url())

    html = admin_client.get(
        reverse("admin:admissions_attributionreport_changelist")
    ).content.decode()

    assert "By campaign landing page" in html
    assert "/alcohol-rehab-asheville/" in html and CAMPAIGN in html


class TestReusableBlocks:
    @pytest.fixture
    def block(self):
        SiteSettingsFactory()
        return PageFactory(
            slug="ready-to-talk",
            name="Ready to talk? (block)",
            layout=Page.Layout.BLOCK,
            sections=[(TextSection, {"body": "<p>Call us, any hour.</p>"})],
        )

    def test_one_edit_changes_every_page_that_places_it(self, block, admin_client):
        pages = [
            PageFactory(slug=slug, sections=[(BlockSection, {"block": block})])
            for slug in ("about", "tour")
        ]
        visitor = Client()
        for page in pages:
            assert (
                "Call us, any hour."
                in visitor.get(page.get_absolute_url()).content.decode()
            )

        submit_change_form(
            admin_client,
            reverse("admin:programs_page_change", args=[block.pk]),
            {"programs_textsection_set-0-body": "<p>Text us, any hour.</p>"},
        )

        for page in pages:
            html = visitor.get(page.get_absolute_url()).content.decode()
            assert "Text us, any hour." in html
            assert "Call us, any hour." not in html

    def test_its_form_lists_the_pages_that_place_it(self, block, admin_client):
        PageFactory(
            slug="about", name="About us", sections=[(BlockSection, {"block": block})]
        )

        html = admin_client.get(
            reverse("admin:programs_page_change", args=[block.pk])
        ).content.decode()

        assert "1 page:" in html and "About us" in html

    def test_a_block_in_use_cannot_be_deleted(self, block, admin_client):
        PageFactory(slug="about", sections=[(BlockSection, {"block": block})])

        response = admin_client.post(
            reverse("admin:programs_page_delete", args=[block.pk]), {"post": "yes"}
        )

        assert Page.objects.filter(pk=block.pk).exists()
        assert "Cannot delete" in response.content.decode()

    def test_it_has_no_address_of_its_own(self, block):
        assert Client().get("/ready-to-talk/").status_code == 404

    def test_a_draft_block_shows_nowhere(self, block):
        block.status = Status.DRAFT
        block.save()
        page = PageFactory(slug="about", sections=[(BlockSection, {"block": block})])

        html = Client().get(page.get_absolute_url()).content.decode()

        assert "Call us, any hour." not in html

    def test_a_block_cannot_place_a_block(self, block):
        other = PageFactory(slug="inner", layout=Page.Layout.BLOCK)
        placement = BlockSection(parent=block, region="sections", block=other)

        with pytest.raises(Exception) as refused:
            placement.full_clean()

        assert "block" in refused.value.message_dict

    def test_a_program_page_shows_it_below_its_own_fields(self, block, admin_client):
        program = ProgramFactory(slug="detox", name="Medical detox")
        PlacedBlock.objects.create(page=program, block=block, order=0)

        html = Client().get(program.get_absolute_url()).content.decode()
        form = admin_client.get(
            reverse("admin:programs_page_change", args=[block.pk])
        ).content.decode()

        assert "Call us, any hour." in html
        assert "Medical detox" in form and "/admin/programs/program/" in form

    def test_editors_see_it_among_the_pages(self, block):
        client = Client()
        client.force_login(UserFactory(is_staff=True, is_superuser=True))

        html = client.get(
            reverse("admin:programs_page_changelist"), {"layout": "block"}
        ).content.decode()

        assert "Ready to talk? (block)" in html
