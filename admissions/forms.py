"""The admissions inquiry form: plain-worded errors, normalized phone numbers, quiet spam checks."""

import time
import uuid

import phonenumbers
from django import forms
from django.conf import settings
from django.core import signing

from programs.models import Condition, Program

from .models import Inquiry
from .text import clean_text

PHONE_REGION = "US"
FORM_KEY_SALT = "admissions.inquiry-form"
OTHER = "other"

# The fields of the short form that program and condition pages include; every other field
# is optional, so the same form validates both.
SHORT_FORM_FIELDS = ["name", "phone", "email", "for_whom", "message", "consent"]


def new_form_key() -> str:
    """A signed submission token and the time the form was shown (the time trap)."""
    return signing.dumps(
        {"token": str(uuid.uuid4()), "issued": time.time()}, salt=FORM_KEY_SALT
    )


def form_key_for(request) -> str:
    """A fresh form key for each visitor of a cached page (see PER_VISITOR_VALUES)."""
    return new_form_key()


def read_form_key(value: str) -> tuple[uuid.UUID, float] | None:
    try:
        data = signing.loads(value or "", salt=FORM_KEY_SALT)
        return uuid.UUID(data["token"]), float(data["issued"])
    except (signing.BadSignature, KeyError, TypeError, ValueError, AttributeError):
        return None


def normalize_phone(value: str) -> str:
    """+15551234567 for any valid number written the way people write them; ValueError if not."""
    try:
        number = phonenumbers.parse(value, PHONE_REGION)
    except phonenumbers.NumberParseException as error:
        raise ValueError(value) from error
    if not phonenumbers.is_valid_number(number):
        raise ValueError(value)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


class ConditionChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, condition):
        return condition.name


