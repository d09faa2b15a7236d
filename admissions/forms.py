"""The admissions inquiry form: plain-worded errors, normalized phone numbers, quiet spam checks."""

import time
import uuid

import phonenumbers
from django import forms
from django.conf import settings
from django.core import signing
from django.utils import timezone

from programs.models import Condition, Insurer, Program
from website.visitor_text import VisitorModelForm, VisitorTextField

from .models import Inquiry
from .text import mentions_crisis

PHONE_REGION = "US"
FORM_KEY_SALT = "admissions.inquiry-form"
OTHER = "other"

# The fields of the short form that program and condition pages include; every other field
# is optional, so the same form validates both.
SHORT_FORM_FIELDS = ["name", "phone", "email", "for_whom", "message", "consent"]
# Every field a visitor fills in, in the order the form shows them.
FIELDS = [
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
KEEP_IT_SHORT = "Keep this under %(limit_value)d characters (it has %(show_value)d)."


def new_form_key(*, filled: bool = False) -> str:
    """A signed submission token and the time the visitor started the form (the time trap).

    Made when the page's script asks for it as the visitor starts the form (views.
    form_tokens), never in a page's HTML, which the edge keeps for everyone. `filled`: for a
    form shown again with what the visitor sent, so the time they took is already known.
    """
    issued = time.time()
    if filled:
        issued -= settings.ADMISSIONS_MIN_FILL_SECONDS
    return signing.dumps(
        {"token": str(uuid.uuid4()), "issued": issued}, salt=FORM_KEY_SALT
    )


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


def insurance_choices(
    answers=Inquiry.InsuranceAnswer.choices, empty_label="Choose one (optional)"
) -> list[tuple[str, str]]:
    """The staff-managed insurers in their order (the same list /insurance/ explains, the
    ones the center does not take said so), then the answers the form offers.

    Called when the choices are first read (rendering or validating), so a form whose
    fields come from the cache costs no query.
    """
    insurers = Insurer.objects.order_by("order", "name").values_list(
        "pk", "name", "is_accepted"
    )
    return [
        ("", empty_label),
        *(
            (str(pk), name if accepted else f"{name} (we are not in network)")
            for pk, name, accepted in insurers
        ),
        *answers,
    ]


def insurance_answer(value: str) -> tuple[Insurer | None, str]:
    """The insurer a valid choice names (if it is one) and the label to keep for it."""
    if value.isdigit():
        insurer = Insurer.objects.filter(pk=value).first()
        return insurer, insurer.name if insurer else ""
    if value in Inquiry.InsuranceAnswer.values:
        return None, Inquiry.InsuranceAnswer(value).label
    return None, ""


class InsuranceChoiceField(forms.ChoiceField):
    """The insurers' list as a drop-down, read from the database only when shown or checked."""

    def __init__(
        self,
        *,
        answers=Inquiry.InsuranceAnswer.choices,
        empty_label="Choose one (optional)",
        **kwargs,
    ):
        kwargs.setdefault("label", "Insurance provider")
        kwargs.setdefault(
            "error_messages",
            {
                "invalid_choice": "Choose an insurance provider from the list.",
                "required": "Choose your insurance provider, or “Not listed” to type it.",
            },
        )
        super().__init__(
            choices=lambda: insurance_choices(answers, empty_label), **kwargs
        )


class ConditionChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, condition):
        return condition.name


class ProtectedForm(forms.Form):
    """What every public admissions form carries besides its own fields: the spam checks
    (a honeypot only bots fill, the signed time trap) and the one-time submission token.

    Mixed into a ModelForm: `class MyForm(ProtectedForm, VisitorModelForm)`.
    """

    website = forms.CharField(required=False, label="Leave this field empty")
    form_key = forms.CharField(required=False, widget=forms.HiddenInput)
    form_page = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.spam_reason = ""
        self.submission_token: uuid.UUID | None = None

    def check_for_spam(self, cleaned) -> None:
        key = read_form_key(cleaned.get("form_key", ""))
        if cleaned.get("website"):
            self.spam_reason = "honeypot"
        if key is None:
            self.spam_reason = self.spam_reason or "missing form key"
            return
        self.submission_token, issued = key
        if time.time() - issued < settings.ADMISSIONS_MIN_FILL_SECONDS:
            self.spam_reason = self.spam_reason or "sent too fast"


