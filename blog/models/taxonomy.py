from django.db import models
from django.urls import reverse


class Category(models.Model):
    """A broad subject (Opioids, Family, Life in recovery); each has its own page and feed."""

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(
        blank=True,
        help_text="A short introduction shown at the top of the category page.",
    )
    meta_description = models.CharField(
        max_length=160,
        blank=True,
        help_text="For search results; leave empty to use the description.",
    )

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "categories"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("blog:category", kwargs={"slug": self.slug})


class Tag(models.Model):
    """A narrow topic an article touches (naloxone, sleep, relapse prevention)."""

    name = models.CharField(max_length=60, unique=True)
    slug = models.SlugField(max_length=80, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("blog:tag", kwargs={"slug": self.slug})
