from django.db import models
from django.urls import reverse

from pictures.fields import PictureField
from pictures.renditions import default_size


class PersonQuerySet(models.QuerySet):
    def on_team_page(self):
        """People who chose to appear on the team page, in the order staff set."""
        sections = Person.TeamSection.values
        section_rank = models.Case(
            *[
                models.When(team_section=section, then=models.Value(rank))
                for rank, section in enumerate(sections)
            ]
        )
        return (
            self.filter(team_section__in=sections)
            .select_related("portrait")
            .order_by(section_rank, "team_order", "name")
        )


class Person(models.Model):
    """Someone who writes articles or medically reviews them, with the credentials readers trust."""

    # Words before a name that are not the name (`initial` skips them).
    TITLES = frozenset(
        ("dr", "mr", "mrs", "ms", "mx", "miss", "prof", "rev", "fr", "sr")
    )

    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=140, unique=True)
    credentials = models.CharField(
        max_length=80,
        blank=True,
        help_text='Letters after the name, for example "MD, FASAM" or "LCSW".',
    )
    role = models.CharField(
        max_length=120, blank=True, help_text="For example: Medical Director."
    )
    bio = models.TextField("short bio", blank=True)
    portrait = PictureField(
        "portrait",
        blank=True,
        help_text="Shown in a small circle beside the name, cut from the middle of the picture.",
    )

    class TeamSection(models.TextChoices):
        LEADERSHIP = "leadership", "Clinical leadership"
        STAFF = "staff", "Clinical and support staff"

    team_section = models.CharField(
        "team page",
        max_length=20,
        choices=TeamSection.choices,
        blank=True,
        help_text="Where this person appears on the team page. Leave empty unless they agreed to appear there.",
    )
    team_order = models.PositiveSmallIntegerField(
        "order on the team page",
        default=0,
        help_text="Lower numbers come first within their section.",
    )

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = "person"
        verbose_name_plural = "people"

    def __str__(self) -> str:
        return self.display_name

    def get_absolute_url(self) -> str:
        return reverse("blog:author", kwargs={"slug": self.slug})

    @property
    def team_photo(self) -> dict | None:
        """The portrait for the 6rem circles of the team page, the author's page and the
        review box: its 192 px square around the focal point (sharp on dense screens),
        which the browser crops round."""
        if self.portrait is None:
            return None
        squares = self.portrait.renditions.get("crops", {}).get("square", [])
        if squares:
            return squares[-1]
        return default_size(self.portrait.renditions, preferred_width=192)

    @property
    def initial(self) -> str:
        """The letter that stands in for a missing portrait: the name's first, after a title
        such as "Dr." ("Dr. Elena Park" is "E")."""
        words = self.name.split()
        while len(words) > 1 and words[0].rstrip(".").lower() in self.TITLES:
            words.pop(0)
        return words[0][0].upper() if words else ""

    @property
    def display_name(self) -> str:
        return f"{self.name}, {self.credentials}" if self.credentials else self.name
