"""Who may read inquiries in the admin, and the access log of every look at one."""

import csv
import io

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse

from admissions.models import AccessLog, Inquiry, InquiryNote

from .conftest import change_form_data, search
from .factories import InquiryFactory, admissions_user

pytestmark = pytest.mark.django_db

LIST_URL = reverse("admin:admissions_inquiry_changelist")
REPORT_URL = reverse("admin:admissions_attributionreport_changelist")


def change_url(inquiry):
    return reverse("admin:admissions_inquiry_change", args=[inquiry.pk])


def test_marketing_gets_403_on_the_inquiry_list_and_detail(marketing_client):
    inquiry = InquiryFactory()

    assert marketing_client.get(LIST_URL).status_code == 403
    assert marketing_client.get(change_url(inquiry)).status_code == 403
    assert (
        marketing_client.get(
            reverse("admin:admissions_inquiry_history", args=[inquiry.pk])
        ).status_code
        == 403
    )
    assert (
        marketing_client.get(
            reverse("admin:admissions_accesslog_changelist")
        ).status_code
        == 403
    )


def test_marketing_sees_no_inquiry_entry_in_the_admin_menu(marketing_client):
    html = marketing_client.get(reverse("admin:index")).content.decode()

    assert LIST_URL not in html
    assert reverse("admin:admissions_accesslog_changelist") not in html
    assert REPORT_URL in html
    assert reverse("admin:website_menu_changelist") in html


def test_marketing_reads_no_inquiry_even_through_the_report_model_urls(
    marketing_client,
):
    inquiry = InquiryFactory()

    response = marketing_client.get(f"{REPORT_URL}{inquiry.pk}/change/")

    assert response.status_code == 404


def test_admissions_sees_the_inquiry_list_with_triage_columns(admissions_client):
    InquiryFactory(name="Jordan Smith", phone="+18285550187", program_label="Detox")

    response = admissions_client.get(LIST_URL)

    html = response.content.decode()
    assert response.status_code == 200
    for text in ["Jordan Smith", "(828) 555-0187", "Detox", "New", "Waiting"]:
        assert text in html


def test_an_admissions_users_view_writes_an_access_log_row(admissions_client):
    inquiry = InquiryFactory()

    response = admissions_client.get(change_url(inquiry), REMOTE_ADDR="198.51.100.7")

    assert response.status_code == 200
    entry = AccessLog.objects.get(action=AccessLog.Action.VIEW)
    assert entry.user == admissions_client.user
    assert entry.inquiry_id == inquiry.pk
    assert entry.inquiry_reference == inquiry.reference
    assert entry.ip_address == "198.51.100.7"


def test_viewing_the_list_and_the_history_is_logged_too(admissions_client):
    inquiry = InquiryFactory()

    admissions_client.get(LIST_URL)
    admissions_client.get(
        reverse("admin:admissions_inquiry_history", args=[inquiry.pk])
    )

    assert list(AccessLog.objects.order_by("pk").values_list("action", "detail")) == [
        ("list", "1 shown"),
        ("view", "history"),
    ]
    assert AccessLog.objects.get(action="list").references == [inquiry.reference]


def test_a_change_and_a_new_note_are_logged_with_field_names_only(admissions_client):
    inquiry = InquiryFactory()
    data = change_form_data(
        status=Inquiry.Status.CONTACTED,
        assigned_to=admissions_client.user.pk,
        note="Left a voicemail.",
    )

    response = admissions_client.post(change_url(inquiry), data)

    assert response.status_code == 302, response.content.decode()[:3000]
    inquiry.refresh_from_db()
    assert inquiry.status == Inquiry.Status.CONTACTED
    note = InquiryNote.objects.get()
    assert (note.author, note.body) == (admissions_client.user, "Left a voicemail.")
    entry = AccessLog.objects.get(action=AccessLog.Action.CHANGE)
    assert "Status" in entry.detail and "added" in entry.detail
    assert "voicemail" not in entry.detail


def test_closing_an_inquiry_starts_its_retention_clock(admissions_client):
    inquiry = InquiryFactory()
    inquiry.status = Inquiry.Status.CLOSED
    inquiry.save()

    assert inquiry.closed_at is not None
    inquiry.status = Inquiry.Status.CONTACTED
    inquiry.save()
    assert inquiry.closed_at is None


def test_a_superusers_deletion_is_logged_with_its_reason_and_the_log_outlives_it(
    admin_client,
):
    inquiry = InquiryFactory()
    url = reverse("admin:admissions_inquiry_delete", args=[inquiry.pk])

    response = admin_client.post(url, {"reason": "Entered twice by mistake."})

    assert response.status_code == 302
    assert not Inquiry.objects.exists()
    entry = AccessLog.objects.get(action=AccessLog.Action.DELETE)
    assert entry.inquiry_reference == inquiry.reference
    assert entry.detail == "reason: Entered twice by mistake."


def test_delete_selected_is_not_offered_for_inquiries(admissions_client):
    InquiryFactory()

    html = admissions_client.get(LIST_URL).content.decode()

    assert 'value="delete_selected"' not in html
    assert 'value="export_as_csv"' in html
    assert 'value="mark_as_spam"' in html


def test_nobody_adds_inquiries_in_the_admin(admin_client):
    assert admin_client.get(reverse("admin:admissions_inquiry_add")).status_code == 403


