from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.urls import reverse

from editing.richtext import RichTextField

from .base import ContentPage, ContentPageQuerySet


class ProgramQuerySet(ContentPageQuerySet):
    def levels_of_care(self):
        return self.filter(kind=Program.Kind.LEVEL_OF_CARE)

    def lengths(self):
        return self.filter(kind=Program.Kind.LENGTH)


class Program(ContentPage):
    """A level of care (detox, residential, ...) or a program length (30, 60, 90 days)."""

    class Kind(models.TextChoices):
        LEVEL_OF_CARE = "level", "Level of care"
        LENGTH = "length", "Program length"

    kind = models.CharField(
        max_length=10, choices=Kind.choices, default=Kind.LEVEL_OF_CARE
    )
    typical_length = models.CharField(
        max_length=80,
        blank=True,
        help_text="As a family would say it, for example “5 to 7 days” or “30 days”.",
    )
    length_in_days = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="For program lengths: 30, 60 or 90."
    )
    day_in_the_life = RichTextField(
        "what a day looks like", blank=True, help_text="A typical day, hour by hour."
    )
    who_it_suits = RichTextField(
        "who it suits", blank=True, help_text="Who this program is right for."
    )
    featured = models.BooleanField(
        "show on the home page",
        default=False,
        help_text="Featured programs appear on the home page, in their order.",
    )
    conditions = models.ManyToManyField(
        "programs.Condition",
        blank=True,
        related_name="programs",
        help_text="Conditions this program treats.",
    )
    audiences = models.ManyToManyField(
        "programs.Audience",
        blank=True,
        related_name="programs",
        verbose_name="who it helps",
        help_text="Groups of people this program serves.",
    )

    objects = ProgramQuerySet.as_manager()

    # Reusable blocks placed below the page (programs/models/sections.py).
    placed_blocks = GenericRelation("programs.PlacedBlock")

    class Meta(ContentPage.Meta):
        verbose_name = "program"
        indexes = [models.Index(fields=["status", "publish_at"])]

    def get_absolute_url(self) -> str:
        return reverse("programs:program", args=[self.slug])
