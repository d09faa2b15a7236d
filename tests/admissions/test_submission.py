"""Sending the form: one row per submission, quiet spam handling, the thank-you page."""

import threading

import pytest
from django.db import connection
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from admissions.models import Inquiry
from tests.factories import SiteSettingsFactory

from .conftest import form_key, valid_post

URL = "/admissions/"


@pytest.fixture(autouse=True)
def center(db):
    return SiteSettingsFactory()


@pytest.mark.django_db
def test_the_form_page_renders_every_field_and_leaves_the_tokens_to_the_script(client):
    response = client.get(URL)

    assert response.status_code == 200
    html = response.content.decode()
    for field in [
        "name",
        "phone",
        "email",
        "for_whom",
        "message",
        "consent",
        "form_key",
        "website",
    ]:
        assert f'name="{field}"' in html
    assert 'href="/privacy-policy/"' in html
    assert '<input type="hidden" name="form_key" value="">' in html
    assert response["Cache-Control"].startswith("public")


@pytest.mark.django_db
def test_a_valid_inquiry_is_stored_and_the_visitor_is_redirected_to_thank_you(client):
    response = client.post(URL, valid_post())

    inquiry = Inquiry.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "admissions:thank_you_for", args=[inquiry.submission_token]
    )
    assert inquiry.name == "Jordan Smith"
    assert inquiry.phone == "+18285550187"
    assert inquiry.status == Inquiry.Status.NEW
    assert inquiry.consented_at is not None
    assert not inquiry.is_urgent


@pytest.mark.django_db(transaction=True)
def test_the_notification_is_enqueued_after_commit_with_only_the_primary_key(client):
    client.post(URL, valid_post())

    inquiry = Inquiry.objects.get()
    task = DBTaskResult.objects.get()
    assert task.task_path == "admissions.notifications.notify_staff_of_inquiry"
    assert task.args_kwargs == {"args": [inquiry.pk, 1], "kwargs": {}}
    assert inquiry.notification_due_at is not None


@pytest.mark.django_db
def test_submitting_the_same_form_twice_makes_one_inquiry_and_the_same_thank_you(
    client,
):
    data = valid_post()

    first = client.post(URL, data)
    second = client.post(URL, data)

    assert Inquiry.objects.count() == 1
    assert first["Location"] == second["Location"]


