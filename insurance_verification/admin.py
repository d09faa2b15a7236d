"""Insurance verifications in the admin: a queue beside the inquiries', worked the same way
(admissions/case_admin.py), with a "coverage found" outcome and benefits notes.

Card photos are decrypted only in `card_view`, for staff who may view the verification;
every showing is written to the access log and sent with `no-store`.
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.html import format_html, format_html_join

from admissions.case_admin import CaseAdmin, NewNoteInline
from admissions.display import duration_words, local_time, short_local_time, staff_name
from admissions.models import AccessLog, record_access
from admissions.reach import contact_links

from .encryption import decrypt
from .models import InsuranceVerification, VerificationNote

CARD_SIDES = {"front": "card_front", "back": "card_back"}


class NewVerificationNoteInline(NewNoteInline):
    model = VerificationNote


class VerificationStatusFilter(admin.SimpleListFilter):
    title = "status"
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [("open", "Open"), *InsuranceVerification.Status.choices]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "open":
            return queryset.open()
        if value in InsuranceVerification.Status.values:
            return queryset.filter(status=value)
        return queryset


@admin.register(InsuranceVerification)
class InsuranceVerificationAdmin(CaseAdmin):
    queue_title = "Insurance verifications"
    list_display = [
        "waiting",
        "person",
        "insurer_name",
        "reach",
        "status",
        "assignee",
    ]
    list_filter = [VerificationStatusFilter]
    list_select_related = ["assigned_to", "inquiry"]
    inlines = [NewVerificationNoteInline]
    readonly_fields = [
        "reference",
        "received_display",
        "insurer_name",
        "member_id",
        "group_number",
        "holder_name",
        "relationship",
        "holder_birth_date",
        "patient_display",
        "card_photos",
        "reach_display",
        "consented_display",
        "linked_inquiry",
        "first_contact",
        "notes_display",
    ]
    fieldsets = [
        (
            "Insurance",
            {
                "fields": [
                    "insurer_name",
                    "member_id",
                    "group_number",
                    "holder_name",
                    "relationship",
                    "holder_birth_date",
                    "patient_display",
                    "card_photos",
                ]
            },
        ),
        ("Contact", {"fields": ["reach_display", "first_contact", "linked_inquiry"]}),
        (
            "Work",
            {"fields": ["status", "assigned_to", "benefits_notes", "notes_display"]},
        ),
        ("Record", {"fields": ["reference", "received_display", "consented_display"]}),
    ]

    # The list.

    @admin.display(description="waiting", ordering="received_at")
    def waiting(self, verification):
        if verification.closed_at:
            return format_html(
                '<span class="quiet">closed</span><span class="since">{}</span>',
                short_local_time(verification.closed_at),
            )
        return format_html(
            '<span class="wait">{}</span><span class="since">since {}</span>',
            duration_words(timezone.now() - verification.received_at),
            short_local_time(verification.received_at),
        )

    @admin.display(description="policy holder", ordering="holder_name")
    def person(self, verification):
        linked = (
            format_html(" · inquiry {}", verification.inquiry.reference)
            if verification.inquiry_id
            else ""
        )
        return format_html(
            '<span class="person-name">{}</span> <span class="reference">{}{}</span>',
            verification.holder_name,
            verification.reference,
            linked,
        )

    @admin.display(description="inquiry")
    def linked_inquiry(self, verification):
        if not verification.inquiry_id:
            return "-"
        return format_html(
            '<a href="{}">{}</a>',
            verification.inquiry.get_admin_url(),
            verification.inquiry.reference,
        )

    # The page.

    @admin.display(description="patient")
    def patient_display(self, verification):
        if verification.is_holder_the_patient:
            return "The policy holder"
        born = verification.patient_birth_date
        name = verification.patient_name or "Name not given"
        if born is None:
            return f"{name}, date of birth not given"
        return f"{name}, born {born:%B} {born.day}, {born.year}"

    @admin.display(description="reach them")
    def reach_display(self, verification):
        return self.reach(verification) if contact_links(verification) else "-"

    @admin.display(description="card photos")
    def card_photos(self, verification):
        shown = [
            (
                reverse(
                    "admin:insurance_verification_insuranceverification_card",
                    args=[verification.pk, side],
                ),
                f"Insurance card, {side}",
            )
            for side, field in CARD_SIDES.items()
            if getattr(verification, field)
        ]
        if not shown:
            return "No photos sent"
        return format_html_join(
            "",
            '<a class="card-photo" href="{0}" target="_blank" rel="noopener">'
            '<img src="{0}" alt="{1}" width="320"></a>',
            shown,
        )

    @admin.display(description="first contact")
    def first_contact(self, verification):
        """When somebody first tried to reach the family, and first got through."""

        def moment(at, by) -> str:
            return f"{local_time(at)} by {staff_name(by) or 'someone'}" if at else ""

        attempt = moment(verification.first_attempt_at, verification.first_attempt_by)
        reached = moment(verification.reached_at, verification.reached_by)
        return format_html(
            "First attempt: {}<br>Reached: {}",
            attempt or "not yet",
            reached or "not yet",
        )

    @admin.display(description="notes")
    def notes_display(self, verification):
        notes = list(verification.notes.select_related("author"))
        if not notes:
            return "No notes yet"
        return format_html(
            '<ol class="verification-notes">{}</ol>',
            format_html_join(
                "",
                "<li><strong>{}</strong> · {}{}<br>{}</li>",
                (
                    (
                        staff_name(note.author) or "someone",
                        local_time(note.created_at),
                        f" · {note.get_kind_display()}"
                        if note.is_contact_attempt
                        else "",
                        note.body,
                    )
                    for note in notes
                ),
            ),
        )

    def get_urls(self):
        return [
            path(
                "<path:object_id>/card/<str:side>/",
                self.admin_site.admin_view(self.card_view),
                name="insurance_verification_insuranceverification_card",
            ),
            *super().get_urls(),
        ]

    def card_view(self, request, object_id, side):
        """One card photo, decrypted for staff who may view the verification; logged."""
        verification = self.get_object(request, unquote(object_id))
        if verification is None or side not in CARD_SIDES:
            raise Http404("No such card photo.")
        if not self.has_view_or_change_permission(request, verification):
            raise PermissionDenied
        card = getattr(verification, CARD_SIDES[side])
        if not card:
            raise Http404("No such card photo.")
        record_access(
            request, AccessLog.Action.VIEW_CARD, [verification], detail=f"card {side}"
        )
        try:
            with card.open("rb") as stored:
                content = decrypt(stored.read())
        except OSError:
            messages.error(request, "The card photo could not be read from storage.")
            raise Http404("The card photo could not be read.") from None
        response = HttpResponse(content, content_type="image/jpeg")
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
        response["Content-Disposition"] = "inline"
        response["X-Content-Type-Options"] = "nosniff"
        return response
