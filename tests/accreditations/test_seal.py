"""A seal is a picture from the library, drawn at badge size, and always described: by
its own alt text, or else by its issuing body and kind, as the site read seals before."""

import re

import pytest
from django.test import Client

from accreditations.templatetags.accreditation_tags import current_accreditations
from tests.admin_forms import submit_change_form
from tests.factories import SiteSettingsFactory, UserFactory
from tests.pictures.factories import PictureFactory

from .factories import AccreditationFactory

pytestmark = pytest.mark.django_db


def seal_in_footer() -> str:
    SiteSettingsFactory()
    html = Client().get("/").content.decode()
    [image] = re.findall(r'<img class="credential__seal" [^>]*>', html)
    return image


def test_a_seal_is_drawn_at_badge_size_with_its_own_alt_text(media_root):
    AccreditationFactory(
        body="CARF International",
        seal_picture=PictureFactory(
            alt="CARF's gold accreditation seal"
        ),  # 1600 × 1000
    )
    image = seal_in_footer()
    assert re.search(r'src="[^"]+\.png"', image)
    assert 'width="192" height="120"' in image
    assert 'alt="CARF&#x27;s gold accreditation seal"' in image


@pytest.mark.parametrize(
    "picture",
    [{"alt": ""}, {"alt": "", "decorative": True}],
    ids=["none", "decorative"],
)
def test_a_seal_without_alt_text_is_read_as_the_bodys_seal(media_root, picture):
    AccreditationFactory(
        body="LegitScript",
        kind="certification",
        seal_picture=PictureFactory(**picture),
    )
    assert 'alt="LegitScript certification seal"' in seal_in_footer()


def test_a_seal_without_alt_text_does_not_hold_a_save(client, media_root):
    """The accreditation's admin has no publishing checklist: the seal is described anyway."""
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    accreditation = AccreditationFactory()
    picture = PictureFactory(alt="")
    submit_change_form(
        client,
        f"/admin/accreditations/accreditation/{accreditation.pk}/change/",
        {"seal_picture": str(picture.pk)},
    )
    accreditation.refresh_from_db()
    assert accreditation.seal_picture == picture


def test_the_seals_are_loaded_with_the_accreditations(
    media_root, django_assert_num_queries
):
    AccreditationFactory(seal_picture=PictureFactory())
    AccreditationFactory(seal_picture=PictureFactory())
    accreditations = current_accreditations()
    with django_assert_num_queries(0):
        assert all(item.seal_picture.file for item in accreditations)
