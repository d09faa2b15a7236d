"""The image pipeline (images.py) for admin forms: an uploaded image field is checked and
re-encoded before it is stored, and a bad file is a message on the form, never a 500.
Every picture field of every admin form cleans its upload with `cleaned_image_upload`."""

import uuid

from django import forms
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile

from editing.images import InvalidImage, clean_image, refuse_oversized


def cleaned_image_upload(upload):
    """A fresh, metadata-free copy of a newly uploaded image; anything else unchanged."""
    if not isinstance(upload, UploadedFile):
        return upload  # unchanged or cleared
    try:
        refuse_oversized(upload)
        clean = clean_image(upload)
    except InvalidImage as error:
        raise forms.ValidationError(str(error)) from error
    return ContentFile(clean.content, name=f"{uuid.uuid4().hex[:12]}.{clean.extension}")


class HeroImageForm(forms.ModelForm):
    """An admin form for a model with `hero_image` and `hero_image_alt`: an upload is
    re-encoded (so only clean, metadata-free images are stored) and needs a description."""

    def clean_hero_image(self):
        return cleaned_image_upload(self.cleaned_data.get("hero_image"))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("hero_image") and not cleaned.get("hero_image_alt", "").strip():
            self.add_error(
                "hero_image_alt", "Describe the image for people who cannot see it."
            )
        return cleaned
