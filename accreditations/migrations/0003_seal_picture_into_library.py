"""Each seal image moves into the picture library, with the words the site read it by
("CARF International accreditation seal") as its alt text, and is chosen as the
accreditation's seal picture; the image's own column goes."""

from django.db import migrations

import pictures.fields
from pictures.migration_ops import (
    move_into_library,
    move_out_of_library,
    versions_into_library,
    versions_out_of_library,
)


def seal_description(accreditation) -> str:
    """As Accreditation.seal_alt read it: the body and the kind."""
    return f"{accreditation.body} {accreditation.get_kind_display().lower()} seal"


def seals_into_library(apps, schema_editor):
    move_into_library(
        apps,
        "accreditations.Accreditation",
        "seal",
        "seal_picture",
        title=lambda accreditation: f"{accreditation.body} seal",
        alt=seal_description,
    )
    # A stored version's seal is the live one (found by its file) or an older one,
    # described by its body.
    versions_into_library(
        apps,
        "accreditations.Accreditation",
        "seal",
        "seal_picture",
        title=lambda fields: f"{fields.get('body', '')} seal",
        alt=lambda fields: f"{fields.get('body', '')} seal",
    )


def seals_out_of_library(apps, schema_editor):
    move_out_of_library(apps, "accreditations.Accreditation", "seal", "seal_picture")
    versions_out_of_library(
        apps, "accreditations.Accreditation", "seal", "seal_picture"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("accreditations", "0002_verification_page_is_web_address"),
        ("pictures", "0002_editor_images_into_library"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
    ]

    operations = [
        migrations.AddField(
            model_name="accreditation",
            name="seal_picture",
            field=pictures.fields.PictureField(
                blank=True,
                help_text="The body's seal, as it allows you to use it. Without one, a text badge is drawn. A seal with no alt text of its own is described by its issuing body and kind, for example “CARF International accreditation seal”.",
                verbose_name="seal",
            ),
        ),
        migrations.RunPython(seals_into_library, seals_out_of_library),
        migrations.RemoveField(model_name="accreditation", name="seal"),
    ]
