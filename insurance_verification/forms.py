"""The insurance verification form.

It shares the inquiry form's protections (ProtectedForm: honeypot, time trap, one row per
submission token; the views' rate limit) and text rules (VisitorModelForm). Card photos are
checked and re-encoded by editing.images; services.py encrypts and stores them.
"""

from datetime import date

from django import forms
from django.conf import settings
from django.utils import timezone

from admissions.forms import (
    InsuranceChoiceField,
    ProtectedForm,
    ReachableForm,
    insurance_answer,
)
from editing.images import InvalidImage, clean_photo
from website.visitor_text import VisitorModelForm, VisitorTextField

from .models import InsuranceVerification

NOT_LISTED = "other"
OLDEST_AGE_YEARS = 120


class CardPhotoField(forms.FileField):
    """A photo of the insurance card: taken with the phone's camera or chosen from a file."""

    widget = forms.FileInput(attrs={"accept": "image/*"})

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "error_messages",
            {
                "invalid": "The photo did not arrive whole. Please choose it again.",
                "empty": "This photo file is empty. Please take or choose the photo again.",
            },
        )
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if not upload:
            return None
        limit = settings.MAX_UPLOAD_IMAGE_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                f"This photo is larger than {limit // (1024 * 1024)} MB. "
                "Take it again at a lower resolution, or choose a smaller file."
            )
        try:
            return clean_photo(upload)
        except InvalidImage as error:
            raise forms.ValidationError(str(error)) from error


class BirthDateField(forms.DateField):
    widget = forms.DateInput(attrs={"type": "date", "autocomplete": "bday"})

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "error_messages",
            {"invalid": "Enter the date of birth as month, day and year."},
        )
        super().__init__(**kwargs)

    def clean(self, value):
        born = super().clean(value)
        if born is None:
            return born
        today = timezone.localdate()
        if born > today:
            raise forms.ValidationError("A date of birth cannot be in the future.")
        oldest = date(today.year - OLDEST_AGE_YEARS, today.month, min(today.day, 28))
        if born < oldest:
            raise forms.ValidationError(
                f"Check the year: that date is more than {OLDEST_AGE_YEARS} years ago."
            )
        return born


class VerificationForm(ReachableForm, ProtectedForm, VisitorModelForm):
    """What a family sends to have their benefits checked."""

    name_fields = ("holder_name",)

    insurance = InsuranceChoiceField(
        label="Insurance provider",
        answers=[(NOT_LISTED, "Not listed: I will type it")],
        empty_label="Choose your insurer",
        help_text="As printed on the card.",
    )
    insurer_other = VisitorTextField(
        label="Your insurer's name",
        max_length=100,
        required=False,
        help_text="Only if it is not in the list.",
        error_messages={
            "max_length": "Keep this under %(limit_value)d characters (it has %(show_value)d)."
        },
    )
    holder_birth_date = BirthDateField(label="Policy holder's date of birth")
    patient_birth_date = BirthDateField(label="Patient's date of birth", required=False)
    card_front = CardPhotoField(
        label="Photo of the card's front",
        help_text="Take a photo or choose one. JPEG, PNG, HEIC or WebP.",
    )
    card_back = CardPhotoField(label="Photo of the card's back")
    # Kept as typed (trimmed, spaces collapsed), within the length a card prints.
    member_id = VisitorTextField(
        label="Member ID",
        max_length=40,
        help_text="Exactly as printed on the card, letters included.",
        error_messages={
            "required": "Enter the member ID from the card.",
            "max_length": "A member ID has at most %(limit_value)d characters (this has %(show_value)d).",
        },
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    group_number = VisitorTextField(
        label="Group number",
        max_length=40,
        required=False,
        help_text="If the card shows one.",
        error_messages={
            "max_length": "A group number has at most %(limit_value)d characters (this has %(show_value)d).",
        },
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    field_order = [
        "insurance",
        "insurer_other",
        "member_id",
        "group_number",
        "holder_name",
        "relationship",
        "holder_birth_date",
        "patient_name",
        "patient_birth_date",
        "card_front",
        "card_back",
        "phone",
        "email",
        "consent",
    ]

    class Meta(VisitorModelForm.Meta):
        model = InsuranceVerification
        fields = [
            "member_id",
            "group_number",
            "holder_name",
            "relationship",
            "patient_name",
            "email",
        ]
        labels = {
            "holder_name": "Policy holder's name",
            "relationship": "Who is the patient?",
            "patient_name": "Patient's name",
        }
        help_texts = {
            "patient_name": "If the patient is not the policy holder.",
            "email": "Only to reply to you.",
        }
        error_messages = {
            "holder_name": {
                "required": "Enter the policy holder's name as it is on the card.",
                "max_length": "Keep the name under %(limit_value)d characters (it has %(show_value)d).",
            },
            "relationship": {
                "required": "Tell us who the patient is.",
            },
            "patient_name": {
                "max_length": "Keep the name under %(limit_value)d characters (it has %(show_value)d).",
            },
            "email": {
                "invalid": "Enter an email address like name@example.com.",
                "max_length": "An email address has fewer than %(limit_value)d characters.",
            },
        }
        widgets = {
            "holder_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "patient_name": forms.TextInput(attrs={"autocomplete": "off"}),
            "relationship": forms.RadioSelect,
            "email": forms.EmailInput(
                attrs={
                    "autocomplete": "email",
                    "inputmode": "email",
                    "spellcheck": "false",
                }
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["relationship"].choices = InsuranceVerification.Relationship.choices

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("insurance") == NOT_LISTED
            and not cleaned.get("insurer_other")
            and "insurer_other" not in self.errors
        ):
            self.add_error("insurer_other", "Type the name of your insurance provider.")
        if cleaned.get("relationship") not in (
            None,
            "",
            InsuranceVerification.Relationship.SELF,
        ):
            if not cleaned.get("patient_name") and "patient_name" not in self.errors:
                self.add_error(
                    "patient_name",
                    "Enter the patient's name: you said the patient is not the holder.",
                )
            if (
                not cleaned.get("patient_birth_date")
                and "patient_birth_date" not in self.errors
            ):
                self.add_error(
                    "patient_birth_date", "Enter the patient's date of birth."
                )
        self.require_a_way_to_reach(cleaned)
        self.check_for_spam(cleaned)
        return cleaned

    def save(self, commit: bool = True) -> InsuranceVerification:
        """The verification as kept: the insurer's name as it read, the time consent was
        given. The card photos are encrypted and stored by services.record_verification."""
        verification = super().save(commit=False)
        data = self.cleaned_data
        insurer, label = insurance_answer(data.get("insurance", ""))
        verification.insurer = insurer
        verification.insurer_name = (
            data.get("insurer_other", "")
            if data.get("insurance") == NOT_LISTED
            else label
        )
        verification.phone = data.get("phone", "")
        verification.holder_birth_date = data["holder_birth_date"]
        is_holder = verification.is_holder_the_patient
        verification.patient_name = "" if is_holder else verification.patient_name
        verification.patient_birth_date = (
            None if is_holder else data.get("patient_birth_date")
        )
        verification.consented_at = timezone.now()
        if self.submission_token is not None:
            verification.submission_token = self.submission_token
        if commit:
            verification.save()
        return verification
