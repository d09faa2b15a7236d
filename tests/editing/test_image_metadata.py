"""No hidden text survives an upload: every kind of metadata each accepted format can carry
is planted with its own marker, uploaded through every path a picture takes into the site,
and looked for in every stored byte (thumbnails and renditions included, card photos once
decrypted). Only the colour profile stays."""

import io
import struct

import pytest
from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.urls import reverse
from PIL import Image, ImageCms, PngImagePlugin

import editing.images  # noqa: F401  (registers the HEIC opener)
from blog.models import Article
from insurance_verification.encryption import decrypt
from insurance_verification.models import InsuranceVerification
from pictures.models import Picture
from tests.admin_forms import change_form_data, every_admin_form
from tests.blog.factories import ArticleFactory
from tests.factories import UserFactory
from tests.insurance_verification.helpers import verification_post

pytestmark = pytest.mark.django_db

SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
EXIF_IMAGE_DESCRIPTION = 0x010E
EXIF_GPS_IFD = 0x8825
XMP_APP1_HEADER = b"http://ns.adobe.com/xap/1.0/\x00"


def marker(kind: str, format_name: str) -> str:
    return f"PLANTED-{kind}-{format_name}-MARKER"


def exif_with(text: str) -> Image.Exif:
    exif = Image.Exif()
    exif[EXIF_IMAGE_DESCRIPTION] = text
    exif[EXIF_GPS_IFD] = {1: "N", 2: (35.0, 35.0, 0.0), 3: "W", 4: (82.0, 33.0, 0.0)}
    return exif


def xmp_with(text: str) -> bytes:
    return (
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        f'<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:title="{text}"/>'
        "</rdf:RDF></x:xmpmeta>"
    ).encode()


def jpeg_segment(code: int, payload: bytes) -> bytes:
    return bytes([0xFF, code]) + struct.pack(">H", len(payload) + 2) + payload


def iptc_segment(text: str) -> bytes:
    """An APP13 Photoshop segment holding an IPTC caption, as photo editors write it."""
    caption = text.encode()
    iptc = b"\x1c\x02\x78" + struct.pack(">H", len(caption)) + caption
    if len(iptc) % 2:
        iptc += b"\x00"
    resource = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(iptc)) + iptc
    return jpeg_segment(0xED, b"Photoshop 3.0\x00" + resource)


def picture() -> Image.Image:
    image = Image.new("RGB", (320, 240), (30, 90, 160))
    image.paste((250, 250, 250), (40, 60, 280, 90))
    return image


def jpeg_with_metadata() -> bytes:
    output = io.BytesIO()
    picture().save(
        output,
        "JPEG",
        exif=exif_with(marker("exif", "JPEG")),
        xmp=xmp_with(marker("xmp", "JPEG")),
        comment=marker("comment", "JPEG"),
        icc_profile=SRGB,
    )
    data = output.getvalue()
    extra = iptc_segment(marker("iptc", "JPEG")) + jpeg_segment(
        0xEF, marker("app15", "JPEG").encode()
    )
    return data[:2] + extra + data[2:] + marker("trailing", "JPEG").encode()


def png_with_metadata() -> bytes:
    text = PngImagePlugin.PngInfo()
    text.add_text("Comment", marker("tEXt", "PNG"))
    text.add_text("Description", marker("zTXt", "PNG"), zip=True)
    text.add_itxt("Title", marker("iTXt", "PNG"), lang="en", tkey="Title")
    text.add_itxt("XML:com.adobe.xmp", xmp_with(marker("xmp", "PNG")).decode())
    output = io.BytesIO()
    picture().save(
        output,
        "PNG",
        pnginfo=text,
        exif=exif_with(marker("exif", "PNG")),
        icc_profile=SRGB,
    )
    return output.getvalue() + marker("trailing", "PNG").encode()


def gif_with_metadata() -> bytes:
    output = io.BytesIO()
    picture().convert("P").save(output, "GIF", comment=marker("comment", "GIF"))
    data = output.getvalue()
    # An XMP application extension (Pillow does not write one), before the comment.
    xmp = xmp_with(marker("xmp", "GIF"))
    blocks = b"".join(
        bytes([len(xmp[start : start + 255])]) + xmp[start : start + 255]
        for start in range(0, len(xmp), 255)
    )
    extension = b"\x21\xff\x0bXMP DataXMP" + blocks + b"\x00"
    comment_at = data.index(b"\x21\xfe")
    data = data[:comment_at] + extension + data[comment_at:]
    return data + marker("trailing", "GIF").encode()


def webp_with_metadata() -> bytes:
    output = io.BytesIO()
    picture().save(
        output,
        "WEBP",
        exif=exif_with(marker("exif", "WEBP")).tobytes(),
        xmp=xmp_with(marker("xmp", "WEBP")),
        icc_profile=SRGB,
    )
    return output.getvalue()