def test_nobody_edits_or_deletes_the_access_log_not_even_a_superuser(admin_client):
    InquiryFactory()
    admin_client.get(LIST_URL)
    entry = AccessLog.objects.get()

    change = admin_client.post(
        reverse("admin:admissions_accesslog_change", args=[entry.pk]),
        {"detail": "edited"},
    )
    delete = admin_client.post(
        reverse("admin:admissions_accesslog_delete", args=[entry.pk]), {"post": "yes"}
    )
    listing = admin_client.get(
        reverse("admin:admissions_accesslog_changelist")
    ).content.decode()

    assert change.status_code == 403
    assert delete.status_code == 403
    assert AccessLog.objects.get(pk=entry.pk).detail == "1 shown"
    assert 'value="delete_selected"' not in listing


def test_export_is_logged_per_inquiry_and_neutralizes_formulas(admissions_client):
    risky = InquiryFactory(
        name='=HYPERLINK("http://evil.example")', message="@SUM(A1:A9)"
    )
    plain = InquiryFactory(
        name="Jordan", message="-dash first", substance_other="+1 pills"
    )

    response = admissions_client.post(
        LIST_URL,
        {"action": "export_as_csv", "_selected_action": [risky.pk, plain.pk]},
    )

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    by_reference = {row["reference"]: row for row in rows}
    assert (
        by_reference[risky.reference]["name"] == '\'=HYPERLINK("http://evil.example")'
    )
    assert by_reference[risky.reference]["message"] == "'@SUM(A1:A9)"
    assert by_reference[plain.reference]["message"] == "'-dash first"
    assert by_reference[plain.reference]["other substance"] == "'+1 pills"
    assert by_reference[plain.reference]["name"] == "Jordan"
    assert set(
        AccessLog.objects.filter(action=AccessLog.Action.EXPORT).values_list(
            "inquiry_id", flat=True
        )
    ) == {risky.pk, plain.pk}


def test_text_that_looks_like_html_is_shown_as_text_in_the_admin(admissions_client):
    inquiry = InquiryFactory(name="<b>bold</b>", message="<script>alert('x')</script>")

    listing = admissions_client.get(LIST_URL).content.decode()
    detail = admissions_client.get(change_url(inquiry)).content.decode()

    assert "<script>alert('x')</script>" not in detail
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in detail
    assert "<b>bold</b>" not in listing
    assert "&lt;b&gt;bold&lt;/b&gt;" in listing


def test_marking_spam_closes_the_inquiries_and_logs_it(admissions_client):
    inquiry = InquiryFactory()

    admissions_client.post(
        LIST_URL, {"action": "mark_as_spam", "_selected_action": [inquiry.pk]}
    )

    inquiry.refresh_from_db()
    assert inquiry.status == Inquiry.Status.SPAM
    assert inquiry.closed_at is not None
    assert (
        AccessLog.objects.filter(action="change", detail="marked as spam").count() == 1
    )


def test_search_finds_a_phone_number_as_people_type_it(admissions_client):
    InquiryFactory(name="Quinn Wanted", phone="+18285550187")
    InquiryFactory(name="Riley Unlisted", phone="+17045550166")

    html = search(admissions_client, "(828) 555-0187").content.decode()

    assert "Quinn Wanted" in html
    assert "Unlisted" not in html


def test_the_admin_history_never_carries_personal_data(admissions_client):
    inquiry = InquiryFactory(name="Jordan Quixote")
    admissions_client.post(
        change_url(inquiry), change_form_data(status=Inquiry.Status.CLOSED)
    )

    entry = LogEntry.objects.get()
    assert "Quixote" not in entry.object_repr
    assert entry.object_repr == f"Inquiry {inquiry.reference}"


def count_queries(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_the_changelist_query_count_does_not_grow_with_inquiries(admissions_client):
    InquiryFactory.create_batch(2, assigned_to=admissions_client.user)
    admissions_client.get(LIST_URL)  # warm the session and content types
    small = count_queries(admissions_client, LIST_URL)
    InquiryFactory.create_batch(10, assigned_to=admissions_client.user)
    large = count_queries(admissions_client, LIST_URL)

    # User, permissions (user and group), the views' counts (four queries), the page's
    # count and rows,
    # the access-log insert, and the banner's two checks; the same for 2 or 12 inquiries.
    assert small == large
    assert small <= QUERY_BUDGET


def test_a_searched_list_costs_the_same_with_more_inquiries(admissions_client):
    InquiryFactory.create_batch(2, name="Jordan Smith")
    location = search(admissions_client, "Jordan", follow=False)["Location"]
    admissions_client.get(location)
    small = count_queries(admissions_client, location)
    InquiryFactory.create_batch(10, name="Jordan Smith")
    large = count_queries(admissions_client, location)

    # The list's queries, the token's lookup and the session that holds it (sessions are
    # read from the database, so that a Redis outage loses no sign-out).
    assert small == large <= QUERY_BUDGET + 2


def test_the_inquiry_page_costs_the_same_with_more_notes(admissions_client):
    inquiry = InquiryFactory(assigned_to=admissions_client.user)
    InquiryNote.objects.create(inquiry=inquiry, author=admissions_client.user, body="1")
    admissions_client.get(change_url(inquiry))
    small = count_queries(admissions_client, change_url(inquiry))
    for number in range(10):
        InquiryNote.objects.create(
            inquiry=inquiry, author=admissions_user(), body=str(number), kind="text"
        )
    large = count_queries(admissions_client, change_url(inquiry))

    assert small == large <= 14


# The open views' counts are one query; the three views that grow for ever (closed, spam,
# all) are each counted up to a cap, in one query each.
QUERY_BUDGET = 13
