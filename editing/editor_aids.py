"""What the admin's change forms for pages and articles add to the stock admin, so editors
see what visitors will see:

- the editor's text in the site's own typography (static/css/admin-editor.css);
- live counters for the SEO title and meta description, and a search-result preview
  (static/js/admin/seo.js);
- "Preview", one click, before the first save too: the form as typed, inlines included,
  rendered by the public page's own view and template in a new tab, built in memory
  (editing/preview.py);
- the content checklist (editing/checklist.py) as advice in a side panel while typing,
  beside a live preview at phone or desktop width (static/editing/side-panel.js, which
  posts the form to `advice_view` and `preview_view`); publishing waits only for what
  harms visitors, each fault named on its field;
- after every save, what the apps check of the text (a link that leads nowhere) as a
  warning on the next page.
"""

import copy

from csp.decorators import csp_replace
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.views.decorators.clickjacking import xframe_options_sameorigin

from editing.checklist import app_checks, content_checklist, faults, is_being_published
from editing.preview import AddressTaken, page_as_typed, render_preview
from editing.publishing_actions import DRAFT_BUTTON
from editing.richtext import RichTextField, sanitize_html

SLUG_PLACEHOLDER = "your-page-address"


class ChecklistFormMixin:
    """Holds a publish while the page has a fault that harms visitors (a picture without
    alt text, a link that leads nowhere), each named on its field. Advice never holds a
    save, and a draft is never held."""

    # Set once this form's page was checked for faults: the save need not check its
    # links again (EditorAdminMixin.save_model).
    faults_checked = False

    def clean(self):
        cleaned = super().clean()
        if self.errors or not is_being_published(self, DRAFT_BUTTON in self.data):
            return cleaned
        for fault in faults(typed_page(self)):
            self.add_error(
                form_field(self, fault),
                ValidationError(fault.message, code="checklist"),
            )
        self.faults_checked = True
        return cleaned


def form_field(form, advice) -> str | None:
    """The field of `form` that `advice` is about, or None for the form as a whole."""
    return advice.field if advice.field in form.fields else None


def typed_page(form):
    """The form's object with what was typed in its own fields (files left out), in
    memory, for the checklist: whatever of the form is valid."""
    page = copy.copy(form.instance)
    for name, value in getattr(form, "cleaned_data", {}).items():
        field = next((f for f in page._meta.concrete_fields if f.name == name), None)
        if field is None or isinstance(field, models.FileField):
            continue
        if isinstance(field, RichTextField):
            value = sanitize_html(value or "")
        setattr(page, field.attname if not field.is_relation else name, value)
    return page


def labelled_errors(form):
    """Each error of `form`, a field's named by its label rather than its attribute."""
    for name, errors in form.errors.items():
        field = form.fields.get(name)
        label = f"{field.label}: " if field is not None else ""
        for error in errors:
            yield f"{label}{error}"


def preview_problems(form, formsets):
    """(list, problem) for what keeps the form from a preview: the page's own fields
    first (no list), then each inline's, under the inline's name."""
    for error in labelled_errors(form):
        yield "", error
    for formset in formsets:
        heading = formset.model._meta.verbose_name_plural
        for error in formset.non_form_errors():
            yield heading, error
        for inline_form in formset.forms:
            for error in labelled_errors(inline_form):
                yield heading, error


