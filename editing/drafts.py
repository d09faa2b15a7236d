"""Draft changes to live pages: prepare a change, preview it, publish it now or at a time.

A published page edited with "Save as draft change" keeps its live version: the change
is stored as a DraftChange. Staff who may change the page see the change at the page's own
address (marked as a preview, never cached); "Publish the change" replaces the live page,
and the old one stays in the page's history (django-reversion, editing/content_admin.py).

A change given a time is published by a task (django-tasks, `manage.py db_worker`) queued
to run at that time, never by a visitor's request: no GET writes. The task publishes every
change that is due, so one queued for a time since changed, or one that runs twice, does
nothing more; `manage.py publish_scheduled_changes` does the same from cron, for a worker
that was down. Until the task has run (seconds, with the worker up), visitors see the live
page. Publishing saves the page, which starts a new content generation as every save does
(rehab_site/caching.py).
"""

import copy
import datetime

import reversion
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import quote, unquote
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format

from editing.content_admin import edited_fields, save_change
from editing.models.draft_change import DraftChange
from editing.publishing import Status
from rehab_site.task_queue import enqueue_unless_waiting, task
from staff_access.sessions import has_session

DRAFT_BUTTON = "_save_draft"
DRAFT_TIME_FIELD = "draft_publish_at"


def save_draft_change(
    obj, form, user, publish_at=None, comment: str = ""
) -> DraftChange:
    """Keep the form's changes to `obj` as its draft change; the live row is not touched."""
    model = type(obj)
    own_fields = [
        name
        for name in edited_fields(model)
        if not model._meta.get_field(name).many_to_many
    ]
    for name in own_fields:
        field = model._meta.get_field(name)
        if isinstance(field, models.FileField):
            field.pre_save(obj, add=False)  # store a newly uploaded file now
    data = serializers.serialize("json", [obj], fields=own_fields)
    many_to_many = {
        name: sorted(item.pk for item in form.cleaned_data[name])
        for name in form.cleaned_data
        if name in edited_fields(model) and model._meta.get_field(name).many_to_many
    }
    draft, _ = DraftChange.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(model),
        object_id=obj.pk,
        defaults={
            "data": data,
            "many_to_many": many_to_many,
            "saved_by": user,
            "comment": comment,
            "publish_at": publish_at,
        },
    )
    if publish_at is not None and publish_at <= timezone.now():
        publish_draft_change(draft, user)
    elif publish_at is not None:
        schedule_publishing(publish_at)
    return draft


def publish_draft_change(draft: DraftChange, user, comment: str = "") -> models.Model:
    """Replace the live page with the draft change, as a new version of the page."""
    model = draft.content_type.model_class()
    with transaction.atomic(), reversion.create_revision():
        live = model.objects.select_for_update().get(pk=draft.object_id)
        before = copy.copy(live)
        save_change(draft.apply_to(live), by=user, live=before)
        for name, ids in draft.many_to_many.items():
            getattr(live, name).set(ids)
        reversion.set_user(user)
        reversion.set_comment(comment or draft.comment or "Published a draft change.")
        draft.delete()
    return live


def publish_due_changes(now: datetime.datetime) -> int:
    """Publish every draft change whose time has come; safe to run in many processes."""
    published = 0
    with transaction.atomic():
        due = DraftChange.objects.due(now).select_for_update(
            skip_locked=True, of=("self",)
        )
        for draft in due.select_related("content_type", "saved_by"):
            publish_draft_change(draft, draft.saved_by, "Published a scheduled change.")
            published += 1
    return published


@task()
def publish_scheduled_draft_changes() -> str:
    """Queued by `schedule_publishing` to run at a draft change's time."""
    published = publish_due_changes(timezone.now())
    return f"Published {published} scheduled draft change(s)."


def schedule_publishing(publish_at: datetime.datetime) -> None:
    """Queue the publishing task to run at `publish_at`, unless one already waits for it.
    Queued in the caller's transaction (the task's row is in the same database), so the
    task exists exactly when the draft change's time was saved."""
    enqueue_unless_waiting(
        publish_scheduled_draft_changes, run_after=publish_at, only_at_that_time=True
    )


