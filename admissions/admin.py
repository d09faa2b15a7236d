"""The admissions queue and inquiry pages, with every look at an inquiry written to AccessLog.

Marketing staff hold no permission on inquiries, so the admin shows them no menu entry and
answers 403 on every inquiry URL. They hold only the sources report's permission.

Nothing personal ever travels in a URL here: searches are posted and the list carries an
opaque token (admissions/queue.py); saved views, filters and references are not personal.
"""

import csv
from collections import Counter
from contextlib import suppress
from datetime import datetime
from functools import reduce
from operator import and_

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Case, Count, F, Q, Value, When
from django.db.models.functions import Coalesce, Now, TruncMonth
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.html import format_html, format_html_join
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import mark_safe
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from editing.admin_filters import DateWithYearsListFilter
from editing.admin_rows import QuickHiddenInput, QuickSelect
from rehab_site.database import KeysFirstPaginator

from . import contact_report  # noqa: F401 (registers the first-contact report)
from .attribution import UTM_FIELDS
from .case_admin import CaseAdmin, NewNoteInline, reach_links
from .display import local_time, short_local_time, staff_name
from .forms import normalize_phone
from .models import (
    AccessLog,
    AttributionReport,
    Inquiry,
    InquiryNote,
    InquiryQuerySet,
    record_access,
)
from .notifications import schedule_escalation
from .queue import (
    SEARCH_PARAMETER,
    VIEWS,
    VIEWS_BY_KEY,
    QueueViewFilter,
    SearchTokenFilter,
    count_label,
    new_search,
    normalized_search,
    search_term,
    view_counts,
    wait_for,
)
from .reach import contact_links, is_preferred_time, preference
from .report_admin import ReportAdmin
from .text import spreadsheet_safe
from .timeline import timeline

ATTRIBUTION_FIELDS = [
    "landing_page",
    "form_page",
    "referrer_host",
    *UTM_FIELDS,
    "campaign_page",
    "campaign_phone",
]

Action = AccessLog.Action


class NewInquiryNoteInline(NewNoteInline):
    """A note or a contact attempt; those written are shown in the timeline."""

    model = InquiryNote


