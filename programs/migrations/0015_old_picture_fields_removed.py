"""The files and descriptions now in the picture library (0014) leave the programs
tables."""

from django.db import migrations, models

PAGES = ("program", "condition", "audience", "location", "page", "overview")


class Migration(migrations.Migration):
    dependencies = [("programs", "0014_pictures_into_the_library")]

    operations = [
        # Optional first, so that migrating back adds these columns filled with empty
        # values, for 0014 to fill from the library.
        migrations.AlterField(
            model_name="photo",
            name="image",
            field=models.ImageField(blank=True, upload_to="galleries/%Y/"),
        ),
        migrations.AlterField(
            model_name="photo",
            name="alt",
            field=models.CharField(
                blank=True, max_length=200, verbose_name="description"
            ),
        ),
        migrations.AlterField(
            model_name="picturesection",
            name="image",
            field=models.ImageField(
                blank=True, upload_to="sections/%Y/", verbose_name="picture"
            ),
        ),
        migrations.AlterField(
            model_name="picturesection",
            name="image_alt",
            field=models.CharField(
                blank=True, max_length=200, verbose_name="picture description"
            ),
        ),
        migrations.AlterField(
            model_name="video",
            name="poster",
            field=models.ImageField(blank=True, upload_to="video-posters/%Y/"),
        ),
        *(
            migrations.RemoveField(model_name=model, name=name)
            for model in PAGES
            for name in ("hero_image", "hero_image_alt")
        ),
        *(
            migrations.RemoveField(model_name=model, name=name)
            for model in ("herosection", "picturesection")
            for name in ("image", "image_alt")
        ),
        migrations.RemoveField(model_name="photo", name="image"),
        migrations.RemoveField(model_name="photo", name="alt"),
        migrations.RemoveField(model_name="video", name="poster"),
    ]
