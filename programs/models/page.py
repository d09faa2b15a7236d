from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from .base import ContentPage

# First path segments other parts of the site answer; a page there could never be reached.
RESERVED_SLUGS = frozenset(
    {
        "admin",
        "admissions",
        "addictions",
        "areas-we-serve",
        "blog",
        "healthz",
        "media",
        "static",
        "treatment",
        "who-we-help",
    }
)


class Page(ContentPage):
    """Any other page of the site: about, tour, reviews, careers, privacy policy."""

    show_center_details = models.BooleanField(
        "show the center's details",
        default=False,
        help_text="Show the address, phone and hours, and describe the center to search engines. Use it on About and Contact pages.",
    )

    photos = GenericRelation("programs.Photo")

    show_testimonials = models.BooleanField(
        "list testimonials",
        default=False,
        help_text="List every testimonial with recorded consent below the text. Use it on the Reviews page.",
    )

    class Meta(ContentPage.Meta):
        verbose_name = "page"

    def clean(self) -> None:
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {
                    "slug": f"“{self.slug}” is used by another part of the site; choose another address."
                }
            )

    def get_absolute_url(self) -> str:
        return reverse("programs:page", args=[self.slug])
