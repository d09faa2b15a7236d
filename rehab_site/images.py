"""Opening untrusted images safely: known formats only, a pixel cap, and a clean re-encode.

Re-encoding drops EXIF (GPS positions from phone photos), XMP and anything hidden after
the image data, and it proves the file really is the image it claims to be.
"""

import io
import warnings
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from PIL import Image, ImageOps, UnidentifiedImageError

ACCEPTED_FORMATS = ("JPEG", "PNG", "GIF", "WEBP")
MAX_EDGE = 2400


class InvalidImage(ValueError):
    """The upload is not an image we accept; the message is written for the person uploading."""


@dataclass(frozen=True)
class CleanImage:
    content: bytes
    extension: str
    width: int
    height: int


def open_image(fileobj) -> Image.Image:
    """Open and fully decode an image, refusing unknown formats, bombs and broken files."""
    max_pixels = settings.MAX_UPLOAD_IMAGE_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(fileobj, formats=ACCEPTED_FORMATS)
            if image.width * image.height > max_pixels:
                raise InvalidImage(
                    f"This image is {image.width}×{image.height} pixels; "
                    f"the most we accept is {max_pixels // 1_000_000} megapixels."
                )
            image.load()
    except InvalidImage:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise InvalidImage("This image is too large to open safely.") from error
    except (
        UnidentifiedImageError,
        OSError,
        ValueError,
        SyntaxError,
        EOFError,
    ) as error:
        raise InvalidImage(
            "This file is not an image we can read. Upload a JPEG, PNG, GIF or WebP image."
        ) from error
    return image


def clean_image(fileobj) -> CleanImage:
    """Re-encode an uploaded image without its metadata, at most MAX_EDGE pixels on a side."""
    image = open_image(fileobj)
    source_format = image.format
    image = ImageOps.exif_transpose(image)
    image.thumbnail((MAX_EDGE, MAX_EDGE))
    output = io.BytesIO()
    if source_format == "JPEG":
        if image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        image.save(output, "JPEG", quality=85, optimize=True, progressive=True)
        extension = "jpg"
    elif source_format == "WEBP":
        image.save(output, "WEBP", quality=85)
        extension = "webp"
    else:  # PNG, and GIF flattened to its first frame
        if image.mode not in ("RGB", "RGBA", "L", "LA", "P"):
            image = image.convert("RGBA")
        image.save(output, "PNG", optimize=True)
        extension = "png"
    return CleanImage(output.getvalue(), extension, image.width, image.height)


class HeroImageForm(forms.ModelForm):
    """An admin form for a model with `hero_image` and `hero_image_alt`: an upload is
    re-encoded (so only clean, metadata-free images are stored) and needs a description."""

    def clean_hero_image(self):
        image = self.cleaned_data.get("hero_image")
        if not isinstance(image, UploadedFile):
            return image  # unchanged or cleared
        try:
            clean = clean_image(image)
        except InvalidImage as error:
            raise forms.ValidationError(str(error)) from error
        stem = image.name.rsplit(".", 1)[0][:80] or "image"
        return ContentFile(clean.content, name=f"{stem}.{clean.extension}")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("hero_image") and not cleaned.get("hero_image_alt", "").strip():
            self.add_error(
                "hero_image_alt", "Describe the image for people who cannot see it."
            )
        return cleaned
