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
        super().save(*args, **kwargs)

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

    @classmethod
    def build_for_pages(cls) -> "SiteSettings":
        site = cls.objects.prefetch_related("next_steps").filter(pk=1).first()
        if site is None:
            site = cls()
            site.next_step_list = [
                NextStep(title=title, text=text) for title, text in DEFAULT_NEXT_STEPS
            ]
        else:
            site.next_step_list = list(site.next_steps.all())
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
        ordering = ["order", "pk"]
        verbose_name = "next step after an inquiry"
        verbose_name_plural = "next steps after an inquiry"

    def __str__(self) -> str:
        return self.title
