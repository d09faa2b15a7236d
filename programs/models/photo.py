from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models

from pictures.fields import PictureField


class Photo(models.Model):
    """One picture of a page's gallery (the tour, a location), from the library."""

    content_type = models.ForeignKey(
        ContentType,
        on_delete=models.CASCADE,
        limit_choices_to={"app_label": "programs"},
    )
    object_id = models.PositiveBigIntegerField()
    page = GenericForeignKey("content_type", "object_id")
    # Empty in the table only where the move into the library found no file (programs
    # 0014); every form asks for one.
    picture = PictureField(
        "picture",
        null=True,
        help_text="A photograph at least 1200 pixels wide, shown 4:3 around its focal "
        "point.",
    )
    caption = models.CharField(max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = "gallery photo"
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        if self.caption:
            return self.caption
        return str(self.picture) if self.picture_id else "Gallery photo"
