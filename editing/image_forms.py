"""The image pipeline (images.py) for forms: an uploaded image is checked and re-encoded
before it is stored, and a bad file is a message on the form, never a 500. The picture
library's forms (pictures/forms.py) clean every upload with `cleaned_image_upload`."""

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
