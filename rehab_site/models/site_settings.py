import re

from django.db import DatabaseError, models

from ..caching import remember

# The SiteSettings this process last loaded: [] or [site].
_last_loaded: list = []


class SiteSettings(models.Model):
    """The center's own details, edited once in the admin and shown on every page."""

    name = models.CharField(max_length=120, default="Our Treatment Center")
    tagline = models.CharField(max_length=200, blank=True)
    phone = models.CharField(
        "24/7 phone",
        max_length=40,
        blank=True,
        help_text="As visitors should read it, for example (828) 555-0142.",
    )
    admissions_email = models.EmailField(blank=True)
    street_address = models.CharField(max_length=200, blank=True)
    locality = models.CharField("city", max_length=100, blank=True)
    region = models.CharField("state", max_length=100, blank=True)
    postal_code = models.CharField("ZIP code", max_length=20, blank=True)
    hours = models.CharField(
        max_length=200,
        blank=True,
        help_text="For example: Admissions answers 24 hours a day, 7 days a week.",
    )
    crisis_text = models.TextField(
        "crisis-line text",
        blank=True,
        help_text="Shown in the footer and on the thank-you page for anyone in immediate danger.",
    )
    facebook_url = models.URLField(blank=True)
    instagram_url = models.URLField(blank=True)
    linkedin_url = models.URLField(blank=True)
    youtube_url = models.URLField(blank=True)

    class Meta:
        verbose_name = "site settings"
        verbose_name_plural = "site settings"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(pk=1), name="site_settings_singleton"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        from ..contact_changes import report_contact_changes

        self.pk = 1
        previous = type(self).objects.filter(pk=1).first()
        super().save(*args, **kwargs)
        # The admin sets `changed_by`, so the administrators' email can say who it was.
        report_contact_changes(previous, self, getattr(self, "changed_by", None))

    @classmethod
    def load(cls) -> "SiteSettings":
        """The one row, from the cache when it can be; an unsaved default before anyone saved it.

        While the database is unreachable, the copy this process last read, so the outage
        page still shows the phone number.
        """
        try:
            site = remember(
                "site-settings", lambda: cls.objects.filter(pk=1).first() or cls()
            )
        except DatabaseError:
            if _last_loaded:
                return _last_loaded[0]
            raise
        _last_loaded[:] = [site]
        return site

    @property
    def phone_href(self) -> str:
        digits = re.sub(r"\D", "", self.phone)
        if len(digits) == 10:
            digits = "1" + digits
        return f"tel:+{digits}" if digits else ""

    @property
    def full_address(self) -> str:
        town = ", ".join(part for part in (self.locality, self.region) if part)
        return ", ".join(
            part
            for part in (self.street_address, f"{town} {self.postal_code}".strip())
            if part
        )

    @property
    def social_links(self) -> list[tuple[str, str]]:
        links = [
            ("Facebook", self.facebook_url),
            ("Instagram", self.instagram_url),
            ("LinkedIn", self.linkedin_url),
            ("YouTube", self.youtube_url),
        ]
        return [(label, url) for label, url in links if url]
