"""The words and picture at the top of each overview page (treatment, addictions, who we
help, areas we serve), edited by marketing like any page."""

from django.db import models
from django.urls import reverse

from pictures.described import DescribedPictures
from pictures.fields import PictureField
from rehab_site.caching import remember


class Overview(DescribedPictures, models.Model):
    class Kind(models.TextChoices):
        TREATMENT = "treatment", "Treatment programs"
        CONDITIONS = "conditions", "Addictions we treat"
        AUDIENCES = "audiences", "Who we help"
        LOCATIONS = "locations", "Areas we serve"

    kind = models.CharField(
        "overview page", max_length=20, choices=Kind.choices, unique=True
    )
    title = models.CharField(max_length=120)
    lede = models.TextField("introduction", max_length=400)
    levels_of_care_intro = models.CharField(
        "levels of care introduction",
        max_length=300,
        blank=True,
        help_text="Treatment overview only: under the “Levels of care” heading.",
    )
    lengths_intro = models.CharField(
        "program lengths introduction",
        max_length=300,
        blank=True,
        help_text="Treatment overview only: under the “Program lengths” heading.",
    )
    hero_picture = PictureField(
        "hero picture",
        blank=True,
        help_text="A calm photograph, at least 1200 pixels wide, shown 4:3 around its "
        "focal point.",
    )

    class Meta:
        ordering = ["kind"]
        verbose_name = "overview page"

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(f"programs:{self.kind}")

    @classmethod
    def for_kind(cls, kind: str) -> "Overview":
        """The saved overview of that kind, or its default words; cached until content changes."""
        return remember(
            f"overview:{kind}",
            lambda: (
                cls.objects.select_related("hero_picture").filter(kind=kind).first()
                or cls(kind=kind, **DEFAULTS[kind])
            ),
        )


DEFAULTS = {
    Overview.Kind.TREATMENT: {
        "title": "Treatment programs",
        "lede": "Care that steps down with you, from medical detox to life in recovery. Most people move through several levels; we plan each move with you.",
        "levels_of_care_intro": "From the most support to the most independence. A clinician recommends where to start; you move on when you are ready, not when a calendar says so.",
        "lengths_intro": "How long people stay depends on their needs and their insurance. These are the stays families ask about most.",
    },
    Overview.Kind.CONDITIONS: {
        "title": "Addictions we treat",
        "lede": "Every substance asks for its own care: a safe withdrawal, honest information about the risks, and treatment for what drove the use.",
    },
    Overview.Kind.AUDIENCES: {
        "title": "Who we help",
        "lede": "Recovery looks different at every stage of life. Alongside our core programs, we run groups for people who share your circumstances.",
    },
    Overview.Kind.LOCATIONS: {
        "title": "Areas we serve",
        "lede": "Families come to us from across the region. Here is what the trip looks like from your town, and how we stay connected once you are home.",
    },
}
