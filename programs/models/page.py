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
        "insurance",
        "media",
        "static",
        "treatment",
        "who-we-help",
    }
)


class Notice(models.TextChoices):
    """The notices a provider must post, each linked from every page's footer, in this order."""

    PRIVACY_PRACTICES = "privacy-practices", "Notice of Privacy Practices"
    NONDISCRIMINATION = "nondiscrimination", "Nondiscrimination and language assistance"
    ACCESSIBILITY = "accessibility", "Accessibility statement"


class Page(ContentPage):
    """Any other page of the site: about, tour, reviews, careers, privacy policy, and the
    required notices."""

    Notice = Notice

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

    show_team = models.BooleanField(
        "list the team",
        default=False,
        help_text="List the clinical leadership and staff who chose to appear (Blog › People) below the text. Use it on the Team page.",
    )

    notice = models.CharField(
        "required notice",
        max_length=30,
        choices=Notice.choices,
        blank=True,
        help_text="Mark the page that holds this notice: every page's footer links to it while it is published.",
    )
    counsel_review_pending = models.BooleanField(
        "awaiting counsel's review",
        default=False,
        help_text="Ticked while the center's counsel has not yet approved this text. Untick once they have.",
    )

    class Meta(ContentPage.Meta):
        verbose_name = "page"
        constraints = [
            *ContentPage.Meta.constraints,
            models.UniqueConstraint(
                fields=["notice"],
                condition=~models.Q(notice=""),
                name="page_one_page_per_notice",
                violation_error_message="Another page already holds this notice.",
            ),
        ]

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
