"""Migration admissions 0008: insurance verifications moved to their own app. A database
holding the previous schema and rows migrates forward with nothing lost: the rows and
their notes, the link to the inquiry, the admin's log and the staff groups' permissions
all stay with them, and the encrypted fields still read."""

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType

from admissions.models import Inquiry
from insurance_verification.models import InsuranceVerification
from tests.migrations import migrate_to_the_latest

BEFORE = [
    ("admissions", "0007_attribution_paths_are_not_typed"),
    ("insurance_verification", None),
]
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.migrations(BEFORE),
]


def test_verifications_notes_log_and_permissions_move_with_their_models(old_schema):
    ContentType_ = old_schema.get_model("contenttypes", "ContentType")
    old_type = ContentType_.objects.get(
        app_label="admissions", model="insuranceverification"
    )
    User = old_schema.get_model("auth", "User")
    counselor = User.objects.create(username="counselor", is_staff=True)
    inquiry = old_schema.get_model("admissions", "Inquiry").objects.create(
        reference="INQ23456", name="Jordan", phone="+18285550187", for_whom="self"
    )
    verification = old_schema.get_model(
        "admissions", "InsuranceVerification"
    ).objects.create(
        reference="VER23456",
        insurer_name="Zephyr Health",
        member_id="ZX-44",
        holder_name="Jordan",
        relationship="self",
        holder_birth_date="1980-01-01",
        phone="+18285550187",
        status="checking",
        assigned_to=counselor,
        inquiry=inquiry,
    )
    old_schema.get_model("admissions", "VerificationNote").objects.create(
        verification=verification, author=counselor, body="Called the carrier."
    )
    old_schema.get_model("admin", "LogEntry").objects.create(
        action_time="2026-01-01T00:00:00Z",
        user=counselor,
        content_type=old_type,
        object_id=str(verification.pk),
        object_repr="Verification VER23456",
        action_flag=2,
    )
    view = old_schema.get_model("auth", "Permission").objects.get(
        content_type=old_type, codename="view_insuranceverification"
    )
    old_schema.get_model("auth", "Group").objects.create(
        name="Billing"
    ).permissions.add(view)

    migrate_to_the_latest()

    moved = InsuranceVerification.objects.get()
    assert (moved.reference, moved.member_id, str(moved.holder_birth_date)) == (
        "VER23456",
        "ZX-44",
        "1980-01-01",
    )
    assert moved.inquiry == Inquiry.objects.get(reference="INQ23456")
    assert moved.assigned_to.username == "counselor"
    assert [note.body for note in moved.notes.all()] == ["Called the carrier."]
    type_now = ContentType.objects.get_for_model(InsuranceVerification)
    assert (type_now.pk, type_now.app_label) == (old_type.pk, "insurance_verification")
    assert LogEntry.objects.get().get_edited_object() == moved
    assert list(
        Group.objects.get(name="Billing").permissions.values_list(
            "content_type__app_label", "codename"
        )
    ) == [("insurance_verification", "view_insuranceverification")]
