from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from editing.links import WebAddressField, web_address_constraint
from pictures.fields import PictureField

from ..video_hosts import Embed, parse_embed

VIDEO_TYPES = {"mp4": "video/mp4", "webm": "video/webm"}
# MP4 major brands (ISO base media files also hold HEIC pictures and QuickTime movies).
MP4_BRANDS = {
    b"isom",
    b"iso2",
    b"iso4",
    b"iso5",
    b"iso6",
    b"mp41",
    b"mp42",
    b"avc1",
    b"dash",
    b"M4V ",
    b"mmp4",
}


def video_type(field_file) -> str | None:
    """ "mp4" or "webm" from the file's first bytes (never its name), else None."""
    was_closed = field_file.closed
    field_file.open("rb")
    try:
        field_file.seek(0)
        head = field_file.read(64)
    finally:
        if was_closed:
            field_file.close()
        else:
            field_file.seek(0)
    if head[4:8] == b"ftyp" and head[8:12] in MP4_BRANDS:
        return "mp4"
    if head[:4] == b"\x1a\x45\xdf\xa3" and b"webm" in head:
        return "webm"
    return None


def validate_video_file(value) -> None:
    limit = settings.MAX_UPLOAD_VIDEO_BYTES
    if value.size > limit:
        raise ValidationError(
            f"This video is larger than {limit // (1024 * 1024)} MB. Compress it, or "
            "put it on YouTube or Vimeo and paste its address instead.",
            code="size",
        )
    if video_type(value) is None:
        raise ValidationError(
            "This file is not an MP4 or WebM video. Export the video as MP4 (H.264) "
            "or WebM and upload it again.",
            code="type",
        )


class Video(models.Model):
    """A video on a site page (the media page): a file we host, or an embed from YouTube
    or Vimeo shown through their privacy players, behind a poster until the visitor clicks."""

    page = models.ForeignKey(
        "programs.Page", on_delete=models.CASCADE, related_name="videos"
    )
    title = models.CharField(
        max_length=200, help_text="Read out on the play button: “Play video: …”."
    )
    file = models.FileField(
        "video file",
        upload_to="videos/%Y/",
        blank=True,
        validators=[validate_video_file],
        help_text="An MP4 or WebM file, served from this site. Leave empty for a YouTube or Vimeo video.",
    )
    embed_url = WebAddressField(
        "YouTube or Vimeo address",
        max_length=300,
        blank=True,
        help_text="Paste the video's address from YouTube or Vimeo; it is shown through their privacy-respecting players. Leave empty for an uploaded file.",
    )
    # Empty in the table only where the move into the library found no file (programs
    # 0014); every form asks for one.
    poster_picture = PictureField(
        "poster",
        null=True,
        help_text="The still shown before the visitor presses play, at least 1280 pixels "
        "wide, shown 16:9 around its focal point.",
    )
    caption = models.CharField(max_length=300, blank=True)
    transcript_url = WebAddressField(
        "captions or transcript link",
        max_length=300,
        blank=True,
        help_text="A page with the video's transcript, for people who cannot hear it.",
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(file="") & ~models.Q(embed_url=""))
                | (~models.Q(file="") & models.Q(embed_url="")),
                name="programs_video_file_or_embed",
                violation_error_message="Upload a video file or paste a YouTube or Vimeo address: one of the two, not both.",
            ),
            web_address_constraint(
                "transcript_url", "programs_video_transcript_url_is_web_address"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        """A pasted address becomes the host's privacy embed; other hosts are refused.
        (A file or an address, never both nor neither: the constraint says so.)"""
        super().clean()
        if self.embed_url:
            try:
                self.embed_url = parse_embed(self.embed_url).embed_url
            except ValidationError as error:
                raise ValidationError({"embed_url": error.messages}) from None

    @property
    def embed(self) -> Embed | None:
        if not self.embed_url:
            return None
        try:
            return parse_embed(self.embed_url)
        except ValidationError:
            return None

    @property
    def file_type(self) -> str:
        """The stored file's MIME type, from its extension (set from its content on upload)."""
        extension = self.file.name.rsplit(".", 1)[-1].lower() if self.file else ""
        return VIDEO_TYPES.get(extension, "video/mp4")
