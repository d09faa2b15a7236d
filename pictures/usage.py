"""Where a picture is used: every picture field of every model, and rich text
(PictureUse), found from the library's own relations, so a new picture field is counted
without a word here."""

from dataclasses import dataclass

from django.contrib import admin
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.text import capfirst

from editing import admin_links
from editing.admin_links import edit_target

from .models import Picture, PictureFile, PictureUse


@dataclass(frozen=True)
class Use:
    what: str  # "Article “Finding help”, featured picture"
    url: str  # its change form, or "" when this user cannot open it


def relations_to_pictures() -> list:
    """Each relation that points at a picture and counts as a use."""
    return [
        relation
        for relation in Picture._meta.get_fields(include_hidden=True)
        if (relation.one_to_many or relation.one_to_one)
        and relation.auto_created
        and relation.related_model is not PictureFile
    ]


def with_use_counts(queryset):
    """`queryset` with `use_count`: one subquery per relation, no join that multiplies."""
    total = Value(0, output_field=IntegerField())
    for relation in relations_to_pictures():
        counted = (
            relation.related_model._base_manager.filter(
                **{relation.field.name: OuterRef("pk")}
            )
            .order_by()
            .values(relation.field.name)
            .annotate(count=Count("pk"))
            .values("count")
        )
        total = total + Coalesce(
            Subquery(counted, output_field=IntegerField()),
            0,
            output_field=IntegerField(),
        )
    return queryset.annotate(use_count=total)


def change_url(obj, request) -> str:
    """The admin page where this user edits `obj`, or "" when they may not."""
    model = type(obj)
    if not admin.site.is_registered(model):
        return ""
    if not admin.site.get_model_admin(model).has_view_or_change_permission(request):
        return ""
    return admin_links.change_url(obj)


def uses_of(picture: Picture, request) -> list[Use]:
    """Each place `picture` is shown, with a link for whoever may edit it."""
    uses = []
    for relation in relations_to_pictures():
        model = relation.related_model
        for row in model._base_manager.filter(**{relation.field.name: picture}):
            if isinstance(row, PictureUse):
                page = row.page
                if page is not None:
                    what = f"{capfirst(page._meta.verbose_name)} “{page}”, {row}"
                    uses.append(Use(what, change_url(page, request)))
                continue
            page = edit_target(row)
            what = f"{capfirst(model._meta.verbose_name)} “{row}”, {relation.field.verbose_name}"
            if page is not row:
                what += f", on {page._meta.verbose_name} “{page}”"
            uses.append(Use(what, change_url(page, request)))
    return uses
