"""What the admin pages of every kind of case share (admissions/cases.py), so an inquiry
and an insurance verification are worked alike: a queue that shows the open ones first,
colleagues by full name in the assignee choices, the phone number as one-tap call, text
and email links, notes and contact attempts that are added and never edited (one tap logs
an attempt, and the first attempt and the first reach are recorded: admissions/contact.py),
deletion by a superuser with a reason, and every look written to the access log."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Case, IntegerField, Q, Value, When
from django.db.models.functions import Now
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.decorators import method_decorator
from django.utils.html import format_html, format_html_join
from django.views.decorators.debug import sensitive_post_parameters

from editing.admin_rows import QuickRowsMixin
from rehab_site.database import KeysFirstPaginator
from staff_access.roles import ADMISSIONS

from .cases import CaseNote
from .contact import log_contact_attempt, note_added, status_changed
from .display import local_time, local_time_and_age, staff_name
from .models import AccessLog, record_access
from .reach import contact_links

Action = AccessLog.Action


class StaffChoiceField(forms.ModelChoiceField):
    """Colleagues by their full name, not their username."""

    def label_from_instance(self, user):
        return staff_name(user)


class AssignedToAdmissionsStaff:
    """A ModelAdmin mixin: the `assigned_to` choice lists active admissions staff (and
    superusers) by full name."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "assigned_to":
            kwargs["queryset"] = (
                db_field.remote_field.model.objects.filter(
                    is_staff=True, is_active=True
                )
                .filter(Q(is_superuser=True) | Q(groups__name=ADMISSIONS))
                .distinct()
                .order_by("first_name", "last_name", "username")
            )
            kwargs["form_class"] = StaffChoiceField
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


def reach_links(record) -> str:
    """The call, text and email links of an inquiry or a verification, in that order; the
    number (or, without one, the address) written once, on its link, as people read it."""
    links = sorted(contact_links(record), key=lambda link: link.order)
    return format_html(
        '<span class="reach-links">{}</span>',
        format_html_join(
            "",
            '<a class="reach-link reach-link--{}{}" href="{}" aria-label="{} {}{}">'
            "{}</a>",
            (
                (
                    link.kind,
                    " reach-link--preferred" if link.preferred else "",
                    link.href,
                    link.label,
                    link.value,
                    " (preferred)" if link.preferred else "",
                    link.value if index == 0 else link.label,
                )
                for index, link in enumerate(links)
            ),
        ),
    )


class NewNoteForm(forms.ModelForm):
    """A note, a contact attempt, or both; a post that names no attempt adds a note."""

    class Meta:
        fields = ["kind", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].required = False

    def clean_kind(self):
        return self.cleaned_data["kind"] or CaseNote.Kind.NOTE


class NewNoteInline(admin.StackedInline):
    """One empty note or contact attempt to add; the author and time are filled in on
    save. Notes already written are shown above it, never edited."""

    form = NewNoteForm
    template = "admin/admissions/new_note_inline.html"
    verbose_name = "note or contact attempt"
    verbose_name_plural = "add a note or a contact attempt"
    extra = 1
    max_num = 1
    can_delete = False

    def get_queryset(self, request):
        return super().get_queryset(request).none()

    def has_change_permission(self, request, obj=None):
        return False


