"""The picture library in the admin (*Pictures*) and its chooser.

The list is searchable and filtered by tag, each row with its thumbnail and how many
places use it. A picture's page sets its focal point by a click (static/pictures/
focal-point.js), lists where it is used, and takes a new file that replaces it
everywhere. Deleting a picture in use is refused, with the uses listed (the stock delete
page, from the protected relations).

The chooser (`choose_view`, opened in a dialog by static/pictures/chooser.js from every
picture field and from the rich-text editor) lists the library a page at a time with the
same search and tags, and uploads a new picture into it (`upload_view`).
"""

import logging

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.decorators import method_decorator
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST
from taggit.models import Tag

from editing.publishing_actions import DRAFT_BUTTON, PUBLISH_BUTTON
from editing.uploads import STORAGE_FAILURE_MESSAGE, MediaStorageFailureAdminMixin

from .fields import PictureField, picture_fields
from .forms import PictureForm, UploadForm
from .models import Picture
from .usage import uses_of, with_use_counts

CHOOSER_PAGE_SIZE = 24

logger = logging.getLogger(__name__)

# Tags are written on each picture (a comma-separated field); taggit's own list of tags
# would be a second place to edit them. Its admin module is imported first, so this holds
# whichever app's admin is discovered first.
import taggit.admin  # noqa: E402, F401

admin.site.unregister(Tag)


class NeedsAltFilter(admin.SimpleListFilter):
    title = "alt text"
    parameter_name = "alt"

    def lookups(self, request, model_admin):
        return [
            ("missing", "Missing"),
            ("written", "Written"),
            ("decorative", "Decorative"),
        ]

    def queryset(self, request, queryset):
        if self.value() == "missing":
            return queryset.filter(alt="", decorative=False)
        if self.value() == "written":
            return queryset.exclude(alt="")
        if self.value() == "decorative":
            return queryset.filter(decorative=True)
        return queryset


def searched(queryset, terms: str):
    """Pictures whose title, alt text, credit or a tag holds every word of `terms`."""
    for word in terms.split()[:10]:
        queryset = queryset.filter(
            Q(title__icontains=word)
            | Q(alt__icontains=word)
            | Q(credit__icontains=word)
            | Q(tags__name__icontains=word)
        )
    return queryset.distinct() if terms.split() else queryset


def json_picture(picture: Picture) -> dict:
    sizes = picture.renditions.get("sizes", [])
    return {
        "id": picture.pk,
        "title": picture.title,
        "alt": picture.alt_text,
        "decorative": picture.decorative,
        "url": picture.file.url,
        "thumbnail": sizes[0]["url"] if sizes else picture.file.url,
    }


