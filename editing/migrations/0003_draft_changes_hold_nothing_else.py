"""Draft changes live in their revisions (0002): the columns that held them go."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("editing", "0002_draft_changes_are_revisions")]

    operations = [
        migrations.AlterModelOptions(
            name="draftchange",
            options={
                "ordering": ["-revision__date_created"],
                "verbose_name": "draft change",
            },
        ),
        migrations.RemoveField(model_name="draftchange", name="comment"),
        migrations.RemoveField(model_name="draftchange", name="data"),
        migrations.RemoveField(model_name="draftchange", name="many_to_many"),
        migrations.RemoveField(model_name="draftchange", name="saved_at"),
        migrations.RemoveField(model_name="draftchange", name="saved_by"),
        migrations.AlterField(
            model_name="draftchange",
            name="revision",
            field=models.OneToOneField(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="draft_change",
                to="reversion.revision",
            ),
        ),
    ]