@pytest.mark.django_db(transaction=True)
@pytest.mark.postgresql_only(
    reason="writers on separate connections must wait for each other's locks; SQLite's "
    "in-memory test database (shared cache) fails the second at once with 'database "
    "table is locked'"
)
def test_concurrent_double_clicks_store_one_inquiry(live_server):
    """Two posts of the same form at the same moment, on two database connections."""
    from django.test import Client

    data = valid_post()
    locations = []

    def post():
        response = Client().post(URL, data)
        locations.append(response["Location"])
        connection.close()

    threads = [threading.Thread(target=post) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert Inquiry.objects.count() == 1
    assert len(set(locations)) == 1


@pytest.mark.django_db
def test_a_form_key_that_made_an_inquiry_refuses_a_different_one_and_keeps_it(client):
    used_key = form_key()
    client.post(URL, valid_post(form_key=used_key))

    response = client.post(
        URL,
        valid_post(form_key=used_key, name="Someone Else", phone="(704) 555-0166"),
    )

    html = response.content.decode()
    assert response.status_code == 409
    assert "This form was already sent once" in html
    assert 'value="Someone Else"' in html
    assert used_key not in html
    assert list(Inquiry.objects.values_list("name", flat=True)) == ["Jordan Smith"]


@pytest.mark.django_db
def test_a_refused_form_sends_with_the_new_key_it_was_given(client, settings):
    settings.ADMISSIONS_MIN_FILL_SECONDS = 0
    used_key = form_key()
    client.post(URL, valid_post(form_key=used_key))
    refused = client.post(URL, valid_post(form_key=used_key, name="Someone Else"))
    new_key = refused.context["form"]["form_key"].value()

    response = client.post(URL, valid_post(form_key=new_key, name="Someone Else"))

    assert response.status_code == 302
    assert sorted(Inquiry.objects.values_list("name", flat=True)) == [
        "Jordan Smith",
        "Someone Else",
    ]


@pytest.mark.django_db
def test_an_invalid_form_keeps_what_was_typed_and_shows_an_error_summary(client):
    response = client.post(URL, valid_post(phone="12", message="Please call after 6"))

    html = response.content.decode()
    assert response.status_code == 200
    assert Inquiry.objects.count() == 0
    assert "One answer needs a change" in html
    assert 'href="#id_phone"' in html
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_phone_helptext id_phone_error"' in html
    assert "Please call after 6" in html
    assert "<title>Error: " in html


@pytest.mark.django_db
def test_radio_group_errors_link_to_the_first_choice(client):
    response = client.post(URL, valid_post(for_whom=""))

    assert 'href="#id_for_whom_0"' in response.content.decode()


@pytest.mark.django_db
def test_a_honeypot_post_is_dropped_quietly(client):
    response = client.post(URL, valid_post(website="https://spam.example"))

    assert response.status_code == 302
    assert response["Location"] == reverse("admissions:thank_you")
    assert Inquiry.objects.count() == 0


@pytest.mark.django_db
def test_a_post_faster_than_a_person_can_type_is_dropped_quietly(client):
    response = client.post(URL, valid_post(form_key=form_key(seconds_ago=1)))

    assert response.status_code == 302
    assert Inquiry.objects.count() == 0


@pytest.mark.django_db
def test_a_post_without_a_form_key_stores_nothing_and_comes_back_to_be_sent(client):
    response = client.post(URL, valid_post(form_key=None))

    assert response.status_code == 200
    assert "Your request is not sent yet" in response.content.decode()
    assert Inquiry.objects.count() == 0


@pytest.mark.django_db
def test_too_many_inquiries_from_one_address_get_a_friendly_message(client, settings):
    settings.ADMISSIONS_RATE_LIMIT = 2
    for number in range(2):
        client.post(
            URL,
            valid_post(
                form_key=form_key(token=f"00000000-0000-4000-8000-00000000000{number}")
            ),
        )

    response = client.post(
        URL, valid_post(form_key=form_key(token="00000000-0000-4000-8000-000000000009"))
    )

    assert Inquiry.objects.count() == 2
    assert response.status_code == 429
    assert (
        "We have already received several requests from you"
        in response.content.decode()
    )
    assert "tel:+18285550142" in response.content.decode()


@pytest.mark.django_db
def test_the_rate_limit_counts_the_client_behind_a_trusted_proxy(client, settings):
    settings.ADMISSIONS_RATE_LIMIT = 1
    settings.TRUSTED_PROXIES = ["127.0.0.1"]

    client.post(
        URL, valid_post(), HTTP_X_FORWARDED_FOR="203.0.113.1", REMOTE_ADDR="127.0.0.1"
    )
    other = client.post(
        URL,
        valid_post(form_key=form_key(token="00000000-0000-4000-8000-000000000002")),
        HTTP_X_FORWARDED_FOR="203.0.113.2",
        REMOTE_ADDR="127.0.0.1",
    )

    assert other.status_code == 302
    assert Inquiry.objects.count() == 2


@pytest.mark.django_db
def test_a_crisis_message_marks_the_inquiry_urgent_and_puts_988_and_911_first(client):
    response = client.post(
        URL, valid_post(message="My son overdosed last week"), follow=True
    )

    html = response.content.decode()
    assert Inquiry.objects.get().is_urgent
    assert html.index('href="tel:911"') < html.index("Thank you. We have your request.")
    assert html.index('href="tel:988"') < html.index("Thank you. We have your request.")


@pytest.mark.django_db
def test_the_thank_you_page_repeats_the_phone_number_and_crisis_resources(client):
    response = client.post(URL, valid_post(), follow=True)

    html = response.content.decode()
    assert "Thank you. We have your request." in html
    assert "tel:+18285550142" in html
    assert "988 Suicide &amp; Crisis Lifeline" in html
    assert '<meta name="robots" content="noindex">' in html
    assert "Jordan" not in html


@pytest.mark.django_db
def test_an_unknown_thank_you_token_shows_the_plain_thank_you_page(client):
    response = client.get("/admissions/thank-you/6f1c7b52-3a4e-4a8e-9d0b-2f6c1e7a9b10/")

    assert response.status_code == 200


@pytest.mark.django_db
def test_the_inquiry_records_the_first_visit_the_script_sends(client):
    client.post(
        URL,
        valid_post(
            form_page="/treatment/detox/",
            landing_page="/",
            referrer_host="www.google.com",
            utm_source="newsletter",
            utm_medium="email",
            utm_campaign="spring",
        ),
    )

    inquiry = Inquiry.objects.get()
    assert inquiry.landing_page == "/"
    assert inquiry.form_page == "/treatment/detox/"
    assert inquiry.referrer_host == "www.google.com"
    assert (inquiry.utm_source, inquiry.utm_medium, inquiry.utm_campaign) == (
        "newsletter",
        "email",
        "spring",
    )


@pytest.mark.django_db
def test_without_the_scripts_first_visit_the_form_page_is_the_landing_page(client):
    client.post(
        URL,
        valid_post(form_page="/addictions/alcohol/"),
        HTTP_REFERER="https://duckduckgo.com/",
    )

    inquiry = Inquiry.objects.get()
    assert inquiry.landing_page == "/addictions/alcohol/"
    assert inquiry.referrer_host == "duckduckgo.com"


@pytest.mark.django_db
def test_a_form_page_that_is_not_a_local_path_is_not_stored(client):
    client.post(URL, valid_post(form_page="https://evil.example/"))

    assert Inquiry.objects.get().form_page == ""


@pytest.mark.django_db
def test_an_oversized_post_is_refused_with_a_clear_page(client, settings):
    response = client.post(
        URL, valid_post(message="x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1))
    )

    assert response.status_code == 400
    assert "too large" in response.content.decode()
    assert "tel:+18285550142" in response.content.decode()
    assert Inquiry.objects.count() == 0


@pytest.mark.django_db
def test_a_post_with_too_many_fields_is_refused_with_a_clear_page(client, settings):
    data = valid_post()
    data.update(
        {
            f"extra{number}": "x"
            for number in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS)
        }
    )

    response = client.post(URL, data)

    assert response.status_code == 400
    assert Inquiry.objects.count() == 0


@pytest.mark.django_db
def test_a_very_long_unicode_name_is_refused_not_a_500(client):
    response = client.post(URL, valid_post(name="\U0001f600" * 5000))

    assert response.status_code == 200
    assert "Keep the name under 100 characters" in response.content.decode()


@pytest.mark.django_db
def test_the_short_form_tag_renders_a_form_posting_to_the_admissions_page(rf):
    from django.template import Context, Template

    program = type("P", (), {"pk": 7})()
    request = rf.get("/treatment/detox/")
    html = Template(
        "{% load admissions_tags %}{% inquiry_short_form program=program %}"
    ).render(Context({"request": request, "program": program}))

    assert 'action="/admissions/"' in html
    assert 'name="program" value="7"' in html
    assert 'name="form_page" value="/treatment/detox/"' in html
    assert 'name="form_key"' in html
    assert 'name="insurance"' not in html
