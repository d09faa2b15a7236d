"""Composed pages (issue 26): each kind of section renders with its optional fields empty
and refuses what it must, a page costs the same queries whatever its number of sections,
the FAQ sections are described together, and the home page is a composed page like any
other, drafted and scheduled."""

import datetime
import json
import re

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from sorl.thumbnail import get_thumbnail

from editing.publishing import Status
from pictures.models import Picture
from programs.home import save_default_home_page
from programs.models import Page, Photo
from programs.models.sections import (
    SECTION_MODELS,
    BlockSection,
    CardsSection,
    GallerySection,
    HeroSection,
    ListSection,
    PictureSection,
    QuestionSection,
    TextSection,
)
from tests.admin_forms import change_form_data
from tests.admissions.factories import marketing_user
from tests.blog.factories import ArticleFactory
from tests.factories import SiteSettingsFactory, UserFactory
from tests.html_forms import admin_form
from tests.pictures.factories import PictureFactory, jpeg_bytes
from tests.programs.factories import (
    PageFactory,
    ProgramFactory,
    TestimonialFactory,
)

pytestmark = pytest.mark.django_db

# The fields each kind of section cannot do without; every other field stays empty.
REQUIRED = {
    "herosection": {"headline": "Stop drinking safely"},
    "textsection": {"body": "<p>Words of the page.</p>"},
    "listsection": {"style": "steps", "items": "Call us: We answer.\nCome in"},
    "cardssection": {"kind": "programs"},
    "questionsection": {"question": "Can my family visit?", "answer": "<p>Yes.</p>"},
}


def section_of(model, **fields):
    return (model, {**REQUIRED.get(model._meta.model_name, {}), **fields})


def picture(alt: str, **fields) -> Picture:
    """A 4:3 picture in the library, described by `alt`."""
    file = ContentFile(jpeg_bytes((1600, 1200)), name="photo.jpg")
    return PictureFactory(alt=alt, file=file, **fields)


def add_photo(page, alt: str):
    Photo.objects.create(page=page, picture=picture(alt))


@pytest.fixture
def content():
    SiteSettingsFactory()
    program = ProgramFactory(name="Medical detox", featured=True)
    TestimonialFactory(program=program, quote="They listened.", featured=True)
    ArticleFactory(title="What happens in detox")


def test_every_kind_of_section_renders_with_its_optional_fields_empty(client, content):
    page = PageFactory(
        slug="every-kind",
        body="",
        sections=[
            section_of(model, heading="")
            if model is not HeroSection
            else section_of(model)
            for model in SECTION_MODELS
            if model not in (PictureSection, BlockSection)
        ],
    )
    PictureSection.objects.create(
        parent=page, region="sections", ordering=25, picture=picture("The lodge")
    )
    add_photo(page, "A quiet room")

    response = client.get(page.get_absolute_url())

    assert response.status_code == 200
    html = response.content.decode()
    # The hero opens the page: its headline is the page's one level-one heading.
    assert re.findall(r"<h1[^>]*>([^<]*)</h1>", html) == ["Stop drinking safely"]
    for expected in (
        "Words of the page.",
        'alt="The lodge"',
        'alt="A quiet room"',
        "We answer.",
        "Medical detox",
        "They listened.",
        "Can my family visit?",
        "What happens in detox",
        'name="form_key"',  # the short inquiry form
        "/admissions/verify-insurance/",
    ):
        assert expected in html, expected


def test_headings_follow_in_order_across_sections(client, content):
    page = PageFactory(
        slug="ordered",
        sections=[
            section_of(HeroSection),
            section_of(ListSection, heading="How it works"),
            section_of(CardsSection, heading="Levels of care"),
        ],
    )

    html = client.get(page.get_absolute_url()).content.decode()

    levels = [int(level) for level in re.findall(r"<h([1-6])", html)]
    assert levels[0] == 1
    assert all(
        after - before <= 1 for before, after in zip(levels, levels[1:], strict=False)
    )


def test_a_sections_picture_without_alt_text_holds_publishing_but_not_a_draft(client):
    client.force_login(marketing_user())
    porch = picture("", title="Porch at dawn")
    page = PageFactory(sections=[(PictureSection, {"picture": porch})])
    url = reverse("admin:programs_page_change", args=[page.pk])
    form = admin_form(client, url)

    published = client.post(url, {**form, "_publish": "Publish"})

    assert published.status_code == 200
    assert "“Porch at dawn” has no alt text" in published.content.decode()
    assert client.post(url, {**form, "_save_draft": "Save draft"}).status_code == 302


def test_a_hero_crops_its_picture_around_the_focal_point(client, content):
    lodge = PictureFactory(alt="The lodge", focal_x=10, focal_y=80)  # 16:10
    page = PageFactory(
        slug="opening", sections=[section_of(HeroSection, picture=lodge)]
    )

    html = client.get(page.get_absolute_url()).content.decode()

    hero = re.search(r'<img class="hero-image__img"[^>]*>', html).group()
    assert 'alt="The lodge"' in hero
    assert 'width="1200" height="900"' in hero
    assert re.search(
        r'srcset="[^"]+\.webp 480w, [^"]+\.webp 800w, [^"]+\.webp 1200w"', hero
    )
    own = get_thumbnail(lodge.file, "1200x900", crop="10% 80%")
    centred = get_thumbnail(lodge.file, "1200x900", crop="center")
    assert own.url in html
    assert centred.url not in html


