"""The public insurance verification form: what it stores, what it refuses, in plain words."""

import html
import io
import uuid
from datetime import date, timedelta

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from admissions.models import Inquiry
from insurance_verification.models import InsuranceVerification
from programs.models import Insurer
from tests.admissions.conftest import form_key
from tests.admissions.factories import InquiryFactory
from tests.tasks import run_worker

from .helpers import (
    GPS_IFD,
    HOLDER_BIRTH_DATE,
    MEMBER_ID,
    PATIENT_BIRTH_DATE,
    card,
    photo_bytes,
    verification_post,
)

# Every insurer has the line its card shows on /insurance/.
LINE = "Plans usually cover treatment here; we check yours for free."

pytestmark = pytest.mark.django_db

URL = "/admissions/verify-insurance/"


def send(client, **overrides):
    return client.post(URL, verification_post(**overrides))


def stored_files(root):
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def test_the_form_page_asks_for_the_card_with_the_camera_or_a_file(client):
    html = client.get(URL).text

    assert 'enctype="multipart/form-data"' in html
    assert html.count('accept="image/*"') == 2
    assert 'name="member_id"' in html and 'name="holder_birth_date"' in html
    assert 'name="website"' in html and 'name="form_key"' in html


def test_an_insurer_from_the_list_is_offered_and_preselected_by_its_page(client):
    insurer = Insurer.objects.create(summary=LINE, name="Zephyr Health", slug="zephyr")

    html = client.get(URL, {"insurer": insurer.pk}).text

    assert f'<option value="{insurer.pk}" selected>Zephyr Health</option>' in html


def test_a_verification_is_stored_with_its_details(client):
    insurer = Insurer.objects.create(summary=LINE, name="Zephyr Health", slug="zephyr")

    response = send(client, insurance=str(insurer.pk), insurer_other="")

    verification = InsuranceVerification.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "insurance_verification:thank_you_for", args=[verification.submission_token]
    )
    assert verification.insurer == insurer
    assert verification.insurer_name == "Zephyr Health"
    assert verification.member_id == MEMBER_ID
    assert verification.holder_birth_date == HOLDER_BIRTH_DATE
    assert verification.patient_birth_date == PATIENT_BIRTH_DATE
    assert verification.phone == "+18285550187"
    assert verification.consented_at is not None


def test_a_typed_insurer_is_kept_as_typed(client):
    send(client, insurer_other="  Mountain   Co-op Health ")

    assert InsuranceVerification.objects.get().insurer_name == "Mountain Co-op Health"


def test_the_member_id_is_kept_as_typed_and_trimmed(client):
    send(client, member_id="  w1234-5678 ab ")

    assert InsuranceVerification.objects.get().member_id == "w1234-5678 ab"


def test_the_thank_you_page_shows_the_reference(client):
    response = send(client)

    page = client.get(response["Location"])
    assert InsuranceVerification.objects.get().reference in page.text
    assert "no-store" in page["Cache-Control"]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("member_id", "", "Enter the member ID from the card."),
        ("member_id", "X" * 41, "A member ID has at most 40 characters"),
        ("group_number", "G" * 41, "A group number has at most 40 characters"),
        ("holder_name", "", "Enter the policy holder's name"),
        ("holder_birth_date", "", "This field is required."),
        ("holder_birth_date", "31/31/1990", "Enter the date of birth as month"),
        ("holder_birth_date", "1890-01-01", "more than 120 years ago"),
        ("patient_birth_date", "2999-01-01", "cannot be in the future"),
        ("patient_name", "", "Enter the patient's name"),
        ("insurance", "", "Choose your insurance provider"),
        ("insurance", "999999", "Choose an insurance provider from the list."),
        ("insurer_other", "", "Type the name of your insurance provider."),
        ("relationship", "", "Tell us who the patient is."),
        ("phone", "12", "Enter a phone number we can call"),
        ("consent", "", "agree to the privacy policy"),
    ],
)
def test_each_field_explains_what_is_wrong(client, field, value, message):
    response = send(client, **{field: value})

    assert response.status_code == 200
    assert message in html.unescape(response.text)
    assert not InsuranceVerification.objects.exists()


def test_a_birth_date_of_tomorrow_is_refused_and_today_accepted(client):
    today = date(2026, 6, 1)
    with time_machine.travel("2026-06-01 12:00:00-04:00", tick=False):
        refused = send(
            client, holder_birth_date=(today + timedelta(days=1)).isoformat()
        )
        accepted = send(client, holder_birth_date=today.isoformat())

    assert "cannot be in the future" in refused.text
    assert accepted.status_code == 302


def test_a_way_to_reach_the_family_is_required(client):
    response = send(client, phone="", email="")

    assert "Give us a phone number or an email address" in response.text


def test_the_holder_as_patient_needs_no_patient_details(client):
    send(client, relationship="self", patient_name="", patient_birth_date="")

    verification = InsuranceVerification.objects.get()
    assert verification.patient_name == ""
    assert verification.patient_birth_date is None


def test_card_photos_are_stored_encrypted_outside_media(
    client, private_media_root, media_root
):
    send(client, card_front=card(), card_back=card("back.png", photo_bytes("PNG")))

    verification = InsuranceVerification.objects.get()
    files = stored_files(private_media_root)
    assert len(files) == 2
    assert stored_files(media_root) == []
    assert verification.card_front.name.endswith(".bin")


