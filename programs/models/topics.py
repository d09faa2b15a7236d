"""The pages a family finds by what they are dealing with, who they are and where they live."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.urls import reverse

from editing.richtext import RichTextField

from .base import ContentPage


class Condition(ContentPage):
    """A substance or addiction we treat: alcohol, opioids, heroin, ..."""

    signs = RichTextField("signs of addiction", blank=True)
    risks = RichTextField("risks and withdrawal", blank=True)
    how_we_treat = RichTextField("how we treat it", blank=True)
    featured = models.BooleanField(
        "show on the home page",
        default=False,
        help_text="Featured conditions appear on the home page, in their order.",
    )

    # Reusable blocks placed below the page (programs/models/sections.py).
    placed_blocks = GenericRelation("programs.PlacedBlock")

    class Meta(ContentPage.Meta):
        verbose_name = "condition"

    def get_absolute_url(self) -> str:
        return reverse("programs:condition", args=[self.slug])


class Audience(ContentPage):
    """A group of people we help: men, women, professionals, LGBTQIA+, college students."""

    featured = models.BooleanField(
        "show on the home page",
        default=False,
        help_text="Featured groups appear on the home page, in their order.",
    )

    # Reusable blocks placed below the page (programs/models/sections.py).
    placed_blocks = GenericRelation("programs.PlacedBlock")

    class Meta(ContentPage.Meta):
        verbose_name = "who we help page"
        verbose_name_plural = "who we help pages"

    def get_absolute_url(self) -> str:
        return reverse("programs:audience", args=[self.slug])


class Location(ContentPage):
    """A town or city we serve, with how far it is from the center."""

    city = models.CharField(max_length=100)
    state = models.CharField(max_length=2, help_text="Two letters, for example NC.")
    drive_time = models.CharField(
        max_length=80,
        blank=True,
        help_text="As a family would say it, for example “about 45 minutes”.",
    )
    distance_miles = models.PositiveSmallIntegerField(
        "distance (miles)", null=True, blank=True
    )
    photos = GenericRelation("programs.Photo")

    # Reusable blocks placed below the page (programs/models/sections.py).
    placed_blocks = GenericRelation("programs.PlacedBlock")

    class Meta(ContentPage.Meta):
        verbose_name = "area we serve"
        verbose_name_plural = "areas we serve"

    def get_absolute_url(self) -> str:
        return reverse("programs:location", args=[self.slug])
