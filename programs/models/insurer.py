from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.urls import reverse

from editing.richtext import RichTextField


class InsurerQuerySet(models.QuerySet):
    def accepted(self):
        """Carriers the center takes, in marketing's order."""
        return self.filter(is_accepted=True)

    def not_accepted(self):
        """Carriers the forms offer but the center does not take, in marketing's order."""
        return self.filter(is_accepted=False)

    def with_pages(self):
        """Accepted carriers whose page marketing has published."""
        return self.accepted().filter(has_page=True)


class Insurer(models.Model):
    """An insurance carrier, as the center's forms and insurance pages name it.

    The inquiry and verification forms offer every insurer (a family whose plan the center
    does not take still gets a call back), and /insurance/ explains every one of them: the
    accepted ones with what their plans usually cover, the others with what to do instead.
    So every insurer has its line (`summary`), never empty. An accepted one can have a page
    of its own. An inquiry keeps the name it was sent with, so renaming or removing an
    insurer changes no inquiry.
    """

    name = models.CharField(
        max_length=100,
        unique=True,
        help_text="As families know it, e.g. “Blue Cross Blue Shield”.",
    )
    slug = models.SlugField(
        max_length=100,
        unique=True,
        help_text="The last part of its page's address: /insurance/<slug>/.",
    )
    is_accepted = models.BooleanField(
        "accepted",
        default=True,
        help_text="The center takes this carrier's plans. Untick it to stop saying so "
        "on the site; the forms still offer it.",
    )
    order = models.PositiveSmallIntegerField(
        default=0, help_text="Lower numbers come first on the forms and pages."
    )
    has_page = models.BooleanField(
        "publish a page",
        default=False,
        help_text="Give this carrier a page of its own (shown only while it is accepted).",
    )
    summary = models.TextField(
        "line on the insurance page",
        max_length=400,
        help_text="One or two sentences on its card at /insurance/ (and in search "
        "results). For a carrier you accept: what its plans usually cover here. For one "
        "you do not: say so, and what families can do instead.",
    )
    coverage = RichTextField(
        "what the plan usually covers here",
        blank=True,
        help_text="Levels of care usually covered, prior authorization, what families "
        "usually pay. Keep it general: benefits differ by plan.",
    )
    faqs = GenericRelation("programs.FAQ")
    updated_at = models.DateTimeField(auto_now=True)

    objects = InsurerQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(summary=""),
                name="insurer_has_a_line",
                violation_error_message="Write the line its card shows on the insurance page.",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("programs:insurer", args=[self.slug])

    @property
    def is_live(self) -> bool:
        """Whether visitors can see its page (menus drop it otherwise)."""
        return self.is_accepted and self.has_page

    @property
    def title(self) -> str:
        return f"{self.name} coverage for addiction treatment"
