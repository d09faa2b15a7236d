"""Draft changes to live pages: prepare a change, preview it, publish it now or at a time.

A published page edited with "Save as draft change" keeps its live version: the change is
kept as a django-reversion revision, like every version of the page, holding the page as
typed and the rows of the lists edited below it (questions, photos, videos), and marked as
a draft by a DraftChange row. Staff who may change the page see the change at the page's
own address (marked as a preview, nothing cached) and go on editing it in the change form;
"Publish the change" replaces the live page and its lists, and the old one stays in the
page's history (editing/content_admin.py).

A change given a time is published by a task (django-tasks, `manage.py db_worker`) queued
to run at that time, never by a visitor's request: no GET writes. The task publishes every
change that is due, so one queued for a time since changed, or one that runs twice, does
nothing more; `manage.py publish_scheduled_changes` does the same from cron, for a worker
that was down. Until the task has run (seconds, with the worker up), visitors see the live
page. Publishing saves the page, which starts a new content generation as every save does
(rehab_site/caching.py).
"""

import contextlib
import copy
import datetime
import functools
import json

import reversion
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import quote, unquote
from django.contrib.contenttypes.models import ContentType
from django.core import serializers, signing
from django.core.exceptions import PermissionDenied
from django.db import models, router, transaction
from django.forms.formsets import DELETION_FIELD_NAME
from django.forms.models import model_to_dict
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from reversion.models import Revision, Version

from editing.content_admin import save_change
from editing.models.draft_change import DraftChange
from editing.preview import (
    TYPED,
    drawn_keeping_nothing,
    relation_name,
    typed_inline_rows,
)
from editing.publishing import Status, local_datetime
from editing.publishing_actions import (
    DRAFT_BUTTON,
    PublishingActionsAdmin,
    PublishingActionsForm,
)
from rehab_site.task_queue import enqueue_unless_waiting, task
from staff_access.sessions import has_session

DRAFT_TIME_FIELD = "draft_publish_at"
DRAFT_ATTR = "draft_change"  # the draft change a change form's object was given


def stored_version(revision, row, object_id, fields=None) -> Version:
    return Version(
        revision=revision,
        content_type=ContentType.objects.get_for_model(type(row)),
        object_id=str(object_id),
        db=router.db_for_write(type(row)),
        format="json",
        serialized_data=serializers.serialize("json", [row], fields=fields),
        object_repr=str(row)[:191],
    )


def page_version(revision, page, form) -> Version:
    """The page as typed: its own fields, and the many-to-many choices the form made. A
    serialized page would give the stored choices, so none is read: a choice the form
    does not show is not part of the change, and publishing leaves it as it is then."""
    model = type(page)
    own = [field.name for field in model._meta.concrete_fields]
    version = stored_version(revision, page, page.pk, fields=own)
    chosen = {field.name for field in model._meta.many_to_many}
    data = json.loads(version.serialized_data)
    data[0]["fields"].update(
        {
            name: sorted(item.pk for item in value)
            for name, value in form.cleaned_data.items()
            if name in chosen
        }
    )
    version.serialized_data = json.dumps(data)
    return version


def save_draft_change(
    page, form, user, *, formsets=(), publish_at=None, comment: str = ""
) -> DraftChange:
    """Keep the form and its inline formsets, as typed, as the page's draft change (one
    revision); files chosen now are stored. The live rows are not touched. Lists with no
    formset given are not part of the change: publishing it leaves them as they are."""
    model = type(page)
    for field in model._meta.concrete_fields:
        if isinstance(field, models.FileField) and field.editable:
            field.pre_save(page, add=False)  # store a newly uploaded file now
    lists = {}
    for formset in formsets:
        name = relation_name(model, formset.model)
        if name is not None:
            lists[name] = typed_inline_rows(formset, store_new_files=True)
    content_type = ContentType.objects.get_for_model(model)
    with transaction.atomic():
        Revision.objects.filter(
            draft_change__content_type=content_type, draft_change__object_id=page.pk
        ).delete()
        revision = Revision.objects.create(
            date_created=timezone.now(), user=user, comment=comment
        )
        versions = [page_version(revision, page, form)]
        new_rows = 0
        for rows in lists.values():
            for row in rows:
                if row.pk is None:
                    new_rows += 1  # no id yet: numbered below zero, as no row is
                versions.append(stored_version(revision, row, row.pk or -new_rows))
        Version.objects.bulk_create(versions)
        draft = DraftChange.objects.create(
            revision=revision,
            content_type=content_type,
            object_id=page.pk,
            inlines=sorted(lists),
            publish_at=publish_at,
        )
    if publish_at is not None and publish_at <= timezone.now():
        publish_draft_change(draft, user)
    elif publish_at is not None:
        schedule_publishing(publish_at)
    return draft


