"""Triage of inquiries for the admissions group, with every look at one written to AccessLog.

Marketing staff hold no permission on inquiries, so the admin shows them no menu entry and
answers 403 on every inquiry URL. They hold only the sources report's permission.
"""

import csv
from datetime import datetime

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Case, Count, F, Q, Value, When
from django.db.models.functions import Coalesce, Now, TruncMonth
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.decorators.debug import sensitive_post_parameters

from .attribution import UTM_FIELDS
from .forms import normalize_phone
from .models import AccessLog, AttributionReport, Inquiry, InquiryNote, record_access
from .text import spreadsheet_safe

ATTRIBUTION_FIELDS = ["landing_page", "form_page", "referrer_host", *UTM_FIELDS]

Action = AccessLog.Action


class NoteHistoryInline(admin.TabularInline):
    """Notes already written: shown, never edited."""

    model = InquiryNote
    verbose_name_plural = "notes"
    fields = ["created_at", "author", "body"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class NewNoteInline(admin.StackedInline):
    """One empty note to add; the author and time are filled in on save."""

    model = InquiryNote
    verbose_name = "new note"
    verbose_name_plural = "add a note"
    fields = ["body"]
    extra = 1
    max_num = 1
    can_delete = False

    def get_queryset(self, request):
        return super().get_queryset(request).none()

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Inquiry)
class InquiryAdmin(admin.ModelAdmin):
    list_display = [
        "received_at",
        "reference",
        "name",
        "contact",
        "program_label",
        "status",
        "urgency",
        "assigned_to",
    ]
    list_display_links = ["received_at", "reference"]
    list_filter = [
        "status",
        "is_urgent",
        ("assigned_to", admin.RelatedOnlyFieldListFilter),
        "for_whom",
        "contact_method",
    ]
    list_select_related = ["assigned_to"]
    list_per_page = 50
    # Search terms travel in URLs and logs: reference numbers and contact details only.
    search_fields = ["=reference", "name", "=phone", "=email"]
    search_help_text = (
        "Search by reference number, name, phone number or email address."
    )
    date_hierarchy = "received_at"
    actions = ["export_as_csv", "mark_as_spam", "assign_to_me"]
    inlines = [NoteHistoryInline, NewNoteInline]
    autocomplete_fields = []
    readonly_fields = [
        "reference",
        "received_at",
        "name",
        "phone_display",
        "email",
        "contact_method",
        "contact_time",
        "for_whom",
        "substances_display",
        "substance_other",
        "program_label",
        "insurance",
        "insurance_other",
        "message",
        "consented_at",
        "notified_at",
        "closed_at",
        *ATTRIBUTION_FIELDS,
    ]
    fieldsets = [
        ("Triage", {"fields": ["status", "assigned_to", "is_urgent"]}),
        (
            "Contact",
            {
                "fields": [
                    "name",
                    "phone_display",
                    "email",
                    "contact_method",
                    "contact_time",
                ]
            },
        ),
        (
            "Request",
            {
                "fields": [
                    "for_whom",
                    "substances_display",
                    "substance_other",
                    "program_label",
                    "insurance",
                    "insurance_other",
                    "message",
                ]
            },
        ),
        (
            "Record",
            {
                "fields": [
                    "reference",
                    "received_at",
                    "consented_at",
                    "notified_at",
                    "closed_at",
                ]
            },
        ),
        (
            "Where they came from",
            {
                "classes": ["collapse"],
                "fields": ATTRIBUTION_FIELDS,
            },
        ),
    ]

    @admin.display(description="contact")
    def contact(self, inquiry):
        return _phone_for_people(inquiry.phone) or inquiry.email

    @admin.display(description="urgent", boolean=True, ordering="is_urgent")
    def urgency(self, inquiry):
        return inquiry.is_urgent

    @admin.display(description="phone")
    def phone_display(self, inquiry):
        return _phone_for_people(inquiry.phone)

    @admin.display(description="substances of concern")
    def substances_display(self, inquiry):
        return ", ".join(str(name) for name in inquiry.substances) or "-"

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "assigned_to":
            kwargs["queryset"] = (
                db_field.remote_field.model.objects.filter(
                    is_staff=True, is_active=True
                )
                .filter(Q(is_superuser=True) | Q(groups__name="Admissions"))
                .distinct()
                .order_by("first_name", "username")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_search_results(self, request, queryset, search_term):
        results, may_have_duplicates = super().get_search_results(
            request, queryset, search_term
        )
        # "(828) 555-0142" finds the stored +18285550142.
        try:
            phone = normalize_phone(search_term)
        except ValueError:
            return results, may_have_duplicates
        return results | queryset.filter(phone=phone), may_have_duplicates

    def has_add_permission(self, request):
        # Inquiries come from the public form only.
        return False

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    # The access log: every list, view, change, export and deletion.

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        changelist = getattr(response, "context_data", {}) or {}
        changelist = changelist.get("cl")
        if changelist is not None and request.method == "GET":
            shown = len(changelist.result_list)
            record_access(request, Action.LIST, detail=f"{shown} shown")
        return response

    @method_decorator(sensitive_post_parameters())
    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        response = super().changeform_view(request, object_id, form_url, extra_context)
        if object_id and response.status_code == 200:
            inquiry = response.context_data.get("original")
            if inquiry is not None:
                record_access(request, Action.VIEW, [inquiry])
        return response

    def history_view(self, request, object_id, extra_context=None):
        response = super().history_view(request, object_id, extra_context)
        inquiry = getattr(response, "context_data", {}).get("object")
        if response.status_code == 200 and inquiry is not None:
            record_access(request, Action.VIEW, [inquiry], detail="history")
        return response

    def log_change(self, request, obj, message):
        record_access(request, Action.CHANGE, [obj], detail=_describe_change(message))
        return super().log_change(request, obj, message)

    def log_deletions(self, request, queryset):
        record_access(request, Action.DELETE, list(queryset))
        return super().log_deletions(request, queryset)

    def save_formset(self, request, form, formset, change):
        notes = formset.save(commit=False)
        for note in notes:
            note.author = request.user
            note.save()
        formset.save_m2m()

    @admin.action(
        description="Export the selected inquiries as CSV", permissions=["view"]
    )
    def export_as_csv(self, request, queryset):
        inquiries = list(queryset.select_related("assigned_to").order_by("received_at"))
        record_access(request, Action.EXPORT, inquiries)
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        stamp = timezone.localtime().strftime("%Y-%m-%d-%H%M")
        response["Content-Disposition"] = (
            f'attachment; filename="inquiries-{stamp}.csv"'
        )
        response.write("\ufeff")  # so spreadsheet programs read the file as UTF-8
        writer = csv.writer(response)
        writer.writerow([label for label, _ in CSV_COLUMNS])
        for inquiry in inquiries:
            writer.writerow(
                [spreadsheet_safe(value(inquiry)) for _, value in CSV_COLUMNS]
            )
        return response

    @admin.action(
        description="Mark the selected inquiries as spam", permissions=["change"]
    )
    def mark_as_spam(self, request, queryset):
        inquiries = list(queryset.exclude(status=Inquiry.Status.SPAM))
        Inquiry.objects.filter(pk__in=[inquiry.pk for inquiry in inquiries]).update(
            status=Inquiry.Status.SPAM,
            closed_at=Coalesce(F("closed_at"), Now()),
            updated_at=Now(),
        )
        record_access(request, Action.CHANGE, inquiries, detail="marked as spam")
        self.message_user(
            request, f"{len(inquiries)} inquiries marked as spam.", messages.SUCCESS
        )

    @admin.action(
        description="Assign the selected inquiries to me", permissions=["change"]
    )
    def assign_to_me(self, request, queryset):
        inquiries = list(queryset)
        Inquiry.objects.filter(pk__in=[inquiry.pk for inquiry in inquiries]).update(
            assigned_to=request.user, updated_at=Now()
        )
        record_access(request, Action.CHANGE, inquiries, detail="assigned to me")
        self.message_user(
            request, f"{len(inquiries)} inquiries assigned to you.", messages.SUCCESS
        )


def _phone_for_people(phone: str) -> str:
    import phonenumbers

    if not phone:
        return ""
    try:
        number = phonenumbers.parse(phone, None)
    except phonenumbers.NumberParseException:
        return phone
    return phonenumbers.format_number(
        number,
        phonenumbers.PhoneNumberFormat.NATIONAL
        if number.country_code == 1
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL,
    )


def _describe_change(message) -> str:
    """The admin's change message as field names only (never the values)."""
    parts = []
    for entry in message or []:
        if "changed" in entry:
            parts.append("changed " + ", ".join(entry["changed"].get("fields", [])))
        elif "added" in entry:
            parts.append(f"added {entry['added'].get('name', 'item')}")
        elif "deleted" in entry:
            parts.append(f"deleted {entry['deleted'].get('name', 'item')}")
    return "; ".join(parts) or "saved without changes"


CSV_COLUMNS = [
    ("reference", lambda i: i.reference),
    (
        "received",
        lambda i: timezone.localtime(i.received_at).strftime("%Y-%m-%d %H:%M"),
    ),
    ("status", lambda i: i.get_status_display()),
    ("urgent", lambda i: "yes" if i.is_urgent else "no"),
    ("assigned to", lambda i: i.assigned_to.get_username() if i.assigned_to else ""),
    ("name", lambda i: i.name),
    ("phone", lambda i: i.phone),
    ("email", lambda i: i.email),
    ("preferred contact", lambda i: i.get_contact_method_display()),
    ("best time", lambda i: i.get_contact_time_display()),
    ("inquiring for", lambda i: i.get_for_whom_display()),
    ("substances", lambda i: ", ".join(str(name) for name in i.substances)),
    ("other substance", lambda i: i.substance_other),
    ("program", lambda i: i.program_label),
    ("insurance", lambda i: i.get_insurance_display()),
    ("other insurance", lambda i: i.insurance_other),
    ("message", lambda i: i.message),
    ("landing page", lambda i: i.landing_page),
    ("form page", lambda i: i.form_page),
    ("referred by", lambda i: i.referrer_host),
    ("utm source", lambda i: i.utm_source),
    ("utm medium", lambda i: i.utm_medium),
    ("utm campaign", lambda i: i.utm_campaign),
]


@admin.register(AccessLog)
class AccessLogAdmin(admin.ModelAdmin):
    list_display = [
        "at",
        "username",
        "action",
        "inquiry_reference",
        "ip_address",
        "detail",
    ]
    list_filter = ["action"]
    search_fields = ["=inquiry_reference", "=username"]
    date_hierarchy = "at"
    list_per_page = 100

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AttributionReport)
class AttributionReportAdmin(admin.ModelAdmin):
    """Counts by landing page, source and month; no inquiry, name or contact is ever shown."""

    PERIODS = {
        3: "the last 3 months",
        6: "the last 6 months",
        12: "the last 12 months",
        24: "the last 24 months",
    }
    DEFAULT_PERIOD = 12
    TOP = 25

    def get_urls(self):
        # Only the report: the usual change and delete views would show single inquiries.
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "",
                self.admin_site.admin_view(self.report_view),
                name=f"{info[0]}_{info[1]}_changelist",
            )
        ]

    def has_view_permission(self, request, obj=None):
        return obj is None and request.user.has_perm(
            "admissions.view_attributionreport"
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def report_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        try:
            months = int(request.GET.get("months", self.DEFAULT_PERIOD))
        except ValueError:
            months = self.DEFAULT_PERIOD
        if months not in self.PERIODS:
            months = self.DEFAULT_PERIOD
        inquiries = attribution_queryset(months)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Where inquiries come from",
            "periods": self.PERIODS.items(),
            "months": months,
            "period_label": self.PERIODS[months],
            "total": inquiries.count(),
            "by_landing_page": list(
                inquiries.values("landing_page")
                .annotate(count=Count("pk"))
                .order_by("-count", "landing_page")[: self.TOP]
            ),
            "by_source": list(
                inquiries.annotate(source=SOURCE)
                .values("source")
                .annotate(count=Count("pk"))
                .order_by("-count", "source")[: self.TOP]
            ),
            "by_month": list(
                inquiries.annotate(month=TruncMonth("received_at"))
                .values("month")
                .annotate(count=Count("pk"))
                .order_by("-month")
            ),
        }
        return TemplateResponse(
            request, "admin/admissions/attribution_report.html", context
        )


# The source marketing reads: the campaign's utm_source, else the referring site, else direct.
SOURCE = Case(
    When(~Q(utm_source=""), then=F("utm_source")),
    When(~Q(referrer_host=""), then=F("referrer_host")),
    default=Value("direct"),
)


def attribution_queryset(months: int):
    """Inquiries other than spam received in this month and the `months - 1` before it."""
    today = timezone.localdate()
    year, month = divmod(today.year * 12 + today.month - 1 - (months - 1), 12)
    since = timezone.make_aware(datetime(year, month + 1, 1))
    return Inquiry.objects.not_spam().filter(received_at__gte=since).order_by()
