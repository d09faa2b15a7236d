"""The editing models, moved here from the project package (rehab_site): their tables exist
already, made by rehab_site's migrations, and keep their names; only Django's idea of
which app holds them changes."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import editing.links


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("rehab_site", "0011_social_links_are_web_address_fields"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="EditorImage",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("image", models.ImageField(upload_to="editor/%Y/%m/")),
                        ("width", models.PositiveIntegerField(editable=False)),
                        ("height", models.PositiveIntegerField(editable=False)),
                        ("original_name", models.CharField(blank=True, max_length=255)),
                        ("uploaded_at", models.DateTimeField(auto_now_add=True)),
                        (
                            "uploaded_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "editor image",
                        "db_table": "rehab_site_editorimage",
                        "ordering": ["-uploaded_at"],
                    },
                ),
                migrations.CreateModel(
                    name="Redirect",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "old_path",
                            models.CharField(
                                help_text="For example /blog/old-title/",
                                max_length=300,
                                unique=True,
                                validators=[editing.links.validate_site_path],
                            ),
                        ),
                        (
                            "new_path",
                            models.CharField(
                                help_text="A path on this site, for example /blog/new-title/",
                                max_length=300,
                                validators=[editing.links.validate_site_path],
                            ),
                        ),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                    ],
                    options={
                        "db_table": "rehab_site_redirect",
                        "ordering": ["old_path"],
                        "constraints": [
                            models.CheckConstraint(
                                condition=models.Q(
                                    (
                                        "old_path__iregex",
                                        "\\A/([^/\\x01-\\x20\\x7f\\\\][^\\x01-\\x20\\x7f\\\\]*)?\\Z",
                                    )
                                ),
                                name="redirect_from_site_path",
                                violation_error_message="Use a path on this site: it starts with a single / (for example /admissions/) and has no spaces or backslashes.",
                            ),
                            models.CheckConstraint(
                                condition=models.Q(
                                    (
                                        "new_path__iregex",
                                        "\\A/([^/\\x01-\\x20\\x7f\\\\][^\\x01-\\x20\\x7f\\\\]*)?\\Z",
                                    )
                                ),
                                name="redirect_to_site_path",
                                violation_error_message="Use a path on this site: it starts with a single / (for example /admissions/) and has no spaces or backslashes.",
                            ),
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="DraftChange",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("object_id", models.PositiveBigIntegerField()),
                        (
                            "data",
                            models.TextField(
                                editable=False,
                                help_text="The page's fields as saved, in Django's JSON format.",
                            ),
                        ),
                        (
                            "many_to_many",
                            models.JSONField(default=dict, editable=False),
                        ),
                        ("saved_at", models.DateTimeField(auto_now=True)),
                        ("comment", models.CharField(blank=True, max_length=200)),
                        (
                            "publish_at",
                            models.DateTimeField(
                                blank=True,
                                help_text="Empty: the change waits until someone publishes it.",
                                null=True,
                                verbose_name="publish the change at",
                            ),
                        ),
                        (
                            "content_type",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                to="contenttypes.contenttype",
                            ),
                        ),
                        (
                            "saved_by",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "draft change",
                        "db_table": "rehab_site_draftchange",
                        "ordering": ["-saved_at"],
                        "indexes": [
                            models.Index(
                                fields=["publish_at"],
                                name="rehab_site__publish_1525e9_idx",
                            )
                        ],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("content_type", "object_id"),
                                name="one_draft_change_per_page",
                            )
                        ],
                    },
                ),
            ],
        ),
    ]
