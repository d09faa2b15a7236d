"""The admissions queue: its order, saved views and counts, waiting times against their
targets, links that act, and work done from the list."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from admissions.models import AccessLog, Inquiry
from admissions.queue import wait_for

from .factories import InquiryFactory, admissions_user

pytestmark = pytest.mark.django_db

LIST_URL = reverse("admin:admissions_inquiry_changelist")
ASSIGN_URL = reverse("admin:admissions_inquiry_assign")


def minutes_ago(minutes: float):
    return timezone.now() - timedelta(minutes=minutes)


def shown(response) -> list[str]:
    assert response.status_code == 200
    return [inquiry.reference for inquiry in response.context["cl"].result_list]


@pytest.fixture
def targets(settings):
    settings.ADMISSIONS_URGENT_TARGET_MINUTES = 15
    settings.ADMISSIONS_TARGET_MINUTES = 60
    return settings


def test_the_queue_shows_urgent_first_then_the_longest_waiting(
    admissions_client, targets
):
    recent = InquiryFactory(received_at=minutes_ago(5))
    oldest = InquiryFactory(received_at=minutes_ago(300))
    urgent_recent = InquiryFactory(received_at=minutes_ago(2), is_urgent=True)
    urgent_older = InquiryFactory(received_at=minutes_ago(40), is_urgent=True)
    middle = InquiryFactory(received_at=minutes_ago(90))

    assert shown(admissions_client.get(LIST_URL)) == [
        urgent_older.reference,
        urgent_recent.reference,
        oldest.reference,
        middle.reference,
        recent.reference,
    ]


def test_inquiries_already_contacted_come_after_those_still_waiting(admissions_client):
    contacted = InquiryFactory(
        received_at=minutes_ago(600),
        status=Inquiry.Status.CONTACTED,
        first_attempt_at=minutes_ago(590),
    )
    waiting = InquiryFactory(received_at=minutes_ago(3))

    assert shown(admissions_client.get(LIST_URL)) == [
        waiting.reference,
        contacted.reference,
    ]


def test_spam_and_closed_inquiries_are_out_of_the_default_view(admissions_client):
    open_statuses = [
        Inquiry.Status.NEW,
        Inquiry.Status.CONTACTED,
        Inquiry.Status.ASSESSMENT_SCHEDULED,
    ]
    kept = {InquiryFactory(status=status).reference for status in open_statuses}
    for status in Inquiry.CLOSED_STATUSES:
        InquiryFactory(status=status)

    assert set(shown(admissions_client.get(LIST_URL))) == kept


@pytest.fixture
def one_of_each(admissions_client, targets):
    colleague = admissions_user(first_name="Ana", last_name="Ortiz")
    return {
        "mine": InquiryFactory(assigned_to=admissions_client.user),
        "colleague": InquiryFactory(assigned_to=colleague),
        "unassigned": InquiryFactory(),
        "urgent": InquiryFactory(is_urgent=True, assigned_to=colleague),
        "over_target": InquiryFactory(
            received_at=minutes_ago(61), assigned_to=colleague
        ),
        "urgent_over_target": InquiryFactory(
            is_urgent=True, received_at=minutes_ago(16), assigned_to=colleague
        ),
        "contacted_late": InquiryFactory(
            received_at=minutes_ago(300),
            status=Inquiry.Status.CONTACTED,
            first_attempt_at=minutes_ago(100),
            assigned_to=colleague,
        ),
        "admitted": InquiryFactory(status=Inquiry.Status.ADMITTED),
        "referred": InquiryFactory(status=Inquiry.Status.REFERRED),
        "closed_mine": InquiryFactory(
            status=Inquiry.Status.CLOSED, assigned_to=admissions_client.user
        ),
        "spam": InquiryFactory(status=Inquiry.Status.SPAM, is_urgent=True),
    }


VIEW_MEMBERS = {
    "mine": {"mine"},
    "unassigned": {"unassigned"},
    "urgent": {"urgent", "urgent_over_target"},
    "waiting": {
        "mine",
        "colleague",
        "unassigned",
        "urgent",
        "over_target",
        "urgent_over_target",
    },
    "over_target": {"over_target", "urgent_over_target"},
    "closed": {"admitted", "referred", "closed_mine"},
    "spam": {"spam"},
}


@pytest.mark.parametrize("view", VIEW_MEMBERS)
def test_each_saved_view_holds_exactly_its_inquiries(
    admissions_client, one_of_each, view
):
    expected = {one_of_each[name].reference for name in VIEW_MEMBERS[view]}

    assert set(shown(admissions_client.get(LIST_URL, {"view": view}))) == expected


def test_the_tabs_count_what_each_view_holds(admissions_client, one_of_each):
    response = admissions_client.get(LIST_URL)

    counts = {tab["label"]: tab["count"] for tab in response.context["queue_tabs"]}
    assert counts == {
        "Queue": 7,
        "Mine": 1,
        "Unassigned": 1,
        "Urgent": 2,
        "Waiting for contact": 6,
        "Waiting over target": 2,
        "Closed": 3,
        "Spam": 1,
        "All": 11,
    }
    html = response.content.decode()
    assert 'aria-current="page">Queue <span class="queue-views__count">7</span>' in html


def test_an_unknown_view_falls_back_to_the_queue(admissions_client, one_of_each):
    response = admissions_client.get(LIST_URL, {"view": "<script>"})

    assert len(shown(response)) == 7


@pytest.mark.parametrize(
    ("is_urgent", "elapsed", "words", "state"),
    [
        (True, timedelta(minutes=7, seconds=29), "7 min", "ok"),
        (True, timedelta(minutes=7, seconds=30), "7 min", "soon"),
        (True, timedelta(minutes=14, seconds=59), "14 min", "soon"),
        (True, timedelta(minutes=15), "15 min", "over"),
        (False, timedelta(seconds=30), "under 1 min", "ok"),
        (False, timedelta(minutes=29, seconds=59), "29 min", "ok"),
        (False, timedelta(minutes=30), "30 min", "soon"),
        (False, timedelta(minutes=59, seconds=59), "59 min", "soon"),
        (False, timedelta(minutes=60), "1 h", "over"),
        (False, timedelta(hours=3, minutes=59), "3 h", "over"),
        (False, timedelta(hours=49), "2 d", "over"),
    ],
)
def test_waiting_time_in_words_and_its_colour_at_the_target_boundaries(
    admissions_client, targets, is_urgent, elapsed, words, state
):
    with time_machine.travel("2026-03-02 14:00:00+00:00", tick=False) as traveller:
        inquiry = InquiryFactory(is_urgent=is_urgent, received_at=timezone.now())
        traveller.shift(elapsed)

        wait = wait_for(inquiry, timezone.now())
        html = admissions_client.get(LIST_URL).content.decode()

    assert (wait.words, wait.state) == (words, state)
    assert f'<span class="wait wait--{state}">{words}' in html


def test_a_first_contact_stops_the_clock_and_says_whether_it_met_the_target(targets):
    received = minutes_ago(300)
    fast = InquiryFactory(
        received_at=received,
        status=Inquiry.Status.CONTACTED,
        first_attempt_at=received + timedelta(minutes=12),
    )
    slow = InquiryFactory(
        received_at=received,
        status=Inquiry.Status.CONTACTED,
        first_attempt_at=received + timedelta(minutes=75),
    )

    assert wait_for(fast, timezone.now()).words == "12 min"
    assert wait_for(fast, timezone.now()).state == "reached"
    assert wait_for(slow, timezone.now()).words == "1 h"
    assert wait_for(slow, timezone.now()).state == "reached-late"


def test_the_over_target_view_fills_as_the_clock_passes_the_target(
    admissions_client, targets
):
    with time_machine.travel("2026-03-02 14:00:00+00:00", tick=False) as traveller:
        inquiry = InquiryFactory(is_urgent=True, received_at=timezone.now())
        traveller.shift(timedelta(minutes=14, seconds=59))
        before = shown(admissions_client.get(LIST_URL, {"view": "over_target"}))
        traveller.shift(timedelta(seconds=1))
        after = shown(admissions_client.get(LIST_URL, {"view": "over_target"}))

    assert before == []
    assert after == [inquiry.reference]


def test_targets_can_be_set(admissions_client, settings):
    settings.ADMISSIONS_TARGET_MINUTES = 10
    inquiry = InquiryFactory(received_at=minutes_ago(11))

    assert wait_for(inquiry, timezone.now()).state == "over"
    assert shown(admissions_client.get(LIST_URL, {"view": "over_target"})) == [
        inquiry.reference
    ]


def test_phone_and_email_are_tel_sms_and_mailto_links_on_the_list(admissions_client):
    InquiryFactory(
        phone="+18285550187",
        email="jordan@example.com",
        contact_method=Inquiry.ContactMethod.TEXT,
        contact_time=Inquiry.ContactTime.EVENING,
    )

    html = admissions_client.get(LIST_URL).content.decode()

    assert 'href="tel:+18285550187"' in html
    assert 'href="sms:+18285550187"' in html
    assert 'href="mailto:jordan@example.com"' in html
    assert "(828) 555-0187" in html
    assert "Prefers a text, evenings 5–9" in html
    assert 'aria-label="Text (828) 555-0187 (preferred)"' in html


def test_an_email_only_inquiry_shows_its_address_as_the_link(admissions_client):
    InquiryFactory(phone="", email="sam@example.com")

    html = admissions_client.get(LIST_URL).content.decode()

    assert "tel:" not in html
    assert '<a class="reach-link reach-link--email' in html
    assert ">sam@example.com</a>" in html


def test_staff_appear_by_full_name_on_the_list_and_in_the_assignee_choices(
    admissions_client,
):
    colleague = admissions_user(username="aortiz2", first_name="Ana", last_name="Ortiz")
    inquiry = InquiryFactory(assigned_to=colleague)

    listing = admissions_client.get(LIST_URL).content.decode()
    detail = admissions_client.get(
        reverse("admin:admissions_inquiry_change", args=[inquiry.pk])
    ).content.decode()

    assert "Ana Ortiz" in listing
    assert "aortiz2" not in listing
    assert f'<option value="{colleague.pk}" selected>Ana Ortiz</option>' in detail


def test_assign_to_me_from_the_list_takes_an_unassigned_inquiry_and_logs_it(
    admissions_client,
):
    inquiry = InquiryFactory()
    back = f"{LIST_URL}?view=unassigned"

    response = admissions_client.post(
        ASSIGN_URL, {"assign_inquiry": inquiry.pk, "return_to": back}
    )

    inquiry.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == back
    assert inquiry.assigned_to == admissions_client.user
    assert AccessLog.objects.filter(
        action="change", inquiry_id=inquiry.pk, detail="assigned to me"
    ).exists()


def test_assign_to_me_never_takes_an_inquiry_from_a_colleague(admissions_client):
    colleague = admissions_user(first_name="Ana", last_name="Ortiz")
    inquiry = InquiryFactory(assigned_to=colleague)

    response = admissions_client.post(
        ASSIGN_URL, {"assign_inquiry": inquiry.pk}, follow=True
    )

    inquiry.refresh_from_db()
    assert inquiry.assigned_to == colleague
    assert "already assigned to Ana Ortiz" in response.content.decode()


@pytest.mark.parametrize("value", ["", "abc", "999999"])
def test_assign_to_me_with_a_bad_or_missing_inquiry_says_so(admissions_client, value):
    response = admissions_client.post(
        ASSIGN_URL, {"assign_inquiry": value}, follow=True
    )

    assert response.status_code == 200
    assert "That inquiry no longer exists." in response.content.decode()


def test_assign_to_me_goes_back_only_to_this_site(admissions_client):
    inquiry = InquiryFactory()

    response = admissions_client.post(
        ASSIGN_URL,
        {"assign_inquiry": inquiry.pk, "return_to": "https://evil.example/"},
    )

    assert response["Location"] == LIST_URL


def test_assign_to_me_needs_the_change_permission(marketing_client):
    inquiry = InquiryFactory()

    response = marketing_client.post(ASSIGN_URL, {"assign_inquiry": inquiry.pk})

    inquiry.refresh_from_db()
    assert response.status_code == 403
    assert inquiry.assigned_to is None


def list_edit_data(rows) -> dict:
    """The list's own form: one status select per row, with the status it showed."""
    data = {
        "form-TOTAL_FORMS": str(len(rows)),
        "form-INITIAL_FORMS": str(len(rows)),
        "_save": "Save",
    }
    for index, (inquiry, shown_status, new_status) in enumerate(rows):
        data[f"form-{index}-id"] = inquiry.pk
        data[f"initial-form-{index}-status"] = shown_status
        data[f"form-{index}-status"] = new_status
    return data


