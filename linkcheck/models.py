from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models


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