def preview_draft(request, obj):
    """The draft change of `obj` that this staff member may preview, applied to `obj`."""
    if not has_session(request):
        return None  # visitors: not even the session is read (staff_access/sessions.py)
    opts = type(obj)._meta
    user = request.user
    if not (
        user.is_authenticated
        and user.is_staff
        and user.has_perm(f"{opts.app_label}.change_{opts.model_name}")
    ):
        return None
    draft = DraftChange.objects.for_object(obj)
    if draft is not None:
        draft.apply_to(obj)
    return draft


class PublishingFilter(admin.SimpleListFilter):
    """Changelist filter: pages with a draft change waiting, and what is scheduled."""

    title = "publishing"
    parameter_name = "publishing"

    def lookups(self, request, model_admin):
        return [
            ("changes", "Draft change waiting"),
            ("scheduled", "Scheduled (page or change)"),
        ]

    def queryset(self, request, queryset):
        if self.value() == "changes":
            return queryset.filter(
                pk__in=waiting_changes(queryset.model).values("object_id")
            )
        if self.value() == "scheduled":
            return queryset.filter(scheduled_pages(queryset.model))
        return queryset


def changes_to(model):
    return DraftChange.objects.filter(
        content_type=ContentType.objects.get_for_model(model)
    )


def waiting_changes(model):
    """Draft changes to pages of `model` that wait for someone to publish them."""
    return changes_to(model).filter(publish_at__isnull=True)


def scheduled_changes(model):
    return changes_to(model).filter(publish_at__isnull=False)


def scheduled_pages(model) -> models.Q:
    """Pages of `model` that change by themselves at a time: published pages whose time
    is still to come, and pages with a scheduled draft change."""
    return models.Q(status=Status.PUBLISHED, publish_at__gt=timezone.now()) | models.Q(
        pk__in=scheduled_changes(model).values("object_id")
    )


class DraftScheduleForm:
    """Mixed into the admin form: checks the time given for a draft change."""

    def clean(self):
        cleaned = super().clean()
        self.draft_publish_at = None
        if DRAFT_BUTTON not in self.data:
            return cleaned
        value = self.data.get(DRAFT_TIME_FIELD, "").strip()
        if value:
            try:
                moment = datetime.datetime.fromisoformat(value)
            except ValueError:
                raise forms.ValidationError(
                    "Give the time to publish the change as a date and a time, or leave it empty."
                ) from None
            if timezone.is_naive(moment):
                moment = timezone.make_aware(moment)
            if moment <= timezone.now():
                raise forms.ValidationError(
                    "The time to publish the change has passed: choose a later one, or leave it empty and publish it yourself."
                )
            self.draft_publish_at = moment
        return cleaned


