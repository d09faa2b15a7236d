"""Insurance verifications moved to the insurance_verification app, tables, content types
and permissions kept; inquiries take their shared fields from admissions.cases.Case."""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

MOVED = ["insuranceverification", "verificationnote"]


def move_content_types(apps, schema_editor, backwards=False):
    """The moved models keep their content types (and so their permissions and the
    admin's log): the rows change app, not id."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    old, new = ("admissions", "insurance_verification")[:: -1 if backwards else 1]
    ContentType.objects.using(schema_editor.connection.alias).filter(
        app_label=old, model__in=MOVED
    ).update(app_label=new)
    ContentType.objects.clear_cache()


def move_content_types_back(apps, schema_editor):
    move_content_types(apps, schema_editor, backwards=True)


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("admissions", "0007_attribution_paths_are_not_typed"),
        ("insurance_verification", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name="verificationnote",
                    name="verification",
                ),
                migrations.RemoveField(
                    model_name="verificationnote",
                    name="author",
                ),
                migrations.DeleteModel(
                    name="InsuranceVerification",
                ),
                migrations.DeleteModel(
                    name="VerificationNote",
                ),
            ],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
        migrations.AlterField(
            model_name="inquiry",
            name="assigned_to",
            field=models.ForeignKey(
                blank=True,
                limit_choices_to={"is_active": True, "is_staff": True},
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="assigned to",
            ),
        ),
        migrations.AlterField(
            model_name="inquiry",
            name="closed_at",
            field=models.DateTimeField(
                blank=True,
                editable=False,
                help_text="When it reached a final status; retention counts from here.",
                null=True,
            ),
        ),
        migrations.AlterField(
            model_name="inquiry",
            name="submission_token",
            field=models.UUIDField(
                default=uuid.uuid4,
                editable=False,
                help_text="Issued with the form; a second post with the same token is the same request.",
                unique=True,
            ),
        ),
    ]
