"""Insurance verifications at rest and in the admin: ciphertext in the database and in
storage, key rotation, clear errors for wrong keys, admissions-only access, logged card
views, and the retention purge."""

import io
import os
import subprocess
import sys
import uuid
from datetime import timedelta

import pytest
from cryptography.fernet import Fernet
from django.core.checks import run_checks
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from PIL import Image, UnidentifiedImageError

from admissions.models import AccessLog
from insurance_verification.encryption import EncryptionKeyError, decrypt
from insurance_verification.models import InsuranceVerification
from tests.admissions.conftest import form_key
from tests.admissions.factories import admissions_user

from .helpers import (
    GROUP_NUMBER,
    HOLDER_BIRTH_DATE,
    MEMBER_ID,
    PATIENT_BIRTH_DATE,
    card,
    verification_post,
)

pytestmark = pytest.mark.django_db

URL = "/admissions/verify-insurance/"
SECRETS = [
    MEMBER_ID,
    GROUP_NUMBER,
    HOLDER_BIRTH_DATE.isoformat(),
    PATIENT_BIRTH_DATE.isoformat(),
    HOLDER_BIRTH_DATE.strftime("%m/%d/%Y"),
    HOLDER_BIRTH_DATE.strftime("%Y%m%d"),
]


def send(client, **overrides) -> InsuranceVerification:
    response = client.post(
        URL,
        verification_post(card_front=card(), card_back=card("back.jpg"), **overrides),
    )
    assert response.status_code == 302, response.content
    return InsuranceVerification.objects.latest("pk")


def raw_rows() -> str:
    """The verifications table as a dump would show it: every column as text."""
    table = connection.ops.quote_name(InsuranceVerification._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {table}")
        rows = cursor.fetchall()
    return "\n".join(" ".join(str(value) for value in row) for row in rows)


def stored_bytes(root) -> list[bytes]:
    return [path.read_bytes() for path in root.rglob("*") if path.is_file()]


def card_url(verification, side="front"):
    return reverse(
        "admin:insurance_verification_insuranceverification_card",
        args=[verification.pk, side],
    )


def test_raw_sql_shows_no_member_id_group_number_or_birth_date(client):
    send(client)

    dump = raw_rows()
    assert "Jordan Smith" in dump  # the query does read the row
    for secret in SECRETS:
        assert secret not in dump


def test_the_stored_card_files_are_not_readable_images(
    client, private_media_root, media_root
):
    send(client)

    files = stored_bytes(private_media_root) + stored_bytes(media_root)
    assert len(files) == 2
    for content in files:
        assert not content.startswith(b"\xff\xd8")  # no JPEG
        assert b"JFIF" not in content and b"Exif" not in content
        for secret in SECRETS:
            assert secret.encode() not in content
        with pytest.raises(UnidentifiedImageError):
            Image.open(io.BytesIO(content))


def test_card_files_have_no_public_address(client):
    verification = send(client)

    with pytest.raises(ValueError):
        verification.card_front.url  # noqa: B018


@pytest.mark.django_db(transaction=True)
def test_rotation_re_encrypts_and_old_keys_read_until_it_is_done(
    client, settings, private_media_root
):
    old_key, new_key = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [old_key]
    verification = send(client)

    settings.FIELD_ENCRYPTION_KEYS = [new_key, old_key]
    # Before rotation, the old key still reads everything.
    assert InsuranceVerification.objects.get().member_id == MEMBER_ID
    with verification.card_front.open("rb") as stored:
        assert decrypt(stored.read()).startswith(b"\xff\xd8")
    settings.FIELD_ENCRYPTION_KEYS = [new_key]
    with pytest.raises(EncryptionKeyError):
        InsuranceVerification.objects.get()

    settings.FIELD_ENCRYPTION_KEYS = [new_key, old_key]
    output = io.StringIO()
    call_command("reencrypt_verifications", stdout=output)
    assert "Re-encrypted 1 verification(s) and 2 card photo(s)" in output.getvalue()

    settings.FIELD_ENCRYPTION_KEYS = [new_key]
    rotated = InsuranceVerification.objects.get()
    assert rotated.member_id == MEMBER_ID
    assert rotated.group_number == GROUP_NUMBER
    assert rotated.holder_birth_date == HOLDER_BIRTH_DATE
    assert rotated.patient_birth_date == PATIENT_BIRTH_DATE
    for side in (rotated.card_front, rotated.card_back):
        with side.open("rb") as stored:
            assert decrypt(stored.read()).startswith(b"\xff\xd8")
    # The files written under the old key are gone.
    assert len(stored_bytes(private_media_root)) == 2


@pytest.mark.django_db(transaction=True)
def test_a_wrong_key_is_a_system_check_error_on_migrate(client, settings):
    send(client)
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]

    errors = run_checks(databases=["default"])

    assert "insurance_verification.E002" in [error.id for error in errors]


def test_the_right_key_passes_the_check(client):
    send(client)

    errors = run_checks(databases=["default"])

    assert "insurance_verification.E002" not in [error.id for error in errors]


@pytest.mark.parametrize(
    ("keys", "message"),
    [
        ("", "Refusing to start with DEBUG off: set FIELD_ENCRYPTION_KEYS"),
        ("not-a-key", "key 1 of FIELD_ENCRYPTION_KEYS is not a Fernet key"),
        (
            f"{Fernet.generate_key().decode()},short",
            "key 2 of FIELD_ENCRYPTION_KEYS is not a Fernet key",
        ),
    ],
    ids=["no key", "not a key", "a good key then a short one"],
)
def test_a_missing_or_malformed_key_stops_the_site_from_starting(keys, message):
    environment = {**os.environ, "DEBUG": "false", "FIELD_ENCRYPTION_KEYS": keys}

    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode != 0
    assert message in result.stderr


