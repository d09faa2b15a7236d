from django import forms

from editing.image_forms import cleaned_image_upload

from .models import Accreditation


class AccreditationForm(forms.ModelForm):
    class Meta:
        model = Accreditation
        fields = [
            "body",
            "name",
            "kind",
            "number",
            "issued_on",
            "expires_on",
            "verification_url",
            "seal",
            "badge_text",
            "show_on_site",
            "order",
        ]

    def clean_seal(self):
        return cleaned_image_upload(self.cleaned_data.get("seal"))
