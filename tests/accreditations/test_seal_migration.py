"""Migration accreditations 0003: an uploaded seal becomes a picture in the
library, described as the site read it ("… accreditation seal"), and goes back."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from tests.migrations import migrate
from tests.pictures.factories import jpeg_bytes

BEFORE = [("accreditations", "0002_verification_page_is_web_address")]
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.migrations(BEFORE),
]
AFTER = [("accreditations", "0003_seal_picture_into_library")]


def test_a_seal_moves_into_the_library_with_the_words_it_was_read_by(old_schema):
    name = default_storage.save("accreditations/carf.jpg", ContentFile(jpeg_bytes()))
    Accreditation = old_schema.get_model("accreditations", "Accreditation")
    sealed = Accreditation.objects.create(
        body="CARF International",
        kind="accreditation",
        issued_on=datetime.date(2025, 1, 15),
        seal=name,
    )
    licensed = Accreditation.objects.create(
        body="North Carolina DHHS",
        kind="license",
        issued_on=datetime.date(2025, 1, 15),
    )

    apps = migrate(AFTER)

    Accreditation = apps.get_model("accreditations", "Accreditation")
    picture = Accreditation.objects.get(pk=sealed.pk).seal_picture
    assert picture.file.name == name
    assert picture.alt == "CARF International accreditation seal"
    assert picture.title == "CARF International seal"
    assert (picture.width, picture.height) == (1600, 1000)
    assert Accreditation.objects.get(pk=licensed.pk).seal_picture is None

    apps = migrate(BEFORE)

    Accreditation = apps.get_model("accreditations", "Accreditation")
    assert Accreditation.objects.get(pk=sealed.pk).seal.name == name
    assert not Accreditation.objects.get(pk=licensed.pk).seal
