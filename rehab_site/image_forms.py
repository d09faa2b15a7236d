"""The image pipeline (images.py) for admin forms: an uploaded image field is checked and
re-encoded before it is stored, and a bad file is a message on the form, never a 500."""

import uuid

from django import forms
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile

from .images import InvalidImage, clean_image


def cleaned_image_upload(upload):
    """A fresh, metadata-free copy of a newly uploaded image; anything else unchanged."""
    if not isinstance(upload, UploadedFile):
        return upload  # unchanged or cleared
    limit = settings.MAX_UPLOAD_IMAGE_BYTES
    if upload.size > limit:
        raise forms.ValidationError(
            f"This file is larger than {limit // (1024 * 1024)} MB. Upload a smaller image."
        )
    try:
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
