import json

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.db import models
from django.utils import timezone


class DraftChangeQuerySet(models.QuerySet):
    def for_object(self, obj) -> "DraftChange | None":
        return self.filter(
            content_type=ContentType.objects.get_for_model(type(obj)), object_id=obj.pk
        ).first()

    def due(self, now):
        return self.filter(publish_at__lte=now)


class DraftChange(models.Model):
    """Changes to a live page saved without publishing them (editing/drafts.py).

    The live page stays as it is; staff preview the change at the page's own address, and
    it replaces the live page when someone publishes it or at its scheduled time.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    page = GenericForeignKey("content_type", "object_id")
    data = models.TextField(
        editable=False, help_text="The page's fields as saved, in Django's JSON format."
    )
    many_to_many = models.JSONField(default=dict, editable=False)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    saved_at = models.DateTimeField(auto_now=True)
    comment = models.CharField(max_length=200, blank=True)
    publish_at = models.DateTimeField(
        "publish the change at",
        null=True,
        blank=True,
        help_text="Empty: the change waits until someone publishes it.",
    )

    objects = DraftChangeQuerySet.as_manager()

    class Meta:
        db_table = "rehab_site_draftchange"
        verbose_name = "draft change"
        ordering = ["-saved_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="one_draft_change_per_page"
            )
        ]
        indexes = [models.Index(fields=["publish_at"])]

    def __str__(self) -> str:
        return f"Draft change to {self.content_type.name} {self.object_id}"

    def fields(self) -> dict:
        """The changed page's field values, by attribute name (foreign keys as ids)."""
        names = set(json.loads(self.data)[0]["fields"])
        instance = next(serializers.deserialize("json", self.data)).object
        return {
            field.attname: getattr(instance, field.attname)
            for field in type(instance)._meta.concrete_fields
            if field.name in names
        }

    def apply_to(self, obj):
        """`obj` with this change's fields, in memory: nothing is saved."""
        for name, value in self.fields().items():
            setattr(obj, name, value)
        return obj

    @classmethod
    def next_scheduled_change(cls, now):
        """When a scheduled draft change next goes live (rehab_site/caching.py)."""
        return cls.objects.filter(publish_at__gt=now).aggregate(
            next=models.Min("publish_at")
        )["next"]

    @property
    def is_due(self) -> bool:
        """Its time has come, and the publishing task (editing/drafts.py) has yet to run."""
        return self.publish_at is not None and self.publish_at <= timezone.now()
