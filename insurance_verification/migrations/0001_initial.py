"""Insurance verifications and their notes, moved here from the admissions app with their
tables (admissions 0008 hands them over)."""

import uuid

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import admissions.cases
import insurance_verification.encryption
import insurance_verification.models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("admissions", "0007_attribution_paths_are_not_typed"),
        ("programs", "0008_video_links_are_web_addresses"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # The tables are there already, under their admissions names: this app takes
        # the models into its state and leaves the database as it is.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="InsuranceVerification",
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
                            "reference",
                            models.CharField(
                                default=admissions.cases.new_reference,
                                editable=False,
                                max_length=8,
                                unique=True,
                            ),
                        ),
                        (
                            "submission_token",
                            models.UUIDField(
                                default=uuid.uuid4,
                                editable=False,
                                help_text="Issued with the form; a second post with the same token is the same request.",
                                unique=True,
                            ),
                        ),
                        (
                            "received_at",
                            models.DateTimeField(
                                db_index=True,
                                default=django.utils.timezone.now,
                                editable=False,
                            ),
                        ),
                        (
                            "phone",
                            models.CharField(
                                blank=True,
                                help_text="Stored as +15551234567.",
                                max_length=20,
                            ),
                        ),
                        ("email", models.EmailField(blank=True, max_length=254)),
                        (
                            "consented_at",
                            models.DateTimeField(
                                editable=False,
                                null=True,
                                verbose_name="agreed to the privacy policy at",
                            ),
                        ),
                        (
                            "form_page",
                            models.CharField(
                                blank=True,
                                editable=False,
                                max_length=300,
                                verbose_name="form sent from",
                            ),
                        ),
                        (
                            "closed_at",
                            models.DateTimeField(
                                blank=True,
                                editable=False,
                                help_text="When it reached a final status; retention counts from here.",
                                null=True,
                            ),
                        ),
                        ("updated_at", models.DateTimeField(auto_now=True)),
                        (
                            "notified_at",
                            models.DateTimeField(
                                editable=False,
                                null=True,
                                verbose_name="staff notified at",
                            ),
                        ),
                        (
                            "notification_due_at",
                            models.DateTimeField(editable=False, null=True),
                        ),
                        (
                            "notification_attempts",
                            models.PositiveSmallIntegerField(default=0, editable=False),
                        ),
                        (
                            "insurer_name",
                            models.CharField(
                                help_text="As chosen or typed when the form was sent.",
                                max_length=100,
                                verbose_name="insurance provider",
                            ),
                        ),
                        (
                            "member_id",
                            insurance_verification.encryption.EncryptedTextField(
                                max_length=40, verbose_name="member ID"
                            ),
                        ),
                        (
                            "group_number",
                            insurance_verification.encryption.EncryptedTextField(
                                blank=True, max_length=40, verbose_name="group number"
                            ),
                        ),
                        (
                            "holder_name",
                            models.CharField(
                                max_length=100, verbose_name="policy holder's name"
                            ),
                        ),
                        (
                            "relationship",
                            models.CharField(
                                choices=[
                                    ("self", "I am the policy holder"),
                                    ("spouse", "Spouse or partner"),
                                    ("parent", "Parent or guardian"),
                                    ("child", "Adult child"),
                                    ("other", "Other"),
                                ],
                                max_length=10,
                                verbose_name="patient's relationship to the holder",
                            ),
                        ),
                        (
                            "holder_birth_date",
                            insurance_verification.encryption.EncryptedDateField(
                                verbose_name="policy holder's date of birth"
                            ),
                        ),
                        (
                            "patient_name",
                            models.CharField(
                                blank=True,
                                max_length=100,
                                verbose_name="patient's name",
                            ),
                        ),
                        (
                            "patient_birth_date",
                            insurance_verification.encryption.EncryptedDateField(
                                blank=True,
                                null=True,
                                verbose_name="patient's date of birth",
                            ),
                        ),
                        (
                            "card_front",
                            models.FileField(
                                blank=True,
                                editable=False,
                                storage=insurance_verification.models.private_storage,
                                upload_to="verification-cards/%Y/%m/",
                                verbose_name="card front (encrypted)",
                            ),
                        ),
                        (
                            "card_back",
                            models.FileField(
                                blank=True,
                                editable=False,
                                storage=insurance_verification.models.private_storage,
                                upload_to="verification-cards/%Y/%m/",
                                verbose_name="card back (encrypted)",
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("new", "New"),
                                    ("checking", "Checking benefits"),
                                    ("coverage", "Coverage found"),
                                    ("no_coverage", "No coverage found"),
                                    ("unable", "Could not verify"),
                                    ("closed", "Closed"),
                                    ("spam", "Spam"),
                                ],
                                db_index=True,
                                default="new",
                                max_length=12,
                            ),
                        ),
                        (
                            "benefits_notes",
                            models.TextField(
                                blank=True,
                                help_text="Deductible, out-of-pocket, levels of care covered, authorization needed…",
                                max_length=4000,
                                verbose_name="benefits found",
                            ),
                        ),
                        (
                            "assigned_to",
                            models.ForeignKey(
                                blank=True,
                                limit_choices_to={"is_active": True, "is_staff": True},
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="assigned to",
                            ),
                        ),
                        (
                            "inquiry",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="verifications",
                                to="admissions.inquiry",
                                verbose_name="inquiry from the same person",
                            ),
                        ),
                        (
                            "insurer",
                            models.ForeignKey(
                                blank=True,
                                help_text="The insurer chosen on the form, while it is on the list.",
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="programs.insurer",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "admissions_insuranceverification",
                        "ordering": ["-received_at"],
                        "abstract": False,
                    },
                ),
                migrations.CreateModel(
                    name="VerificationNote",
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
                            "body",
                            models.TextField(
                                blank=True, max_length=4000, verbose_name="note"
                            ),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(
                                default=django.utils.timezone.now, editable=False
                            ),
                        ),
                        (
                            "author",
                            models.ForeignKey(
                                editable=False,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "verification",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="notes",
                                to="insurance_verification.insuranceverification",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "admissions_verificationnote",
                        "ordering": ["created_at", "pk"],
                        "abstract": False,
                    },
                ),
                migrations.AddIndex(
                    model_name="insuranceverification",
                    index=models.Index(
                        fields=["status", "-received_at"],
                        name="admissions__status_627eb5_idx",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="insuranceverification",
                    constraint=models.CheckConstraint(
                        condition=models.Q(("email", ""), ("phone", ""), _negated=True),
                        name="verification_has_a_way_to_reach",
                    ),
                ),
            ],
        ),
    ]