def heic_with_metadata() -> bytes:
    output = io.BytesIO()
    picture().save(
        output,
        "HEIF",
        exif=exif_with(marker("exif", "HEIF")).tobytes(),
        xmp=xmp_with(marker("xmp", "HEIF")),
        icc_profile=SRGB,
    )
    return output.getvalue()


SOURCES = {
    "JPEG": (jpeg_with_metadata, "photo.jpg", "image/jpeg"),
    "PNG": (png_with_metadata, "photo.png", "image/png"),
    "GIF": (gif_with_metadata, "photo.gif", "image/gif"),
    "WEBP": (webp_with_metadata, "photo.webp", "image/webp"),
    "HEIF": (heic_with_metadata, "photo.heic", "image/heic"),
}
KINDS = {
    "JPEG": ["exif", "xmp", "iptc", "comment", "app15", "trailing"],
    "PNG": ["tEXt", "zTXt", "iTXt", "xmp", "exif", "trailing"],
    "GIF": ["comment", "xmp", "trailing"],
    "WEBP": ["exif", "xmp"],
    "HEIF": ["exif", "xmp"],
}
# Formats with a colour profile in the planted file.
WITH_PROFILE = {"JPEG", "PNG", "WEBP", "HEIF"}
PICTURE_FORMATS = ["JPEG", "PNG", "GIF", "WEBP"]
PHOTO_FORMATS = ["JPEG", "PNG", "WEBP", "HEIF"]


def upload(format_name: str) -> SimpleUploadedFile:
    build, name, content_type = SOURCES[format_name]
    return SimpleUploadedFile(name, build(), content_type=content_type)


def readable_text(data: bytes) -> bytes:
    """The file's bytes, plus everything Pillow decodes from it (compressed text chunks,
    EXIF, XMP, comments), so a marker is found however it was stored."""
    found = [data]
    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except Exception:  # not an image (a video file, an encrypted card): bytes only
        return data
    info = {key: value for key, value in image.info.items() if key != "icc_profile"}
    found.append(repr(info).encode())
    found.append(repr(dict(image.getexif())).encode())
    return b"\n".join(found)


def markers_in(data: bytes, format_name: str) -> list[str]:
    text = readable_text(data)
    return [
        kind
        for kind in KINDS[format_name]
        if marker(kind, format_name).encode() in text
    ]


@pytest.mark.parametrize("format_name", SOURCES)
def test_every_planted_marker_is_found_in_the_file_as_uploaded(format_name):
    """The detector works: each kind of metadata is really in the planted file."""
    data = SOURCES[format_name][0]()

    assert markers_in(data, format_name) == KINDS[format_name]


def stored_files(root) -> list:
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def assert_no_marker_in_media(media_root, format_name):
    files = stored_files(media_root)
    assert files, "nothing was stored"
    survivors = {
        str(path.relative_to(media_root)): markers_in(path.read_bytes(), format_name)
        for path in files
    }
    assert not any(survivors.values()), survivors


def assert_profile_kept(data: bytes, format_name: str):
    stored = Image.open(io.BytesIO(data))
    if format_name in WITH_PROFILE:
        assert stored.info.get("icc_profile") == SRGB
    else:
        assert "icc_profile" not in stored.info


def form_errors(response) -> str:
    """What the admin said was wrong with a form it did not save."""
    context = response.context or {}
    problems = [str(context.get("errors", ""))]
    for formset in context.get("inline_admin_formsets", []):
        problems.append(str(formset.formset.errors))
    return "\n".join(problems) or response.content.decode()[:2000]


@pytest.fixture
def superuser_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


# -- editor images: the rich-text editor's upload endpoint ------------------------------


@pytest.mark.parametrize("format_name", PICTURE_FORMATS)
def test_editor_images_keep_no_metadata(superuser_client, media_root, format_name):
    response = superuser_client.post(
        "/admin/editor-images/upload/", {"upload": upload(format_name)}
    )

    assert response.status_code == 200, response.content
    assert_no_marker_in_media(media_root, format_name)
    assert_profile_kept(Picture.objects.get().file.read(), format_name)


# -- picture fields through their admin forms: articles --------------------------------
# (Gallery photos, video posters and hero pictures are chosen from the picture library,
# whose upload re-encodes them: pictures/forms.py.)


def public_page_files(client, url: str) -> None:
    """Render the public page, which makes its thumbnails."""
    client.logout()
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("format_name", PICTURE_FORMATS)
def test_article_pictures_and_their_renditions_keep_no_metadata(
    superuser_client, media_root, format_name
):
    article = ArticleFactory()
    uploaded = superuser_client.post(
        reverse("admin:pictures_picture_choose_upload"),
        {"file": upload(format_name), "alt": "Hills"},
    )
    assert uploaded.status_code == 201, uploaded.content
    url = f"/admin/blog/article/{article.pk}/change/"
    data = change_form_data(superuser_client, url)
    for field in Article._meta.many_to_many:  # an empty multiple select posts nothing
        if data.get(field.name) == "":
            del data[field.name]
    data.update(featured_picture=uploaded.json()["id"])

    response = superuser_client.post(url, data)

    assert response.status_code == 302, form_errors(response)
    article = Article.objects.get(pk=article.pk)
    assert article.featured_picture.renditions["sizes"]
    public_page_files(superuser_client, article.get_absolute_url())
    assert_no_marker_in_media(media_root, format_name)
    assert_profile_kept(article.featured_picture.file.read(), format_name)


