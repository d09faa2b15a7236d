"""The staff access models, moved here from the project package (rehab_site): their tables exist
already, made by rehab_site's migrations, and keep their names; only Django's idea of
which app holds them changes."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("rehab_site", "0011_social_links_are_web_address_fields"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="EnrolmentLink",
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
                            "code_hash",
                            models.CharField(
                                editable=False, max_length=64, unique=True
                            ),
                        ),
                        (
                            "issued_at",
                            models.DateTimeField(
                                default=django.utils.timezone.now, editable=False
                            ),
                        ),
                        ("expires_at", models.DateTimeField(editable=False)),
                        (
                            "used_at",
                            models.DateTimeField(blank=True, editable=False, null=True),
                        ),
                        (
                            "issued_by",
                            models.ForeignKey(
                                blank=True,
                                editable=False,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "user",
                            models.ForeignKey(
                                limit_choices_to={"is_active": True, "is_staff": True},
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="enrolment_links",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="staff member",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "second-factor enrolment link",
                        "db_table": "rehab_site_enrolmentlink",
                        "ordering": ["-issued_at"],
                    },
                ),
            ],
        ),
    ]
