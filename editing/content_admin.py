"""The admin of everything visitors see: every save is a version, nothing typed is lost.

`ContentAdmin` is the one base class for the admin of a content model (articles, every
program and page type, menus, site settings, ...). Inheriting from it gives the model:

- versions (django-reversion): every save through the admin records who, when and the
  comment; inlines shown on the form are versioned with their page;
- History with any two versions compared as the editor reads the page (editing/compare.py:
  rich text word by word and formatted, rows kept with the page added, removed, moved or
  changed), and a one-click restore that is itself a version;
- inputs of the list's editable columns named after their column and row (admin_labels);
- a guard against two editors overwriting each other: the form carries a token of the
  object as it was opened, and a save made after someone else's is stopped and says by whom;
- the editing script (static/editing/editing.js): the form's contents are kept in this
  browser while they are typed and offered back after a sign-in, a crash or a closed tab,
  and the session is kept alive while the form has unsaved edits (see `keep_alive`).

Only content models use it, since the browser copy would keep what was typed: the system
check `editing.E002` (`content_admins_on_content_only`) fails for a `ContentAdmin` of a
model outside the content apps (content_apps.py), such as admissions' inquiries.
"""

import hashlib
import time
from contextvars import ContextVar

import reversion
from django.apps import apps
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import quote, unquote
from django.contrib.admin.views.main import ChangeList
from django.contrib.contenttypes.models import ContentType
from django.core import checks, serializers
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.http import Http404, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.views.decorators.http import require_POST
from reversion.models import Revision, Version
from reversion_compare.admin import CompareVersionAdmin

from editing.admin_labels import LabelledListEditableMixin
from editing.admin_rows import QuickRowsMixin
from editing.compare import compare_versions, default_group
from editing.publishing import local_datetime
from rehab_site.content_apps import content_app_labels
from rehab_site.database import KeysFirstPaginator
from staff_access.sessions import LAST_ACTIVITY_KEY, LAST_REQUEST_KEY

EDIT_TOKEN_FIELD = "edit_token"


def edited_fields(model) -> list[str]:
    """The fields an editor changes: what a version token and a draft change are made of."""
    return [
        field.name
        for field in model._meta.get_fields()
        if field.concrete
        and getattr(field, "editable", False)
        and not field.primary_key
        and not field.auto_created
    ]


def saved_versions(obj):
    """The object's versions, newest first, without a draft change's revision (a draft
    is edited in the change form, never restored from the history)."""
    return Version.objects.get_for_object(obj).filter(
        revision__draft_change__isnull=True
    )


def content_token(obj) -> str:
    """A short digest of the object's edited fields as stored now."""
    fresh = type(obj).objects.filter(pk=obj.pk)
    data = serializers.serialize("json", fresh, fields=edited_fields(type(obj)))
    return hashlib.sha256(data.encode()).hexdigest()[:32]


class EditConflictForm:
    """Mixed into the admin's form for an existing object: refuses a save made on top of
    a change someone else saved after this form was opened."""

    content_admin = None  # set by ContentAdmin.get_form
    edit_conflict = None

    def clean(self):
        cleaned = super().clean()
        sent = self.data.get(EDIT_TOKEN_FIELD)
        if sent and self.instance.pk:
            current = self.content_admin.edit_token(self.instance)
            if sent != current:
                self.edit_conflict = self.content_admin.last_change(self.instance)
                self.edit_conflict["token"] = current
                raise self.content_admin.conflict_error(self.edit_conflict)
        return cleaned


# The object as visitors saw it, while django-reversion's version form (revision_view)
# restores a version: reversion writes the version's rows before the form is saved.
_live_before_restore: ContextVar = ContextVar("live_before_restore", default=None)


def save_change(obj, *, by, live) -> None:
    """The save every path that changes content ends in: the admin's save, publishing a
    draft change, restoring a version. `live` is the object as visitors saw it before
    the path wrote anything (reversion's restore writes the old rows first), so rules
    that compare old with new, such as the alert to administrators when the phone
    number changes (SiteSettings.save), see what really changed, whoever (`by`) and
    whichever path changed it."""
    obj.changed_by = by
    obj.live_before_change = live
    obj.save()


class ContentChangeList(ChangeList):
    """Django's list, but where a filter or search across a many-to-many relation (an
    article's authors or categories) could list a row twice, each row is kept once by
    EXISTS instead of Django's SELECT DISTINCT over every column, which sorts the
    whole table (166 ms of SQL for one author's articles of 100,000)."""

    def get_queryset(self, request, exclude_parameters=None):
        queryset = super().get_queryset(request, exclude_parameters)
        if not queryset.query.distinct:
            return queryset
        rows = self.root_queryset.filter(Exists(queryset.filter(pk=OuterRef("pk"))))
        rows = self.apply_select_related(rows)
        return rows.order_by(*self.get_ordering(request, rows))


