"""What every kind of case admissions staff work shares: an inquiry, an insurance
verification, and whatever kind a center adds next (a professional referral, a callback
request) is a small class on these.

A case arrives from a public form with a reference read over the phone, a form key that
makes a resent form the same case, and a way to reach the person. Staff work it through
its statuses with an assignee and notes; it closes, and the retention purge deletes it a
while after. Every look at one is written to the access log (admissions/models.py).

Each kind registers itself (`register`) in its app's `AppConfig.ready()` with how staff
are told about a new one, so the sweep (`notify_pending_inquiries`) and the purge
(`purge_inquiries`) work every kind without naming any.
"""

import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.urls import reverse
from django.utils import timezone

# Unambiguous characters only (no 0/O, 1/I), so a reference reads well over the phone.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
REFERENCE_LENGTH = 8


def new_reference() -> str:
    return "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))


class CaseQuerySet(models.QuerySet):
    def open(self):
        """Cases that still need work."""
        return self.exclude(status__in=self.model.CLOSED_STATUSES)

    def closed_before(self, moment):
        return self.filter(
            status__in=self.model.CLOSED_STATUSES,
            closed_at__isnull=False,
            closed_at__lt=moment,
        )

    def awaiting_notification(self, older_than):
        """Cases whose notification should have gone out before `older_than` but has not."""
        return self.filter(
            notified_at__isnull=True,
            received_at__lte=older_than,
        ).filter(
            models.Q(notification_due_at__isnull=True)
            | models.Q(notification_due_at__lte=older_than)
        )


class Case(models.Model):
    """One request from the public that admissions staff work until it is closed.

    `closed_at` follows `status`: set when the case enters one of CLOSED_STATUSES (the
    retention clock starts), cleared when it is reopened. Its string names the kind and
    the reference, never the person: it lands in the admin's history and messages.
    """

    # Each kind declares its own `Status` choices and which of them close a case.
    CLOSED_STATUSES: list = []
    # "Inquiry", "Verification": how staff say the kind before a reference.
    kind_name = ""
    # Moving a case into one of these records that the person was reached (first contact,
    # admissions/contact.py); a kind whose statuses say nothing about contact has none.
    REACHED_STATUSES: list = []

    reference = models.CharField(
        max_length=REFERENCE_LENGTH, unique=True, default=new_reference, editable=False
    )
    submission_token = models.UUIDField(
        unique=True,
        default=uuid.uuid4,
        editable=False,
        help_text="Issued with the form; a second post with the same token is the same request.",
    )
    received_at = models.DateTimeField(
        default=timezone.now, db_index=True, editable=False
    )
    phone = models.CharField(
        max_length=20, blank=True, help_text="Stored as +15551234567."
    )
    email = models.EmailField(max_length=254, blank=True)
    consented_at = models.DateTimeField(
        "agreed to the privacy policy at", null=True, editable=False
    )
    form_page = models.CharField(
        "form sent from", max_length=300, blank=True, editable=False
    )

    status = models.CharField(max_length=12, default="new", db_index=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="assigned to",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"is_staff": True, "is_active": True},
    )
    closed_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="When it reached a final status; retention counts from here.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    first_attempt_at = models.DateTimeField(
        "first attempt at",
        null=True,
        blank=True,
        editable=False,
        help_text="The first logged call, text, email or voicemail (for an inquiry, also "
        "the first status change away from New), whether or not it got through.",
    )
    first_attempt_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="first attempt by",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reached_at = models.DateTimeField(
        "reached at",
        null=True,
        blank=True,
        editable=False,
        help_text="The first time somebody spoke with the person or heard back from them.",
    )
    reached_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="reached by",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    # The new-case email to ADMISSIONS_NOTIFY_EMAILS (admissions/notifications.py).
    notified_at = models.DateTimeField("staff notified at", null=True, editable=False)
    notification_due_at = models.DateTimeField(null=True, editable=False)
    notification_attempts = models.PositiveSmallIntegerField(default=0, editable=False)

    objects = CaseQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["-received_at"]

    def __str__(self) -> str:
        return f"{self.kind_name} {self.reference}"

    def save(self, *args, **kwargs):
        if self.status in self.CLOSED_STATUSES:
            self.closed_at = self.closed_at or timezone.now()
        else:
            self.closed_at = None
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "closed_at"}
        super().save(*args, **kwargs)

    @classmethod
    def status_change_is_attempt(cls, old_status: str, new_status: str) -> bool:
        """Whether this change of status is itself an attempt to reach the person: by
        default no, only a logged call, text or email is."""
        return False

    def get_admin_url(self) -> str:
        opts = self._meta
        return reverse(
            f"admin:{opts.app_label}_{opts.model_name}_change", args=[self.pk]
        )


