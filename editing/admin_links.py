"""Where staff edit a row: its own admin page, or the page it is edited on (a menu for
its items, a page for its sections and its gallery). The link report and the picture
library both send staff there."""

from django.contrib import admin
from django.db import models
from django.urls import NoReverseMatch, reverse


def edit_target(obj: models.Model) -> models.Model:
    """`obj` when it has an admin page; else the row whose admin edits it inline (found
    through its foreign keys, generic ones included), or failing that the first of them
    with an admin page; else `obj`."""
    if admin.site.is_registered(type(obj)):
        return obj
    opts = type(obj)._meta
    parents = []
    for field in [*opts.concrete_fields, *opts.private_fields]:
        if not field.many_to_one:
            continue
        if field.related_model is not None and not admin.site.is_registered(
            field.related_model
        ):
            continue  # no admin page to open: not worth reading
        parent = getattr(obj, field.name, None)
        if parent is not None and admin.site.is_registered(type(parent)):
            parents.append(parent)
    for parent in parents:
        inlines = admin.site.get_model_admin(type(parent)).inlines
        if any(inline.model is type(obj) for inline in inlines):
            return parent
    return parents[0] if parents else obj


def change_url(obj: models.Model) -> str:
    """The admin change page of `obj` itself, or "" when it has none."""
    opts = obj._meta
    try:
        return reverse(
            f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]
        )
    except NoReverseMatch:
        return ""
