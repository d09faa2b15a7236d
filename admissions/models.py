"""Admission inquiries, the staff notes on them, and the log of every look at one.

An inquiry is health information: it is readable by the admissions group only, every view,
change, export and deletion is written to AccessLog, and it is deleted a while after it
is closed (purge_inquiries).
"""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

# Unambiguous characters only (no 0/O, 1/I), so a reference reads well over the phone.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
REFERENCE_LENGTH = 8


def new_reference() -> str:
    return "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))


class InquiryQuerySet(models.QuerySet):
    def not_spam(self):
        return self.exclude(status=Inquiry.Status.SPAM)

    def awaiting_notification(self, older_than):
        """Inquiries whose notification should have gone out before `older_than` but has not."""
        return self.filter(
            notified_at__isnull=True,
            received_at__lte=older_than,
        ).filter(
            models.Q(notification_due_at__isnull=True)
            | models.Q(notification_due_at__lte=older_than)
        )

    def closed_before(self, moment):
        return self.filter(
            status__in=Inquiry.CLOSED_STATUSES,
            closed_at__isnull=False,
            closed_at__lt=moment,
        )


class Inquiry(models.Model):
    """One request for admission, as the visitor wrote it, plus what staff did with it."""

    class Status(models.TextChoices):
        NEW = "new", "New"
        CONTACTED = "contacted", "Contacted"
        ASSESSMENT_SCHEDULED = "assessment", "Assessment scheduled"
        ADMITTED = "admitted", "Admitted"
        REFERRED = "referred", "Referred elsewhere"
        CLOSED = "closed", "Closed"
        SPAM = "spam", "Spam"

    class ContactMethod(models.TextChoices):
        PHONE = "phone", "Phone call"
        TEXT = "text", "Text message"
        EMAIL = "email", "Email"

    class ContactTime(models.TextChoices):
        ANY = "any", "Any time"
        MORNING = "morning", "Morning (8 am to noon)"
        AFTERNOON = "afternoon", "Afternoon (noon to 5 pm)"
        EVENING = "evening", "Evening (5 pm to 9 pm)"

    class ForWhom(models.TextChoices):
        SELF = "self", "Myself"
        LOVED_ONE = "loved_one", "A loved one"

    class Insurance(models.TextChoices):
        AETNA = "aetna", "Aetna"
        BLUE_CROSS = "bcbs", "Blue Cross Blue Shield"
        CIGNA = "cigna", "Cigna"
        HUMANA = "humana", "Humana"
        UNITED = "united", "UnitedHealthcare"
        TRICARE = "tricare", "TRICARE"
        MEDICAID = "medicaid", "Medicaid"
        MEDICARE = "medicare", "Medicare"
        OTHER = "other", "Other insurance"
        NONE = "none", "No insurance / paying privately"
        UNSURE = "unsure", "Not sure"

    # Statuses after which an inquiry needs no more work; closed_at starts its retention clock.
    CLOSED_STATUSES = [Status.ADMITTED, Status.REFERRED, Status.CLOSED, Status.SPAM]

    reference = models.CharField(
        max_length=REFERENCE_LENGTH, unique=True, default=new_reference, editable=False
    )
    submission_token = models.UUIDField(
        unique=True,
        default=uuid.uuid4,
        editable=False,
        help_text="Issued with the form; a second post with the same token is the same inquiry.",
    )
    received_at = models.DateTimeField(
        default=timezone.now, db_index=True, editable=False
    )

    name = models.CharField(max_length=100)
    phone = models.CharField(
        max_length=20, blank=True, help_text="Stored as +15551234567."
    )
    email = models.EmailField(max_length=254, blank=True)
    contact_method = models.CharField(
        "preferred way to be contacted",
        max_length=10,
        choices=ContactMethod.choices,
        blank=True,
    )
    contact_time = models.CharField(
        "best time to be contacted",
        max_length=10,
        choices=ContactTime.choices,
        default=ContactTime.ANY,
        blank=True,
    )
    for_whom = models.CharField("inquiring for", max_length=10, choices=ForWhom.choices)
    substances = models.JSONField(
        "substances of concern",
        default=list,
        blank=True,
        help_text="The names chosen on the form, as they read when it was sent.",
    )
    substance_other = models.CharField("other substance", max_length=100, blank=True)
    program = models.ForeignKey(
        "programs.Program",
        verbose_name="program page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The program chosen on the form, while its page exists.",
    )
    program_label = models.CharField(
        "program of interest",
        max_length=200,
        blank=True,
        help_text="The program's name when the form was sent.",
    )
    insurance = models.CharField(
        "insurance provider", max_length=10, choices=Insurance.choices, blank=True
    )
    insurance_other = models.CharField("other insurance", max_length=100, blank=True)
    message = models.TextField(max_length=2000, blank=True)
    consented_at = models.DateTimeField(
        "agreed to the privacy policy at", null=True, editable=False
    )

    is_urgent = models.BooleanField(
        "urgent",
        default=False,
        help_text="Set automatically when the message mentions a crisis (suicide, overdose...).",
    )
    status = models.CharField(
        max_length=12, choices=Status.choices, default=Status.NEW, db_index=True
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="assigned to",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_inquiries",
        limit_choices_to={"is_staff": True, "is_active": True},
    )
    closed_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="When the inquiry reached a final status; retention counts from here.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    notified_at = models.DateTimeField("staff notified at", null=True, editable=False)
    notification_due_at = models.DateTimeField(null=True, editable=False)
    notification_attempts = models.PositiveSmallIntegerField(default=0, editable=False)

    landing_page = models.CharField("first page visited", max_length=300, blank=True)
    form_page = models.CharField("form sent from", max_length=300, blank=True)
    referrer_host = models.CharField("referred by", max_length=255, blank=True)
    utm_source = models.CharField("UTM source", max_length=100, blank=True)
    utm_medium = models.CharField("UTM medium", max_length=100, blank=True)
    utm_campaign = models.CharField("UTM campaign", max_length=100, blank=True)
    utm_term = models.CharField("UTM term", max_length=100, blank=True)
    utm_content = models.CharField("UTM content", max_length=100, blank=True)

    objects = InquiryQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "inquiries"
        ordering = ["-received_at"]
        indexes = [
            models.Index(fields=["status", "-received_at"]),
            models.Index(fields=["closed_at"], name="inquiry_closed_at_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(phone="", email=""),
                name="inquiry_has_a_way_to_reach",
            ),
        ]

    def __str__(self) -> str:
        # No personal data: this string lands in the admin's history and messages.
        return f"Inquiry {self.reference}"

    def save(self, *args, **kwargs):
        if self.status in self.CLOSED_STATUSES:
            self.closed_at = self.closed_at or timezone.now()
        else:
            self.closed_at = None
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "closed_at"}
        super().save(*args, **kwargs)

    def get_admin_url(self) -> str:
        return reverse("admin:admissions_inquiry_change", args=[self.pk])

    @property
    def source(self) -> str:
        """Where the visitor came from, as marketing reads it: campaign source, referrer or direct."""
        return self.utm_source or self.referrer_host or "direct"