class CaseNote(models.Model):
    """A timestamped note by a staff member on a case, or a record of an attempt to reach
    the person; notes are added, never edited. Each kind adds the foreign key to its case,
    with `related_name="notes"`, and names it in `case_field`."""

    class Kind(models.TextChoices):
        NOTE = "note", "Note only"
        SPOKE = "spoke", "Called: spoke with them"
        REPLIED = "replied", "They called, texted or emailed back"
        NO_ANSWER = "no_answer", "Called: no answer"
        VOICEMAIL = "voicemail", "Called: left voicemail"
        TEXT = "text", "Sent a text"
        EMAIL = "email", "Sent an email"

    # Outcomes in which somebody actually spoke with the person or heard from them.
    REACHED_KINDS = [Kind.SPOKE, Kind.REPLIED]

    case_field = ""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, editable=False
    )
    kind = models.CharField(
        "contact attempt",
        max_length=10,
        choices=Kind.choices,
        default=Kind.NOTE,
        help_text="Choose the attempt you made, or that they got back to you.",
    )
    body = models.TextField("note", max_length=4000, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        abstract = True
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="note", body=""),
                name="%(class)s_note_has_text",
                violation_error_message=(
                    "Write the note, or choose the contact attempt you made."
                ),
            ),
        ]

    @property
    def case(self) -> Case:
        return getattr(self, self.case_field)

    @property
    def is_empty(self) -> bool:
        """Says nothing: not kept."""
        return not self.is_contact_attempt and not self.body.strip()

    @property
    def is_contact_attempt(self) -> bool:
        return self.kind != self.Kind.NOTE

    @property
    def reached_them(self) -> bool:
        return self.kind in self.REACHED_KINDS


@dataclass(frozen=True)
class CaseKind:
    model: type[Case]
    # Queues the new-case email for the case with this id.
    notify: Callable[[int], object]


_kinds: dict[str, CaseKind] = {}


def register(model: type[Case], *, notify: Callable[[int], object]) -> None:
    _kinds[model._meta.label] = CaseKind(model, notify)


def kinds() -> tuple[CaseKind, ...]:
    return tuple(_kinds.values())


def kind_of(model: type[Case]) -> CaseKind:
    return _kinds[model._meta.label]


class FormKeyUsed(Exception):
    """The form key already made a case, with other details: a key works once."""


def find_submission(model: type[Case], form, identity_fields) -> Case | None:
    """The case this very form already made (a double click, a resent page), if any.

    Raises FormKeyUsed when its key made a case with other details: what makes a resent
    form the same request are the `identity_fields`.
    """
    existing = model.objects.filter(submission_token=form.submission_token).first()
    if existing is None:
        return None
    data = form.cleaned_data
    if not all(
        getattr(existing, name) == data.get(name, "") for name in identity_fields
    ):
        raise FormKeyUsed
    return existing


def insert_case(case: Case, form, identity_fields, *, also=None) -> Case:
    """Store `case`, made from the valid `form`, in one transaction with what `also(case)`
    does, and queue the new-case email once it has committed.

    When another post with the same form key was stored first (two clicks racing), that
    one is returned instead; FormKeyUsed when it holds other details.
    """
    notify = kind_of(type(case)).notify
    try:
        with transaction.atomic():
            case.save(force_insert=True)
            if also is not None:
                also(case)
            case_id = case.pk
            # A lambda, not functools.partial: when a robust hook fails Django logs its
            # __qualname__, which a partial lacks (an AttributeError, so a 500 for a stored
            # case, whenever the database went away right after the commit). Robust: a
            # queue failure is logged and left to the sweep, never shown to the visitor.
            transaction.on_commit(lambda: notify(case_id), robust=True)
    except IntegrityError:
        existing = find_submission(type(case), form, identity_fields)
        if existing is None:
            raise
        return existing
    return case