def test_a_hero_button_cannot_lead_to_a_page_visitors_cannot_see():
    page = PageFactory()
    draft = PageFactory(slug="unfinished", status=Status.DRAFT)
    hero = HeroSection(
        parent=page,
        region="sections",
        headline="Help",
        first_action="page",
        linked_page=draft,
        page_button_label="Read more",
    )

    with pytest.raises(ValidationError) as refused:
        hero.full_clean()

    assert "linked_page" in refused.value.message_dict


def test_a_list_needs_an_item():
    with pytest.raises(ValidationError) as refused:
        ListSection(
            parent=PageFactory(), region="sections", style="promises", items=" \n "
        ).full_clean()

    assert "items" in refused.value.message_dict


def test_the_admin_keeps_everything_typed_when_a_section_is_refused(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    page = PageFactory(sections=[section_of(HeroSection)])
    url = reverse("admin:programs_page_change", args=[page.pk])
    data = change_form_data(client, url)
    data.update(
        {
            "summary": "A summary typed with the mistake.",
            "programs_herosection_set-0-first_action": "page",
            "programs_herosection_set-0-page_button_label": "",
        }
    )

    response = client.post(url, data)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Choose the page the button opens." in html
    assert "A summary typed with the mistake." in html
    page.refresh_from_db()
    assert page.summary != "A summary typed with the mistake."


@pytest.mark.parametrize("count", [3, 15])
def test_a_composed_page_costs_the_same_queries_whatever_its_number_of_sections(
    client, content, django_assert_num_queries, count
):
    shown = picture("The lodge")
    kinds = [
        section_of(TextSection),
        section_of(PictureSection, picture=shown),
        section_of(CardsSection),
    ]
    page = PageFactory(
        slug="composed",
        sections=[kinds[index % 3] for index in range(count)],
    )
    client.get("/")  # the header, the footer and the site's details, cached

    # The page's videos (its security policy), its questions, photos and videos; which
    # kinds of section it has and each of the three (the pictures with their sections);
    # the programs the cards list.
    with django_assert_num_queries(10):
        assert client.get(page.get_absolute_url()).status_code == 200


def test_questions_in_sections_read_as_one_list_and_one_faq_page(client, content):
    page = PageFactory(
        slug="faq",
        sections=[
            section_of(QuestionSection, heading="Questions people ask"),
            section_of(QuestionSection, question="Is it private?"),
        ],
    )
    page.faqs.create(question="How long is detox?", answer="A week.", order=0)

    html = client.get(page.get_absolute_url()).content.decode()

    assert html.count("Questions people ask") == 1
    described = [
        json.loads(block)
        for block in re.findall(
            r'<script type="application/ld\+json">(.*?)</script>', html, re.S
        )
    ]
    faq_pages = [data for data in described if data.get("@type") == "FAQPage"]
    assert len(faq_pages) == 1
    assert [item["name"] for item in faq_pages[0]["mainEntity"]] == [
        "How long is detox?",
        "Can my family visit?",
        "Is it private?",
    ]


def test_the_page_ends_with_one_call_box(client, content):
    from programs.models.sections import CallBoxSection

    plain = PageFactory(slug="plain")
    with_box = PageFactory(slug="boxed", sections=[(CallBoxSection, {})])

    for page in (plain, with_box):
        html = client.get(page.get_absolute_url()).content.decode()
        assert html.count('class="call-box"') == 1


def test_photos_no_section_places_are_shown_below_the_text(client, content):
    page = PageFactory(slug="tour")
    add_photo(page, "A quiet room")
    placed = PageFactory(slug="placed", sections=[(GallerySection, {})])
    add_photo(placed, "The lodge")

    assert 'alt="A quiet room"' in client.get("/tour/").content.decode()
    assert client.get("/placed/").content.decode().count('alt="The lodge"') == 1


class TestTheHomePage:
    def home(self):
        return save_default_home_page()  # as the migrations leave it

    def test_is_a_composed_page_at_the_sites_address_only(self, client, content):
        home = self.home()

        assert home.get_absolute_url() == "/"
        assert client.get("/").status_code == 200
        assert client.get(f"/{home.slug}/").status_code == 404

    def test_stays_published(self):
        home = self.home()
        home.status = Status.DRAFT

        with pytest.raises(ValidationError) as refused:
            home.full_clean()

        assert "status" in refused.value.message_dict

    def test_is_shown_with_its_first_words_when_its_row_is_gone(self, client):
        Page.objects.filter(is_home=True).delete()

        html = client.get("/").content.decode()

        assert "Recovery starts with one honest conversation." in html
        assert "Free, confidential assessment" in html

    def test_a_scheduled_draft_change_reaches_visitors_at_its_time(self, client):
        staff, client = client, Client()
        home = self.home()
        url = reverse("admin:programs_page_change", args=[home.pk])
        now = datetime.datetime(2026, 12, 7, 9, 0, tzinfo=datetime.UTC)
        due = now + datetime.timedelta(hours=2)
        with time_machine.travel(now, tick=False):
            staff.force_login(UserFactory(is_staff=True, is_superuser=True))
            data = change_form_data(staff, url)
            data.update(
                {
                    "programs_herosection_set-0-headline": "Help is one call away.",
                    "_save_draft": "Save as draft change",
                    "draft_publish_at": due.isoformat(),
                }
            )
            assert staff.post(url, data).status_code == 302
            assert "Help is one call away." not in client.get("/").content.decode()

        from editing.drafts import publish_due_changes

        with time_machine.travel(due + datetime.timedelta(minutes=1), tick=False):
            publish_due_changes(due + datetime.timedelta(minutes=1))
            assert "Help is one call away." in client.get("/").content.decode()
