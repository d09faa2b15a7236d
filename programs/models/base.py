"""What every page of this app shares: a name, an address, a summary and a body, an
optional hero picture, a place in its list, FAQs, and the publishing rules."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models

from editing.publishing import Publishable, PublishableQuerySet
from editing.richtext import RichTextField
from pictures.fields import PictureField


class ContentPageQuerySet(PublishableQuerySet):
    def featured(self):
        """Live pages marketing chose for the home page, in their chosen order."""
        return self.live().filter(featured=True)


class ContentPage(Publishable):
    name = models.CharField(max_length=120)
    slug = models.SlugField(
        max_length=120,
        unique=True,
        help_text="The last part of the page's address. Changing it on a published page leaves a redirect behind.",
    )
    summary = models.TextField(
        max_length=400,
        blank=True,
        help_text="Two or three sentences shown under the title, on cards and in search results.",
    )
    body = RichTextField(blank=True)
    hero_picture = PictureField(
        "hero picture",
        blank=True,
        help_text="A calm, wide photograph (at least 1600 pixels wide), shown 4:3 "
        "around its focal point.",
    )
    order = models.PositiveSmallIntegerField(
        default=0, help_text="Lower numbers come first in lists and menus."
    )
    faqs = GenericRelation("programs.FAQ")

    objects = ContentPageQuerySet.as_manager()

    # What get_absolute_url() reads: a query that loads few fields loads these.
    address_fields = ("slug",)

    class Meta:
        abstract = True
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def title(self) -> str:
        """The title search engines see."""
        return self.seo_title or self.name

    @property
    def description(self) -> str:
        return self.meta_description or self.summary
