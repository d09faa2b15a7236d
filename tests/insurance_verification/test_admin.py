"""The insurance verification pages speak like the inquiry pages: the phone in the center's
format as one-tap links, and colleagues by full name."""

import pytest
from django.urls import reverse

from tests.admissions.factories import InquiryFactory, admissions_user, marketing_user

from .helpers import verification

pytestmark = pytest.mark.django_db

LIST_URL = reverse("admin:insurance_verification_insuranceverification_changelist")
INQUIRIES_URL = reverse("admin:admissions_inquiry_changelist")


def assignee_choices(page: str) -> str:
    start = page.index('name="assigned_to"')
    return page[start : page.index("</select>", start)]


def reach_cell(html: str) -> str:
    start = html.index('class="reach-links"')
    return html[start : html.index("</span>", start)]


@pytest.mark.parametrize(
    ("stored", "shown", "href"),
    [
        ("+18285550187", "(828) 555-0187", "tel:+18285550187"),
        ("+442079460958", "+44 20 7946 0958", "tel:+442079460958"),
        # Stored before numbers were normalized: still shown and dialled.
        ("828.555.0187", "828.555.0187", "tel:8285550187"),
    ],
)
def test_the_list_and_the_page_show_the_phone_as_the_inquiry_pages_do(
    admissions_client, stored, shown, href
):
    item = verification(phone=stored)
    inquiry = InquiryFactory(phone=stored, email="")

    for html in (
        admissions_client.get(LIST_URL).content.decode(),
        admissions_client.get(item.get_admin_url()).content.decode(),
    ):
        cell = reach_cell(html)
        assert f'href="{href}"' in cell
        assert f">{shown}</a>" in cell
        assert href.replace("tel:", "sms:") in cell
    inquiry_cell = reach_cell(admissions_client.get(INQUIRIES_URL).content.decode())
    assert f">{shown}</a>" in inquiry_cell
    assert inquiry.reference


def test_an_email_only_verification_shows_its_address_as_the_link(admissions_client):
    verification(phone="", email="jordan@example.com")

    cell = reach_cell(admissions_client.get(LIST_URL).content.decode())

    assert 'href="mailto:jordan@example.com"' in cell
    assert "tel:" not in cell
    # A verification records no preferred way: no link is marked as preferred.
    assert "preferred" not in cell


def test_the_assignee_choices_and_column_name_colleagues_in_full(admissions_client):
    colleague = admissions_user(first_name="Ana", last_name="Ortiz", username="aortiz")
    outsider = marketing_user(first_name="Mia", last_name="Lee", username="mlee")
    item = verification(assigned_to=colleague)

    page = admissions_client.get(item.get_admin_url()).content.decode()
    listing = admissions_client.get(LIST_URL).content.decode()

    select = assignee_choices(page)
    assert f'<option value="{colleague.pk}" selected>Ana Ortiz</option>' in select
    assert "aortiz" not in select
    assert "Mia Lee" not in select and outsider.username not in select
    assert "Ana Ortiz" in listing


def test_a_colleague_without_a_name_is_listed_by_username(admissions_client):
    colleague = admissions_user(first_name="", last_name="", username="nightdesk")
    item = verification()

    page = admissions_client.get(item.get_admin_url()).content.decode()

    select = assignee_choices(page)
    assert f'<option value="{colleague.pk}">nightdesk</option>' in select


def test_an_address_from_before_the_move_leads_to_the_same_page(admissions_client):
    """Links in emails sent before verifications had their own app still work; the
    inquiries, which stayed, keep their addresses."""
    case = verification()

    response = admissions_client.get(
        f"/admin/admissions/insuranceverification/{case.pk}/change/?a=1"
    )

    assert response.status_code == 301
    assert response["Location"] == f"{case.get_admin_url()}?a=1"
    assert admissions_client.get("/admin/admissions/inquiry/").status_code == 200
    assert admissions_client.get("/admin/admissions/nothing/").status_code == 404
