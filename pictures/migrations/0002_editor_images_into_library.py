"""Every image uploaded through the rich-text editor becomes a picture in the library,
under the same file, so the text that shows it now finds it there."""

from django.db import migrations

from pictures.migration_ops import into_library


def editor_images_into_library(apps, schema_editor):
    EditorImage = apps.get_model("editing", "EditorImage")
    for editor_image in EditorImage.objects.order_by("pk").iterator():
        if not editor_image.image:
            continue
        name = editor_image.image.name
        original = (editor_image.original_name or name.rsplit("/", 1)[-1]).rsplit(
            ".", 1
        )
        picture = into_library(apps, name, title=original[0].replace("-", " "))
        picture.uploaded_by_id = editor_image.uploaded_by_id
        picture.save(update_fields=["uploaded_by"])
        type(picture).objects.filter(pk=picture.pk).update(
            created_at=editor_image.uploaded_at
        )


def library_into_editor_images(apps, schema_editor):
    EditorImage = apps.get_model("editing", "EditorImage")
    Picture = apps.get_model("pictures", "Picture")
    for picture in Picture.objects.filter(file__startswith="editor/"):
        EditorImage.objects.get_or_create(
            image=picture.file.name,
            defaults={
                "width": picture.width,
                "height": picture.height,
                "original_name": picture.title,
                "uploaded_by_id": picture.uploaded_by_id,
            },
        )


class Migration(migrations.Migration):
    dependencies = [
        ("pictures", "0001_initial"),
        ("editing", "0003_draft_changes_hold_nothing_else"),
    ]

    operations = [
        migrations.RunPython(editor_images_into_library, library_into_editor_images)
    ]
