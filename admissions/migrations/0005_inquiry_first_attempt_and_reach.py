"""The first contact becomes two moments: the first attempt (the old first contact, renamed)
and the first time the person was reached. Migration 0006 fills both from the notes."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("admissions", "0004_insurance_verifications"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="inquiry",
            name="inquiry_uncontacted_idx",
        ),
        migrations.RenameField(
            model_name="inquiry",
            old_name="first_contact_at",
            new_name="first_attempt_at",
        ),
        migrations.RenameField(
            model_name="inquiry",
            old_name="first_contact_by",
            new_name="first_attempt_by",
        ),
        migrations.AlterField(
            model_name="inquiry",
            name="first_attempt_at",
            field=models.DateTimeField(
                blank=True,
                editable=False,
                help_text="The first logged call, text, email or voicemail, or status change away from New, whether or not it got through.",
                null=True,
                verbose_name="first attempt at",
            ),
        ),
        migrations.AlterField(
            model_name="inquiry",
            name="first_attempt_by",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="first attempt by",
            ),
        ),
        migrations.AddField(
            model_name="inquiry",
            name="reached_at",
            field=models.DateTimeField(
                blank=True,
                editable=False,
                help_text="The first time somebody spoke with the person or heard back from them.",
                null=True,
                verbose_name="reached at",
            ),
        ),
        migrations.AddField(
            model_name="inquiry",
            name="reached_by",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="reached by",
            ),
        ),
        migrations.AlterField(
            model_name="inquiry",
            name="escalated_at",
            field=models.DateTimeField(
                blank=True,
                editable=False,
                help_text="When the escalation list was told that nobody had reached the person (or, for a routine inquiry, tried to) in time.",
                null=True,
                verbose_name="escalation sent at",
            ),
        ),
        migrations.AlterField(
            model_name="inquirynote",
            name="kind",
            field=models.CharField(
                choices=[
                    ("note", "Note only"),
                    ("spoke", "Called: spoke with them"),
                    ("replied", "They called, texted or emailed back"),
                    ("no_answer", "Called: no answer"),
                    ("voicemail", "Called: left voicemail"),
                    ("text", "Sent a text"),
                    ("email", "Sent an email"),
                ],
                default="note",
                help_text="Choose the attempt you made, or that they got back to you.",
                max_length=10,
                verbose_name="contact attempt",
            ),
        ),
        migrations.AddIndex(
            model_name="inquiry",
            index=models.Index(
                condition=models.Q(
                    ("first_attempt_at__isnull", True), ("status", "new")
                ),
                fields=["received_at"],
                name="inquiry_uncontacted_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="inquiry",
            index=models.Index(
                condition=models.Q(
                    ("reached_at__isnull", True), ("status__in", ["new", "contacted"])
                ),
                fields=["received_at"],
                name="inquiry_unreached_idx",
            ),
        ),
    ]
