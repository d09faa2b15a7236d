"""Articles' featured images and people's photos move into the picture library: each file
becomes a library picture (once, however many rows share it) with its alt text, and the
rows point at it. Stored versions and draft changes are rewritten the same way, so
restoring an old version or publishing a draft keeps its picture.

The data moves in a migration of its own, between the new fields (0006) and the removal
of the old ones (0008): PostgreSQL will not alter a table whose rows changed earlier in
the same transaction, in either direction."""

from django.db import migrations

from pictures.migration_ops import (
    move_into_library,
    move_out_of_library,
    versions_into_library,
    versions_out_of_library,
)
from pictures.renditions import build_renditions


def portrait_title(name: str) -> str:
    return f"{name}, portrait"


def portrait_alt(name: str) -> str:
    # People's photos had no alt text; what each shows is the person it belongs to.
    return f"Portrait of {name}" if name else ""


def articles_into_library(apps, schema_editor):
    move_into_library(
        apps,
        "blog.Article",
        "featured_image",
        "featured_picture",
        title=lambda row: row.title,
        alt=lambda row: row.featured_image_alt,
    )
    versions_into_library(
        apps,
        "blog.Article",
        "featured_image",
        "featured_picture",
        title=lambda fields: fields.get("title", ""),
        alt=lambda fields: fields.get("featured_image_alt", ""),
        dropped=["featured_image_alt", "featured_image_renditions"],
    )


def articles_out_of_library(apps, schema_editor):
    move_out_of_library(
        apps,
        "blog.Article",
        "featured_image",
        "featured_picture",
        alt_field="featured_image_alt",
    )
    # The old pages show an image by its renditions (the same widths as the library's),
    # and the old table wants alt text with every image: a picture marked decorative, or
    # not described yet, lends its title.
    Article = apps.get_model("blog", "Article")
    with_pictures = Article._base_manager.filter(
        featured_picture__isnull=False
    ).select_related("featured_picture")
    for article in with_pictures:
        picture = article.featured_picture
        Article._base_manager.filter(pk=article.pk).update(
            featured_image_alt=article.featured_image_alt or picture.title,
            featured_image_renditions=picture.renditions,
        )
    versions_out_of_library(
        apps,
        "blog.Article",
        "featured_image",
        "featured_picture",
        alt_field="featured_image_alt",
    )


def portraits_into_library(apps, schema_editor):
    move_into_library(
        apps,
        "blog.Person",
        "photo",
        "portrait",
        title=lambda row: portrait_title(row.name),
        alt=lambda row: portrait_alt(row.name),
    )
    versions_into_library(
        apps,
        "blog.Person",
        "photo",
        "portrait",
        title=lambda fields: portrait_title(fields.get("name", "")),
        alt=lambda fields: portrait_alt(fields.get("name", "")),
        dropped=["photo_renditions"],
    )


def portraits_out_of_library(apps, schema_editor):
    move_out_of_library(apps, "blog.Person", "photo", "portrait")
    # The old pages show a photo by its own small renditions.
    Person = apps.get_model("blog", "Person")
    for person in Person._base_manager.exclude(photo=""):
        try:
            renditions = build_renditions(person.photo, widths=(96, 192))
        except (OSError, ValueError, SyntaxError):
            continue  # the file is gone from storage: the page shows the drawn figure
        Person._base_manager.filter(pk=person.pk).update(photo_renditions=renditions)
    versions_out_of_library(apps, "blog.Person", "photo", "portrait")


class Migration(migrations.Migration):
    dependencies = [
        ("blog", "0006_featured_picture_and_portrait"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
    ]

    operations = [
        migrations.RunPython(articles_into_library, articles_out_of_library),
        migrations.RunPython(portraits_into_library, portraits_out_of_library),
    ]
