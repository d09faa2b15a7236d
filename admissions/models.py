"""Admission inquiries, the staff notes on them, and the log of every look at one.

An inquiry is health information: it is readable by the admissions group only, every view,
change, export and deletion is written to AccessLog, and it is deleted a while after it
is closed (purge_inquiries).
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.db.models.functions import Upper
from django.utils import timezone

from .cases import REFERENCE_LENGTH, Case, CaseNote, CaseQuerySet


def first_contact_target(is_urgent: bool) -> timedelta:
    """How soon someone should call back: ADMISSIONS_URGENT_TARGET_MINUTES for urgent
    inquiries, ADMISSIONS_TARGET_MINUTES for the rest."""
    minutes = (
        settings.ADMISSIONS_URGENT_TARGET_MINUTES
        if is_urgent
        else settings.ADMISSIONS_TARGET_MINUTES
    )
    return timedelta(minutes=minutes)


def escalation_delay(is_urgent: bool) -> timedelta:
    """How long an untouched inquiry waits before the escalation email: its target when
    urgent, ADMISSIONS_ESCALATE_AFTER_MINUTES otherwise."""
    if is_urgent:
        return first_contact_target(True)
    return timedelta(minutes=settings.ADMISSIONS_ESCALATE_AFTER_MINUTES)


def routine_waits_until_reached() -> bool:
    """ADMISSIONS_ROUTINE_WAIT_ENDS: whether a routine inquiry, like an urgent one, waits
    until the person is reached ("reached") or only until the first attempt ("attempt")."""
    return settings.ADMISSIONS_ROUTINE_WAIT_ENDS == "reached"


class InquiryQuerySet(CaseQuerySet):
    """Each rule as a Q (so the queue can count several in one query) and as a filter."""

    @staticmethod
    def open_q() -> models.Q:
        """Inquiries that still need work: neither closed nor spam."""
        return models.Q(status__in=Inquiry.OPEN_STATUSES)

    @staticmethod
    def awaiting_attempt_q() -> models.Q:
        """Inquiries nobody has tried to reach yet."""
        return models.Q(status=Inquiry.Status.NEW, first_attempt_at__isnull=True)

    @staticmethod
    def awaiting_reach_q() -> models.Q:
        """Open inquiries whose person nobody has spoken with or heard back from yet (a
        status that only follows a conversation counts as reached)."""
        return models.Q(status__in=Inquiry.UNREACHED_STATUSES, reached_at__isnull=True)

    @classmethod
    def waiting_q(cls) -> models.Q:
        """Inquiries whose clock still runs: urgent ones until the person is reached,
        routine ones until the first attempt (or until reached, as the center sets)."""
        if routine_waits_until_reached():
            return cls.awaiting_reach_q()
        return (
            models.Q(is_urgent=True) & cls.awaiting_reach_q()
            | models.Q(is_urgent=False) & cls.awaiting_attempt_q()
        )

    @staticmethod
    def received_before_q(now: datetime, delay_for) -> models.Q:
        """Received longer ago than `delay_for(is_urgent)`, which differs by urgency."""
        return models.Q(
            is_urgent=True, received_at__lte=now - delay_for(True)
        ) | models.Q(is_urgent=False, received_at__lte=now - delay_for(False))

    @classmethod
    def over_target_q(cls, now: datetime) -> models.Q:
        """Still waiting (see waiting_q) longer than their target."""
        return cls.waiting_q() & cls.received_before_q(now, first_contact_target)

    def not_spam(self):
        return self.exclude(status=Inquiry.Status.SPAM)

    def waiting(self):
        return self.filter(self.waiting_q())

    def over_target(self, now: datetime):
        return self.filter(self.over_target_q(now))

    def due_for_escalation(self, now: datetime, lost_after: timedelta):
        """Still waiting past their escalation delay, not escalated, and with no escalation
        task due within `lost_after` (a task that should have run by then was lost)."""
        return self.filter(
            self.waiting_q(),
            self.received_before_q(now, escalation_delay),
            models.Q(escalated_at__isnull=True),
            models.Q(escalation_due_at__isnull=True)
            | models.Q(escalation_due_at__lte=now - lost_after),
        )


class Inquiry(Case):
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

    class InsuranceAnswer(models.TextChoices):
        """What the form offers besides the staff-managed list of insurers."""

        OTHER = "other", "Other insurance"
        NONE = "none", "No insurance / paying privately"
        UNSURE = "unsure", "Not sure"

    # Statuses after which an inquiry needs no more work; closed_at starts its retention clock.
    CLOSED_STATUSES = [Status.ADMITTED, Status.REFERRED, Status.CLOSED, Status.SPAM]
    # The rest (a test checks that the two lists hold every status once), named rather
    # than "not closed" so that the status index finds them.
    OPEN_STATUSES = [Status.NEW, Status.CONTACTED, Status.ASSESSMENT_SCHEDULED]
    # Open statuses that say nothing about whether anybody got through ("Contacted" may
    # be a voicemail); an inquiry in one of these still waits to be reached. Assessment
    # scheduled can only follow a conversation.
    UNREACHED_STATUSES = [Status.NEW, Status.CONTACTED]
    # Moving an inquiry into one of these records that the person was reached.
    REACHED_STATUSES = [Status.ASSESSMENT_SCHEDULED, Status.ADMITTED]

    @classmethod
    def status_change_is_attempt(cls, old_status: str, new_status: str) -> bool:
        """Leaving New for anything but Spam is a first attempt: a counselor who moves it
        on has tried to reach the person."""
        return (
            old_status == cls.Status.NEW
            and new_status != old_status
            and new_status != cls.Status.SPAM
        )

    kind_name = "Inquiry"

    name = models.CharField(max_length=100)
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
    insurer = models.ForeignKey(
        "programs.Insurer",
        verbose_name="insurer",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The insurer chosen on the form, while it is on the list.",
    )
    insurance = models.CharField(
        "insurance provider",
        max_length=100,
        blank=True,
        help_text="The answer as it read when the form was sent.",
    )
    insurance_other = models.CharField("other insurance", max_length=100, blank=True)
    message = models.TextField(max_length=2000, blank=True)
    is_urgent = models.BooleanField(
        "urgent",
        default=False,
        help_text="Set automatically when the message mentions a crisis (suicide, overdose...).",
    )
    status = models.CharField(
        max_length=12, choices=Status.choices, default=Status.NEW, db_index=True
    )

    escalated_at = models.DateTimeField(
        "escalation sent at",
        null=True,
        blank=True,
        editable=False,
        help_text="When the escalation list was told that nobody had reached the person "
        "(or, for a routine inquiry, tried to) in time.",
    )
    escalation_due_at = models.DateTimeField(null=True, editable=False)
    escalation_attempts = models.PositiveSmallIntegerField(default=0, editable=False)

    # Filled by the site (attribution.py keeps only paths on this site), never typed.
    landing_page = models.CharField(
        "first page visited", max_length=300, blank=True, editable=False
    )
    referrer_host = models.CharField("referred by", max_length=255, blank=True)
    utm_source = models.CharField("UTM source", max_length=100, blank=True)
    utm_medium = models.CharField("UTM medium", max_length=100, blank=True)
    utm_campaign = models.CharField("UTM campaign", max_length=100, blank=True)
    utm_term = models.CharField("UTM term", max_length=100, blank=True)
    utm_content = models.CharField("UTM content", max_length=100, blank=True)
    campaign_page = models.CharField(
        "campaign landing page",
        max_length=300,
        blank=True,
        editable=False,
        help_text="The landing page with a campaign number that the visit went through.",
    )
    campaign_phone = models.CharField(
        "campaign number shown", max_length=40, blank=True, editable=False
    )

    objects = InquiryQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "inquiries"
        ordering = ["-received_at"]
        indexes = [
            models.Index(fields=["status", "-received_at"]),
            models.Index(fields=["closed_at"], name="inquiry_closed_at_idx"),
            # The sweep and the admin's warning banner look for these on every run.
            models.Index(
                fields=["received_at"],
                condition=models.Q(notified_at__isnull=True),
                name="inquiry_not_notified_idx",
            ),
            models.Index(
                fields=["received_at"],
                condition=models.Q(first_attempt_at__isnull=True, status="new"),
                name="inquiry_uncontacted_idx",
            ),
            models.Index(
                fields=["received_at"],
                condition=models.Q(
                    reached_at__isnull=True, status__in=["new", "contacted"]
                ),
                name="inquiry_unreached_idx",
            ),
            # The queue's search (InquiryAdmin.search): an email address or a phone
            # number finds its inquiries from an index; names, on PostgreSQL, from the
            # trigram index of migration 0010.
            models.Index(Upper("email"), name="inquiry_email_upper_idx"),
            # The queue's open inquiries in the order they came: without it the database
            # walks every closed one first, from the oldest (72 ms at 100,000).
            models.Index(
                fields=["received_at"],
                condition=models.Q(status__in=["new", "contacted", "assessment"]),
                name="inquiry_open_idx",
            ),
            models.Index(fields=["phone"], name="inquiry_phone_idx"),
            # The first-contact report (contact_report.figures_in_the_database) reads a
            # period's inquiries from this index alone, never visiting the table's rows:
            # visiting them took 20 of each of its queries' 35 ms at 100,000 inquiries.
            # SQLite has no INCLUDE; there it is an index of the arrival times.
            models.Index(
                fields=["received_at"],
                include=[
                    "status",
                    "is_urgent",
                    "first_attempt_at",
                    "first_attempt_by",
                    "reached_at",
                    "reached_by",
                ],
                name="inquiry_report_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(phone="", email=""),
                name="inquiry_has_a_way_to_reach",
            ),
        ]

    @property
    def contact_target(self) -> timedelta:
        return first_contact_target(self.is_urgent)

    @property
    def escalation_deadline(self) -> datetime:
        return self.received_at + escalation_delay(self.is_urgent)

    @property
    def waits_until_reached(self) -> bool:
        """Whether its clock runs until the person is reached, not just tried."""
        return self.is_urgent or routine_waits_until_reached()

    @property
    def is_awaiting_attempt(self) -> bool:
        return self.status == self.Status.NEW and self.first_attempt_at is None

    @property
    def is_awaiting_reach(self) -> bool:
        return self.status in self.UNREACHED_STATUSES and self.reached_at is None

    @property
    def is_waiting(self) -> bool:
        """The Python twin of InquiryQuerySet.waiting_q()."""
        if self.waits_until_reached:
            return self.is_awaiting_reach
        return self.is_awaiting_attempt

    @property
    def wait_ended_at(self) -> datetime | None:
        """The moment that stopped its clock: the reach, or the first attempt."""
        return self.reached_at if self.waits_until_reached else self.first_attempt_at

    def waited(self, now: datetime | None = None) -> timedelta:
        """Until the moment that stops its clock, or until now while it still waits."""
        end = self.wait_ended_at or now or timezone.now()
        return max(end - self.received_at, timedelta())

    @property
    def source(self) -> str:
        """Where the visitor came from, as marketing reads it: campaign source, referrer or direct."""
        return self.utm_source or self.referrer_host or "direct"


class InquiryNote(CaseNote):
    """A note on an inquiry, or a record of an attempt to reach the person."""

    case_field = "inquiry"

    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="notes")

    def __str__(self) -> str:
        # No time here: the admin shows this next to the note's own, zoned, time.
        what = "Note" if self.kind == self.Kind.NOTE else "Contact attempt"
        return f"{what} on {self.inquiry}"


class AccessLog(models.Model):
    """Who looked at or touched which inquiry, when, and from where. Written by our code only."""

    class Action(models.TextChoices):
        LIST = "list", "Listed"
        SEARCH = "search", "Searched"
        VIEW = "view", "Viewed"
        CHANGE = "change", "Changed"
        EXPORT = "export", "Exported"
        DELETE = "delete", "Deleted"
        VIEW_CARD = "view_card", "Viewed a card photo"

    class Subject(models.TextChoices):
        INQUIRY = "inquiry", "Inquiry"
        VERIFICATION = "insuranceverification", "Insurance verification"

    at = models.DateTimeField(default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    username = models.CharField(
        max_length=150, help_text="Kept even if the account is deleted."
    )
    action = models.CharField(max_length=10, choices=Action.choices)
    subject = models.CharField(
        "record", max_length=25, choices=Subject.choices, default=Subject.INQUIRY
    )
    # Not a foreign key: the entry must outlive the inquiry it records.
    inquiry_id = models.BigIntegerField(null=True, db_index=True)
    inquiry_reference = models.CharField(max_length=REFERENCE_LENGTH, blank=True)
    ip_address = models.GenericIPAddressField("from address", null=True)
    detail = models.CharField(max_length=300, blank=True)
    query = models.TextField(
        "search or filter",
        blank=True,
        help_text="What a list was searched for or filtered by, as staff typed it.",
    )
    references = models.JSONField(
        "inquiries shown",
        default=list,
        blank=True,
        help_text="The reference numbers on the list page that was shown.",
    )
    # A search is sent by POST and recorded here; the list's URL carries only this token.
    search_token = models.CharField(
        max_length=43, null=True, blank=True, unique=True, editable=False
    )

    class Meta:
        verbose_name = "access log entry"
        verbose_name_plural = "access log"
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        noun = (
            "verification" if self.subject == self.Subject.VERIFICATION else "inquiry"
        )
        target = (
            f"{noun} {self.inquiry_reference}"
            if self.inquiry_reference
            else f"{noun} list"
        )
        return (
            f"{self.username or 'system'} {self.get_action_display().lower()} {target}"
        )


class FirstContactReport(Inquiry):
    """Speed to first contact, per week and per staff member, and outcomes; no personal data.

    A proxy, like AttributionReport, for a view permission of its own.
    """

    class Meta:
        proxy = True
        verbose_name = "first-contact report"
        verbose_name_plural = "first-contact report"
        default_permissions = ("view",)


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


def record_access(
    request, action: str, inquiries=(), detail: str = "", **fields
) -> list[AccessLog]:
    """Write one access-log row per inquiry or verification (or one row with neither, for
    a list view).

    `fields` fills the list's columns: `query` (the search or filter) and `references`,
    and `subject` for a list of verifications.
    """
    from .client import client_ip

    user = request.user if request.user.is_authenticated else None
    common = {
        "user": user,
        "username": user.get_username() if user else "",
        "action": action,
        "ip_address": client_ip(request),
        "detail": detail[:300],
        **fields,
    }
    rows = [
        AccessLog(
            inquiry_id=record.pk,
            inquiry_reference=record.reference,
            **{"subject": record._meta.model_name, **common},
        )
        for record in inquiries
    ] or [AccessLog(**common)]
    return AccessLog.objects.bulk_create(rows)