def test_the_photos_are_re_encoded_without_exif(client):
    from insurance_verification.encryption import decrypt

    send(client, card_front=card())

    verification = InsuranceVerification.objects.get()
    with verification.card_front.open("rb") as stored:
        plain = decrypt(stored.read())
    image = Image.open(io.BytesIO(plain))
    assert image.format == "JPEG"
    assert GPS_IFD not in image.getexif()
    assert b"PhoneMaker" not in plain


def test_an_iphone_heic_photo_is_accepted_and_converted(client):
    from insurance_verification.encryption import decrypt

    send(client, card_front=card("IMG_0001.HEIC", photo_bytes("HEIF"), "image/heic"))

    verification = InsuranceVerification.objects.get()
    with verification.card_front.open("rb") as stored:
        assert Image.open(io.BytesIO(decrypt(stored.read()))).format == "JPEG"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("card.jpg", b"%PDF-1.4 not an image", "not an image we can read"),
        ("card.gif", None, "not an image we can read"),
        ("card.jpg", b"", "This photo file is empty"),
    ],
)
def test_a_file_that_is_not_a_card_photo_is_refused(
    client, private_media_root, name, content, message
):
    if content is None:
        content = photo_bytes("GIF")
    response = send(client, card_front=card(name, content))

    assert response.status_code == 200
    assert message in response.text
    assert not InsuranceVerification.objects.exists()
    assert stored_files(private_media_root) == []


def test_a_half_uploaded_photo_leaves_no_row_and_no_file(client, private_media_root):
    whole = photo_bytes()

    response = send(
        client, card_front=card(), card_back=card("back.jpg", whole[: len(whole) // 2])
    )

    assert response.status_code == 200
    assert "not an image we can read" in response.text
    assert not InsuranceVerification.objects.exists()
    assert stored_files(private_media_root) == []


def test_a_photo_over_the_size_limit_is_refused(client, settings):
    settings.MAX_UPLOAD_IMAGE_BYTES = 1000

    response = send(client, card_front=card())

    assert "larger than" in response.text
    assert not InsuranceVerification.objects.exists()


def test_a_photo_over_the_pixel_cap_is_refused(client, settings):
    settings.MAX_UPLOAD_IMAGE_PIXELS = 10_000

    response = send(client, card_front=card())

    assert "megapixels" in response.text or "too large" in response.text
    assert not InsuranceVerification.objects.exists()


def test_storage_that_refuses_the_second_photo_leaves_nothing(
    client, private_media_root, monkeypatch
):
    from django.core.files.storage import FileSystemStorage

    real_save = FileSystemStorage._save
    calls = []

    def failing_second_save(self, name, content):
        calls.append(name)
        if len(calls) == 2:
            raise OSError("disk full")
        return real_save(self, name, content)

    monkeypatch.setattr(FileSystemStorage, "_save", failing_second_save)

    response = send(client, card_front=card(), card_back=card("back.jpg"))

    assert response.status_code == 503
    assert "could not be stored" in response.text
    assert not InsuranceVerification.objects.exists()
    assert stored_files(private_media_root) == []


def test_a_double_click_makes_one_row(client):
    data = verification_post()

    first = client.post(URL, data)
    second = client.post(URL, data)

    assert InsuranceVerification.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_the_honeypot_drops_the_request_quietly(client):
    response = send(client, website="http://spam.example")

    assert response["Location"] == reverse("insurance_verification:thank_you")
    assert not InsuranceVerification.objects.exists()


def test_a_form_sent_too_fast_is_dropped_quietly(client):
    response = send(client, form_key=form_key(seconds_ago=0))

    assert response.status_code == 302
    assert not InsuranceVerification.objects.exists()


def test_the_rate_limit_is_explained(client, settings):
    settings.ADMISSIONS_RATE_LIMIT = 1
    send(client, form_key=form_key(token=str(uuid.uuid4())))

    response = send(client, form_key=form_key(token=str(uuid.uuid4())))

    assert response.status_code == 429
    assert "several requests from you" in response.text
    assert InsuranceVerification.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_staff_are_told_through_the_task_queue_without_personal_details(client):
    send(client, card_front=card())
    assert mail.outbox == []

    run_worker()

    verification = InsuranceVerification.objects.get()
    message = mail.outbox[0]
    text = f"{message.subject}\n{message.body}"
    assert verification.reference in text
    assert verification.get_admin_url() in message.body
    for personal in [
        MEMBER_ID,
        "GRP-55120",
        "Jordan",
        "Riley",
        "Zephyr",
        "1971",
        "555",
    ]:
        assert personal not in text
    verification.refresh_from_db()
    assert verification.notified_at is not None


def test_a_verification_links_to_the_inquiry_from_the_same_person(client):
    inquiry = InquiryFactory(phone="+18285550187", email="other@example.com")

    send(client)

    assert InsuranceVerification.objects.get().inquiry == inquiry


def test_an_inquiry_sent_after_a_verification_links_to_it(client):
    from tests.admissions.conftest import valid_post

    send(client, email="jordan@example.com", phone="")
    client.post(
        reverse("admissions:inquiry"),
        valid_post(phone="", email="Jordan@Example.com", contact_method="email"),
    )

    inquiry = Inquiry.objects.get()
    assert list(inquiry.verifications.all()) == [InsuranceVerification.objects.get()]


def test_the_sweep_requeues_a_lost_verification_notification(client):
    import io

    from django.core.management import call_command

    send(client)
    InsuranceVerification.objects.update(
        received_at=timezone.now() - timedelta(minutes=30), notification_due_at=None
    )

    output = io.StringIO()
    call_command("notify_pending_inquiries", stdout=output)

    assert "Queued 1 late insurance verification notification." in output.getvalue()
