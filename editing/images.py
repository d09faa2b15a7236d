"""Opening untrusted images safely: known formats only, a pixel cap, and a clean re-encode.

Every uploaded picture on the site goes through `clean_image` (editor images and picture
fields) or `clean_photo` (visitors' photos of insurance cards). Both decode the file, keep
its pixels and nothing else, and write a new file: EXIF (GPS positions from phone photos),
XMP, IPTC, JPEG comments, PNG text chunks, WebP and HEIC metadata and anything hidden after
the image data never reach storage. Only a colour profile that fits the pixels is kept, so
colours look the same. Re-encoding also proves the file really is the image it claims to be.
"""

import io
import warnings
from dataclasses import dataclass

import pillow_heif
from django.conf import settings
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

# HEIC is what iPhones send; pillow-heif lets Pillow open it (never for editor images).
pillow_heif.register_heif_opener()

ACCEPTED_FORMATS = ("JPEG", "PNG", "GIF", "WEBP")
ACCEPTED_FORMATS_WORDS = "a JPEG, PNG, GIF or WebP image"
# Photos taken by visitors: a phone camera's formats, HEIC included.
PHOTO_FORMATS = ("JPEG", "PNG", "WEBP", "HEIF")
PHOTO_FORMATS_WORDS = "a JPEG, PNG, HEIC or WebP photo"
MAX_EDGE = 2400
# The modes we write, and the colour space a profile kept with them must describe.
PROFILE_COLOUR_SPACES = {"RGB": "RGB", "RGBA": "RGB", "L": "GRAY", "LA": "GRAY"}
# How a stored file is encoded, by format: what it is saved as and its extension.
ENCODINGS = {
    "JPEG": ("jpg", {"quality": 85, "optimize": True, "progressive": True}),
    "WEBP": ("webp", {"quality": 85}),
    "PNG": ("png", {"optimize": True}),
}


class InvalidImage(ValueError):
    """The upload is not an image we accept; the message is written for the person uploading."""


@dataclass(frozen=True)
class CleanImage:
    content: bytes
    extension: str
    width: int
    height: int


def refuse_oversized(upload) -> None:
    """Raise InvalidImage when the upload is larger than MAX_UPLOAD_IMAGE_BYTES."""
    limit = settings.MAX_UPLOAD_IMAGE_BYTES
    if upload.size > limit:
        raise InvalidImage(
            f"This file is larger than {limit // (1024 * 1024)} MB. Upload a smaller image."
        )


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


def colour_space(profile: bytes | None) -> str | None:
    """The colour space an ICC profile describes ("RGB", "GRAY", "CMYK"...), or None when
    there is no profile or it cannot be read."""
    if not profile:
        return None
    try:
        return ImageCms.ImageCmsProfile(
            io.BytesIO(profile)
        ).profile.xcolor_space.strip()
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return None


def to_mode(image: Image.Image, mode: str) -> Image.Image:
    """`image` in `mode`, its colours converted through its own profile when it has one
    for another colour space (a CMYK JPEG, say), so they still look right in sRGB."""
    if image.mode == mode:
        return image
    profile = image.info.get("icc_profile")
    target_space = PROFILE_COLOUR_SPACES.get(mode)
    source_space = colour_space(profile)
    if source_space and target_space and source_space != target_space:
        try:
            return ImageCms.profileToProfile(
                image,
                ImageCms.ImageCmsProfile(io.BytesIO(profile)),
                ImageCms.createProfile("sRGB"),
                outputMode=mode,
            )
        except ImageCms.PyCMSError:
            pass  # an unusable profile: convert without it
    return image.convert(mode)


def writable_mode(image: Image.Image, modes: tuple[str, ...]) -> str:
    """The mode of `modes` that keeps most of `image`: grey stays grey and transparency
    stays where the format can hold it."""
    grey = image.mode in ("1", "L", "LA", "La", "I", "I;16", "F")
    alpha = image.has_transparency_data
    wanted = ("LA" if alpha else "L") if grey else ("RGBA" if alpha else "RGB")
    for candidate in (wanted, wanted.removesuffix("A"), "RGBA" if alpha else "RGB"):
        if candidate in modes:
            return candidate
    return "RGB"


def pixels_only(image: Image.Image, modes: tuple[str, ...]) -> Image.Image:
    """A new image holding `image`'s pixels (in one of `modes`) and its colour profile, and
    nothing else: built from raw pixel bytes, it cannot carry any metadata of the file."""
    if image.mode not in modes:
        image = to_mode(image, writable_mode(image, modes))
    bare = Image.frombytes(image.mode, image.size, image.tobytes())
    profile = image.info.get("icc_profile")
    if profile and colour_space(profile) == PROFILE_COLOUR_SPACES[bare.mode]:
        bare.info["icc_profile"] = profile
    return bare


def encode(image: Image.Image, format_name: str) -> CleanImage:
    """Write `image` (from `pixels_only`) as `format_name`, with its colour profile only."""
    extension, options = ENCODINGS[format_name]
    output = io.BytesIO()
    profile = image.info.get("icc_profile")
    if profile:
        options = {**options, "icc_profile": profile}
    image.save(output, format_name, **options)
    return CleanImage(output.getvalue(), extension, image.width, image.height)


def upright_and_within(image: Image.Image, max_edge: int) -> Image.Image:
    """The image turned as its EXIF orientation says, at most `max_edge` pixels a side."""
    image = ImageOps.exif_transpose(image)
    image.thumbnail((max_edge, max_edge))
    return image


def clean_image(fileobj) -> CleanImage:
    """Re-encode an uploaded image without its metadata, at most MAX_EDGE pixels on a side:
    JPEG stays JPEG (a camera's multi-picture JPEG, which Pillow calls MPO, keeps only its
    first picture), WebP stays WebP, PNG stays PNG and a GIF becomes a PNG of its first
    frame."""
    image = open_image(fileobj)
    source_format = image.format
    image = upright_and_within(image, MAX_EDGE)
    if source_format in ("JPEG", "MPO"):
        return encode(pixels_only(image, ("RGB", "L")), "JPEG")
    if source_format == "WEBP":
        return encode(pixels_only(image, ("RGB", "RGBA")), "WEBP")
    return encode(pixels_only(image, ("RGB", "RGBA", "L", "LA")), "PNG")


def clean_photo(fileobj, max_edge: int = MAX_EDGE) -> CleanImage:
    """A visitor's photo (JPEG, PNG, HEIC or WebP) as a JPEG without metadata, upright and
    at most `max_edge` pixels on a side."""
    image = open_image(fileobj, PHOTO_FORMATS, PHOTO_FORMATS_WORDS)
    image = upright_and_within(image, max_edge)
    return encode(pixels_only(image, ("RGB", "L")), "JPEG")
