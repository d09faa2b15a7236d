"""The home page's words and picture, edited by marketing in the admin (one row)."""

from django.core.exceptions import ValidationError
from django.db import models

from rehab_site.caching import remember


class HomePage(models.Model):
    """Every sentence, claim and call to action of the home page that is not a list of pages."""

    hero_eyebrow = models.CharField(
        "eyebrow",
        max_length=120,
        default="Addiction & dual-diagnosis treatment",
        blank=True,
        help_text="The short line above the headline. The center's town is added after it.",
    )
    hero_headline = models.CharField(
        "headline",
        max_length=120,
        default="Recovery starts with one honest conversation.",
    )
    hero_lede = models.TextField(
        "introduction",
        max_length=400,
        default=(
            "Medically supervised detox, residential care and outpatient programs, with a "
            "team that treats you like a person, not a case number. Call any time; someone "
            "will answer."
        ),
    )
    hero_admission_label = models.CharField(
        "admission button label", max_length=40, default="Start your admission"
    )
    hero_image = models.ImageField(
        "hero image",
        upload_to="home/",
        blank=True,
        help_text="A calm photograph of the place or its people, at least 1200 pixels wide. JPEG, PNG or WebP.",
    )
    hero_image_alt = models.CharField(
        "hero image description",
        max_length=200,
        blank=True,
        help_text="What the photo shows, for people who cannot see it. Required with an image.",
    )
    steps_heading = models.CharField(
        max_length=120, default="Getting help takes three steps", blank=True
    )
    programs_heading = models.CharField(
        "levels of care heading", max_length=120, default="Levels of care"
    )
    programs_intro = models.CharField(
        "levels of care introduction",
        max_length=300,
        blank=True,
        default="Treatment that steps down with you, from medical detox to life in recovery.",
    )
    programs_link_label = models.CharField(
        "levels of care link", max_length=60, default="All treatment programs"
    )
    conditions_heading = models.CharField(
        "addictions heading", max_length=120, default="Addictions we treat"
    )
    conditions_intro = models.CharField(
        "addictions introduction",
        max_length=300,
        blank=True,
        default="Each substance needs its own care, from a safe withdrawal to treatment for what drove the use.",
    )
    conditions_link_label = models.CharField(
        "addictions link", max_length=60, default="Every addiction we treat"
    )
    audiences_heading = models.CharField(
        "who we help heading", max_length=120, default="Who we help"
    )
    audiences_intro = models.CharField(
        "who we help introduction",
        max_length=300,
        blank=True,
        default="Groups for people who share your circumstances, within every program.",
    )
    audiences_link_label = models.CharField(
        "who we help link", max_length=60, default="Everyone we help"
    )
    testimonials_heading = models.CharField(
        "testimonials heading", max_length=120, default="In their words"
    )
    articles_heading = models.CharField(
        "blog heading", max_length=120, default="From our blog"
    )

    class Meta:
        db_table = "rehab_site_homepage"
        verbose_name = "home page"
        verbose_name_plural = "home page"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(pk=1), name="home_page_singleton"
            ),
            models.CheckConstraint(
                condition=models.Q(hero_image="") | ~models.Q(hero_image_alt=""),
                name="home_page_hero_image_has_description",
            ),
        ]

    def __str__(self) -> str:
        return "Home page"

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return "/"

    @property
    def share_image(self) -> str:
        """The picture shown where the home page is shared: its hero, if it has one."""
        return self.hero_image.url if self.hero_image else ""

    def clean(self) -> None:
        if self.hero_image and not self.hero_image_alt.strip():
            raise ValidationError(
                {
                    "hero_image_alt": "Describe the image for people who use screen readers."
                }
            )

    @classmethod
    def load(cls) -> "HomePage":
        """The one row with its promises and steps, cached until content changes; the
        defaults before anyone saved it."""
        return remember("home-page", cls._build)

    @classmethod
    def _build(cls) -> "HomePage":
        page = (
            cls.objects.prefetch_related("promises", "steps").filter(pk=1).first()
            or cls()
        )
        if page.pk is None:
            page.promise_list = [HomePromise(text=text) for text in DEFAULT_PROMISES]
            page.step_list = [
                HomeStep(title=title, text=text) for title, text in DEFAULT_STEPS
            ]
        else:
            page.promise_list = list(page.promises.all())
            page.step_list = list(page.steps.all())
        return page


DEFAULT_PROMISES = (
    "Free, confidential assessment",
    "Most major insurance accepted",
    "Same-day admission when beds are open",
)

DEFAULT_STEPS = (
    (
        "Call or write to us",
        "Tell us what is happening, in your own words. Calls are private and there is no obligation.",
    ),
    (
        "Get an assessment",
        "A clinician helps you choose the right level of care and we verify your insurance benefits.",
    ),
    (
        "Begin treatment",
        "We arrange your arrival, often within a day, and your family knows what to expect.",
    ),
)


class HomePromise(models.Model):
    """A short claim under the home page's buttons, such as "Free, confidential assessment"."""

    home_page = models.ForeignKey(
        HomePage, on_delete=models.CASCADE, related_name="promises"
    )
    text = models.CharField(
        max_length=80,
        help_text="Only what the center can keep: a false claim here is false advertising.",
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        db_table = "rehab_site_homepromise"
        ordering = ["order", "pk"]
        verbose_name = "promise"

    def __str__(self) -> str:
        return self.text


class HomeStep(models.Model):
    """One of the home page's "how to get help" steps."""

    home_page = models.ForeignKey(
        HomePage, on_delete=models.CASCADE, related_name="steps"
    )
    title = models.CharField(max_length=80)
    text = models.CharField(max_length=300)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        db_table = "rehab_site_homestep"
        ordering = ["order", "pk"]
        verbose_name = "step"

    def __str__(self) -> str:
        return self.title
