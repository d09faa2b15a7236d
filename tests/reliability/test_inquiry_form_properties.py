"""Property-based tests of the inquiry form: any input is either refused with a message on
the field or cleaned into something safe to store and call back."""

import re
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from admissions.forms import InquiryForm, new_form_key

pytestmark = pytest.mark.django_db

FAST = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
UNSAFE_CHARACTERS = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]"
)
ANY_TEXT = st.text(
    st.characters(blacklist_categories=["Cs"])
    | st.sampled_from("\x00\r\n\t\u202e\u2066<>\"'=+-@"),
    max_size=120,
)
PHONE_LIKE = st.one_of(
    ANY_TEXT,
    st.from_regex(
        r"\+?1?[ (.-]{0,2}[2-9]\d{2}[ ).-]{0,2}\d{3}[ .-]?\d{4}", fullmatch=True
    ),
)


def form(**fields) -> InquiryForm:
    data = {
        "name": "Sam",
        "phone": "(828) 555-0142",
        "for_whom": "self",
        "consent": "on",
        "form_key": new_form_key(),
        **fields,
    }
    return InquiryForm(data)


@FAST
@given(name=ANY_TEXT, message=ANY_TEXT, other=ANY_TEXT)
def test_text_is_either_refused_or_stored_clean(name, message, other):
    inquiry = form(name=name, message=message, substance_other=other)
    if not inquiry.is_valid():
        assert set(inquiry.errors) <= {"name", "message", "substance_other"}
        assert all(inquiry.errors.values())
        return
    for field in ("name", "message", "substance_other"):
        value = inquiry.cleaned_data[field]
        assert not UNSAFE_CHARACTERS.search(value), field
        assert value == unicodedata.normalize("NFC", value)
        assert value == value.strip()
    assert inquiry.cleaned_data["name"]
    assert "\n" not in inquiry.cleaned_data["name"]


@FAST
@given(phone=PHONE_LIKE)
def test_a_phone_number_is_either_refused_or_stored_in_e164(phone):
    inquiry = form(phone=phone, email="sam@example.com")
    if inquiry.is_valid():
        # E.164: a US number (the default region) or one written with its country code.
        assert re.fullmatch(r"(\+[1-9]\d{6,14}|)", inquiry.cleaned_data["phone"])
    else:
        assert list(inquiry.errors) == ["phone"]
        assert inquiry.errors["phone"][0]  # a message on the field


@FAST
@given(email=ANY_TEXT)
def test_an_email_address_is_either_refused_or_one_clean_line(email):
    inquiry = form(email=email, phone="")
    if inquiry.is_valid():
        cleaned = inquiry.cleaned_data["email"]
        assert "@" in cleaned
        assert not re.search(r"[\s\x00<>]", cleaned)
    else:
        assert set(inquiry.errors) <= {"email", "phone"}


def test_digits_from_other_scripts_become_a_plain_international_number():
    inquiry = form(phone="+20୩0000000", email="sam@example.com")

    assert inquiry.is_valid(), inquiry.errors
    assert inquiry.cleaned_data["phone"] == "+2030000000"
