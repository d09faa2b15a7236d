from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property


class DraftChangeQuerySet(models.QuerySet):
    def for_object(self, obj) -> "DraftChange | None":
        return (
            self.filter(
                content_type=ContentType.objects.get_for_model(type(obj)),
                object_id=obj.pk,
            )
            .select_related("revision__user")
            .first()
        )

    def due(self, now):
        return self.filter(publish_at__lte=now)


class DraftChange(models.Model):
    """Marks a django-reversion revision as a page's draft change (editing/drafts.py).

    The revision holds the page as it was saved and the rows of the lists edited below it
    (questions, photos, videos), the way every version of the page is kept; this row says
    which page it changes, which of its lists it holds in full, and when it goes live.
    The live page stays as it is until then. A page has at most one draft change.
    """

    revision = models.OneToOneField(
        "reversion.Revision", on_delete=models.CASCADE, related_name="draft_change"
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    page = GenericForeignKey("content_type", "object_id")
    inlines = models.JSONField(
        default=list,
        editable=False,
        help_text="The page's lists, by relation name, that the change holds in full: "
        "publishing it makes each list exactly its rows.",
    )
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
        ordering = ["-revision__date_created"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="one_draft_change_per_page"
            )
        ]
        indexes = [models.Index(fields=["publish_at"])]

    def __str__(self) -> str:
        return f"Draft change to {self.content_type.name} {self.object_id}"

    @property
    def saved_by(self):
        return self.revision.user

    @property
    def saved_at(self):
        return self.revision.date_created

    @property
    def comment(self) -> str:
        return self.revision.comment

    @cached_property
    def stored_rows(self) -> list:
        """Every row of the revision, as Django's deserialized objects (in memory)."""
        return [
            next(
                serializers.deserialize(
                    version.format, version.serialized_data, ignorenonexistent=True
                )
            )
            for version in self.revision.version_set.select_related("content_type")
        ]

    @cached_property
    def stored_page(self):
        model = self.content_type.model_class()
        return next(
            row
            for row in self.stored_rows
            if isinstance(row.object, model) and row.object.pk == self.object_id
        )

    def fields(self) -> dict:
        """The changed page's field values, by attribute name (foreign keys as ids)."""
        from editing.content_admin import edited_fields

        page = self.stored_page.object
        model = type(page)
        return {
            field.attname: getattr(page, field.attname)
            for field in (model._meta.get_field(name) for name in edited_fields(model))
            if not field.many_to_many
        }

    def many_to_many(self) -> dict[str, list]:
        """The ids the change chooses for each many-to-many field, by field name."""
        return {
            name: list(ids) for name, ids in (self.stored_page.m2m_data or {}).items()
        }

    def inline_rows(self) -> dict[str, list]:
        """The rows of each list the change holds, by relation name, in memory: a row
        the change adds has no id yet."""
        from editing.preview import relation_name, sort_rows

        page_model = self.content_type.model_class()
        rows = {name: [] for name in self.inlines}
        for stored in self.stored_rows:
            if stored is self.stored_page:
                continue
            name = relation_name(page_model, type(stored.object))
            if name in rows:
                rows[name].append(stored.object)
        return {name: sort_rows(found) for name, found in rows.items()}

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
