"""No personal term in any URL, and an access log that says exactly what was seen: the
references on each list page with the search or filter used, and every page that shows an
inquiry (change, history, delete confirmation, export)."""

from datetime import timedelta
from types import SimpleNamespace
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from admissions.models import AccessLog, Inquiry
from admissions.queue import SEARCH_TOKEN_HOURS, search_term

from .conftest import search
from .factories import InquiryFactory, admissions_user

pytestmark = pytest.mark.django_db

LIST_URL = reverse("admin:admissions_inquiry_changelist")
SEARCH_URL = reverse("admin:admissions_inquiry_search")
MARKER = "Quixotl"


@pytest.fixture
def marked():
    return InquiryFactory(
        name=f"Jordan {MARKER}",
        email=f"{MARKER.lower()}@example.com",
        phone="+18285550187",
    )


@pytest.mark.parametrize(
    "term", [MARKER, f"{MARKER.lower()}@example.com", "(828) 555-0187", "8285550187"]
)
def test_a_search_is_posted_and_the_list_url_carries_only_a_token(
    admissions_client, marked, term
):
    response = admissions_client.post(SEARCH_URL, {"q": term})

    location = response["Location"]
    assert response.status_code == 302
    assert MARKER.lower() not in unquote(location).lower()
    assert "555" not in location and "828" not in location
    token = parse_qs(urlsplit(location).query)["search"][0]
    listing = admissions_client.get(location)
    assert [i.pk for i in listing.context["cl"].result_list] == [marked.pk]
    assert len(token) >= 30


def test_no_link_on_a_searched_list_carries_the_term(admissions_client, marked):
    response = search(admissions_client, MARKER)

    html = unquote(unquote(response.content.decode()))
    links = [part.split('"')[0] for part in html.split('href="')[1:]]
    actions = [part.split('"')[0] for part in html.split('action="')[1:]]
    assert marked.get_admin_url() in " ".join(links)
    assert "_changelist_filters" in " ".join(links)
    # Links that ask this server for a page; mailto:, tel: and sms: never reach a web log.
    requests = [
        url
        for url in links + actions
        if not url.startswith(("mailto:", "tel:", "sms:"))
    ]
    for url in requests:
        assert MARKER.lower() not in url.lower(), url
    # The page itself may show what was searched: it is not a URL.
    assert f"found for “{MARKER}”" in html


def test_the_search_term_is_kept_in_the_protected_access_log(admissions_client, marked):
    search(admissions_client, f"  {MARKER}  ")

    searched = AccessLog.objects.get(action=AccessLog.Action.SEARCH)
    listed = AccessLog.objects.get(action=AccessLog.Action.LIST)
    assert searched.query == MARKER
    assert searched.user == admissions_client.user
    assert listed.query == f'view=all; search "{MARKER}"'
    assert listed.references == [marked.reference]


def test_a_search_typed_into_the_url_is_taken_out_of_it(admissions_client, marked):
    response = admissions_client.get(LIST_URL, {"q": MARKER, "view": "urgent"})

    assert response.status_code == 302
    assert MARKER not in response["Location"]
    assert "search=" in response["Location"]
    assert AccessLog.objects.get(action="search").query == MARKER


def test_a_blank_search_clears_the_search(admissions_client, marked):
    response = admissions_client.post(SEARCH_URL, {"q": "   "})

    assert response["Location"] == LIST_URL
    assert not AccessLog.objects.filter(action="search").exists()


def test_a_search_by_get_is_refused(admissions_client):
    assert admissions_client.get(SEARCH_URL, {"q": MARKER}).status_code == 405


def test_a_colleagues_search_token_shows_nothing_of_theirs(client, marked):
    owner = admissions_user()
    client.force_login(owner)
    location = search(client, MARKER, follow=False)["Location"]
    client.force_login(admissions_user())

    response = client.get(location, follow=True)

    html = response.content.decode()
    assert "That search has expired" in html
    assert "found for" not in html
    assert f'value="{MARKER}"' not in html


