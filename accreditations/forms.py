from django import forms

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
            "seal_picture",
            "badge_text",
            "show_on_site",
            "order",
        ]
