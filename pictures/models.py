"""The picture library: every picture on the site is uploaded once, described once (alt
text, or marked decorative), and chosen wherever it is shown.

A page's picture field is a `PictureField` (fields.py), a protected foreign key, so a
picture in use cannot be deleted. Pictures in rich text are found by their file's name
(`PictureFile` keeps every name a picture has had, so text written before a replacement
still finds it) and recorded as `PictureUse` rows, protected too.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxValueValidator
from django.db import models, transaction
from taggit.managers import TaggableManager

from .renditions import RENDITION_WIDTHS, build_renditions, default_size, srcset

FOCAL_HELP = (
    "Click the picture to set its focal point: crops keep it in view. "
    "Or type it as a percentage across and down."
)


def title_from(file_name: str) -> str:
    """A title for a picture uploaded without one: its file's name, in words."""
    stem = file_name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return stem.replace("-", " ").replace("_", " ").strip()[:200] or "Untitled picture"


class Picture(models.Model):
    file = models.ImageField(
        "picture file",
        upload_to="pictures/%Y/%m/",
        help_text="Choosing a new file replaces the picture everywhere it is used.",
    )
    # Read from the file when it is saved (`save()`), never when a row is loaded: the
    # ImageField's own width_field would open the file on every load, and fail for a file
    # gone from storage.
    width = models.PositiveIntegerField(editable=False, null=True)
    height = models.PositiveIntegerField(editable=False, null=True)
    title = models.CharField(
        max_length=200,
        help_text="For finding it in the library; visitors never see it.",
    )
    alt = models.CharField(
        "alt text",
        max_length=250,
        blank=True,
        help_text=(
            "What the picture shows, for people who cannot see it "
            "(“A counselor and a client talking on a garden bench”)."
        ),
    )
    decorative = models.BooleanField(
        "decorative",
        default=False,
        help_text="Only ornament, saying nothing the page does not: screen readers skip it.",
    )
    credit = models.CharField(
        max_length=200, blank=True, help_text="The photographer or source, if owed."
    )
    tags = TaggableManager(
        blank=True, help_text="Words to find it by, separated by commas."
    )
    focal_x = models.PositiveSmallIntegerField(
        "focal point across (%)",
        default=50,
        validators=[MaxValueValidator(100)],
        help_text=FOCAL_HELP,
    )
    focal_y = models.PositiveSmallIntegerField(
        "focal point down (%)", default=50, validators=[MaxValueValidator(100)]
    )
    # WebP widths and crops around the focal point (renditions.py), made when the file or
    # the focal point changes.
    renditions = models.JSONField(default=dict, blank=True, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField("uploaded", auto_now_add=True)
    updated_at = models.DateTimeField("changed", auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(focal_x__lte=100, focal_y__lte=100),
                name="pictures_focal_point_within_picture",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        with transaction.atomic():
            super().save(*args, **kwargs)  # stores a new file first
            if not self.file:
                return
            PictureFile.objects.get_or_create(name=self.file.name, picture=self)
            if self.renditions.get("source") != self.file.name:
                self.width, self.height = self.file.width, self.file.height
            if self.renditions.get("source") != self.file.name or (
                self.renditions.get("crop") != self.crop
            ):
                self.renditions = build_renditions(
                    self.file, RENDITION_WIDTHS, crop=self.crop
                )
                Picture.objects.filter(pk=self.pk).update(
                    width=self.width, height=self.height, renditions=self.renditions
                )

    @property
    def alt_text(self) -> str:
        """The `alt` to print: empty for a decorative picture, as screen readers expect."""
        return "" if self.decorative else self.alt

    @property
    def needs_alt(self) -> bool:
        """Shown to visitors without a description: a fault on any live page."""
        return not self.decorative and not self.alt.strip()

    @property
    def missing_alt(self) -> str:
        """What every form and the checklist say of a picture that `needs_alt`."""
        return (
            f"“{self.title}” has no alt text. Describe it in the picture library "
            "(or mark it decorative there)."
        )

    @property
    def size(self) -> dict | None:
        """The uncropped rendition for an `<img>`'s `src`, width and height."""
        return default_size(self.renditions)

    @property
    def srcset(self) -> str:
        """The uncropped renditions as an `<img>`'s `srcset`."""
        return srcset(self.renditions)

    @property
    def crop(self) -> str:
        """The focal point as sorl-thumbnail's crop position ("30% 60%"): every cropped
        rendition keeps this point in view, as CSS background-position does."""
        return f"{self.focal_x}% {self.focal_y}%"

    @property
    def object_position(self) -> str:
        """The same, for CSS object-position where the browser crops (object-fit)."""
        return self.crop


class PictureFile(models.Model):
    """Each file name a picture has had: rich text written before a replacement names the
    old file, and still shows the picture as it is now."""

    name = models.CharField(max_length=255, unique=True)
    picture = models.ForeignKey(Picture, on_delete=models.CASCADE, related_name="files")

    def __str__(self) -> str:
        return self.name


class PictureUse(models.Model):
    """A picture in the rich text of a page or article, kept up to date on every save
    (richtext.py). Protected, so a picture shown in text cannot be deleted."""

    picture = models.ForeignKey(Picture, on_delete=models.PROTECT, related_name="uses")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=64)
    page = GenericForeignKey("content_type", "object_id")
    field_name = models.CharField(max_length=100)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["picture", "content_type", "object_id", "field_name"],
                name="pictures_one_use_per_field",
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        model = self.content_type.model_class()
        field = model._meta.get_field(self.field_name) if model else None
        where = field.verbose_name if field else self.field_name
        return f"in the {where} of “{self.page}”"
