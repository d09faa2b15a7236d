from content_editor.models import Region
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone

from editing.publishing import Status

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

    class Layout(models.TextChoices):
        STANDARD = "standard", "Standard: the site's header, menu and footer"
        LANDING = "landing", "Landing page: a slim header with no menu, for a campaign"
        BLOCK = "block", "Reusable block: sections placed on other pages, no address"

    layout = models.CharField(
        max_length=20,
        choices=Layout.choices,
        default=Layout.STANDARD,
        help_text="A landing page keeps visitors on its message: the logo, the phone "
        "and the admission button at the top, no main menu; the footer keeps the "
        "required notices and crisis lines. A reusable block has no address: a "
        "“reusable block” section places its sections on other pages.",
    )
    campaign_phone = models.CharField(
        "campaign phone",
        max_length=40,
        blank=True,
        help_text="A tracking number for this campaign, as visitors should read it, "
        "such as (828) 555-0199. It replaces the main number on this page and on every "
        "page the visitor opens next in the same visit; inquiries sent in that visit "
        "record it. Empty: the main number.",
    )

    is_home = models.BooleanField(
        "the home page",
        default=False,
        editable=False,
        help_text="The page visitors see at the site's address (/). There is one.",
    )

    photos = GenericRelation("programs.Photo")

    address_fields = ("slug", "is_home")

    # The one stack of sections (programs/models/sections.py) below the page's text.
    regions = [Region(key="sections", title="Sections")]

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
            models.UniqueConstraint(
                fields=["is_home"],
                condition=models.Q(is_home=True),
                name="page_one_home_page",
                violation_error_message="The site already has a home page.",
            ),
            models.UniqueConstraint(
                fields=["notice"],
                condition=~models.Q(notice=""),
                name="page_one_page_per_notice",
                violation_error_message="Another page already holds this notice.",
            ),
        ]

    def clean(self) -> None:
        super().clean()
        digits = sum(character.isdigit() for character in self.campaign_phone)
        if self.campaign_phone and not 10 <= digits <= 15:
            raise ValidationError(
                {
                    "campaign_phone": "Write the whole number with its area code, "
                    "such as (828) 555-0199."
                }
            )
        if self.is_home and not (
            self.status == Status.PUBLISHED
            and (self.publish_at is None or self.publish_at <= timezone.now())
        ):
            raise ValidationError(
                {
                    "status": "The home page is always published: save your changes "
                    "as a draft change (with a time, to schedule them) to work on them "
                    "before visitors see them."
                }
            )
        if self.is_home and self.layout == self.Layout.BLOCK:
            raise ValidationError(
                {"layout": "The home page is a page: it cannot be a reusable block."}
            )
        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {
                    "slug": f"“{self.slug}” is used by another part of the site; choose another address."
                }
            )

    def get_absolute_url(self) -> str:
        if self.is_home:
            return reverse("programs:home")
        return reverse("programs:page", args=[self.slug])

    @property
    def is_landing(self) -> bool:
        return self.layout == self.Layout.LANDING

    @property
    def is_block(self) -> bool:
        return self.layout == self.Layout.BLOCK
