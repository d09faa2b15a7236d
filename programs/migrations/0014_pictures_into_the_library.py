"""Every picture of the programs app moves into the picture library: the pages' and
overviews' hero images, the hero and picture sections' pictures, the gallery photos and
the video posters. Each stored file becomes a library picture (one per file, however
many rows show it) with the row's description as its alt text, and the stored versions
(history and draft changes) name the same pictures, so restoring an old version or
publishing a draft keeps its picture. The old columns go in 0015."""

from django.db import migrations

import pictures.fields
from pictures.migration_ops import (
    move_into_library,
    move_out_of_library,
    versions_into_library,
    versions_out_of_library,
)

PAGES = ("Program", "Condition", "Audience", "Location", "Page")

# (model, old file field, old alt field or None, new picture field, the picture's title
# from `value(field name)`, which reads a row or a stored version alike)
MOVES = [
    *(
        (
            model,
            "hero_image",
            "hero_image_alt",
            "hero_picture",
            lambda value: f"{value('name')}: hero",
        )
        for model in PAGES
    ),
    (
        "Overview",
        "hero_image",
        "hero_image_alt",
        "hero_picture",
        lambda value: f"{value('title')}: hero",
    ),
    ("HeroSection", "image", "image_alt", "picture", lambda value: value("headline")),
    (
        "PictureSection",
        "image",
        "image_alt",
        "picture",
        lambda value: value("caption") or value("heading") or value("image_alt"),
    ),
    (
        "Photo",
        "image",
        "alt",
        "picture",
        lambda value: value("caption") or value("alt"),
    ),
    (
        "Video",
        "poster",
        None,
        "poster_picture",
        lambda value: f"Poster: {value('title')}",
    ),
]


def of_row(row):
    return lambda name: getattr(row, name)


def of_version(fields: dict):
    return lambda name: fields.get(name) or ""


def into_the_library(apps, schema_editor):
    for model, file_field, alt_field, picture_field, title in MOVES:
        label = f"programs.{model}"
        move_into_library(
            apps,
            label,
            file_field,
            picture_field,
            title=lambda row, title=title: title(of_row(row)),
            alt=(lambda row, name=alt_field: of_row(row)(name)) if alt_field else None,
        )
        versions_into_library(
            apps,
            label,
            file_field,
            picture_field,
            title=lambda fields, title=title: title(of_version(fields)),
            alt=(
                (lambda fields, name=alt_field: of_version(fields)(name))
                if alt_field
                else None
            ),
            dropped=[alt_field] if alt_field else [],
        )
    checked_now(schema_editor)


def out_of_the_library(apps, schema_editor):
    for model, file_field, alt_field, picture_field, _title in MOVES:
        label = f"programs.{model}"
        move_out_of_library(apps, label, file_field, picture_field, alt_field=alt_field)
        versions_out_of_library(
            apps, label, file_field, picture_field, alt_field=alt_field
        )
        if alt_field is None:
            continue
        # The old tables refuse a picture without a description: a picture marked
        # decorative in the library goes back described by its title.
        rows = apps.get_model("programs", model)._base_manager.exclude(
            **{f"{picture_field}__isnull": True}
        )
        for row in rows.filter(**{alt_field: ""}).select_related(picture_field):
            setattr(row, alt_field, getattr(row, picture_field).title[:200])
            row.save(update_fields=[alt_field])
    checked_now(schema_editor)


def checked_now(schema_editor) -> None:
    """The rows just written, checked now rather than at the commit: PostgreSQL refuses
    to alter a table with checks pending, as this migration does after this step when
    migrating back (the constraints return)."""
    schema_editor.connection.check_constraints()


def hero_picture():
    return pictures.fields.PictureField(
        blank=True,
        help_text="A calm, wide photograph (at least 1600 pixels wide), shown 4:3 "
        "around its focal point.",
        verbose_name="hero picture",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("pictures", "0002_editor_images_into_library"),
        ("programs", "0013_chosen_cards_testimonials_team_category"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
    ]

    operations = [
        *(
            migrations.RemoveConstraint(
                model_name=model.lower(),
                name=f"programs_{model.lower()}_hero_image_has_description",
            )
            for model in (*PAGES, "Overview")
        ),
        migrations.RemoveConstraint(
            model_name="herosection", name="programs_herosection_image_described"
        ),
        migrations.RemoveConstraint(
            model_name="picturesection", name="programs_picturesection_image_described"
        ),
        migrations.RemoveConstraint(
            model_name="photo", name="programs_photo_has_description"
        ),
        *(
            migrations.AddField(
                model_name=model.lower(), name="hero_picture", field=hero_picture()
            )
            for model in PAGES
        ),
        migrations.AddField(
            model_name="overview",
            name="hero_picture",
            field=pictures.fields.PictureField(
                blank=True,
                help_text="A calm photograph, at least 1200 pixels wide, shown 4:3 "
                "around its focal point.",
                verbose_name="hero picture",
            ),
        ),
        migrations.AddField(
            model_name="herosection",
            name="picture",
            field=pictures.fields.PictureField(blank=True, verbose_name="picture"),
        ),
        migrations.AddField(
            model_name="picturesection",
            name="picture",
            field=pictures.fields.PictureField(blank=True, verbose_name="picture"),
        ),
        migrations.AddField(
            model_name="photo",
            name="picture",
            field=pictures.fields.PictureField(
                blank=True,
                help_text="A photograph at least 1200 pixels wide, shown 4:3 around its "
                "focal point.",
                verbose_name="picture",
            ),
        ),
        migrations.AddField(
            model_name="video",
            name="poster_picture",
            field=pictures.fields.PictureField(
                blank=True,
                help_text="The still shown before the visitor presses play, at least "
                "1280 pixels wide, shown 16:9 around its focal point.",
                verbose_name="poster",
            ),
        ),
        migrations.RunPython(into_the_library, out_of_the_library),
    ]