class QueueChangeListForm(forms.ModelForm):
    """A row's status, changed from the list. The status as the page showed it travels with
    the form, so a row nobody touched on this page is never saved over a colleague's change."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        status = self.fields["status"]
        status.show_hidden_initial = True
        status.widget = QuickSelect(
            attrs={"aria-label": f"Status of {self.instance}"}, choices=status.choices
        )
        status.hidden_widget = QuickHiddenInput


@admin.register(Inquiry)
class InquiryAdmin(CaseAdmin):
    queue_title = "Admissions queue"
    list_display = [
        "waiting",
        "urgency",
        "person",
        "reach",
        "request_summary",
        "status",
        "assignee",
    ]
    list_editable = ["status"]
    list_filter = [QueueViewFilter, SearchTokenFilter]
    actions = ["assign_to_me", "export_as_csv", "mark_as_spam"]
    inlines = [NewInquiryNoteInline]
    readonly_fields = [
        "reference",
        "received_display",
        "name",
        "for_whom",
        "substances_display",
        "substance_other",
        "program_label",
        "insurance",
        "insurance_other",
        "message",
        "consented_display",
        "verifications_display",
        *ATTRIBUTION_FIELDS,
    ]
    fieldsets = [
        # What they asked for, read before calling; then the triage, timeline and a note
        # (admin/admissions/inquiry/change_form.html puts them after "Triage").
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
                    "verifications_display",
                    "message",
                ]
            },
        ),
        ("Triage", {"fields": ["status", "assigned_to", "is_urgent"]}),
        ("Record", {"fields": ["reference", "received_display", "consented_display"]}),
        (
            "Where they came from",
            {"classes": ["collapse"], "fields": ATTRIBUTION_FIELDS},
        ),
    ]

    # The queue's columns. Each keeps to a few words so the row fits a 1024 px screen.

    @admin.display(description="waiting", ordering="received_at")
    def waiting(self, inquiry):
        wait = wait_for(inquiry, timezone.now())
        return format_html(
            '<span class="wait wait--{}">{}<span class="visually-hidden"> ({})</span>'
            '</span><span class="since">since {}</span>',
            wait.state,
            wait.words,
            wait.description,
            short_local_time(inquiry.received_at),
        )

    @admin.display(description="urgency", ordering="-is_urgent")
    def urgency(self, inquiry):
        if inquiry.is_urgent:
            return mark_safe('<span class="badge badge--urgent">Urgent</span>')
        return mark_safe('<span class="quiet">Routine</span>')

    @admin.display(description="name", ordering="name")
    def person(self, inquiry):
        return format_html(
            '<span class="person-name">{}</span> <span class="reference">{}</span>',
            inquiry.name,
            inquiry.reference,
        )

    @admin.display(description="reach them")
    def reach(self, inquiry):
        timing = "" if is_preferred_time(inquiry) else " (not now)"
        return format_html(
            '{}<span class="prefers">{}{}</span>',
            reach_links(inquiry),
            preference(inquiry),
            timing,
        )

    @admin.display(description="request")
    def request_summary(self, inquiry):
        for_whom = (
            "For a loved one"
            if inquiry.for_whom == Inquiry.ForWhom.LOVED_ONE
            else "For themselves"
        )
        return format_html(
            '{}<span class="request-for">{}</span>',
            inquiry.program_label or "No program chosen",
            for_whom,
        )

    @admin.display(description="assigned to", ordering="assigned_to__first_name")
    def assignee(self, inquiry):
        if inquiry.assigned_to_id:
            return staff_name(inquiry.assigned_to)
        return format_html(
            '<button type="submit" class="assign-button" name="assign_inquiry" '
            'value="{}" formaction="{}" formnovalidate>Assign to me</button>',
            inquiry.pk,
            reverse("admin:admissions_inquiry_assign"),
        )

    # The detail page.

    @admin.display(description="insurance verifications")
    def verifications_display(self, inquiry):
        verifications = list(inquiry.verifications.all())
        if not verifications:
            return "None from the same phone or email"
        return format_html_join(
            ", ",
            '<a href="{}">{} ({})</a>',
            (
                (v.get_admin_url(), v.reference, v.get_status_display())
                for v in verifications
            ),
        )

    @admin.display(description="substances of concern")
    def substances_display(self, inquiry):
        return ", ".join(str(name) for name in inquiry.substances) or "-"

    def get_changelist_form(self, request, **kwargs):
        kwargs.setdefault("form", QueueChangeListForm)
        return super().get_changelist_form(request, **kwargs)

    def get_ordering(self, request):
        view = request.GET.get(QueueViewFilter.parameter_name)
        if view in ("closed", "spam", "all") or request.GET.get(SEARCH_PARAMETER):
            return ["-received_at"]
        # Urgent first, then those still waiting (urgent: nobody reached them yet), the
        # longest waiting first.
        waiting_first = Case(
            When(InquiryQuerySet.waiting_q(), then=Value(0)),
            default=Value(1),
        )
        return ["-is_urgent", waiting_first.asc(), "received_at"]

    def search(self, request, queryset, term: str):
        """Every word must match the name, or the term is a reference, email or phone."""
        words = term.split()
        if not words:
            return queryset
        matches = reduce(and_, (Q(name__icontains=word) for word in words))
        # References are written in capitals (cases.REFERENCE_ALPHABET).
        matches |= Q(reference=term.strip().upper()) | Q(email__iexact=term.strip())
        with suppress(ValueError):  # not a phone number
            # "(828) 555-0142" finds the stored +18285550142.
            matches |= Q(phone=normalize_phone(term))
        return queryset.filter(matches)

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "search/",
                self.admin_site.admin_view(self.search_view),
                name="{}_{}_search".format(*info),
            ),
            path(
                "assign/",
                self.admin_site.admin_view(self.assign_view),
                name="{}_{}_assign".format(*info),
            ),
            *super().get_urls(),
        ]

    # The queue.

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        if "q" in request.GET:
            # A search typed into a URL by hand: take it out of every further URL.
            return self._redirect_to_search(request, request.GET["q"], request.GET)
        token = request.GET.get(SEARCH_PARAMETER)
        term = search_term(request, token) if token else None
        if token and term is None:
            messages.warning(request, "That search has expired. Please search again.")
            return self._queue_redirect(request.GET, drop=[SEARCH_PARAMETER])
        current = VIEWS_BY_KEY.get(request.GET.get(QueueViewFilter.parameter_name))
        counts = view_counts(request.user, timezone.now())
        context = {
            "queue_tabs": [
                {
                    "label": view.label,
                    "count": counts[view.key],
                    "count_label": count_label(counts[view.key]),
                    "current": view == (current or (None if term else VIEWS[0])),
                    "url": "?" + urlencode({"view": view.key} if index else {}),
                }
                for index, view in enumerate(VIEWS)
            ],
            "search_term": term or "",
            "current_view": current or VIEWS[0],
            **(extra_context or {}),
        }
        return super().changelist_view(request, context)

    def described_query(self, request, context) -> str:
        term = context.get("search_term")
        parts = [
            f"{key}={value}"
            for key, value in request.GET.items()
            if key != SEARCH_PARAMETER
        ]
        if term:
            parts.append(f'search "{term}"')
        return "; ".join(parts) or "view=open"

    def _queue_redirect(self, params, drop=(), add=None):
        kept = {key: value for key, value in params.items() if key not in drop}
        kept.update(add or {})
        url = reverse("admin:admissions_inquiry_changelist")
        return HttpResponseRedirect(f"{url}?{urlencode(kept)}" if kept else url)

    def _redirect_to_search(self, request, text: str, params):
        term = normalized_search(text)
        drop = ["q", SEARCH_PARAMETER, "p", QueueViewFilter.parameter_name]
        if not term:
            return self._queue_redirect(params, drop=drop)
        token = new_search(request, term)
        return self._queue_redirect(
            params, drop=drop, add={"view": "all", SEARCH_PARAMETER: token}
        )

    @method_decorator(require_POST)
    @method_decorator(sensitive_post_parameters("q"))
    def search_view(self, request):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        return self._redirect_to_search(request, request.POST.get("q", ""), {})

    @method_decorator(require_POST)
    def assign_view(self, request):
        """'Assign to me' on a row of the queue (the list's own form posts here)."""
        if not self.has_change_permission(request):
            raise PermissionDenied
        inquiry = Inquiry.objects.filter(
            pk=_int_or_none(request.POST.get("assign_inquiry"))
        ).first()
        if inquiry is None:
            messages.error(request, "That inquiry no longer exists.")
        elif Inquiry.objects.filter(pk=inquiry.pk, assigned_to__isnull=True).update(
            assigned_to=request.user, updated_at=Now()
        ):
            record_access(request, Action.CHANGE, [inquiry], detail="assigned to me")
            messages.success(request, f"{inquiry} is assigned to you.")
        else:
            inquiry.refresh_from_db()
            messages.warning(
                request,
                f"{inquiry} was already assigned to {staff_name(inquiry.assigned_to)}.",
            )
        back = request.POST.get("return_to", "")
        if not url_has_allowed_host_and_scheme(
            back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            back = reverse("admin:admissions_inquiry_changelist")
        return HttpResponseRedirect(back)

    # The detail page.

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        inquiry = self.get_object(request, unquote(object_id)) if object_id else None
        context = dict(extra_context or {})
        if inquiry is not None:
            notes = InquiryNote.objects.filter(inquiry=inquiry).select_related("author")
            context.update(
                {
                    "contact_links": contact_links(inquiry),
                    "contact_preference": preference(inquiry),
                    "preferred_time_now": is_preferred_time(inquiry),
                    "wait": wait_for(inquiry, timezone.now()),
                    "timeline": timeline(inquiry, notes),
                }
            )
        return super().changeform_view(request, object_id, form_url, context)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "is_urgent" in self.changed_fields(form) and obj.is_waiting:
            schedule_escalation(obj)

    def words_after_attempt(self, case) -> str:
        return wait_for(case, timezone.now()).after_attempt

    # Actions on the selected rows.

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


def _int_or_none(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


CSV_COLUMNS = [
    ("reference", lambda i: i.reference),
    ("received", lambda i: local_time(i.received_at)),
    ("status", lambda i: i.get_status_display()),
    ("urgent", lambda i: "yes" if i.is_urgent else "no"),
    ("assigned to", lambda i: staff_name(i.assigned_to)),
    ("name", lambda i: i.name),
    ("phone", lambda i: i.phone),
    ("email", lambda i: i.email),
    ("preferred contact", lambda i: i.get_contact_method_display()),
    ("best time", lambda i: i.get_contact_time_display()),
    ("inquiring for", lambda i: i.get_for_whom_display()),
    ("substances", lambda i: ", ".join(str(name) for name in i.substances)),
    ("other substance", lambda i: i.substance_other),
    ("program", lambda i: i.program_label),
    ("insurance", lambda i: i.insurance),
    ("other insurance", lambda i: i.insurance_other),
    ("message", lambda i: i.message),
    ("first attempt", lambda i: local_time(i.first_attempt_at)),
    ("reached", lambda i: local_time(i.reached_at)),
    ("landing page", lambda i: i.landing_page),
    ("form page", lambda i: i.form_page),
    ("referred by", lambda i: i.referrer_host),
    ("utm source", lambda i: i.utm_source),
    ("utm medium", lambda i: i.utm_medium),
    ("utm campaign", lambda i: i.utm_campaign),
    ("campaign landing page", lambda i: i.campaign_page),
    ("campaign number", lambda i: i.campaign_phone),
]


@admin.register(AccessLog)
class AccessLogAdmin(admin.ModelAdmin):
    list_display = [
        "when",
        "staff_member",
        "action",
        "subject",
        "inquiry_reference",
        "what",
        "ip_address",
    ]
    list_filter = ["action", "subject", ("at", DateWithYearsListFilter.titled("when"))]
    list_select_related = ["user"]
    search_fields = ["=inquiry_reference", "=username"]
    search_help_text = "Search by inquiry reference or username."
    # The log grows with every look at an inquiry: its lists stay quick however long.
    show_facets = admin.ShowFacets.NEVER
    show_full_result_count = False
    paginator = KeysFirstPaginator
    list_per_page = 100
    fields = [
        "when",
        "staff_member",
        "action",
        "subject",
        "inquiry_reference",
        "detail",
        "query",
        "references_shown",
        "ip_address",
    ]
    readonly_fields = fields

    @admin.display(description="when", ordering="at")
    def when(self, entry):
        return local_time(entry.at)

    @admin.display(description="staff member", ordering="username")
    def staff_member(self, entry):
        return staff_name(entry.user) or entry.username or "system"

    @admin.display(description="what")
    def what(self, entry):
        parts = [entry.detail]
        if entry.query:
            parts.append(entry.query)
        if entry.references:
            parts.append(", ".join(entry.references))
        return " · ".join(part for part in parts if part)

    @admin.display(description="inquiries shown")
    def references_shown(self, entry):
        return ", ".join(entry.references) or "-"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AttributionReport)
class AttributionReportAdmin(ReportAdmin):
    """Counts by landing page, source and month; no inquiry, name or contact is ever shown."""

    PERIODS = {
        3: "the last 3 months",
        6: "the last 6 months",
        12: "the last 12 months",
        24: "the last 24 months",
    }
    DEFAULT_PERIOD = 12
    PERIOD_PARAMETER = "months"
    TOP = 25

    def report_view(self, request, months: int):
        by_landing_page, by_source, by_month = Counter(), Counter(), Counter()
        by_campaign = Counter()
        # One pass over the period: counts by landing page, source and month together,
        # added up here (three passes took 116 ms at 100,000 inquiries).
        for landing_page, source, month, campaign_page, phone, count in (
            attribution_queryset(months)
            .annotate(source=SOURCE, month=TruncMonth("received_at"))
            .values_list(
                "landing_page", "source", "month", "campaign_page", "campaign_phone"
            )
            .annotate(count=Count("pk"))
        ):
            if phone:
                by_campaign[(campaign_page, phone)] += count
            by_landing_page[landing_page] += count
            by_source[source] += count
            by_month[month] += count
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Where inquiries come from",
            "periods": self.PERIODS.items(),
            "months": months,
            "period_label": self.PERIODS[months],
            "total": by_month.total(),
            "by_landing_page": self.top(by_landing_page, "landing_page"),
            "by_source": self.top(by_source, "source"),
            "by_campaign": self.top(by_campaign, "campaign"),
            "by_month": [
                {"month": month, "count": count}
                for month, count in sorted(by_month.items(), reverse=True)
            ],
        }
        return TemplateResponse(
            request, "admin/admissions/attribution_report.html", context
        )

    def top(self, counts: Counter, key: str) -> list[dict]:
        """The TOP most counted, the most first, then in alphabetical order."""
        ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        return [{key: value, "count": count} for value, count in ranked[: self.TOP]]


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
