"""Validation of every field of the inquiry form, in the words a visitor reads."""

import pytest

from admissions.forms import InquiryForm
from editing.publishing import Status
from programs.models import Condition, Program

from .conftest import form_key, valid_post

pytestmark = pytest.mark.django_db


def errors_for(**overrides) -> dict:
    form = InquiryForm(valid_post(**overrides))
    form.is_valid()
    return form.errors


def test_a_complete_form_is_valid():
    assert errors_for() == {}


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "", "Tell us your name"),
        ("name", "   ", "Tell us your name"),
        ("name", "A" * 101, "under 100 characters"),
        ("name", "\u00e9" * 101, "under 100 characters"),
        ("phone", "12", "Enter a phone number we can call"),
        ("phone", "555-0187", "Enter a phone number we can call"),
        ("phone", "call me maybe", "Enter a phone number we can call"),
        ("phone", "1" * 31, "fewer than 30 characters"),
        ("email", "not-an-address", "Enter an email address like"),
        (
            "email",
            "a@example.com\nBcc: victim@example.org",
            "Enter an email address like",
        ),
        ("email", "a@example.com\r\nSubject: hi", "Enter an email address like"),
        ("email", "x" * 250 + "@example.com", "fewer than 254 characters"),
        ("contact_method", "pigeon", "Select a valid choice"),
        ("contact_time", "midnight", "Select a valid choice"),
        ("for_whom", "", "yourself or for a loved one"),
        ("for_whom", "neighbour", "Select a valid choice"),
        ("substance_other", "x" * 101, "under 100 characters"),
        ("insurance", "acme", "Choose an insurance provider from the list"),
        ("insurance_other", "x" * 101, "under 100 characters"),
        ("message", "x" * 2001, "2,000 characters or fewer"),
        ("consent", "", "agree to the privacy policy"),
    ],
)
def test_each_field_explains_what_is_wrong(field, value, message):
    errors = errors_for(**{field: value})

    assert field in errors
    assert message in errors[field][0]


def test_a_way_to_reach_the_visitor_is_required():
    errors = errors_for(phone="", email="")

    assert errors["phone"] == [
        "Give us a phone number or an email address so we can reach you."
    ]


def test_email_alone_is_enough_when_email_is_the_preferred_way():
    assert errors_for(phone="", contact_method="email") == {}


def test_asking_for_a_call_without_a_phone_number_is_explained():
    errors = errors_for(phone="", contact_method="phone")

    assert "add your phone number" in errors["phone"][0]


def test_asking_for_email_without_an_address_is_explained():
    errors = errors_for(email="", contact_method="email")

    assert "add your email address" in errors["email"][0]


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("(828) 555-0187", "+18285550187"),
        ("828.555.0187", "+18285550187"),
        ("+1 828 555 0187", "+18285550187"),
        ("1-828-555-0187", "+18285550187"),
        ("+44 20 7946 0958", "+442079460958"),
    ],
)
def test_phone_numbers_are_stored_normalized(typed, stored):
    form = InquiryForm(valid_post(phone=typed))

    assert form.is_valid(), form.errors
    assert form.cleaned_data["phone"] == stored


def test_null_bytes_are_removed_before_anything_is_checked():
    form = InquiryForm(valid_post(name="Jor\x00dan", message="\x00" * 3000))

    assert form.is_valid(), form.errors
    assert form.cleaned_data["name"] == "Jordan"
    assert form.cleaned_data["message"] == ""


def test_right_to_left_overrides_and_control_characters_are_removed():
    form = InquiryForm(
        valid_post(
            name="Jordan\u202e nahtanoJ", message="line one\r\nline\u2066 two\x07"
        )
    )

    assert form.is_valid(), form.errors
    assert form.cleaned_data["name"] == "Jordan nahtanoJ"
    assert form.cleaned_data["message"] == "line one\nline two"


def test_text_that_looks_like_html_is_kept_as_text():
    form = InquiryForm(valid_post(message="<script>alert(1)</script>"))

    assert form.is_valid()
    assert form.cleaned_data["message"] == "<script>alert(1)</script>"


def test_substances_and_programs_come_from_live_pages_only():
    alcohol = Condition.objects.create(
        name="Alcohol", slug="alcohol", status=Status.PUBLISHED
    )
    draft = Condition.objects.create(name="Kratom", slug="kratom", status=Status.DRAFT)
    detox = Program.objects.create(name="Detox", slug="detox", status=Status.PUBLISHED)
    hidden = Program.objects.create(name="Secret", slug="secret", status=Status.DRAFT)

    ok = InquiryForm(valid_post(substances=[str(alcohol.pk)], program=str(detox.pk)))
    not_live = InquiryForm(
        valid_post(substances=[str(draft.pk)], program=str(hidden.pk))
    )

    assert ok.is_valid(), ok.errors
    assert list(ok.cleaned_data["substances"]) == [alcohol]
    assert ok.cleaned_data["program"] == detox
    assert not not_live.is_valid()
    assert not_live.errors["substances"] == ["Choose from the substances listed."]
    assert not_live.errors["program"] == ["Choose a program from the list."]


def test_a_filled_honeypot_marks_the_form_as_spam_without_an_error():
    form = InquiryForm(valid_post(website="http://spam.example"))

    assert form.is_valid()
    assert form.spam_reason == "honeypot"


def test_a_form_sent_seconds_after_it_was_shown_is_spam():
    form = InquiryForm(valid_post(form_key=form_key(seconds_ago=0.5)))

    assert form.is_valid()
    assert form.spam_reason == "sent too fast"


def test_a_forged_form_key_is_spam():
    form = InquiryForm(valid_post(form_key="forged"))

    assert form.is_valid()
    assert form.spam_reason == "missing form key"


def test_every_text_input_has_autocomplete_and_a_label():
    html = InquiryForm().as_div()

    assert 'autocomplete="name"' in html
    assert 'autocomplete="tel"' in html and 'inputmode="tel"' in html
    assert 'autocomplete="email"' in html and 'inputmode="email"' in html
    assert 'type="tel"' in html
