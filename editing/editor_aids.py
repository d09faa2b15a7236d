"""What the admin's change forms for pages and articles add to the stock admin, so editors
see what visitors will see:

- the editor's text in the site's own typography (static/css/admin-editor.css);
- a thumbnail beside every image field;
- live counters for the SEO title and meta description, and a search-result preview
  (static/js/admin/seo.js);
- "Preview", one click, before the first save too: the form as typed, inlines included,
  rendered by the public page's own view and template in a new tab, built in memory
  (editing/preview.py);
- a content checklist before publishing (editing/checklist.py): the save is held with
  the list of problems, and "Publish anyway" goes ahead;
- after every save, what the apps check of the text (a link that leads nowhere) as a
  warning on the next page.
"""

import copy

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path, reverse

from editing.checklist import app_checks, content_checklist, is_being_published
from editing.preview import AddressTaken, page_as_typed, render_preview
from editing.publishing_actions import PUBLISH_ANYWAY
from editing.richtext import RichTextField, sanitize_html

SLUG_PLACEHOLDER = "your-page-address"


class ThumbnailFileInput(admin.widgets.AdminFileWidget):
    """The stock image input, with the current image shown as a picture, not a path."""

    template_name = "admin/widgets/thumbnail_file_input.html"


class ChecklistFormMixin:
    """Holds a save that publishes a page with checklist problems, unless the editor chose
    "Publish anyway"."""

    publish_anyway = False

    def clean(self):
        cleaned = super().clean()
        if self.publish_anyway or self.errors or not is_being_published(self):
            return cleaned
        problems = content_checklist(self.page_as_typed())
        if problems:
            raise ValidationError(
                [ValidationError(problem, code="checklist") for problem in problems]
            )
        return cleaned

    def page_as_typed(self):
        page = copy.copy(self.instance)
        for name, value in self.cleaned_data.items():
            field = next(
                (f for f in page._meta.concrete_fields if f.name == name), None
            )
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

    formfield_overrides = {models.ImageField: {"widget": ThumbnailFileInput}}

    class Media:
        css = {"all": ["css/admin-editor.css"]}
        js = ["js/admin/seo.js"]

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
        return type(
            form_class.__name__,
            (ChecklistFormMixin, form_class),
            {"publish_anyway": PUBLISH_ANYWAY in request.POST},
        )

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # A save is never held for what the apps check (a link that leads nowhere), so
        # it is told on the page the editor lands on, saved draft change or live page.
        for problem in app_checks(obj):
            self.message_user(request, f"Saved, but: {problem}", messages.WARNING)

    def render_change_form(
        self, request, context, add=False, change=False, form_url="", obj=None
    ):
        prefix = f"admin:{self.opts.app_label}_{self.opts.model_name}"
        preview = (
            reverse(f"{prefix}_preview", args=[obj.pk])
            if obj is not None and obj.pk
            else reverse(f"{prefix}_preview_add")
        )
        form = context["adminform"].form
        context.update(
            preview_url=preview,
            checklist_failed=any(
                error.code == "checklist" for error in form.non_field_errors().as_data()
            ),
        )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        view = self.admin_site.admin_view(self.preview_view)
        return [
            path("add/preview/", view, name=f"{prefix}_preview_add"),
            path("<path:object_id>/preview/", view, name=f"{prefix}_preview"),
            *super().get_urls(),
        ]

    def preview_view(self, request, object_id=None):
        """The change form as typed, with its inlines, shown by the public page's view
        and template, built in memory: nothing is saved (editing/preview.py)."""
        obj = None
        if object_id is not None:
            obj = self.get_object(request, unquote(object_id))
            if obj is None:
                raise Http404("This page no longer exists.")
            if not self.has_change_permission(request, obj):
                raise PermissionDenied
        elif not self.has_add_permission(request):
            raise PermissionDenied
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
