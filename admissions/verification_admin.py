"""Insurance verifications in the admin: a queue beside the inquiries', worked the same way
(status, assignee, notes, access log), with a "coverage found" outcome and benefits notes.

Card photos are decrypted only in `card_view`, for staff who may view the verification;
every showing is written to the access log and sent with `no-store`.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Case, IntegerField, Value, When
from django.http import Http404, HttpResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.decorators import method_decorator
from django.utils.html import format_html, format_html_join
from django.views.decorators.debug import sensitive_post_parameters

from .display import (
    duration_words,
    local_time,
    local_time_and_age,
    short_local_time,
    staff_name,
)
from .encryption import decrypt
from .models import AccessLog, InsuranceVerification, VerificationNote, record_access
from .reach import contact_links
from .staff_admin import AssignedToAdmissionsStaff, reach_links

Action = AccessLog.Action
CARD_SIDES = {"front": "card_front", "back": "card_back"}


class NewVerificationNoteInline(admin.StackedInline):
    """One empty note to add; notes already written are listed above it, never edited."""

    model = VerificationNote
    fields = ["body"]
    verbose_name = "note"
    verbose_name_plural = "add a note"
    extra = 1
    max_num = 1
    can_delete = False
    formfield_overrides = {
        VerificationNote._meta.get_field("body").__class__: {
            "widget": forms.Textarea(attrs={"rows": 3}),
            "required": False,
        }
    }

    def get_queryset(self, request):
        return super().get_queryset(request).none()

    def has_change_permission(self, request, obj=None):
        return False


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
class InsuranceVerificationAdmin(AssignedToAdmissionsStaff, admin.ModelAdmin):
    list_display = [
        "waiting",
        "person",
        "insurer_name",
        "reach",
        "status",
        "assignee",
    ]
    list_display_links = ["person"]
    list_filter = [VerificationStatusFilter]
    list_select_related = ["assigned_to", "inquiry"]
    list_per_page = 50
    show_full_result_count = False
    actions = ["assign_to_me"]
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
        ("Contact", {"fields": ["reach_display", "linked_inquiry"]}),
        (
            "Work",
            {"fields": ["status", "assigned_to", "benefits_notes", "notes_display"]},
        ),
        ("Record", {"fields": ["reference", "received_display", "consented_display"]}),
    ]

    class Media:
        css = {"all": ["admissions/admin/queue.css"]}

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

    @admin.display(description="reach them")
    def reach(self, verification):
        return reach_links(verification)

    @admin.display(description="assigned to", ordering="assigned_to__first_name")
    def assignee(self, verification):
        return staff_name(verification.assigned_to) or "-"

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

    @admin.display(description="received")
    def received_display(self, verification):
        return local_time_and_age(verification.received_at)

    @admin.display(description="agreed to the privacy policy")
    def consented_display(self, verification):
        return local_time(verification.consented_at) or "-"

    @admin.display(description="patient")
    def patient_display(self, verification):
        if verification.is_holder_the_patient:
            return "The policy holder"
        born = verification.patient_birth_date
        return f"{verification.patient_name}, born {born:%B} {born.day}, {born.year}"

    @admin.display(description="reach them")
    def reach_display(self, verification):
        return self.reach(verification) if contact_links(verification) else "-"

    @admin.display(description="card photos")
    def card_photos(self, verification):
        shown = [
            (
                reverse(
                    "admin:admissions_insuranceverification_card",
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

    @admin.display(description="notes")
    def notes_display(self, verification):
        notes = list(verification.notes.select_related("author"))
        if not notes:
            return "No notes yet"
        return format_html(
            '<ol class="verification-notes">{}</ol>',
            format_html_join(
                "",
                "<li><strong>{}</strong> · {}<br>{}</li>",
                (
                    (
                        staff_name(note.author) or "someone",
                        local_time(note.created_at),
                        note.body,
                    )
                    for note in notes
                ),
            ),
        )

    def get_ordering(self, request):
        # Open ones first, the longest waiting first; then the rest, newest first.
        closed_last = Case(
            When(status__in=InsuranceVerification.CLOSED_STATUSES, then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
        return [closed_last.asc(), "received_at"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def get_urls(self):
        return [
            path(
                "<path:object_id>/card/<str:side>/",
                self.admin_site.admin_view(self.card_view),
                name="admissions_insuranceverification_card",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        context = {
            "title": "Insurance verifications",
            # The queue needs the whole width of a tablet, as the inquiries' does.
            "is_nav_sidebar_enabled": False,
            **(extra_context or {}),
        }
        response = super().changelist_view(request, context)
        changelist = (getattr(response, "context_data", None) or {}).get("cl")
        if changelist is not None:
            shown = [item.reference for item in changelist.result_list]
            record_access(
                request,
                Action.LIST,
                detail=f"{len(shown)} verifications shown",
                query="; ".join(f"{k}={v}" for k, v in request.GET.items()) or "all",
                references=shown,
                subject=AccessLog.Subject.VERIFICATION,
            )
        return response

    @method_decorator(sensitive_post_parameters())
    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        response = super().changeform_view(request, object_id, form_url, extra_context)
        if object_id and response.status_code == 200:
            shown = (getattr(response, "context_data", None) or {}).get("original")
            if shown is not None:
                record_access(request, Action.VIEW, [shown])
        return response

    def history_view(self, request, object_id, extra_context=None):
        response = super().history_view(request, object_id, extra_context)
        shown = (getattr(response, "context_data", None) or {}).get("object")
        if response.status_code == 200 and shown is not None:
            record_access(request, Action.VIEW, [shown], detail="history")
        return response

    def delete_model(self, request, obj):
        record_access(request, Action.DELETE, [obj], detail="deleted by hand")
        super().delete_model(request, obj)

    def log_change(self, request, obj, message):
        fields = [
            name
            for entry in message or []
            for name in entry.get("changed", {}).get("fields", [])
        ]
        detail = "changed " + ", ".join(fields) if fields else "saved"
        record_access(request, Action.CHANGE, [obj], detail=detail)
        return super().log_change(request, obj, message)

    def save_model(self, request, obj, form, change):
        if change:
            changed = [name for name in form.changed_data if name in form.fields]
            if changed:
                obj.save(update_fields=[*changed, "updated_at"])
            return
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        for note in formset.save(commit=False):
            if not note.body.strip():
                continue
            note.author = request.user
            note.save()

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
        record_access(request, Action.VIEW_CARD, [verification], detail=f"card {side}")
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

    @admin.action(
        description="Assign the selected verifications to me", permissions=["change"]
    )
    def assign_to_me(self, request, queryset):
        items = list(queryset)
        InsuranceVerification.objects.filter(pk__in=[v.pk for v in items]).update(
            assigned_to=request.user
        )
        record_access(request, Action.CHANGE, items, detail="assigned to me")
        self.message_user(
            request, f"{len(items)} verifications assigned to you.", messages.SUCCESS
        )