def test_marketing_gets_403_on_verifications_and_card_images(client, marketing_client):
    verification = send(client)

    for url in [
        reverse("admin:insurance_verification_insuranceverification_changelist"),
        verification.get_admin_url(),
        card_url(verification),
        card_url(verification, "back"),
    ]:
        assert marketing_client.get(url).status_code == 403, url
    assert not AccessLog.objects.filter(action=AccessLog.Action.VIEW_CARD).exists()


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    verification = send(client)

    response = client.get(card_url(verification))

    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_admissions_see_the_card_and_every_view_is_logged(client, admissions_client):
    verification = send(client)

    first = admissions_client.get(card_url(verification))
    second = admissions_client.get(card_url(verification, "back"))
    admissions_client.get(card_url(verification))

    assert first.status_code == second.status_code == 200
    assert first["Content-Type"] == "image/jpeg"
    assert first.content.startswith(b"\xff\xd8")
    assert "no-store" in first["Cache-Control"]
    assert "private" in first["Cache-Control"]
    entries = AccessLog.objects.filter(action=AccessLog.Action.VIEW_CARD)
    assert entries.count() == 3
    assert {entry.inquiry_reference for entry in entries} == {verification.reference}
    assert {entry.subject for entry in entries} == {AccessLog.Subject.VERIFICATION}
    assert {entry.detail for entry in entries} == {"card front", "card back"}
    assert {entry.username for entry in entries} == {
        admissions_client.user.get_username()
    }


def test_the_verification_page_shows_the_details_and_is_logged(
    client, admissions_client
):
    verification = send(client)

    response = admissions_client.get(verification.get_admin_url())

    assert response.status_code == 200
    assert MEMBER_ID in response.text
    assert card_url(verification) in response.text
    assert AccessLog.objects.filter(
        action=AccessLog.Action.VIEW, inquiry_reference=verification.reference
    ).exists()


def test_the_queue_lists_verifications_and_logs_the_list(client, admissions_client):
    verification = send(client)

    response = admissions_client.get(
        reverse("admin:insurance_verification_insuranceverification_changelist")
    )

    assert verification.reference in response.text
    entry = AccessLog.objects.get(action=AccessLog.Action.LIST)
    assert entry.references == [verification.reference]


def test_coverage_found_with_benefits_notes_closes_it(client, admissions_client):
    verification = send(client)
    user = admissions_client.user

    response = admissions_client.post(
        verification.get_admin_url(),
        {
            "status": "coverage",
            "assigned_to": user.pk,
            "benefits_notes": "In network; $500 deductible met; residential needs prior auth.",
            "notes-TOTAL_FORMS": "1",
            "notes-INITIAL_FORMS": "0",
            "notes-0-body": "Called Zephyr provider line, ref 123.",
        },
    )

    assert response.status_code == 302
    verification.refresh_from_db()
    assert verification.status == InsuranceVerification.Status.COVERAGE_FOUND
    assert verification.closed_at is not None
    assert "prior auth" in verification.benefits_notes
    assert verification.assigned_to == user
    assert verification.notes.get().author == user
    assert AccessLog.objects.filter(action=AccessLog.Action.CHANGE).exists()


def test_admissions_cannot_delete_a_verification(client, admissions_client):
    verification = send(client)

    response = admissions_client.post(
        reverse(
            "admin:insurance_verification_insuranceverification_delete",
            args=[verification.pk],
        ),
        {"post": "yes"},
    )

    assert response.status_code == 403
    assert InsuranceVerification.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_purge_removes_old_closed_verifications_and_their_files(
    client, private_media_root
):
    old = send(client)
    recent = send(client, form_key=form_key(token=str(uuid.uuid4())))
    InsuranceVerification.objects.filter(pk=old.pk).update(
        status="coverage", closed_at=timezone.now() - timedelta(days=400)
    )
    InsuranceVerification.objects.filter(pk=recent.pk).update(
        status="coverage", closed_at=timezone.now() - timedelta(days=3)
    )
    assert len(stored_bytes(private_media_root)) == 4

    output = io.StringIO()
    call_command("purge_inquiries", stdout=output)

    assert "1 insurance verification closed" in output.getvalue()
    assert list(InsuranceVerification.objects.values_list("pk", flat=True)) == [
        recent.pk
    ]
    assert len(stored_bytes(private_media_root)) == 2
    assert AccessLog.objects.filter(
        action=AccessLog.Action.DELETE, inquiry_reference=old.reference
    ).exists()


def test_an_admissions_user_reads_the_card_of_a_verification_they_may_view(client):
    # The permission check is the model's: the Admissions group holds it.
    user = admissions_user()
    assert user.has_perm("insurance_verification.view_insuranceverification")
    assert not user.has_perm("admissions.delete_insuranceverification")


def test_the_inquiry_page_links_to_the_same_persons_verification(
    client, admissions_client
):
    from tests.admissions.factories import InquiryFactory

    inquiry = InquiryFactory(phone="+18285550187")
    verification = send(client)

    html = admissions_client.get(inquiry.get_admin_url()).text

    assert verification.get_admin_url() in html
    assert verification.reference in html