def test_status_changes_from_the_list_are_saved_and_logged(admissions_client):
    inquiry = InquiryFactory()

    response = admissions_client.post(
        LIST_URL, list_edit_data([(inquiry, "new", "contacted")])
    )

    inquiry.refresh_from_db()
    assert response.status_code == 302
    assert inquiry.status == Inquiry.Status.CONTACTED
    assert inquiry.first_attempt_by == admissions_client.user
    assert AccessLog.objects.filter(
        action="change", inquiry_id=inquiry.pk, detail="changed Status"
    ).exists()


def test_a_row_left_alone_on_the_list_keeps_a_colleagues_newer_status(
    admissions_client,
):
    mine = InquiryFactory()
    theirs = InquiryFactory()
    # A colleague moved "theirs" on while this page was open.
    Inquiry.objects.filter(pk=theirs.pk).update(
        status=Inquiry.Status.ASSESSMENT_SCHEDULED
    )

    admissions_client.post(
        LIST_URL,
        list_edit_data([(mine, "new", "contacted"), (theirs, "new", "new")]),
    )

    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert mine.status == Inquiry.Status.CONTACTED
    assert theirs.status == Inquiry.Status.ASSESSMENT_SCHEDULED


@pytest.mark.parametrize(
    ("stored", "href"),
    [
        ("+18285550187", "tel:+18285550187"),
        ("(828) 555-0187", "tel:8285550187"),
        ("+44 20 7946 0958", "tel:+442079460958"),
    ],
)
def test_numbers_stored_before_normalization_still_get_a_call_link(stored, href):
    from admissions.reach import contact_links

    links = contact_links(InquiryFactory.build(phone=stored, email=""))

    assert [link.href for link in links] == [href, href.replace("tel:", "sms:")]


def test_a_number_too_short_to_dial_gets_no_link():
    from admissions.reach import contact_links

    links = contact_links(InquiryFactory.build(phone="12-34", email="a@example.com"))

    assert [link.kind for link in links] == ["email"]
