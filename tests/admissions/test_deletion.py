"""Clinical records are not deleted by hand: admissions staff cannot delete an inquiry, and a
superuser can only with a stated reason that the access log keeps."""

import pytest
from django.urls import reverse

from admissions.models import AccessLog, Inquiry

from .factories import InquiryFactory

pytestmark = pytest.mark.django_db


def delete_url(inquiry):
    return reverse("admin:admissions_inquiry_delete", args=[inquiry.pk])


def test_admissions_staff_get_no_delete_button(admissions_client):
    inquiry = InquiryFactory()

    html = admissions_client.get(inquiry.get_admin_url()).content.decode()

    assert delete_url(inquiry) not in html
    assert "deletelink" not in html


@pytest.mark.parametrize("method", ["get", "post"])
def test_admissions_staff_cannot_delete_through_the_delete_url(
    admissions_client, method
):
    inquiry = InquiryFactory()

    response = getattr(admissions_client, method)(
        delete_url(inquiry), {"reason": "Because I can.", "post": "yes"}
    )

    assert response.status_code == 403
    assert Inquiry.objects.filter(pk=inquiry.pk).exists()
    assert not AccessLog.objects.filter(action="delete").exists()


def test_admissions_staff_have_no_bulk_delete_either(admissions_client):
    inquiry = InquiryFactory()

    admissions_client.post(
        reverse("admin:admissions_inquiry_changelist"),
        {"action": "delete_selected", "_selected_action": [inquiry.pk], "post": "yes"},
    )

    assert Inquiry.objects.filter(pk=inquiry.pk).exists()


def test_a_superuser_sees_the_delete_button(admin_client):
    inquiry = InquiryFactory()

    html = admin_client.get(inquiry.get_admin_url()).content.decode()

    assert delete_url(inquiry) in html


@pytest.mark.parametrize("reason", ["", "   ", "dup"])
def test_a_superuser_must_state_a_reason(admin_client, reason):
    inquiry = InquiryFactory()

    response = admin_client.post(delete_url(inquiry), {"reason": reason, "post": "yes"})

    assert response.status_code == 200
    assert Inquiry.objects.filter(pk=inquiry.pk).exists()
    html = response.content.decode()
    assert "errornote" in html
    assert not AccessLog.objects.filter(action="delete").exists()


def test_a_superusers_reason_is_kept_with_the_deletion(admin_client):
    inquiry = InquiryFactory()
    InquiryFactory()  # another, untouched

    response = admin_client.post(
        delete_url(inquiry),
        {"reason": "The person asked us to erase their request."},
        follow=True,
    )

    assert response.status_code == 200
    assert Inquiry.objects.count() == 1
    entry = AccessLog.objects.get(action="delete")
    assert entry.inquiry_reference == inquiry.reference
    assert entry.detail == "reason: The person asked us to erase their request."


def test_deleting_a_missing_inquiry_is_a_404(admin_client):
    response = admin_client.get("/admin/admissions/inquiry/999999/delete/")

    assert response.status_code == 404