def replace_rows(page, name: str, rows: list) -> None:
    """Make the list `name` of `page` exactly `rows`: rows left out are deleted, the
    others saved as the draft change has them."""
    relation = getattr(page, name)
    kept = [row.pk for row in rows if row.pk is not None]
    for gone in relation.exclude(pk__in=kept):
        gone.delete()
    relation.add(*rows, bulk=False)  # tied to the page (a new row is not yet), saved


def publish_draft_change(draft: DraftChange, user, comment: str = "") -> models.Model:
    """Replace the live page, its choices and its lists with the draft change, as a new
    version of the page; the draft's revision is then no longer needed."""
    model = draft.content_type.model_class()
    with transaction.atomic(), reversion.create_revision():
        live = model.objects.select_for_update().get(pk=draft.object_id)
        before = copy.copy(live)
        for name, ids in draft.many_to_many().items():
            getattr(live, name).set(ids)
        for name, rows in draft.inline_rows().items():
            replace_rows(live, name, rows)
        # The page last: its version follows its lists as they now are.
        save_change(draft.apply_to(live), by=user, live=before)
        reversion.set_user(user)
        reversion.set_comment(comment or draft.comment or "Published a draft change.")
        draft.revision.delete()
    return live


def publish_due_changes(now: datetime.datetime) -> int:
    """Publish every draft change whose time has come; safe to run in many processes."""
    published = 0
    with transaction.atomic():
        due = DraftChange.objects.due(now).select_for_update(
            skip_locked=True, of=("self",)
        )
        for draft in due.select_related("content_type", "revision__user"):
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


def discard_drafts_of(page) -> None:
    """The page is gone: so are its draft changes, which no one could publish."""
    Revision.objects.filter(
        draft_change__content_type=ContentType.objects.get_for_model(type(page)),
        draft_change__object_id=page.pk,
    ).delete()


def page_deleted(sender, instance, **kwargs) -> None:
    """post_delete of any model (editing/apps.py): a deleted page takes its draft change."""
    from editing.publishing import Publishable

    if isinstance(instance, Publishable):
        discard_drafts_of(instance)


def draft_relations(draft: DraftChange, page) -> dict[str, list]:
    """What the draft change lists for `page`: its many-to-many choices and its lists."""
    relations = {
        name: list(page._meta.get_field(name).related_model.objects.filter(pk__in=ids))
        for name, ids in draft.many_to_many().items()
    }
    relations.update(draft.inline_rows())
    return relations


def may_see_drafts(request) -> bool:
    """A signed-in member of staff, who may be shown draft changes; a visitor's request
    is told apart by the session cookie alone (staff_access/sessions.py)."""
    return has_session(request) and request.user.is_staff


class DraftPreviewMixin:
    """For the public view of a page that can have a draft change: staff are shown it
    (preview_draft), so for them the page is drawn keeping nothing in the caches."""

    def get(self, request, *args, **kwargs):
        draw = functools.partial(super().get, request, *args, **kwargs)
        return drawn_keeping_nothing(draw) if may_see_drafts(request) else draw()


