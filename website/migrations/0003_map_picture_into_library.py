"""The map image moves into the picture library: its file and description become a
library picture, chosen as the site settings' map picture (in stored versions too), and
the image's own columns and their rule go (the description is the picture's alt text now)."""

from django.db import migrations

import pictures.fields
from pictures.migration_ops import (
    move_into_library,
    move_out_of_library,
    versions_into_library,
    versions_out_of_library,
)


def map_into_library(apps, schema_editor):
    move_into_library(
        apps,
        "website.SiteSettings",
        "map_image",
        "map_picture",
        title=lambda site: f"Map of {site.name}",
        alt=lambda site: site.map_image_alt,
    )
    versions_into_library(
        apps,
        "website.SiteSettings",
        "map_image",
        "map_picture",
        title=lambda fields: f"Map of {fields.get('name', '')}",
        alt=lambda fields: fields.get("map_image_alt", ""),
        dropped=["map_image_alt", "map_image_width", "map_image_height"],
    )


def map_out_of_library(apps, schema_editor):
    move_out_of_library(
        apps,
        "website.SiteSettings",
        "map_image",
        "map_picture",
        alt_field="map_image_alt",
    )
    versions_out_of_library(
        apps,
        "website.SiteSettings",
        "map_image",
        "map_picture",
        alt_field="map_image_alt",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0002_home_page_is_a_site_page"),
        ("pictures", "0002_editor_images_into_library"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
    ]

    operations = [
        migrations.AddField(
            model_name="sitesettings",
            name="map_picture",
            field=pictures.fields.PictureField(
                blank=True,
                help_text="Optional: a picture of the campus's surroundings (a map you may publish, or a drawing). Shown on pages with the center's details.",
                verbose_name="map picture",
            ),
        ),
        migrations.RunPython(map_into_library, map_out_of_library),
        migrations.RemoveConstraint(
            model_name="sitesettings",
            name="site_settings_map_image_has_description",
        ),
        migrations.RemoveField(model_name="sitesettings", name="map_image"),
        migrations.RemoveField(model_name="sitesettings", name="map_image_alt"),
        migrations.RemoveField(model_name="sitesettings", name="map_image_height"),
        migrations.RemoveField(model_name="sitesettings", name="map_image_width"),
    ]
