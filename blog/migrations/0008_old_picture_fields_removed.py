"""The old picture columns, now that their files and alt text are in the library (0007)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("blog", "0007_pictures_into_library"),
    ]

    operations = [
        migrations.RemoveField(model_name="article", name="featured_image"),
        migrations.RemoveField(model_name="article", name="featured_image_alt"),
        migrations.RemoveField(model_name="article", name="featured_image_renditions"),
        migrations.RemoveField(model_name="person", name="photo"),
        migrations.RemoveField(model_name="person", name="photo_renditions"),
    ]
