"""Verifications, images and posts for the insurance verification tests."""

import io
from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from insurance_verification.models import InsuranceVerification
from tests.admissions.conftest import form_key

MEMBER_ID = "XQZ884213907"
GROUP_NUMBER = "GRP-55120-A"
HOLDER_BIRTH_DATE = date(1971, 3, 14)
PATIENT_BIRTH_DATE = date(1999, 11, 2)
GPS_IFD = 0x8825


def photo_bytes(format_name: str = "JPEG", size=(640, 400), with_gps: bool = True):
    """A card-sized photo; JPEGs carry EXIF with a GPS position, as a phone's do."""
    image = Image.new("RGB", size, (30, 90, 160))
    for x in range(40, 300):
        for y in range(60, 90):
            image.putpixel((x, y), (250, 250, 250))
    output = io.BytesIO()
    if format_name == "JPEG" and with_gps:
        exif = Image.Exif()
        exif[0x010F] = "PhoneMaker"
        exif[GPS_IFD] = {1: "N", 2: (35.0, 35.0, 0.0), 3: "W", 4: (82.0, 33.0, 0.0)}
        image.save(output, "JPEG", exif=exif)
    else:
        image.save(output, format_name)
    return output.getvalue()


def card(
    name: str = "card.jpg", content: bytes | None = None, content_type="image/jpeg"
):
    return SimpleUploadedFile(
        name, photo_bytes() if content is None else content, content_type=content_type
    )


def verification_post(**overrides) -> dict:
    data = {
        "insurance": "other",
        "insurer_other": "Zephyr Health",
        "member_id": MEMBER_ID,
        "group_number": GROUP_NUMBER,
        "holder_name": "Jordan Smith",
        "relationship": "parent",
        "holder_birth_date": HOLDER_BIRTH_DATE.isoformat(),
        "patient_name": "Riley Smith",
        "patient_birth_date": PATIENT_BIRTH_DATE.isoformat(),
        "phone": "(828) 555-0187",
        "email": "jordan@example.com",
        "consent": "on",
        "website": "",
        "form_key": form_key(),
        "form_page": "/admissions/verify-insurance/",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def verification(**fields) -> InsuranceVerification:
    values = {
        "insurer_name": "Zephyr Health",
        "member_id": MEMBER_ID,
        "holder_name": "Jordan Smith",
        "relationship": InsuranceVerification.Relationship.SELF,
        "holder_birth_date": HOLDER_BIRTH_DATE,
        "phone": "+18285550187",
        "email": "",
        **fields,
    }
    return InsuranceVerification.objects.create(**values)
