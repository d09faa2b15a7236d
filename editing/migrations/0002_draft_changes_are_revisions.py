"""Draft changes become django-reversion revisions: each stored draft change (the page's
edited fields as JSON, its many-to-many choices beside them) is moved into a revision
holding the page as the draft has it, by the same user, at the same time, with the same
note. Drafts made before this held no list below the page, so `inlines` stays empty and
publishing one leaves the page's lists as they are."""

import json

import django.db.models.deletion
from django.core import serializers
from django.db import migrations, models


def into_revisions(apps, schema_editor):
    DraftChange = apps.get_model("editing", "DraftChange")
    Revision = apps.get_model("reversion", "Revision")
    Version = apps.get_model("reversion", "Version")
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    for draft in DraftChange.objects.using(db).all():
        content_type = ContentType.objects.using(db).get(pk=draft.content_type_id)
        model = apps.get_model(content_type.app_label, content_type.model)
        live = model.objects.using(db).filter(pk=draft.object_id).first()
        if live is None:  # the page is gone: nothing could publish its change
            draft.delete()
            continue
        stored = json.loads(serializers.serialize("json", [live]))
        fields = stored[0]["fields"]
        for field in model._meta.many_to_many:  # only the choices the draft made
            fields.pop(field.name, None)
        fields.update(json.loads(draft.data)[0]["fields"])
        fields.update(draft.many_to_many)
        revision = Revision.objects.using(db).create(
            date_created=draft.saved_at,
            user_id=draft.saved_by_id,
            comment=draft.comment,
        )
        Version.objects.using(db).create(
            revision=revision,
            content_type=content_type,
            object_id=str(draft.object_id),
            db=db,
            format="json",
            serialized_data=json.dumps(stored),
            object_repr=str(
                stored[0]["fields"].get("name")
                or stored[0]["fields"].get("title")
                or draft.object_id
            )[:191],
        )
        draft.revision = revision
        draft.save(update_fields=["revision"])


def out_of_revisions(apps, schema_editor):
    DraftChange = apps.get_model("editing", "DraftChange")
    db = schema_editor.connection.alias
    for draft in DraftChange.objects.using(db).select_related(
        "revision", "content_type"
    ):
        version = draft.revision.version_set.get(
            content_type=draft.content_type, object_id=str(draft.object_id)
        )
        stored = json.loads(version.serialized_data)
        model = apps.get_model(draft.content_type.app_label, draft.content_type.model)
        chosen = {field.name for field in model._meta.many_to_many}
        fields = stored[0]["fields"]
        stored[0]["fields"] = {
            name: value for name, value in fields.items() if name not in chosen
        }
        draft.data = json.dumps(stored)
        draft.many_to_many = {
            name: value for name, value in fields.items() if name in chosen
        }
        draft.saved_by_id = draft.revision.user_id
        draft.saved_at = draft.revision.date_created
        draft.comment = draft.revision.comment[:200]
        draft.save()


class Migration(migrations.Migration):
    dependencies = [
        ("editing", "0001_initial"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AddField(
            model_name="draftchange",
            name="revision",
            field=models.OneToOneField(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="draft_change",
                to="reversion.revision",
            ),
        ),
        migrations.AddField(
            model_name="draftchange",
            name="inlines",
            field=models.JSONField(
                default=list,
                editable=False,
                help_text="The page's lists, by relation name, that the change holds in "
                "full: publishing it makes each list exactly its rows.",
            ),
        ),
        migrations.RunPython(into_revisions, out_of_revisions),
    ]