class ContentAdmin(QuickRowsMixin, LabelledListEditableMixin, CompareVersionAdmin):
    """Base admin for every model visitors see (see the module's docstring)."""

    # Lists stay quick at 100,000 rows: see ContentChangeList and KeysFirstPaginator.
    paginator = KeysFirstPaginator
    object_history_template = "admin/editing/object_history.html"
    compare_template = "admin/editing/compare.html"
    change_form_template = "admin/editing/change_form.html"
    history_latest_first = True

    class Media:
        js = ["editing/editing.js"]
        css = {"all": ["editing/editing.css"]}

    def get_changelist(self, request, **kwargs):
        return ContentChangeList

    def compare(self, obj, version1, version2):
        """What changed between two versions, as the editor reads the page
        (editing/compare.py); reversion-compare's view chooses the versions."""
        return compare_versions(obj, version1, version2, self.compare_group), False

    def compare_group(self, model) -> str:
        """The heading under which the compare page lists rows of `model` kept with
        the page (its inlines)."""
        return default_group(model)

    # Versions ---------------------------------------------------------------------

    def get_urls(self):
        opts = self.model._meta
        restore = path(
            "<path:object_id>/history/<int:version_id>/restore/",
            self.admin_site.admin_view(self.restore_view),
            name=f"{opts.app_label}_{opts.model_name}_restore",
        )
        return [restore, *super().get_urls()]

    # Each page of an object's past (its history, a comparison of two versions, a version
    # in the form) asks what Django's history page asks: may this user view or change
    # the object? reversion-compare's comparison asks nothing, and reversion's version and
    # recover pages find a version by its number alone, whatever object it is of.

    def history_view(self, request, object_id, extra_context=None):
        opts = self.model._meta
        context = {
            "restore_url_name": f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_restore",
            "can_restore": self.has_change_permission(request),
            **(extra_context or {}),
        }
        response = super().history_view(request, object_id, context)
        if (
            getattr(response, "context_data", None)
            and "action_list" in response.context_data
        ):
            drafts = set(
                Revision.objects.filter(
                    draft_change__content_type=ContentType.objects.get_for_model(
                        self.model
                    ),
                    draft_change__object_id=unquote(object_id),
                ).values_list("pk", flat=True)
            )
            if drafts:
                self.leave_out_drafts(response.context_data, drafts)
        return response

    def leave_out_drafts(self, context: dict, drafts: set) -> None:
        """The history without the draft change's revision, the two newest versions
        chosen for comparison as reversion-compare chooses them."""
        actions = [
            action
            for action in context["action_list"]
            if action["revision"].pk not in drafts
        ]
        for action in actions:
            action.pop("first", None)
            action.pop("second", None)
        if len(actions) >= 2:
            actions[0]["first"], actions[1]["second"] = True, True
        context["action_list"] = actions
        context["comparable"] = len(actions) >= 2

    def object_with_history(self, request, object_id):
        """The object whose past is asked for, for a user who may see its history."""
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404(f"No {self.opts.verbose_name} with this ID.")
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        return obj

    def compare_view(self, request, object_id, extra_context=None):
        obj = self.object_with_history(request, object_id)
        for name in ("version_id1", "version_id2"):
            number = request.GET.get(name, "")
            if number.isdigit() and not saved_versions(obj).filter(pk=number).exists():
                raise Http404("No such version of this page.")
        opts = self.model._meta
        context = {
            "restore_url_name": f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_restore",
            "can_restore": self.has_change_permission(request, obj),
            **(extra_context or {}),
        }
        return super().compare_view(request, object_id, context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        """A version of this object in its form; reverting to it is a save of the form,
        which asks for the change permission."""
        obj = self.object_with_history(request, object_id)
        get_object_or_404(saved_versions(obj), pk=version_id)
        restoring = _live_before_restore.set(obj)
        try:
            return super().revision_view(request, object_id, version_id, extra_context)
        finally:
            _live_before_restore.reset(restoring)

    def save_model(self, request, obj, form, change):
        """Every admin save, restoring through a version's form included, is a
        `save_change` by the signed-in member of staff."""
        save_change(obj, by=request.user, live=_live_before_restore.get())

    def recover_view(self, request, version_id, extra_context=None):
        """A deleted object of this model, from its last version, for staff who may add
        it again and see it."""
        if not (
            self.has_add_permission(request)
            and self.has_view_or_change_permission(request)
        ):
            raise PermissionDenied
        get_object_or_404(Version.objects.get_deleted(self.model), pk=version_id)
        return super().recover_view(request, version_id, extra_context)

    def restore_view(self, request, object_id, version_id):
        """Bring a version back in one click; the restore is itself a new version."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        version = get_object_or_404(saved_versions(obj), pk=version_id)
        when = local_datetime(version.revision.date_created)
        restored = restore_version(
            obj, version, request.user, f"Restored the version of {when}."
        )
        self.log_change(request, restored, f"Restored the version of {when}.")
        messages.success(
            request,
            f"The version of {when} is back, saved as a new version. Nothing was lost: "
            "the one it replaced is in the history.",
        )
        opts = self.model._meta
        return redirect(
            reverse(
                f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_change",
                args=[quote(restored.pk)],
            )
        )

    # Two editors ------------------------------------------------------------------

    def edit_token(self, obj) -> str:
        """Changes whenever a save changes what this form edits."""
        return content_token(obj)

    def last_change(self, obj) -> dict:
        """Who saved the object last, and when, from its newest version."""
        version = saved_versions(obj).select_related("revision__user").first()
        if version is None:
            return {"who": "Someone", "when": None}
        user = version.revision.user
        who = (user.get_full_name() or user.get_username()) if user else "Someone"
        return {"who": who, "when": version.revision.date_created}

    def conflict_error(self, conflict: dict):
        when = (
            f" at {date_format(timezone.localtime(conflict['when']), 'TIME_FORMAT')}"
            if conflict["when"]
            else ""
        )
        name = self.model._meta.verbose_name
        return ValidationError(
            f"{conflict['who']} saved this {name}{when}, after you opened it. Your "
            "changes have not been saved, and they are still in the form below. Open "
            "History in a new tab to see theirs; press Save again to replace their "
            "version with yours (theirs stays in the history).",
            code="edit_conflict",
        )

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if obj is None or obj.pk is None:
            return form
        return type(form.__name__, (EditConflictForm, form), {"content_admin": self})

    def render_change_form(
        self, request, context, add=False, change=False, form_url="", obj=None
    ):
        form = context["adminform"].form
        if obj is not None and obj.pk is not None:
            conflict = getattr(form, "edit_conflict", None)
            if conflict:
                token = conflict["token"]  # a second Save replaces theirs, knowingly
            else:
                token = request.POST.get(EDIT_TOKEN_FIELD) or self.edit_token(obj)
            context[EDIT_TOKEN_FIELD] = token
        opts = self.model._meta
        context["editing"] = {
            "key": f"{request.user.pk}:{opts.label_lower}:{obj.pk if obj and obj.pk else 'new'}",
            "keep_alive_url": reverse("admin_keep_alive"),
            "idle_seconds": settings.STAFF_IDLE_MINUTES * 60,
            "login_url": f"{reverse('admin:login')}?next={request.path}",
        }
        return super().render_change_form(request, context, add, change, form_url, obj)


def restore_version(obj, version, user, comment: str):
    """Put `version` back as the object's current state, recorded as a new version.

    django-reversion writes the stored rows back (with the inlines that were saved with
    them); the object's own save then runs, so everything derived from its fields (search
    text, reading time, the content cache, a redirect from a changed address) follows.
    """
    from editing.models.redirect import Redirect
    from editing.publishing import Publishable, Status

    old_path = obj.get_absolute_url() if isinstance(obj, Publishable) else None
    was_published = isinstance(obj, Publishable) and obj.status == Status.PUBLISHED
    with transaction.atomic(), reversion.create_revision():
        version.revision.revert(delete=True)
        restored = type(obj).objects.get(pk=obj.pk)
        save_change(restored, by=user, live=obj)
        reversion.set_user(user)
        reversion.set_comment(comment)
        if old_path and was_published:
            Redirect.record_move(old_path, restored.get_absolute_url())
    return restored


@require_POST
def keep_alive(request):
    """Pinged by a change form while it has unsaved edits: the idle timeout starts again.

    Never beyond STAFF_KEEPALIVE_MAX_MINUTES after the editor's last real request, so a
    form left open with edits does not keep a session alive for ever. A session that has
    already ended answers 401, and the page says so (the typed text stays in the browser).
    """
    user = request.user
    if not (user.is_authenticated and user.is_staff):
        return JsonResponse({"alive": False}, status=401)
    now = time.time()
    last_request = request.session.get(LAST_REQUEST_KEY, now)
    cap = settings.STAFF_KEEPALIVE_MAX_MINUTES * 60
    if now - last_request > cap:
        return JsonResponse({"alive": True, "extended": False})
    request.session[LAST_ACTIVITY_KEY] = now
    return JsonResponse({"alive": True, "extended": True})


def content_admins_on_content_only(app_configs=None, site=None, **kwargs):
    """editing.E002 for each model outside the content apps that has a ContentAdmin:
    its editing script keeps a copy of the form in the browser, which must never hold
    what a patient or a family typed."""
    site = site or admin.site
    errors = []
    for model in apps.get_models():
        if not site.is_registered(model):
            continue
        model_admin = site.get_model_admin(model)
        if (
            isinstance(model_admin, ContentAdmin)
            and model._meta.app_label not in content_app_labels()
        ):
            errors.append(
                checks.Error(
                    f"{type(model_admin).__name__} is a ContentAdmin, but "
                    f"{model._meta.label} is not in a content app: the editing script "
                    "would keep a copy of its form in the browser.",
                    hint="Use a plain ModelAdmin for personal or health data; register "
                    "the app in rehab_site/content_apps.py only if its rows are content "
                    "that visitors see.",
                    obj=type(model_admin),
                    id="editing.E002",
                )
            )
    return errors
