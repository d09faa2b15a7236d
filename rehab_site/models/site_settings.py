import re
from urllib.parse import quote, urlencode

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import DatabaseError, models

from ..caching import remember
from ..links import is_web_address, validate_web_address, web_address_constraint


def _international(number: str, scheme: str) -> str:
    digits = re.sub(r"\D", "", number)
    if len(digits) == 10:
        digits = "1" + digits
    return f"{scheme}+{digits}" if digits else ""


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
    text_phone = models.CharField(
        "text-capable number",
        max_length=40,
        blank=True,
        help_text="A number that receives text messages. When set, a “Text us” link sits beside the phone everywhere it appears.",
    )
    admissions_email = models.EmailField(blank=True)
    street_address = models.CharField(max_length=200, blank=True)
    locality = models.CharField("city", max_length=100, blank=True)
    region = models.CharField("state", max_length=100, blank=True)
    postal_code = models.CharField("ZIP code", max_length=20, blank=True)
    latitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text="The campus entrance, in decimal degrees, for example 35.595058. Used for directions and by search engines.",
    )
    longitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text="For example -82.551487 (west of Greenwich is negative).",
    )
    map_image = models.ImageField(
        "static map image",
        upload_to="site/",
        blank=True,
        width_field="map_image_width",
        height_field="map_image_height",
        help_text="Optional: a picture of the campus's surroundings (a map you may publish, or a drawing). Shown on pages with the center's details.",
    )
    map_image_width = models.PositiveIntegerField(null=True, editable=False)
    map_image_height = models.PositiveIntegerField(null=True, editable=False)
    map_image_alt = models.CharField(
        "map image description",
        max_length=200,
        blank=True,
        help_text="What the map shows, for people who cannot see it. Required with an image.",
    )
    license_number = models.CharField(
        "state license number",
        max_length=80,
        blank=True,
        help_text="The center's license number, shown in every page's footer.",
    )
    license_authority = models.CharField(
        "licensed by",
        max_length=160,
        blank=True,
        help_text="As it should read after “Licensed by”, for example: the North Carolina Department of Health and Human Services.",
    )
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
    facebook_url = models.URLField(blank=True, validators=[validate_web_address])
    instagram_url = models.URLField(blank=True, validators=[validate_web_address])
    linkedin_url = models.URLField(blank=True, validators=[validate_web_address])
    youtube_url = models.URLField(blank=True, validators=[validate_web_address])

    class Meta:
        verbose_name = "site settings"
        verbose_name_plural = "site settings"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(pk=1), name="site_settings_singleton"
            ),
            *(
                web_address_constraint(field, f"site_settings_{field}_is_web_address")
                for field in (
                    "facebook_url",
                    "instagram_url",
                    "linkedin_url",
                    "youtube_url",
                )
            ),
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True, longitude__isnull=True)
                | models.Q(
                    latitude__gte=-90,
                    latitude__lte=90,
                    longitude__gte=-180,
                    longitude__lte=180,
                ),
                name="site_settings_coordinates_on_earth",
            ),
            models.CheckConstraint(
                condition=models.Q(map_image="") | ~models.Q(map_image_alt=""),
                name="site_settings_map_image_has_description",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)

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

    def clean(self) -> None:
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            missing = "longitude" if self.longitude is None else "latitude"
            raise ValidationError(
                {missing: "Give both the latitude and the longitude, or neither."}
            )

    @property
    def phone_href(self) -> str:
        return _international(self.phone, "tel:")

    @property
    def sms_href(self) -> str:
        """The `sms:` link of the text-capable number, or "" when there is none."""
        return _international(self.text_phone, "sms:")

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def directions_href(self) -> str:
        """Directions in the visitor's own map app. Google's cross-platform Maps URL opens the
        Maps app on Android and iOS when it is installed and the web map elsewhere; site.js
        swaps in `geo:` on Android and Apple Maps on Apple devices. Nothing is embedded."""
        destination = self._destination()
        if not destination:
            return ""
        return "https://www.google.com/maps/dir/?" + urlencode(
            {"api": "1", "destination": destination}
        )

    @property
    def geo_href(self) -> str:
        """The `geo:` URI (RFC 5870) Android hands to whichever map app the visitor uses."""
        if self.has_coordinates:
            label = quote(self.name)
            return f"geo:{self.latitude},{self.longitude}?q={self.latitude},{self.longitude}({label})"
        if self.full_address:
            return "geo:0,0?q=" + quote(self.full_address)
        return ""

    @property
    def apple_maps_href(self) -> str:
        destination = self._destination()
        if not destination:
            return ""
        return "https://maps.apple.com/?" + urlencode(
            {"daddr": destination, "q": self.name}
        )

    def _destination(self) -> str:
        if self.has_coordinates:
            return f"{self.latitude},{self.longitude}"
        return self.full_address

    @property
    def license_line(self) -> str:
        """ "Licensed by X, license no. N" for the footer, or "" without a number."""
        if not self.license_number:
            return ""
        if self.license_authority:
            return f"Licensed by {self.license_authority}, license no. {self.license_number}"
        return f"State license no. {self.license_number}"

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
        return [(label, url) for label, url in links if is_web_address(url)]
