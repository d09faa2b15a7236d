"""Admin forms: uploaded images are checked and re-encoded before they are stored."""

import uuid

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile

from rehab_site.images import InvalidImage, clean_image

from .models import Article, Person


def reencoded_upload(upload):
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
    return SimpleUploadedFile(
        f"{uuid.uuid4().hex[:12]}.{clean.extension}",
        clean.content,
        content_type=f"image/{'jpeg' if clean.extension == 'jpg' else clean.extension}",
    )


class ArticleAdminForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = [
            "title",
            "slug",
            "summary",
            "body",
            "featured_image",
            "featured_image_alt",
            "authors",
            "medical_reviewer",
            "reviewed_on",
            "categories",
            "tags",
            "status",
            "publish_at",
            "seo_title",
            "meta_description",
            "noindex",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
        }

    def clean_featured_image(self):
        return reencoded_upload(self.cleaned_data.get("featured_image"))


class PersonAdminForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = [
            "name",
            "slug",
            "credentials",
            "role",
            "bio",
            "photo",
            "team_section",
            "team_order",
        ]

    def clean_photo(self):
        return reencoded_upload(self.cleaned_data.get("photo"))
