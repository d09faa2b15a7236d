"""Place and contact: "Text us" beside the phone wherever it appears, directions in the
visitor's own map app (nothing embedded), the campus's coordinates in the JSON-LD, and an
optional map picture from the picture library."""

import json
import re

import pytest
from django.test import Client

from programs.models.sections import AccreditationsSection, CenterDetailsSection
from tests.admin_forms import change_form_data
from tests.blog.factories import ArticleFactory
from tests.factories import SiteSettingsFactory, UserFactory
from tests.pictures.factories import PictureFactory
from tests.programs.factories import PageFactory, ProgramFactory
from website.models import SiteSettings

pytestmark = pytest.mark.django_db

CENTER_TEL = 'href="tel:+18285550142"'
CENTER_SMS = 'href="sms:+18285550199"'
# Every public page with the center's phone on it: header, footer, hero, call boxes, the
# page header and aside of program pages, the admissions form, the error pages.
PAGES_WITH_THE_PHONE = [
    "/",
    "/about/",
    "/treatment/detox/",
    "/blog/",
    "/blog/a-first-article/",
    "/admissions/",
    "/admissions/thank-you/",
    "/no-such-page/",
]


@pytest.fixture
def pages():
    PageFactory(
        slug="about",
        name="About us",
        sections=[(CenterDetailsSection, {}), (AccreditationsSection, {})],
    )
    ProgramFactory(slug="detox", name="Medical detox")
    ArticleFactory(slug="a-first-article")


def test_text_us_sits_beside_the_phone_everywhere_it_appears(pages):
    SiteSettingsFactory(text_phone="828.555.0199")
    for path in PAGES_WITH_THE_PHONE:
        html = Client().get(path).content.decode()
        phones = html.count(CENTER_TEL)
        assert phones >= 2, path  # header and footer at least
        assert html.count(CENTER_SMS) == phones, path
        # Each "Text us" link follows its phone link directly.
        beside = re.findall(
            r'tel:\+18285550142"(?:(?!</a>).)*</a>\s*<a [^>]*href="sms:', html, re.S
        )
        assert len(beside) == phones, path


def test_no_text_us_link_without_a_text_capable_number(pages):
    SiteSettingsFactory(text_phone="")
    for path in PAGES_WITH_THE_PHONE:
        html = Client().get(path).content.decode()
        assert CENTER_TEL in html, path
        assert "sms:" not in html, path
        assert "Text us" not in html, path


def test_get_directions_opens_the_visitors_map_app_and_embeds_nothing(pages):
    SiteSettingsFactory(latitude="35.233412", longitude="-82.727683")
    html = Client().get("/about/").content.decode()
    links = re.findall(r'<a class="directions__link" ([^>]*)>', html)
    assert len(links) == 2  # the footer, and the About page's "Visit or call"
    attributes = links[0]
    assert (
        'href="https://www.google.com/maps/dir/?api=1&amp;destination=35.233412%2C-82.727683"'
        in attributes
    )
    assert (
        'data-geo-href="geo:35.233412,-82.727683?q=35.233412,-82.727683(Willow%20Ridge%20Recovery)"'
        in attributes
    )
    assert "https://maps.apple.com/?daddr=35.233412%2C-82.727683" in attributes
    assert "<iframe" not in html
    # Nothing on the page is loaded from another host.
    for source in re.findall(r'(?:src|srcset)="([^"]+)"', html):
        assert source.startswith("/"), source
    for href in re.findall(r'<link [^>]*href="([^"]+)"', html):
        assert href.startswith("/") or "canonical" in html, href


def test_directions_fall_back_to_the_address_without_coordinates(pages):
    SiteSettingsFactory()
    html = Client().get("/").content.decode()
    assert "destination=1450+Laurel+Creek+Road%2C+Brevard%2C+NC+28712" in html


def test_the_coordinates_are_in_the_medical_clinic_json_ld(pages):
    SiteSettingsFactory(latitude="35.233412", longitude="-82.727683")
    html = Client().get("/").content.decode()
    blocks = [
        json.loads(block)
        for block in re.findall(
            r'<script type="application/ld\+json">(.*?)</script>', html, re.S
        )
    ]
    [clinic] = [block for block in blocks if block.get("@type") == "MedicalClinic"]
    assert clinic["geo"] == {
        "@type": "GeoCoordinates",
        "latitude": 35.233412,
        "longitude": -82.727683,
    }


@pytest.fixture
def admin_client(client):
    SiteSettingsFactory()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def settings_form(client, **overrides) -> dict:
    """The site settings form as it stands, with `overrides`: every field and inline."""
    SiteSettings.objects.get_or_create(pk=1)
    data = change_form_data(client, "/admin/website/sitesettings/1/change/")
    return {**data, **overrides}


def about_page_html() -> str:
    PageFactory(
        slug="about",
        name="About us",
        sections=[(CenterDetailsSection, {}), (AccreditationsSection, {})],
    )
    return Client().get("/about/").content.decode()


def test_a_map_picture_is_shown_from_the_library_with_its_alt_text(
    admin_client, media_root
):
    picture = PictureFactory(alt="The lane from Route 64", wide=True)  # 1600 × 1000
    response = admin_client.post(
        "/admin/website/sitesettings/1/change/",
        settings_form(admin_client, map_picture=picture.pk),
    )
    assert response.status_code == 302
    assert SiteSettings.objects.get().map_picture == picture
    [image] = re.findall(r'<img class="aside-card__map" [^>]*>', about_page_html())
    middle = picture.renditions["sizes"][1]
    assert f'src="{middle["url"]}"' in image
    assert 'width="800" height="500"' in image
    assert " 480w, " in image and " 1200w" in image
    assert 'alt="The lane from Route 64"' in image


def test_a_map_picture_without_alt_text_is_refused(admin_client, media_root):
    picture = PictureFactory(title="Campus sketch", alt="")
    response = admin_client.post(
        "/admin/website/sitesettings/1/change/",
        settings_form(admin_client, map_picture=picture.pk),
    )
    assert response.status_code == 200
    assert "“Campus sketch” has no alt text." in response.content.decode()
    assert SiteSettings.objects.get().map_picture is None


def test_a_decorative_map_picture_is_shown_with_an_empty_alt(media_root):
    SiteSettingsFactory(map_picture=PictureFactory(alt="", decorative=True))
    [image] = re.findall(r'<img class="aside-card__map" [^>]*>', about_page_html())
    assert 'alt=""' in image


def test_no_map_is_shown_without_a_map_picture():
    SiteSettingsFactory()
    assert "aside-card__map" not in about_page_html()


def test_the_map_picture_is_loaded_with_the_site_settings(
    media_root, django_assert_num_queries
):
    SiteSettingsFactory(map_picture=PictureFactory())
    site = SiteSettings.build_for_pages()
    with django_assert_num_queries(0):
        assert site.map_size["width"] == 800
        assert site.map_picture.alt_text


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"latitude": "35.2"}, "Give both the latitude and the longitude, or neither."),
        (
            {"latitude": "95", "longitude": "-82.7"},
            "Ensure this value is less than or equal to 90.",
        ),
    ],
)
def test_bad_coordinates_are_explained(admin_client, overrides, message):
    response = admin_client.post(
        "/admin/website/sitesettings/1/change/",
        settings_form(admin_client, **overrides),
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert SiteSettings.objects.get().latitude is None