def preview_draft(request, obj):
    """The draft change of `obj` that this staff member may preview, applied to `obj` in
    memory with its choices and lists (editing/preview.py reads them)."""
    opts = type(obj)._meta
    if not (
        may_see_drafts(request)
        and request.user.has_perm(f"{opts.app_label}.change_{opts.model_name}")
    ):
        return None
    draft = DraftChange.objects.for_object(obj)
    if draft is not None:
        draft.apply_to(obj)
        setattr(obj, TYPED, draft_relations(draft, obj))
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
    # The few keys are read first: `pk IN (subquery)` beside the OR would have the
    # database read every page (81 ms at 100,000 articles) instead of two indexes.
    keys = list(scheduled_changes(model).values_list("object_id", flat=True))
    return models.Q(status=Status.PUBLISHED, publish_at__gt=timezone.now()) | models.Q(
        pk__in=keys
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


KEPT_FILE_SUFFIX = "-kept"
kept_file_signer = signing.Signer(salt="editing.drafts.kept-file")


class KeptFileWidget:
    """Mixed into a row's file widget when the row's file is one only the draft change
    has: beside the file input, a signed hidden input names the stored file, so that
    saving the form again keeps it unless another file is chosen. Its name carries the
    row's prefix, which the admin's inline script renumbers with the row."""

    kept_name = ""

    def render(self, name, value, attrs=None, renderer=None):
        html = super().render(name, value, attrs, renderer)
        kept = forms.HiddenInput().render(
            f"{name}{KEPT_FILE_SUFFIX}", kept_file_signer.sign(self.kept_name)
        )
        return html + kept


def keeping_file(widget, stored_name: str):
    """A copy of the file `widget` that also sends back `stored_name` (KeptFileWidget)."""
    kept = type(f"Kept{type(widget).__name__}", (KeptFileWidget, type(widget)), {})(
        attrs=widget.attrs
    )
    kept.is_required, kept.is_localized = widget.is_required, widget.is_localized
    kept.kept_name = stored_name
    return kept


def file_name(value) -> str:
    return getattr(value, "name", value) or ""


class DraftRowsFormSet:
    """Mixed into an inline formset of a page with a draft change: the rows as the change
    has them. Changed rows show their changes, rows the change removes are shown marked
    for deletion, and rows it adds come as new rows; a file only the change has is kept
    (KeptFileWidget). Posted, the forms compare with the live rows, so saving the page
    saves every row the draft changed."""

    draft_rows = None  # {id: row} of the rows the change keeps; None: not in the change
    new_rows = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound and self.new_rows:
            self.extra += len(self.new_rows)
            if self.max_num is not None:
                self.max_num = max(self.max_num, self.initial_form_count() + self.extra)

    @cached_property
    def file_fields(self) -> list[str]:
        return [
            name
            for name, field in self.form.base_fields.items()
            if isinstance(field, forms.FileField)
        ]

    def get_form_kwargs(self, index):
        kwargs = super().get_form_kwargs(index)
        if index is None:  # the blank row the admin's script copies
            return kwargs
        if self.is_bound:
            kept = {}
            for name in self.file_fields:
                signed = self.data.get(
                    f"{self.add_prefix(index)}-{name}{KEPT_FILE_SUFFIX}"
                )
                if signed:
                    with contextlib.suppress(signing.BadSignature):
                        kept[name] = kept_file_signer.unsign(signed)
            if kept:
                kwargs["initial"] = kept
        elif self.draft_rows is not None:
            existing = self.initial_form_count()
            if index < existing:
                row = self.draft_rows.get(self.get_queryset()[index].pk)
                kwargs["initial"] = (
                    {DELETION_FIELD_NAME: True} if row is None else model_to_dict(row)
                )
            elif index - existing < len(self.new_rows):
                kwargs["initial"] = model_to_dict(self.new_rows[index - existing])
        return kwargs

    def add_fields(self, form, index):
        super().add_fields(form, index)
        form.kept_files = []
        for name in self.file_fields:
            wanted = file_name(form.initial.get(name))
            if wanted and wanted != file_name(getattr(form.instance, name, "")):
                form.fields[name].widget = keeping_file(
                    form.fields[name].widget, wanted
                )
                form.kept_files.append(name)


class KeptFilesForm:
    """Mixed into an inline's form: a file kept from the draft change is a change to the
    row, though no file was chosen now."""

    kept_files = ()

    @cached_property
    def changed_data(self):
        changed = list(super().changed_data)
        return changed + [name for name in self.kept_files if name not in changed]


def with_draft_rows(formset_class, draft, name):
    """`formset_class` showing the rows of the list `name` as `draft` has them."""
    attrs = {
        "form": type(
            formset_class.form.__name__, (KeptFilesForm, formset_class.form), {}
        )
    }
    if draft is not None and name in draft.inlines:
        rows = draft.inline_rows()[name]
        attrs["draft_rows"] = {row.pk: row for row in rows if row.pk is not None}
        attrs["new_rows"] = [row for row in rows if row.pk is None]
    return type(formset_class.__name__, (DraftRowsFormSet, formset_class), attrs)


class DraftChangesAdmin(PublishingActionsAdmin):
    """For the ContentAdmin of a publishable model: "Save as draft change" on live pages,
    and the draft's panel (preview, publish now, discard) on its change form, which
    edits the draft change, lists below the page included, while there is one."""

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), PublishingFilter]

    def saving_draft(self, request, obj) -> bool:
        return (
            request.method == "POST"
            and DRAFT_BUTTON in request.POST
            and self.is_published(obj)
        )

    def get_object(self, request, object_id, from_field=None):
        """On the change form and its preview, the page as its draft change has it: the
        form edits the change, not the live page."""
        obj = super().get_object(request, object_id, from_field)
        match = request.resolver_match
        opts = self.model._meta
        editing = {
            f"{opts.app_label}_{opts.model_name}_{view}"
            for view in ("change", "preview")
        }
        if obj is not None and match is not None and match.url_name in editing:
            draft = DraftChange.objects.for_object(obj)
            if draft is not None:
                draft.apply_to(obj)
            setattr(obj, DRAFT_ATTR, draft)
        return obj

    def draft_of(self, obj) -> DraftChange | None:
        """The page's draft change: as the change form found it, else from the database."""
        if hasattr(obj, DRAFT_ATTR):
            return getattr(obj, DRAFT_ATTR)
        return DraftChange.objects.for_object(obj)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        draft = getattr(obj, DRAFT_ATTR, None)
        many_to_many = draft.many_to_many() if draft is not None else {}

        class DraftForm(PublishingActionsForm, DraftScheduleForm, form):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                for name, ids in many_to_many.items():
                    if name in self.fields:
                        self.initial[name] = ids

        DraftForm.__name__ = form.__name__
        return DraftForm

    def get_formsets_with_inlines(self, request, obj=None):
        draft = getattr(obj, DRAFT_ATTR, None)
        for formset_class, inline in super().get_formsets_with_inlines(request, obj):
            name = relation_name(self.model, formset_class.model)
            yield with_draft_rows(formset_class, draft, name), inline

    def edit_token(self, obj) -> str:
        draft = self.draft_of(obj)
        saved = draft.saved_at.isoformat() if draft else ""
        return f"{super().edit_token(obj)}{saved}"

    def last_change(self, obj) -> dict:
        change = super().last_change(obj)
        draft = self.draft_of(obj)
        if draft is not None and (
            change["when"] is None or draft.saved_at > change["when"]
        ):
            user = draft.saved_by
            who = (user.get_full_name() or user.get_username()) if user else "Someone"
            return {"who": who, "when": draft.saved_at}
        return change

    def save_model(self, request, obj, form, change):
        if self.saving_draft(request, obj):
            return  # kept with its lists in save_related, as one draft change
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        if self.saving_draft(request, form.instance):
            save_draft_change(
                form.instance,
                form,
                request.user,
                formsets=formsets,
                publish_at=form.draft_publish_at,
                comment=request.POST.get("draft_comment", "")[:200],
            )
            return
        super().save_related(request, form, formsets, change)
        # Saved in full: whatever draft change there was is now live or replaced.
        if change:
            discard_drafts_of(form.instance)

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
                when = local_datetime(draft.publish_at)
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
            context["draft_change"] = self.draft_of(obj)
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
            draft.revision.delete()
            messages.success(
                request, "The draft change was discarded; the live page is unchanged."
            )
        return redirect(self.change_url(obj))
