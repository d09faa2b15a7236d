"""The insurers' list is data: staff manage it in the admin, the form offers it, and an
inquiry keeps the answer as it read when it was sent."""

import pytest
from django.urls import reverse

from admissions.forms import InquiryForm
from admissions.models import Inquiry
from programs.models import Insurer

from .conftest import form_key, valid_post

# Every insurer has the line its card shows on /insurance/.
LINE = "Plans usually cover treatment here; we check yours for free."

pytestmark = pytest.mark.django_db

NO_FAQS = {
    "programs-faq-content_type-object_id-TOTAL_FORMS": "0",
    "programs-faq-content_type-object_id-INITIAL_FORMS": "0",
}


def send(client, **overrides):
    return client.post(
        reverse("admissions:inquiry"), valid_post(form_key=form_key(), **overrides)
    )


def test_the_form_offers_the_insurers_in_staff_order_then_the_fixed_answers():
    Insurer.objects.create(summary=LINE, name="Zephyr Health", slug="zephyr", order=1)
    Insurer.objects.create(
        summary=LINE, name="Acme Mutual", slug="acme", order=2, is_accepted=False
    )

    labels = [label for _, label in InquiryForm().fields["insurance"].choices]

    assert labels == [
        "Choose one (optional)",
        "Zephyr Health",
        "Acme Mutual (we are not in network)",
        "Other insurance",
        "No insurance / paying privately",
        "Not sure",
    ]


def test_the_page_shows_an_insurer_added_in_the_admin(client, admin_client):
    admin_client.post(
        reverse("admin:programs_insurer_add"),
        {
            "name": "Zephyr Health",
            "slug": "zephyr-health",
            "is_accepted": "on",
            "order": "5",
            "summary": LINE,
            **NO_FAQS,
        },
    )

    assert "Zephyr Health" in client.get(reverse("admissions:inquiry")).text


def test_an_inquiry_keeps_its_insurer_label_after_a_rename(client):
    insurer = Insurer.objects.create(summary=LINE, name="Zephyr Health", slug="zephyr")
    send(client, insurance=str(insurer.pk))

    insurer.name = "Zephyr Health Plans of Carolina"
    insurer.save()

    inquiry = Inquiry.objects.get()
    assert inquiry.insurance == "Zephyr Health"
    assert inquiry.insurer == insurer


def test_an_inquiry_keeps_its_insurer_label_after_the_insurer_is_removed(client):
    insurer = Insurer.objects.create(summary=LINE, name="Zephyr Health", slug="zephyr")
    send(client, insurance=str(insurer.pk))

    insurer.delete()

    inquiry = Inquiry.objects.get()
    assert inquiry.insurance == "Zephyr Health"
    assert inquiry.insurer is None


def test_a_fixed_answer_is_kept_as_its_label(client):
    send(client, insurance="none")

    assert Inquiry.objects.get().insurance == "No insurance / paying privately"


def test_an_insurer_removed_while_the_form_was_open_is_explained(client):
    insurer = Insurer.objects.create(summary=LINE, name="Zephyr Health", slug="zephyr")
    pk = insurer.pk
    insurer.delete()

    response = send(client, insurance=str(pk))

    assert response.status_code == 200
    assert "Choose an insurance provider from the list." in response.text
    assert not Inquiry.objects.exists()


def test_marketing_manages_the_insurers(marketing_client):
    response = marketing_client.post(
        reverse("admin:programs_insurer_add"),
        {
            "name": "Zephyr Health",
            "slug": "zephyr-health",
            "order": "5",
            "summary": LINE,
            **NO_FAQS,
        },
    )

    assert response.status_code == 302
    assert Insurer.objects.get().is_accepted is False