# -- card photos: the public verification form, then decrypted ---------------------------


@pytest.mark.parametrize("format_name", PHOTO_FORMATS)
def test_card_photos_keep_no_metadata_once_decrypted(client, settings, format_name):
    settings.ADMISSIONS_NOTIFY_EMAILS = ["intake@example.org"]
    response = client.post(
        "/admissions/verify-insurance/",
        verification_post(
            card_front=upload(format_name), card_back=upload(format_name)
        ),
    )

    assert response.status_code == 302, form_errors(response)
    verification = InsuranceVerification.objects.get()
    files = stored_files(settings.PRIVATE_MEDIA_ROOT)
    assert len(files) == 2
    for path in files:
        stored = path.read_bytes()
        assert markers_in(stored, format_name) == []
        photo = decrypt(stored)
        assert markers_in(photo, format_name) == []
        assert Image.open(io.BytesIO(photo)).format == "JPEG"
        assert_profile_kept(photo, format_name)
    assert verification.card_front and verification.card_back


# -- every picture field of every admin form re-encodes ----------------------------------

# Picture fields that no admin form edits, and the path that re-encodes them instead.
NOT_IN_ANY_ADMIN_FORM: dict = {}


def test_every_picture_field_in_the_admin_re_encodes_its_upload():
    superuser = UserFactory(is_staff=True, is_superuser=True)
    covered = set()
    problems = []
    for model, form_class in every_admin_form(superuser):
        for name in form_class.base_fields:
            try:
                model_field = model._meta.get_field(name)
            except FieldDoesNotExist:
                continue  # a form-only field
            if not isinstance(model_field, models.ImageField):
                continue
            covered.add((model, name))
            form = form_class(data={}, files={name: upload("JPEG")}, instance=model())
            form.is_valid()
            cleaned = form.cleaned_data.get(name)
            if cleaned is None:
                problems.append(f"{model.__name__}.{name}: {form.errors.get(name)}")
                continue
            cleaned.seek(0)
            left = markers_in(cleaned.read(), "JPEG")
            if left:
                problems.append(f"{model.__name__}.{name} keeps {left}")
    picture_fields = {
        (model, field.name)
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, models.ImageField)
    }
    unchecked = picture_fields - covered - set(NOT_IN_ANY_ADMIN_FORM)
    assert not problems, problems
    assert not unchecked, f"picture fields with no re-encoding admin form: {unchecked}"
    assert covered & set(NOT_IN_ANY_ADMIN_FORM) == set()


# -- colour: a profile stays only with pixels it describes -------------------------------


def stored_by_editor(client, content: bytes, name: str) -> Image.Image:
    response = client.post(
        "/admin/editor-images/upload/",
        {"upload": SimpleUploadedFile(name, content, content_type="image/jpeg")},
    )
    assert response.status_code == 200, response.content
    return Image.open(Picture.objects.latest("pk").file)


def test_a_cmyk_jpeg_is_stored_as_rgb(superuser_client):
    output = io.BytesIO()
    Image.new("CMYK", (64, 48), (0, 200, 200, 0)).save(
        output, "JPEG", comment=marker("comment", "JPEG")
    )

    stored = stored_by_editor(superuser_client, output.getvalue(), "print.jpg")

    assert stored.mode == "RGB"
    assert "comment" not in stored.info


def test_a_grey_picture_drops_a_colour_profile_made_for_rgb(superuser_client):
    output = io.BytesIO()
    Image.new("L", (64, 48), 128).save(output, "PNG", icc_profile=SRGB)

    stored = stored_by_editor(superuser_client, output.getvalue(), "grey.png")

    assert stored.mode == "L"
    assert "icc_profile" not in stored.info


def test_a_multi_picture_jpeg_is_stored_as_its_first_picture_alone(superuser_client):
    hidden = Image.new("RGB", (64, 48), (200, 20, 30))
    output = io.BytesIO()
    Image.new("RGB", (64, 48), (10, 20, 30)).save(
        output,
        "MPO",
        save_all=True,
        append_images=[hidden],
        comment=marker("comment", "JPEG"),
    )

    stored = stored_by_editor(superuser_client, output.getvalue(), "camera.jpg")

    assert stored.format == "JPEG"
    assert getattr(stored, "n_frames", 1) == 1
    assert markers_in(Picture.objects.get().file.read(), "JPEG") == []