class EditorAdminMixin:
    """Mix into the ModelAdmin of every page type and of articles (see module docstring)."""

    class Media:
        css = {"all": ["css/admin-editor.css"]}
        js = ["js/admin/seo.js", "editing/side-panel.js"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is not None and db_field.name in ("seo_title", "meta_description"):
            formfield.widget.attrs.update(
                {
                    "data-seo-counter": db_field.max_length,
                    "data-search-preview-address": self.search_preview_address(request),
                }
            )
        return formfield

    def search_preview_address(self, request) -> str:
        """The page's address with a placeholder for the slug, for the search preview."""
        example = self.model(slug=SLUG_PLACEHOLDER)
        return request.build_absolute_uri(example.get_absolute_url())

    def get_form(self, request, obj=None, change=False, with_checklist=True, **kwargs):
        form_class = super().get_form(request, obj, change, **kwargs)
        if not with_checklist:
            return form_class
        return type(form_class.__name__, (ChecklistFormMixin, form_class), {})

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # A draft is never held for what the apps check (a link that leads nowhere), so
        # it is told on the page the editor lands on. A publish was checked in the form.
        if getattr(form, "faults_checked", False):
            return
        for advice in app_checks(obj):
            self.message_user(
                request, f"Saved, but: {advice.message}", messages.WARNING
            )

    def render_change_form(
        self, request, context, add=False, change=False, form_url="", obj=None
    ):
        prefix = f"admin:{self.opts.app_label}_{self.opts.model_name}"

        def url(view: str) -> str:
            if obj is not None and obj.pk:
                return reverse(f"{prefix}_{view}", args=[obj.pk])
            return reverse(f"{prefix}_{view}_add")

        context.update(preview_url=url("preview"), advice_url=url("advice"))
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        # The preview is also drawn in the form's side panel: framed by this site only.
        view = self.admin_site.admin_view(
            csp_replace({"frame-ancestors": ["'self'"]})(
                xframe_options_sameorigin(self.preview_view)
            )
        )
        advice = self.admin_site.admin_view(self.advice_view)
        return [
            path("add/preview/", view, name=f"{prefix}_preview_add"),
            path("<path:object_id>/preview/", view, name=f"{prefix}_preview"),
            path("add/advice/", advice, name=f"{prefix}_advice_add"),
            path("<path:object_id>/advice/", advice, name=f"{prefix}_advice"),
            *super().get_urls(),
        ]

    def advice_view(self, request, object_id=None):
        """The checklist of the form as typed, as JSON for the side panel: each item's
        words, its field and label, and whether it holds publishing. Nothing is saved."""
        if request.method != "POST":
            return JsonResponse({"error": "Send the form with POST."}, status=405)
        obj = self.object_to_edit(request, object_id)
        form = self.get_form(
            request, obj, change=obj is not None, with_checklist=False
        )(request.POST, instance=obj)
        form.is_valid()
        items = []
        for advice in content_checklist(typed_page(form)):
            field = form_field(form, advice)
            label = form.fields[field].label if field else ""
            items.append(
                {
                    "message": advice.message,
                    "field": field or "",
                    "label": str(label or ""),
                    "blocks": advice.blocks,
                }
            )
        return JsonResponse({"items": items})  # admin_view marks it never cached

    def object_to_edit(self, request, object_id):
        """The object a preview or the advice is of (None on the add form), for a user
        who may change it (or add one)."""
        if object_id is None:
            if not self.has_add_permission(request):
                raise PermissionDenied
            return None
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404("This page no longer exists.")
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        return obj

    def preview_view(self, request, object_id=None):
        """The change form as typed, with its inlines, shown by the public page's view
        and template, built in memory: nothing is saved (editing/preview.py)."""
        obj = self.object_to_edit(request, object_id)
        if request.method != "POST":
            return redirect(
                reverse(
                    f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist"
                )
            )
        form_class = self.get_form(
            request, obj, change=obj is not None, with_checklist=False
        )
        # The page's own upload fields are left out: a preview stores no file, and shows
        # the image already saved.
        form = form_class(request.POST, instance=obj)
        form_valid = form.is_valid()
        formsets = self.typed_formsets(request, obj, form.instance)
        problems = []
        if form_valid and all(formset.is_valid() for formset in formsets):
            try:
                return render_preview(request, page_as_typed(form, formsets))
            except AddressTaken as taken:
                problems = [("Address", str(taken))]
        context = {
            **self.admin_site.each_context(request),
            "title": "Preview: fix these first",
            "problems": [*preview_problems(form, formsets), *problems],
            "opts": self.opts,
        }
        return render(request, "admin/preview_errors.html", context)

    def typed_formsets(self, request, obj, page) -> list:
        """The inline formsets of the form as posted, bound to the page in memory."""
        formsets, prefixes = [], {}
        for formset_class, inline in self.get_formsets_with_inlines(request, obj):
            prefix = formset_class.get_default_prefix()
            prefixes[prefix] = prefixes.get(prefix, 0) + 1
            if prefixes[prefix] != 1:
                prefix = f"{prefix}-{prefixes[prefix]}"
            formsets.append(
                formset_class(
                    data=request.POST,
                    files=request.FILES,
                    instance=page,
                    prefix=prefix,
                    queryset=inline.get_queryset(request),
                )
            )
        return formsets
