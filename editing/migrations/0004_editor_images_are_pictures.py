from django.db import migrations


class Migration(migrations.Migration):
    """Editor images now live in the picture library (pictures/migrations/0002)."""

    dependencies = [
        ("editing", "0003_draft_changes_hold_nothing_else"),
        ("pictures", "0002_editor_images_into_library"),
    ]

    operations = [migrations.DeleteModel(name="EditorImage")]