@admin.register(Picture)
class PictureAdmin(MediaStorageFailureAdminMixin, admin.ModelAdmin):
    form = PictureForm
    list_display = ["thumbnail", "title", "alt_state", "tag_list", "uses", "updated_at"]
    list_display_links = ["title"]
    list_filter = [NeedsAltFilter, "tags"]
    search_fields = ["title", "alt", "credit", "tags__name"]
    list_per_page = 48
    readonly_fields = ["uploaded_by", "created_at"]
    fieldsets = [
        (None, {"fields": ["file", "title", "alt", "decorative", "credit", "tags"]}),
        (
            "Focal point",
            {
                "fields": ["focal_x", "focal_y"],
                "description": "Crops of this picture (a 4:3 hero, a square portrait) "
                "keep the focal point in view.",
            },
        ),
        ("Uploaded", {"fields": ["uploaded_by", "created_at"]}),
    ]

    class Media:
        css = {"all": ["pictures/pictures.css"]}
        js = ["pictures/focal-point.js"]

    def get_queryset(self, request):
        return with_use_counts(super().get_queryset(request)).prefetch_related("tags")

    def get_search_results(self, request, queryset, search_term):
        return searched(queryset, search_term), bool(search_term.split())

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)

    @admin.display(description="picture")
    def thumbnail(self, picture):
        sizes = picture.renditions.get("sizes", [])
        if not sizes:
            return ""
        return format_html(
            '<img class="picture-thumb" src="{}" alt="" width="96" height="{}" loading="lazy">',
            sizes[0]["url"],
            round(96 * sizes[0]["height"] / sizes[0]["width"]),
        )

    @admin.display(description="alt text")
    def alt_state(self, picture):
        if picture.decorative:
            return "Decorative"
        if picture.alt:
            return picture.alt
        return mark_safe('<strong class="picture-missing">Missing</strong>')

    @admin.display(description="tags")
    def tag_list(self, picture):
        return ", ".join(sorted(tag.name for tag in picture.tags.all()))

    @admin.display(description="used", ordering="use_count")
    def uses(self, picture):
        count = picture.use_count
        return f"{count} place{'s' if count != 1 else ''}" if count else "Not used"

    def render_change_form(
        self, request, context, add=False, change=False, obj=None, **kwargs
    ):
        context["uses"] = uses_of(obj, request) if obj is not None else []
        return super().render_change_form(
            request, context, add=add, change=change, obj=obj, **kwargs
        )

    # The chooser ------------------------------------------------------------------------

    def get_urls(self):
        return [
            path(
                "choose/",
                self.admin_site.admin_view(self.choose_view),
                name="pictures_picture_choose",
            ),
            path(
                "choose/upload/",
                self.admin_site.admin_view(self.upload_view),
                name="pictures_picture_choose_upload",
            ),
            *super().get_urls(),
        ]

    def choose_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        terms = request.GET.get("q", "")[:200]
        tag = request.GET.get("tag", "")[:100]
        pictures = searched(Picture.objects.all(), terms)
        if tag:
            pictures = pictures.filter(tags__name=tag)
        page = Paginator(pictures, CHOOSER_PAGE_SIZE).get_page(request.GET.get("page"))
        context = {
            **self.admin_site.each_context(request),
            "title": "Choose a picture",
            "opts": self.opts,
            "page": page,
            "terms": terms,
            "tag": tag,
            "tags": Tag.objects.filter(picture__isnull=False)
            .distinct()
            .order_by("name")
            .values_list("name", flat=True),
            "upload_form": UploadForm() if self.has_add_permission(request) else None,
        }
        return TemplateResponse(request, "admin/pictures/choose.html", context)

    @method_decorator(require_POST)
    def upload_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = UploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return JsonResponse({"errors": form.errors.get_json_data()}, status=400)
        picture = form.save(commit=False)
        picture.uploaded_by = request.user
        try:
            with transaction.atomic():
                picture.save()
                form.save_m2m()
        except OSError:
            logger.exception("Storing a picture from the chooser failed.")
            message = {"message": STORAGE_FAILURE_MESSAGE, "code": "storage"}
            return JsonResponse({"errors": {"__all__": [message]}}, status=503)
        return JsonResponse(json_picture(picture), status=201)


class PictureChoosingMixin:
    """For every ModelAdmin and inline with a picture field: the library's chooser, without
    the stock related-object links around it (the chooser uploads and edits itself).
    `pictures.checks` makes sure each such admin has it.

    On an inline (a page's sections, its gallery), a picture nobody has described holds
    the page's *Publish*, named on its row's field, as the checklist does for the page's
    own pictures (pictures/checklist.py); a draft is never held."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, PictureField):
            return db_field.formfield(**kwargs)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        return type(formset.__name__, (DescribedOnPublishFormSet, formset), {})


class DescribedOnPublishFormSet:
    """An inline's rows: when the page is published, each chosen picture is described."""

    def clean(self):
        super().clean()
        if PUBLISH_BUTTON not in self.data or DRAFT_BUTTON in self.data:
            return
        fields = picture_fields(self.model)
        for form in self.forms:
            cleaned = getattr(form, "cleaned_data", None) or {}
            if cleaned.get("DELETE"):
                continue
            for field in fields:
                picture = cleaned.get(field.name)
                if picture is not None and picture.needs_alt:
                    form.add_error(field.name, picture.missing_alt)
