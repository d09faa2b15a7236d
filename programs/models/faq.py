from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models


class FAQ(models.Model):
    """A question and its answer, shown on the page it belongs to and described to search engines."""

    content_type = models.ForeignKey(
        ContentType,
        on_delete=models.CASCADE,
        limit_choices_to={"app_label": "programs"},
    )
    object_id = models.PositiveBigIntegerField()
    page = GenericForeignKey("content_type", "object_id")
    question = models.CharField(max_length=200)
    answer = models.TextField(help_text="Plain text; blank lines start new paragraphs.")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = "FAQ"
        verbose_name_plural = "FAQs"
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return self.question