class InquiryForm(forms.Form):
    name = forms.CharField(
        label="Your name",
        max_length=100,
        help_text="A first name is fine.",
        error_messages={
            "required": "Tell us your name, or a first name we can use.",
            "max_length": "Keep the name under 100 characters.",
        },
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    phone = forms.CharField(
        label="Phone",
        max_length=30,
        required=False,
        help_text="For example (828) 555-0142.",
        error_messages={"max_length": "A phone number has fewer than 30 characters."},
        widget=forms.TextInput(
            attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}
        ),
    )
    email = forms.EmailField(
        label="Email",
        max_length=254,
        required=False,
        help_text="Only to reply to you.",
        error_messages={
            "invalid": "Enter an email address like name@example.com.",
            "max_length": "An email address has fewer than 254 characters.",
        },
        widget=forms.EmailInput(
            attrs={"autocomplete": "email", "inputmode": "email", "spellcheck": "false"}
        ),
    )
    contact_method = forms.ChoiceField(
        label="How should we contact you?",
        choices=Inquiry.ContactMethod.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    contact_time = forms.ChoiceField(
        label="When is a good time?",
        choices=Inquiry.ContactTime.choices,
        initial=Inquiry.ContactTime.ANY,
        required=False,
        widget=forms.RadioSelect,
    )
    for_whom = forms.ChoiceField(
        label="Who needs help?",
        choices=Inquiry.ForWhom.choices,
        error_messages={
            "required": "Tell us whether you are asking for yourself or for a loved one."
        },
        widget=forms.RadioSelect,
    )
    substances = ConditionChoiceField(
        label="Substances of concern",
        queryset=Condition.objects.none(),
        required=False,
        help_text="Choose any that apply. You can skip this.",
        error_messages={"invalid_choice": "Choose from the substances listed."},
        widget=forms.CheckboxSelectMultiple,
    )
    substance_other = forms.CharField(
        label="Other substance",
        max_length=100,
        required=False,
        error_messages={"max_length": "Keep this under 100 characters."},
    )
    program = forms.ModelChoiceField(
        label="Program of interest",
        queryset=Program.objects.none(),
        required=False,
        empty_label="Not sure yet",
        error_messages={"invalid_choice": "Choose a program from the list."},
    )
    insurance = forms.ChoiceField(
        label="Insurance provider",
        choices=[("", "Choose one (optional)"), *Inquiry.Insurance.choices],
        required=False,
        help_text="We check your benefits for you, at no cost.",
        error_messages={
            "invalid_choice": "Choose an insurance provider from the list."
        },
    )
    insurance_other = forms.CharField(
        label="Other insurance provider",
        max_length=100,
        required=False,
        error_messages={"max_length": "Keep this under 100 characters."},
    )
    message = forms.CharField(
        label="Anything you would like us to know",
        max_length=2000,
        required=False,
        help_text="In your own words. Up to 2,000 characters.",
        error_messages={
            "max_length": "Please shorten your message to 2,000 characters or fewer (it has %(show_value)d)."
        },
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    consent = forms.BooleanField(
        label="I agree that Willow Ridge may contact me about this request",
        error_messages={
            "required": "Please agree to the privacy policy so that we may contact you."
        },
    )
    # Spam checks, invisible to people: a field only bots fill, and when the form was shown.
    website = forms.CharField(required=False, label="Leave this field empty")
    form_key = forms.CharField(required=False, widget=forms.HiddenInput)
    form_page = forms.CharField(
        required=False, max_length=300, widget=forms.HiddenInput
    )

    field_order = [
        "name",
        "phone",
        "email",
        "contact_method",
        "contact_time",
        "for_whom",
        "substances",
        "substance_other",
        "program",
        "insurance",
        "insurance_other",
        "message",
        "consent",
    ]

    def __init__(self, *args, site_name: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["substances"].queryset = Condition.objects.live().order_by(
            "order", "name"
        )
        self.fields["program"].queryset = Program.objects.live().order_by(
            "kind", "order", "name"
        )
        if site_name:
            self.fields[
                "consent"
            ].label = f"I agree that {site_name} may contact me about this request"
        if not self.is_bound and not self.initial.get("form_key"):
            self.initial["form_key"] = new_form_key()
        self.spam_reason = ""
        self.submission_token: uuid.UUID | None = None

    def clean_name(self):
        name = clean_text(self.cleaned_data["name"])
        if not name:
            raise forms.ValidationError(
                "Tell us your name, or a first name we can use."
            )
        return name

    def clean_phone(self):
        phone = clean_text(self.cleaned_data["phone"])
        if not phone:
            return ""
        try:
            return normalize_phone(phone)
        except ValueError:
            raise forms.ValidationError(
                "Enter a phone number we can call, with its area code, like (828) 555-0142."
            ) from None

    def clean_substance_other(self):
        return clean_text(self.cleaned_data["substance_other"])

    def clean_insurance_other(self):
        return clean_text(self.cleaned_data["insurance_other"])

    def clean_message(self):
        return clean_text(self.cleaned_data["message"], multiline=True)

    def clean(self):
        cleaned = super().clean()
        phone, email = cleaned.get("phone"), cleaned.get("email")
        method = cleaned.get("contact_method")
        phone_ok = "phone" not in self.errors
        email_ok = "email" not in self.errors
        if phone_ok and email_ok and not phone and not email:
            self.add_error(
                "phone",
                "Give us a phone number or an email address so we can reach you.",
            )
        elif method in (Inquiry.ContactMethod.PHONE, Inquiry.ContactMethod.TEXT):
            if phone_ok and not phone:
                self.add_error(
                    "phone", "You asked us to call or text you: add your phone number."
                )
        elif method == Inquiry.ContactMethod.EMAIL and email_ok and not email:
            self.add_error(
                "email", "You asked us to email you: add your email address."
            )
        self._check_for_spam(cleaned)
        return cleaned

    def _check_for_spam(self, cleaned) -> None:
        key = read_form_key(cleaned.get("form_key", ""))
        if cleaned.get("website"):
            self.spam_reason = "honeypot"
        if key is None:
            self.spam_reason = self.spam_reason or "missing form key"
            return
        self.submission_token, issued = key
        if time.time() - issued < settings.ADMISSIONS_MIN_FILL_SECONDS:
            self.spam_reason = self.spam_reason or "sent too fast"

    @property
    def short_fields(self):
        return [self[name] for name in SHORT_FORM_FIELDS]