class DraftChangesAdmin:
    """For the ContentAdmin of a publishable model: "Save as draft change" on live pages,
    and the draft's panel (preview, publish now, discard) on its change form."""

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), PublishingFilter]

    def is_published(self, obj) -> bool:
        return (
            obj is not None
            and obj.pk is not None
            and type(obj).objects.filter(pk=obj.pk, status=Status.PUBLISHED).exists()
        )

    def saving_draft(self, request, obj) -> bool:
        return (
            request.method == "POST"
            and DRAFT_BUTTON in request.POST
            and self.is_published(obj)
        )

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        match = request.resolver_match
        opts = self.model._meta
        if (
            obj is not None
            and request.method == "GET"
            and match is not None
            and match.url_name == f"{opts.app_label}_{opts.model_name}_change"
        ):
            draft = DraftChange.objects.for_object(obj)
            if draft is not None:
                draft.apply_to(obj)  # go on editing the change, not the live page
                obj.draft_many_to_many = draft.many_to_many
        return obj

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        many_to_many = getattr(obj, "draft_many_to_many", None)

        class DraftForm(DraftScheduleForm, form):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                for name, ids in (many_to_many or {}).items():
                    if name in self.fields:
                        self.initial[name] = ids

        DraftForm.__name__ = form.__name__
        return DraftForm

    def edit_token(self, obj) -> str:
        draft = DraftChange.objects.for_object(obj)
        saved = draft.saved_at.isoformat() if draft else ""
        return f"{super().edit_token(obj)}{saved}"

    def last_change(self, obj) -> dict:
        change = super().last_change(obj)
        draft = DraftChange.objects.for_object(obj)
        if draft is not None and (
            change["when"] is None or draft.saved_at > change["when"]
        ):
            user = draft.saved_by
            who = (user.get_full_name() or user.get_username()) if user else "Someone"
            return {"who": who, "when": draft.saved_at}
        return change

    def save_model(self, request, obj, form, change):
        if self.saving_draft(request, obj):
            save_draft_change(
                obj,
                form,
                request.user,
                publish_at=form.draft_publish_at,
                comment=request.POST.get("draft_comment", "")[:200],
            )
            return
        super().save_model(request, obj, form, change)
        # Saved in full: whatever draft change there was is now live or replaced.
        DraftChange.objects.filter(
            content_type=ContentType.objects.get_for_model(type(obj)), object_id=obj.pk
        ).delete()

    def save_related(self, request, form, formsets, change):
        if self.saving_draft(request, form.instance):
            if any(formset.has_changed() for formset in formsets):
                messages.warning(
                    request,
                    "Changes to the questions and other lists below the page are not part "
                    "of a draft change and were not saved: make them after publishing.",
                )
            return
        super().save_related(request, form, formsets, change)

    def construct_change_message(self, request, form, formsets, add=False):
        if self.saving_draft(request, form.instance):
            return "Saved a draft change (not live)."
        return super().construct_change_message(request, form, formsets, add)

    def response_change(self, request, obj):
        if self.saving_draft(request, obj):
            draft = DraftChange.objects.for_object(obj)
            if draft is None:
                messages.success(request, "The change was due at once and is now live.")
            elif draft.publish_at:
                when = date_format(
                    timezone.localtime(draft.publish_at), "DATETIME_FORMAT"
                )
                messages.success(
                    request,
                    f"Saved as a draft change, to be published on {when}. The live page is unchanged until then.",
                )
            else:
                messages.success(
                    request,
                    "Saved as a draft change. The live page is unchanged until you publish it.",
                )
            return redirect(request.path)
        return super().response_change(request, obj)

    def render_change_form(
        self, request, context, add=False, change=False, form_url="", obj=None
    ):
        if obj is not None and obj.pk is not None:
            opts = self.model._meta
            context["can_save_draft"] = self.is_published(
                obj
            ) and self.has_change_permission(request, obj)
            context["draft_change"] = DraftChange.objects.for_object(obj)
            live = self.model.objects.filter(pk=obj.pk).first()
            context["draft_preview_url"] = live.get_absolute_url() if live else ""
            context["draft_urls"] = {
                name: reverse(
                    f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_draft_{name}",
                    args=[quote(obj.pk)],
                )
                for name in ("publish", "discard")
            }
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_urls(self):
        opts = self.model._meta
        return [
            path(
                f"<path:object_id>/draft/{name}/",
                self.admin_site.admin_view(getattr(self, f"draft_{name}_view")),
                name=f"{opts.app_label}_{opts.model_name}_draft_{name}",
            )
            for name in ("publish", "discard")
        ] + super().get_urls()

    def draft_for_action(self, request, object_id):
        if request.method != "POST":
            return None, HttpResponseNotAllowed(["POST"])
        obj = super().get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        return obj, DraftChange.objects.for_object(obj)

    def draft_publish_view(self, request, object_id):
        obj, draft = self.draft_for_action(request, object_id)
        if obj is None:
            return draft  # the "method not allowed" answer
        if draft is None:
            messages.info(request, "There is no draft change to publish.")
        else:
            publish_draft_change(draft, request.user, "Published a draft change.")
            messages.success(
                request,
                "The draft change is live. The page as it was is kept in its history.",
            )
        return redirect(self.change_url(obj))

    def draft_discard_view(self, request, object_id):
        obj, draft = self.draft_for_action(request, object_id)
        if obj is None:
            return draft
        if draft is not None:
            draft.delete()
            messages.success(
                request, "The draft change was discarded; the live page is unchanged."
            )
        return redirect(self.change_url(obj))

    def change_url(self, obj) -> str:
        opts = self.model._meta
        return reverse(
            f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_change",
            args=[quote(obj.pk)],
        )