class ReachableForm(forms.Form):
    """A way to reach the visitor and their consent to be contacted, as every public
    admissions form asks for them. `site_name` names the center in the consent."""

    # Typed any way people write a number; stored as +15551234567 (clean_phone).
    phone = VisitorTextField(
        label="Phone",
        max_length=30,
        required=False,
        help_text="For example (828) 555-0142.",
        error_messages={"max_length": "A phone number has fewer than 30 characters."},
        widget=forms.TextInput(
            attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}
        ),
    )
    consent = forms.BooleanField(
        label="I agree that the center may contact me about this request",
        error_messages={
            "required": "Please agree to the privacy policy so that we may contact you."
        },
    )

    def __init__(self, *args, site_name: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        if site_name:
            self.fields[
                "consent"
            ].label = f"I agree that {site_name} may contact me about this request"

    def clean_phone(self):
        phone = self.cleaned_data["phone"]
        if not phone:
            return ""
        try:
            return normalize_phone(phone)
        except ValueError:
            raise forms.ValidationError(
                "Enter a phone number we can call, with its area code, like (828) 555-0142."
            ) from None

    def require_a_way_to_reach(self, cleaned) -> None:
        """A phone number or an email address: one of them is needed."""
        if (
            "phone" not in self.errors
            and "email" not in self.errors
            and not cleaned.get("phone")
            and not cleaned.get("email")
        ):
            self.add_error(
                "phone",
                "Give us a phone number or an email address so we can reach you.",
            )


class InquiryForm(ReachableForm, ProtectedForm, VisitorModelForm):
    """The inquiry as the visitor writes it. Fields not on the model: the substances (the
    inquiry keeps their names), consent (kept as the time it was given) and the spam checks.
    """

    name_fields = ("name",)

    substances = ConditionChoiceField(
        label="Substances of concern",
        queryset=Condition.objects.none(),
        required=False,
        help_text="Choose any that apply. You can skip this.",
        error_messages={"invalid_choice": "Choose from the substances listed."},
        widget=forms.CheckboxSelectMultiple,
    )
    insurance = InsuranceChoiceField(
        required=False, help_text="We check your benefits for you, at no cost."
    )

    field_order = FIELDS

    class Meta(VisitorModelForm.Meta):
        model = Inquiry
        # `substances` and `insurance` are declared above: the form offers live addiction
        # pages and the insurers' list, and save() keeps their names.
        fields = [name for name in FIELDS if name not in ("substances", "insurance")]
        labels = {
            "name": "Your name",
            "contact_method": "How should we contact you?",
            "contact_time": "When is a good time?",
            "for_whom": "Who needs help?",
            "program": "Program of interest",
            "insurance_other": "Other insurance provider",
            "message": "Anything you would like us to know",
        }
        help_texts = {
            "name": "A first name is fine.",
            "email": "Only to reply to you.",
            "message": "In your own words. Up to 2,000 characters.",
            "program": "",
        }
        error_messages = {
            "name": {
                "required": "Tell us your name, or a first name we can use.",
                "max_length": "Keep the name under %(limit_value)d characters (it has %(show_value)d).",
            },
            "email": {
                "invalid": "Enter an email address like name@example.com.",
                "max_length": "An email address has fewer than %(limit_value)d characters.",
            },
            "for_whom": {
                "required": "Tell us whether you are asking for yourself or for a loved one."
            },
            "substance_other": {"max_length": KEEP_IT_SHORT},
            "program": {"invalid_choice": "Choose a program from the list."},
            "insurance_other": {"max_length": KEEP_IT_SHORT},
            "message": {
                "max_length": "Please shorten your message to 2,000 characters or fewer (it has %(show_value)d)."
            },
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(
                attrs={
                    "autocomplete": "email",
                    "inputmode": "email",
                    "spellcheck": "false",
                }
            ),
            "contact_method": forms.RadioSelect,
            "contact_time": forms.RadioSelect,
            "for_whom": forms.RadioSelect,
            "message": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Radio buttons: no "---------" choice.
        self.fields["contact_method"].choices = Inquiry.ContactMethod.choices
        self.fields["contact_time"].choices = Inquiry.ContactTime.choices
        self.fields["for_whom"].choices = Inquiry.ForWhom.choices
        self.fields["substances"].queryset = Condition.objects.live().order_by(
            "order", "name"
        )
        program = self.fields["program"]
        program.queryset = Program.objects.live().order_by("kind", "order", "name")
        program.empty_label = "Not sure yet"

    def clean(self):
        cleaned = super().clean()
        phone, email = cleaned.get("phone"), cleaned.get("email")
        method = cleaned.get("contact_method")
        if not phone and not email:
            self.require_a_way_to_reach(cleaned)
        elif method in (Inquiry.ContactMethod.PHONE, Inquiry.ContactMethod.TEXT):
            if "phone" not in self.errors and not phone:
                self.add_error(
                    "phone", "You asked us to call or text you: add your phone number."
                )
        elif (
            method == Inquiry.ContactMethod.EMAIL
            and "email" not in self.errors
            and not email
        ):
            self.add_error(
                "email", "You asked us to email you: add your email address."
            )
        self.check_for_spam(cleaned)
        return cleaned

    def save(self, commit: bool = True) -> Inquiry:
        """The inquiry with what the visitor chose turned into what is kept: the names of
        the substances and program as they read today, and the time consent was given."""
        inquiry = super().save(commit=False)
        data = self.cleaned_data
        inquiry.substances = [condition.name for condition in data["substances"]]
        inquiry.program_label = inquiry.program.name if inquiry.program else ""
        inquiry.insurer, inquiry.insurance = insurance_answer(data.get("insurance", ""))
        inquiry.contact_time = inquiry.contact_time or Inquiry.ContactTime.ANY
        inquiry.consented_at = timezone.now()
        inquiry.is_urgent = mentions_crisis(inquiry.message, inquiry.substance_other)
        if self.submission_token is not None:
            inquiry.submission_token = self.submission_token
        if commit:
            inquiry.save()
        return inquiry

    @property
    def short_fields(self):
        return [self[name] for name in SHORT_FORM_FIELDS]
