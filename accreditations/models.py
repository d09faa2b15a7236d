"""Accreditations, licenses and certifications, as families and regulators look for them.

One is shown from its issue date through its expiry date, both days included, in the
center's time zone. Nothing has to be saved when it lapses: `next_scheduled_change` tells
the content cache (rehab_site/caching.py) the moment it must disappear.
"""

import datetime

from django.db import models
from django.db.models import Min, Q
from django.utils import timezone

from editing.links import WebAddressField, web_address_constraint
from pictures.fields import PictureField

# Staff are warned (the dashboard, the admin's list) this many days before an expiry.
WARN_DAYS = 60


def start_of_day(day: datetime.date) -> datetime.datetime:
    """Midnight at the start of `day` in the center's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def seal_description(body: str, kind: str) -> str:
    """What a seal shows, when its picture says nothing of itself: "CARF accreditation seal"."""
    return f"{body} {kind.lower()} seal"


class AccreditationQuerySet(models.QuerySet):
    def current(self, now: datetime.datetime | None = None):
        """Those visitors see: shown, already issued and not yet expired."""
        today = timezone.localdate(now)
        return self.filter(show_on_site=True, issued_on__lte=today).filter(
            Q(expires_on__isnull=True) | Q(expires_on__gte=today)
        )

    def expiring_within(self, days: int, now: datetime.datetime | None = None):
        """Current ones whose last valid day falls within the next `days` days."""
        today = timezone.localdate(now)
        return self.current(now).filter(
            expires_on__lte=today + datetime.timedelta(days=days)
        )

    def lapsed(self, now: datetime.datetime | None = None):
        """Still marked to be shown, but past their expiry date (so hidden)."""
        return self.filter(show_on_site=True, expires_on__lt=timezone.localdate(now))


class Accreditation(models.Model):
    """One accreditation, license or certification of the center."""

    class Kind(models.TextChoices):
        ACCREDITATION = "accreditation", "Accreditation"
        LICENSE = "license", "License"
        CERTIFICATION = "certification", "Certification"

    body = models.CharField(
        "issuing body",
        max_length=120,
        help_text="Who grants it, for example The Joint Commission, CARF International or LegitScript.",
    )
    name = models.CharField(
        max_length=160,
        blank=True,
        help_text="What it covers, for example Behavioral Health Care and Human Services. Optional.",
    )
    kind = models.CharField(
        max_length=20, choices=Kind.choices, default=Kind.ACCREDITATION
    )
    number = models.CharField(
        "number",
        max_length=80,
        blank=True,
        help_text="The license, certificate or organization number as the body prints it.",
    )
    issued_on = models.DateField(
        "issue date",
        help_text="Shown on the site from this day on.",
    )
    expires_on = models.DateField(
        "expiry date",
        null=True,
        blank=True,
        help_text="The last day it is valid. It disappears from the site at midnight after this day, and the dashboard warns 60 days before.",
    )
    seal_picture = PictureField(
        "seal",
        blank=True,
        help_text="The body's seal, as it allows you to use it. Without one, a text badge is drawn. A seal with no alt text of its own is described by its issuing body and kind, for example “CARF International accreditation seal”.",
    )
    badge_text = models.CharField(
        "badge text",
        max_length=40,
        blank=True,
        help_text='Short words for the drawn badge, for example "CARF Accredited". Empty: the issuing body.',
    )
    verification_url = WebAddressField(
        "verification page",
        blank=True,
        help_text="The body's own page where anyone can check it (its directory or certificate lookup).",
    )
    order = models.PositiveSmallIntegerField(
        default=0, help_text="Lower numbers come first."
    )
    show_on_site = models.BooleanField(
        "show on the site",
        default=True,
        help_text="Untick to hide it while it is still valid.",
    )

    objects = AccreditationQuerySet.as_manager()

    class Meta:
        ordering = ["order", "body"]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_on__isnull=True)
                | Q(expires_on__gte=models.F("issued_on")),
                name="accreditation_expires_after_issue",
                violation_error_message="The expiry date cannot come before the issue date.",
            ),
            web_address_constraint(
                "verification_url", "accreditation_verification_url_is_web_address"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return f"{self.body}: {self.name}" if self.name else self.body

    @property
    def badge_label(self) -> str:
        return self.badge_text or self.body

    @property
    def seal_alt(self) -> str:
        """The seal's alt text: the picture's own, else what the seal is, from the body
        and kind, so a seal is never left undescribed."""
        own = self.seal_picture.alt_text if self.seal_picture else ""
        return own or seal_description(self.body, self.get_kind_display())

    def is_current(self, now: datetime.datetime | None = None) -> bool:
        today = timezone.localdate(now)
        return (
            self.show_on_site
            and self.issued_on <= today
            and (self.expires_on is None or self.expires_on >= today)
        )

    @classmethod
    def next_scheduled_change(cls, now: datetime.datetime):
        """The next moment one appears (its issue date) or disappears (midnight after its
        expiry date) with no save: the content cache's timeouts end there."""
        today = timezone.localdate(now)
        shown = cls.objects.filter(show_on_site=True)
        moments = shown.aggregate(
            next_issue=Min("issued_on", filter=Q(issued_on__gt=today)),
            next_expiry=Min("expires_on", filter=Q(expires_on__gte=today)),
        )
        candidates = []
        if moments["next_issue"] is not None:
            candidates.append(start_of_day(moments["next_issue"]))
        if moments["next_expiry"] is not None:
            candidates.append(
                start_of_day(moments["next_expiry"] + datetime.timedelta(days=1))
            )
        return min(candidates, default=None)