class DeletionReasonForm(forms.Form):
    reason = forms.CharField(
        max_length=250,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, kind: str, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["reason"]
        field.label = f"Why must this {kind} be deleted by hand?"
        field.help_text = (
            f"Kept in the access log. Closed {kind}s are deleted by the retention purge; "
            "delete by hand only for a legal request or an entry made in error."
        )

    def clean_reason(self):
        reason = " ".join(self.cleaned_data["reason"].split())
        if len(reason) < 10:
            raise forms.ValidationError("Please give the reason in a few words.")
        return reason


def describe_change(message) -> str:
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


class CaseAdmin(QuickRowsMixin, AssignedToAdmissionsStaff, admin.ModelAdmin):
    """The admin of one kind of case. Subclasses give the columns and the page's fields;
    the queue's title is `queue_title`."""

    queue_title = ""
    list_display_links = ["person"]
    list_select_related = ["assigned_to"]
    list_per_page = 50
    paginator = KeysFirstPaginator
    # A queue's filters count what matters; an extra count of every case adds nothing.
    show_full_result_count = False
    actions = ["assign_to_me"]

    class Media:
        css = {"all": ["admissions/admin/queue.css"]}

    @admin.display(description="reach them")
    def reach(self, case):
        return reach_links(case)

    @admin.display(description="assigned to", ordering="assigned_to__first_name")
    def assignee(self, case):
        return staff_name(case.assigned_to) or "-"

    @admin.display(description="received")
    def received_display(self, case):
        return local_time_and_age(case.received_at)

    @admin.display(description="agreed to the privacy policy")
    def consented_display(self, case):
        return local_time(case.consented_at) or "-"

    def get_ordering(self, request):
        # Open ones first, the longest waiting first; then the rest.
        closed_last = Case(
            When(status__in=self.model.CLOSED_STATUSES, then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
        return [closed_last.asc(), "received_at"]

    def has_add_permission(self, request):
        # Cases come from the public forms only.
        return False

    def has_delete_permission(self, request, obj=None):
        # A clinical record: deleted by the retention purge, or by a superuser with a reason.
        return request.user.is_active and request.user.is_superuser

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    # The queue.

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        context = {
            "title": self.queue_title,
            # The queue needs the whole width of a tablet.
            "is_nav_sidebar_enabled": False,
            **(extra_context or {}),
        }
        response = super().changelist_view(request, context)
        changelist = (getattr(response, "context_data", None) or {}).get("cl")
        if changelist is not None:
            shown = [case.reference for case in changelist.result_list]
            record_access(
                request,
                Action.LIST,
                detail=f"{len(shown)} shown",
                query=self.described_query(request, context),
                references=shown,
                subject=self.opts.model_name,
            )
        return response

    def described_query(self, request, context) -> str:
        """The list's filters as the access log keeps them (`context`: the page's)."""
        return (
            "; ".join(f"{key}={value}" for key, value in request.GET.items()) or "all"
        )

    # The page.

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

    def changed_fields(self, form) -> list[str]:
        return [name for name in form.changed_data if name in form.fields]

    def save_model(self, request, obj, form, change):
        if not change:
            return super().save_model(request, obj, form, change)
        # Only what the form changed, so nothing a colleague saved meanwhile is overwritten.
        changed = self.changed_fields(form)
        if changed:
            obj.save(update_fields=[*changed, "updated_at"])
        if "status" in changed:
            status_changed(obj, form.initial.get("status"), request.user)
        return None

    def save_formset(self, request, form, formset, change):
        for note in formset.save(commit=False):
            if note.is_empty:
                continue
            note.author = request.user
            note.save()
            self.note_added(note)
        formset.save_m2m()

    def note_added(self, note) -> None:
        """What follows from a new note: a contact attempt may be the first, or the reach."""
        note_added(note)

    # One tap logs a contact attempt (the buttons of admin/admissions/log_attempt.html).

    def attempt_logged(self, request):
        """The contact attempt a button of the page asks to log, if one did."""
        value = request.POST.get("_contact_attempt", "")
        if value in CaseNote.Kind.values and value != CaseNote.Kind.NOTE:
            return CaseNote.Kind(value)
        return None

    def render_change_form(
        self, request, context, add=False, change=False, form_url="", obj=None
    ):
        context["attempt_kinds"] = [
            kind for kind in CaseNote.Kind if kind != CaseNote.Kind.NOTE
        ]
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        kind = self.attempt_logged(request)
        if kind:
            log_contact_attempt(form.instance, kind, request.user)

    def construct_change_message(self, request, form, formsets, add=False):
        message = super().construct_change_message(request, form, formsets, add)
        kind = self.attempt_logged(request)
        if kind:
            message.append({"added": {"name": "contact attempt", "object": kind.label}})
        return message

    def words_after_attempt(self, case) -> str:
        """What the message after a logged attempt adds (an inquiry: its clock)."""
        return ""

    def response_change(self, request, obj):
        kind = self.attempt_logged(request)
        if kind:
            obj.refresh_from_db()
            self.message_user(
                request,
                f"Logged “{kind.label}” on {obj}. {self.words_after_attempt(obj)}".strip(),
                messages.SUCCESS,
            )
            return HttpResponseRedirect(request.get_full_path())
        return super().response_change(request, obj)

    def log_change(self, request, obj, message):
        record_access(request, Action.CHANGE, [obj], detail=describe_change(message))
        return super().log_change(request, obj, message)

    # Deletion: superusers only, with a reason that the access log keeps.

    def delete_view(self, request, object_id, extra_context=None):
        case = self.get_object(request, unquote(object_id))
        if case is None:
            raise Http404(f"No such {self.opts.verbose_name}.")
        if not self.has_delete_permission(request, case):
            raise PermissionDenied
        kind = str(self.opts.verbose_name)
        form = DeletionReasonForm(request.POST or None, kind=kind)
        if request.method == "POST" and form.is_valid():
            reason = form.cleaned_data["reason"]
            record_access(request, Action.DELETE, [case], detail=f"reason: {reason}")
            display = str(case)
            self.log_deletions(request, self.model.objects.filter(pk=case.pk))
            self.delete_model(request, case)
            return self.response_delete(request, display, case.pk)
        record_access(request, Action.VIEW, [case], detail="delete confirmation")
        context = {
            **self.admin_site.each_context(request),
            "title": f"Delete this {kind}?",
            "subtitle": str(case),
            "object": case,
            "opts": self.opts,
            "app_label": self.opts.app_label,
            "form": form,
            "notes_count": case.notes.count(),
            **(extra_context or {}),
        }
        return TemplateResponse(
            request, "admin/admissions/case_delete_confirmation.html", context
        )

    # Actions on the selected rows.

    @admin.action(
        description="Assign the selected %(verbose_name_plural)s to me",
        permissions=["change"],
    )
    def assign_to_me(self, request, queryset):
        cases = list(queryset)
        self.model.objects.filter(pk__in=[case.pk for case in cases]).update(
            assigned_to=request.user, updated_at=Now()
        )
        record_access(request, Action.CHANGE, cases, detail="assigned to me")
        self.message_user(
            request,
            f"{len(cases)} {self.opts.verbose_name_plural} assigned to you.",
            messages.SUCCESS,
        )
