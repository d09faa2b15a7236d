from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone


class BrokenLink(models.Model):
    """One link in one field of one page, menu or setting that does not lead anywhere.

    The report is rebuilt whole by each check, so a fixed link disappears from it."""

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, verbose_name="kind of page"
    )
    object_id = models.PositiveBigIntegerField()
    source = GenericForeignKey("content_type", "object_id")
    where = models.CharField("found in", max_length=300)
    field = models.CharField(max_length=100)
    url = models.CharField("link", max_length=2000, editable=False)  # as found
    problem = models.CharField(max_length=200)
    edit_url = models.CharField(max_length=300, editable=False)
    found_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["where", "field", "url"]
        verbose_name = "broken link"

    def __str__(self) -> str:
        return f"{self.url} in {self.where}"


class CheckRun(models.Model):
    """One finished run of the link check, for the report to say when it last looked and
    what it found. Runs older than KEPT_DAYS are dropped by the next one."""

    KEPT_DAYS = 90

    finished_at = models.DateTimeField(default=timezone.now, db_index=True)
    links_checked = models.PositiveIntegerField()
    broken = models.PositiveIntegerField()

    class Meta:
        ordering = ["-finished_at"]
        get_latest_by = "finished_at"
        verbose_name = "link check"

    def __str__(self) -> str:
        return f"{self.links_checked} links, {self.broken} broken"
