from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models


class Photo(models.Model):
    """One picture of a page's gallery (the tour, a location), with its description."""

    content_type = models.ForeignKey(
        ContentType,
        on_delete=models.CASCADE,
        limit_choices_to={"app_label": "programs"},
    )
    object_id = models.PositiveBigIntegerField()
    page = GenericForeignKey("content_type", "object_id")
    image = models.ImageField(
        upload_to="galleries/%Y/",
        help_text="A photograph at least 1200 pixels wide. JPEG, PNG or WebP.",
    )
    alt = models.CharField(
        "description",
        max_length=200,
        help_text="What the photo shows, for people who cannot see it.",
    )
    caption = models.CharField(max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = "gallery photo"
        indexes = [models.Index(fields=["content_type", "object_id"])]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(alt=""), name="programs_photo_has_description"
            )
        ]

    def __str__(self) -> str:
        return self.alt
