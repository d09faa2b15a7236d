"""What every publishable page shares: draft or published, a publish time, SEO fields, and
a permanent redirect left behind when its address changes.

"Live" is decided once, here: published and `publish_at` in the past. A scheduled page
therefore appears on time without any cron job, and every view, feed, sitemap and menu that
asks for `.live()` agrees on what visitors may see.
"""

from django.db import models, transaction
from django.utils import timezone
from django.utils.formats import date_format

from editing.models.redirect import Redirect


def local_datetime(moment) -> str:
    """A moment as staff read it: in the site's time zone, in the admin's format."""
    return date_format(timezone.localtime(moment), "DATETIME_FORMAT")


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


class ChangedOutsideSaveChange(TypeError):
    """Publishable content was written around `editing.content_admin.save_change`."""


class PublishableQuerySet(models.QuerySet):
    """Publishable pages change through one save each (`save_change`): that save records
    the version, starts a new content generation and runs the model's rules (a redirect
    from a changed address, the alerts). `update()` and `bulk_update()` would skip them
    all, so they refuse every field but those the model derives from its own fields on
    save (`derived_fields`: renditions, the search vector), which nobody types."""

    def update(self, **kwargs):
        self.refuse_unless_derived(kwargs)
        return super().update(**kwargs)

    def bulk_update(self, objs, fields, batch_size=None):
        self.refuse_unless_derived(fields)
        return super().bulk_update(objs, fields, batch_size=batch_size)

    def refuse_unless_derived(self, fields) -> None:
        typed = sorted(set(fields) - set(self.model.derived_fields))
        if typed:
            raise ChangedOutsideSaveChange(
                f"{self.model.__name__} {', '.join(typed)}: save each page (through "
                "editing.content_admin.save_change), so its history, the content cache "
                "and its rules follow. Only fields derived on save may be updated in bulk "
                f"({self.model.__name__}.derived_fields)."
            )

    def next_publish_at(self, after):
        """When the next published-but-scheduled row of this queryset goes live, or None."""
        return self.filter(status=Status.PUBLISHED, publish_at__gt=after).aggregate(
            next=models.Min("publish_at")
        )["next"]

    def live(self):
        return self.filter(status=Status.PUBLISHED, publish_at__lte=timezone.now())


class Publishable(models.Model):
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    publish_at = models.DateTimeField(
        "publish at",
        default=timezone.now,
        help_text="Visitors see the page from this moment on. Set a future time to schedule it.",
    )
    seo_title = models.CharField(
        "SEO title",
        max_length=70,
        blank=True,
        help_text="The title search engines show; leave empty to use the page's own title.",
    )
    meta_description = models.CharField(
        max_length=160,
        blank=True,
        help_text="One or two sentences for search results; leave empty to use the summary.",
    )
    noindex = models.BooleanField(
        "hide from search engines",
        default=False,
        help_text="Ask search engines not to list this page.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PublishableQuerySet.as_manager()

    # Fields the model computes from its own fields when it is saved, and may write with
    # update() (PublishableQuerySet).
    derived_fields: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        previous = type(self).objects.filter(pk=self.pk).first() if self.pk else None
        with transaction.atomic():
            super().save(*args, **kwargs)
            if previous is not None and previous.status == Status.PUBLISHED:
                Redirect.record_move(
                    previous.get_absolute_url(), self.get_absolute_url()
                )

    @classmethod
    def next_scheduled_change(cls, now):
        """When a scheduled page of this kind next goes live: the content cache's timeouts
        end there (rehab_site/caching.py)."""
        return cls.objects.next_publish_at(now)

    @property
    def is_live(self) -> bool:
        return self.status == Status.PUBLISHED and self.publish_at <= timezone.now()