class InquiryNote(models.Model):
    """A timestamped note by a staff member; notes are added, never edited."""

    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, editable=False
    )
    body = models.TextField("note", max_length=4000)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"Note on {self.inquiry} at {self.created_at:%Y-%m-%d %H:%M}"


class AccessLog(models.Model):
    """Who looked at or touched which inquiry, when, and from where. Written by our code only."""

    class Action(models.TextChoices):
        LIST = "list", "Listed"
        VIEW = "view", "Viewed"
        CHANGE = "change", "Changed"
        EXPORT = "export", "Exported"
        DELETE = "delete", "Deleted"

    at = models.DateTimeField(default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    username = models.CharField(
        max_length=150, help_text="Kept even if the account is deleted."
    )
    action = models.CharField(max_length=10, choices=Action.choices)
    # Not a foreign key: the entry must outlive the inquiry it records.
    inquiry_id = models.BigIntegerField(null=True, db_index=True)
    inquiry_reference = models.CharField(max_length=REFERENCE_LENGTH, blank=True)
    ip_address = models.GenericIPAddressField("from address", null=True)
    detail = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = "access log entry"
        verbose_name_plural = "access log"
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        target = (
            f"inquiry {self.inquiry_reference}"
            if self.inquiry_reference
            else "inquiries"
        )
        return (
            f"{self.username or 'system'} {self.get_action_display().lower()} {target}"
        )


class AttributionReport(Inquiry):
    """Counts of inquiries by landing page, source and month, with no personal data.

    A proxy so the report has a permission of its own (view_attributionreport) that the
    Marketing group holds without any permission on inquiries themselves.
    """

    class Meta:
        proxy = True
        verbose_name = "inquiry sources report"
        verbose_name_plural = "inquiry sources report"
        default_permissions = ("view",)


def record_access(request, action: str, inquiries=(), detail: str = "") -> None:
    """Write one access-log row per inquiry (or one row with no inquiry, for a list view)."""
    from .client import client_ip

    user = request.user if request.user.is_authenticated else None
    common = {
        "user": user,
        "username": user.get_username() if user else "",
        "action": action,
        "ip_address": client_ip(request),
        "detail": detail[:300],
    }
    rows = [
        AccessLog(inquiry_id=inquiry.pk, inquiry_reference=inquiry.reference, **common)
        for inquiry in inquiries
    ] or [AccessLog(**common)]
    AccessLog.objects.bulk_create(rows)