def test_a_search_token_expires_after_some_hours(admissions_client, marked):
    location = search(admissions_client, MARKER, follow=False)["Location"]
    token = parse_qs(urlsplit(location).query)["search"][0]
    request = SimpleNamespace(user=admissions_client.user)

    fresh = search_term(request, token)
    with time_machine.travel(timezone.now() + timedelta(hours=SEARCH_TOKEN_HOURS + 1)):
        stale = search_term(request, token)

    assert (fresh, stale) == (MARKER, None)


def test_an_unknown_search_token_says_the_search_expired(admissions_client, marked):
    response = admissions_client.get(
        LIST_URL, {"view": "all", "search": "not-a-token"}, follow=True
    )

    assert "That search has expired" in response.content.decode()
    assert response.redirect_chain[-1][0] == f"{LIST_URL}?view=all"


def test_marketing_cannot_search_inquiries(marketing_client, marked):
    response = marketing_client.post(SEARCH_URL, {"q": MARKER})

    assert response.status_code == 403
    assert not AccessLog.objects.exists()


def test_each_list_page_records_its_references_and_the_view(admissions_client):
    urgent = InquiryFactory(is_urgent=True)
    InquiryFactory()
    InquiryFactory(status=Inquiry.Status.SPAM)

    admissions_client.get(LIST_URL, {"view": "urgent"})
    admissions_client.get(LIST_URL)

    urgent_page, queue_page = AccessLog.objects.filter(action="list").order_by("pk")
    assert (urgent_page.query, urgent_page.references) == (
        "view=urgent",
        [urgent.reference],
    )
    assert urgent_page.detail == "1 shown"
    assert queue_page.query == "view=open"
    assert len(queue_page.references) == 2


def test_the_second_page_of_a_list_records_what_it_showed(admissions_client, settings):
    inquiries = InquiryFactory.create_batch(52)

    admissions_client.get(LIST_URL, {"p": "2"})

    entry = AccessLog.objects.get(action="list")
    assert entry.query == "p=2"
    assert len(entry.references) == 2
    assert set(entry.references) <= {inquiry.reference for inquiry in inquiries}


def test_viewing_an_inquiry_and_its_history_are_logged(admissions_client):
    inquiry = InquiryFactory()

    admissions_client.get(inquiry.get_admin_url())
    admissions_client.get(
        reverse("admin:admissions_inquiry_history", args=[inquiry.pk])
    )

    assert list(
        AccessLog.objects.order_by("pk").values_list(
            "action", "inquiry_reference", "detail"
        )
    ) == [
        ("view", inquiry.reference, ""),
        ("view", inquiry.reference, "history"),
    ]


def test_the_delete_confirmation_page_is_logged(admin_client):
    inquiry = InquiryFactory()

    response = admin_client.get(
        reverse("admin:admissions_inquiry_delete", args=[inquiry.pk])
    )

    assert response.status_code == 200
    entry = AccessLog.objects.get()
    assert (entry.action, entry.inquiry_id, entry.detail) == (
        "view",
        inquiry.pk,
        "delete confirmation",
    )


def test_the_access_log_shows_staff_by_name_and_what_they_saw(admin_client):
    counselor = admissions_user(first_name="Ana", last_name="Ortiz")
    inquiry = InquiryFactory()
    AccessLog.objects.create(
        user=counselor,
        username=counselor.username,
        action="list",
        query="view=mine",
        references=[inquiry.reference],
        detail="1 shown",
    )

    html = admin_client.get(
        reverse("admin:admissions_accesslog_changelist")
    ).content.decode()

    assert "Ana Ortiz" in html
    assert f"1 shown · view=mine · {inquiry.reference}" in html


@pytest.mark.parametrize(
    "path",
    [
        reverse("admin:index"),
        reverse("admin:login"),
        reverse("admin:admissions_inquiry_changelist"),
    ],
)
def test_admin_pages_keep_their_urls_to_this_site(admissions_client, path):
    response = admissions_client.get(path)

    assert response["Referrer-Policy"] == "same-origin"


def test_public_pages_keep_their_referrer_policy(client):
    response = client.get("/admissions/")

    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
