"""Opening untrusted images safely: known formats only, a pixel cap, and a clean re-encode.

Re-encoding drops EXIF (GPS positions from phone photos), XMP and anything hidden after
the image data, and it proves the file really is the image it claims to be.
"""

import io
import warnings
from dataclasses import dataclass

import pillow_heif
from django.conf import settings
from PIL import Image, ImageOps, UnidentifiedImageError

# HEIC is what iPhones send; pillow-heif lets Pillow open it (never for editor images).
pillow_heif.register_heif_opener()

ACCEPTED_FORMATS = ("JPEG", "PNG", "GIF", "WEBP")
ACCEPTED_FORMATS_WORDS = "a JPEG, PNG, GIF or WebP image"
# Photos taken by visitors: a phone camera's formats, HEIC included.
PHOTO_FORMATS = ("JPEG", "PNG", "WEBP", "HEIF")
PHOTO_FORMATS_WORDS = "a JPEG, PNG, HEIC or WebP photo"
MAX_EDGE = 2400


class InvalidImage(ValueError):
    """The upload is not an image we accept; the message is written for the person uploading."""


@dataclass(frozen=True)
class CleanImage:
    content: bytes
    extension: str
    width: int
    height: int


def open_image(
    fileobj, formats=ACCEPTED_FORMATS, formats_words=ACCEPTED_FORMATS_WORDS
) -> Image.Image:
    """Open and fully decode an image, refusing unknown formats, bombs and broken files."""
    max_pixels = settings.MAX_UPLOAD_IMAGE_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(fileobj, formats=formats)
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
            f"This file is not an image we can read. Upload {formats_words}."
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


def clean_photo(fileobj, max_edge: int = MAX_EDGE) -> CleanImage:
    """A visitor's photo (JPEG, PNG, HEIC or WebP) as a JPEG without metadata, upright and
    at most `max_edge` pixels on a side."""
    image = open_image(fileobj, PHOTO_FORMATS, PHOTO_FORMATS_WORDS)
    image = ImageOps.exif_transpose(image)
    image.thumbnail((max_edge, max_edge))
    if image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    output = io.BytesIO()
    image.save(output, "JPEG", quality=85, optimize=True)
    return CleanImage(output.getvalue(), "jpg", image.width, image.height)
