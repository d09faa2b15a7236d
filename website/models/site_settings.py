import copy
import re
from urllib.parse import quote, urlencode

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import DatabaseError, models

from editing.links import WebAddressField, is_web_address, web_address_constraint
from pictures.described import DescribedPictures
from pictures.fields import PictureField
from rehab_site.caching import remember


def _international(number: str, scheme: str) -> str:
    digits = re.sub(r"\D", "", number)
    if len(digits) == 10:
        digits = "1" + digits
    return f"{scheme}+{digits}" if digits else ""


# The SiteSettings this process last loaded: [] or [site].
_last_loaded: list = []


class SiteSettings(DescribedPictures, models.Model):
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
    map_picture = PictureField(
        "map picture",
        blank=True,
        help_text="Optional: a picture of the campus's surroundings (a map you may publish, or a drawing). Shown on pages with the center's details.",
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
    facebook_url = WebAddressField(blank=True)
    instagram_url = WebAddressField(blank=True)
    linkedin_url = WebAddressField(blank=True)
    youtube_url = WebAddressField(blank=True)

    # Words on every page. Each has a default, so a page never shows an empty box.
    footer_description = models.TextField(
        "the center in a sentence",
        max_length=400,
        blank=True,
        help_text="Shown in the footer under the center's name, for example who you treat and how.",
    )
    footer_note = models.CharField(
        "footer note",
        max_length=200,
        default="This site does not give medical advice. If you are in danger, call 911.",
    )
    top_bar_note = models.CharField(
        "top bar note",
        max_length=120,
        default="Confidential help, 24 hours a day",
        help_text="Shown above the header when the hours are empty.",
    )
    call_button_label = models.CharField(
        max_length=30,
        default="Call",
        help_text="Put before the phone number on call buttons.",
    )
    admission_button_label = models.CharField(
        max_length=40, default="Start your admission"
    )
    call_box_heading = models.CharField(
        "call box heading",
        max_length=120,
        default="Ready to talk? We're here day and night.",
    )
    call_box_text = models.TextField(
        "call box text",
        max_length=400,
        default=(
            "Speak with an admissions counselor in confidence. There's no obligation, and "
            "we can check your insurance while you're on the phone."
        ),
    )
    aside_call_heading = models.CharField(
        "page sidebar call heading", max_length=80, default="Talk to someone now"
    )
    aside_call_text = models.CharField(
        "page sidebar call text",
        max_length=200,
        default="Free, confidential and without obligation. We answer day and night.",
    )
    crisis_heading = models.CharField(
        "crisis box heading",
        max_length=80,
        default="In crisis right now?",
        help_text="The numbers under it (911, 988, SAMHSA) are always shown and cannot be changed here.",
    )
    admissions_intro = models.TextField(
        "admissions page introduction",
        max_length=400,
        default=(
            "Tell us a little about what is going on. An admissions counselor will get back "
            "to you, usually within the hour, day or night. There is no cost and no obligation."
        ),
    )
    admissions_call_text = models.CharField(
        "admissions page call text",
        max_length=200,
        default="Call us any time. A real person answers, and the call is confidential.",
    )
    short_form_heading = models.CharField(
        "short form heading",
        max_length=80,
        default="Ask about admission",
        help_text="Over the short inquiry form beside program and addiction pages.",
    )
    short_form_intro = models.CharField(
        "short form introduction",
        max_length=200,
        default=(
            "Private and free. Leave a phone number or an email address, and we will "
            "usually reply within the hour, day or night."
        ),
    )
    thank_you_heading = models.CharField(
        "thank-you heading", max_length=120, default="Thank you. We have your request."
    )
    thank_you_text = models.TextField(
        "thank-you text",
        max_length=400,
        default=(
            "Reaching out takes courage. An admissions counselor will read what you wrote "
            "and get back to you soon, usually within the hour, day or night."
        ),
    )
    thank_you_call_text = models.CharField(
        "thank-you call text",
        max_length=200,
        default="Don't want to wait? Call us now: someone answers day and night.",
    )
    insurance_box_text = models.CharField(
        "program page insurance text",
        max_length=200,
        default="Most people use insurance. We check your benefits for you, free, before you decide.",
        help_text="Beside every program page, above the Verify insurance button.",
    )
    verify_prompt_heading = models.CharField(
        "thank-you insurance heading",
        max_length=120,
        default="Have your insurance card nearby?",
    )
    verify_prompt_text = models.CharField(
        "thank-you insurance text",
        max_length=200,
        default="Send us its details and we will have checked your benefits by the time we talk.",
    )
    verification_thank_you_heading = models.CharField(
        "insurance thank-you heading",
        max_length=120,
        default="Thank you. We are checking your insurance.",
    )
    verification_thank_you_text = models.TextField(
        "insurance thank-you text",
        max_length=400,
        default=(
            "Only our admissions team can see your details. A counselor will ask your "
            "insurer what your plan covers here and tell you, usually the same day, what is "
            "covered and what it may cost you. There is no cost and no obligation."
        ),
    )
    not_found_heading = models.CharField(
        "page-not-found heading", max_length=120, default="We couldn't find that page"
    )
    not_found_text = models.TextField(
        "page-not-found text",
        max_length=400,
        default=(
            "The page may have moved or the address may be mistyped. If you were looking "
            "for help, you don't need the page: just call us."
        ),
    )

    class Meta:
        db_table = "rehab_site_sitesettings"
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
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        from website.contact_changes import report_contact_changes

        self.pk = 1
        # A cleared heading or label falls back to its default rather than an empty box.
        for field in self._meta.get_fields():
            if (
                isinstance(field, models.CharField | models.TextField)
                and not field.blank
                and field.has_default()
                and not str(getattr(self, field.attname)).strip()
            ):
                setattr(self, field.attname, field.get_default())
        # What visitors saw: given by editing.save_change (a restore writes the old row
        # before this save), else the row as stored.
        previous = vars(self).pop("live_before_change", None) or (
            type(self).objects.filter(pk=1).first()
        )
        super().save(*args, **kwargs)
        # save_change sets `changed_by`, so the administrators' email can say who it was.
        report_contact_changes(previous, self, getattr(self, "changed_by", None))

    @classmethod
    def load(cls) -> "SiteSettings":
        """The one row, from the cache when it can be; an unsaved default before anyone saved it.

        While the database is unreachable, the copy this process last read, so the outage
        page still shows the phone number.
        """
        try:
            site = remember("site-settings", cls.build_for_pages)
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

    @classmethod
    def build_for_pages(cls) -> "SiteSettings":
        site = (
            cls.objects.select_related("map_picture")
            .prefetch_related("next_steps")
            .filter(pk=1)
            .first()
        )
        if site is None:
            site = cls()
            site.next_step_list = [
                NextStep(title=title, text=text) for title, text in DEFAULT_NEXT_STEPS
            ]
        else:
            site.next_step_list = list(site.next_steps.all())
        return site

    def with_phone(self, number: str) -> "SiteSettings":
        """These details with `number` as the phone everywhere it is shown (a landing
        page's campaign number), in memory: nothing is saved."""
        site = copy.copy(self)
        site.phone = number
        return site

    @property
    def phone_href(self) -> str:
        return _international(self.phone, "tel:")

    @property
    def sms_href(self) -> str:
        """The `sms:` link of the text-capable number, or "" when there is none."""
        return _international(self.text_phone, "sms:")

    @property
    def map_size(self) -> dict | None:
        """The map picture's rendition for `src`; None without a map to show."""
        return self.map_picture.size if self.map_picture else None

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


DEFAULT_NEXT_STEPS = (
    ("We read your request", "Only our admissions team can see it."),
    ("We contact you", "The way you asked, at the time you chose."),
    (
        "We plan together",
        "A free assessment and an insurance check, with no obligation.",
    ),
)


class NextStep(models.Model):
    """What happens after someone asks for admission: listed on the admissions and thank-you pages."""

    site = models.ForeignKey(
        SiteSettings, on_delete=models.CASCADE, related_name="next_steps"
    )
    title = models.CharField(max_length=80)
    text = models.CharField(max_length=200)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        db_table = "rehab_site_nextstep"
        ordering = ["order", "pk"]
        verbose_name = "next step after an inquiry"
        verbose_name_plural = "next steps after an inquiry"

    def __str__(self) -> str:
        return self.title
