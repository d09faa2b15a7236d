"""The library's picture fields beside the old image fields; 0007 fills them."""

from django.db import migrations

import pictures.fields


class Migration(migrations.Migration):
    dependencies = [
        ("blog", "0005_article_list_and_search_indexes"),
        ("pictures", "0002_editor_images_into_library"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="featured_picture",
            field=pictures.fields.PictureField(
                blank=True,
                help_text="Shown above the article, on its cards, and where it is shared.",
                verbose_name="featured picture",
            ),
        ),
        migrations.AddField(
            model_name="person",
            name="portrait",
            field=pictures.fields.PictureField(
                blank=True,
                help_text="Shown in a small circle beside the name, cut from the middle of the picture.",
                verbose_name="portrait",
            ),
        ),
        # The alt text now lives on the picture, and the checklist asks for it.
        migrations.RemoveConstraint(
            model_name="article", name="blog_article_image_has_alt_text"
        ),
    ]
