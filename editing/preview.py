"""Preview: a page as its change form is typed, built in memory and shown by the public
page's own view and template, before the first save too. Nothing is written: no row, no
file, no version, and the content generation (rehab_site/caching.py) stays as it is, so a
preview never empties the cache visitors are served from.

The page is the form's instance after validation (a ModelForm puts what was typed on its
instance without saving it). What the page lists through a relation, as typed in the form
(its many-to-many fields) and in the inlines below it (questions, photos, videos), rides
along as `typed_relations`. Public views and templates read a page's lists through
`related()` (the `related` template filter), which gives the typed list for a preview and
the relation's rows otherwise; `prefetch_details()` stands in for Django's
`prefetch_related_objects()` in those views. While the preview is drawn nothing is
cached (`rehab_site.caching.nothing_kept`): values and fragments built from the typed
page are built each time and kept nowhere.

A public detail view that can show a preview has the class attribute `preview_of`: the
admin renders it with `as_view(preview_of=page)`.
"""

import copy
import functools

from django.core.files import File
from django.db.models import Prefetch, prefetch_related_objects
from django.db.models.fields.files import FieldFile
from django.http import QueryDict
from django.urls import Resolver404, resolve

from rehab_site.caching import nothing_kept

TYPED = "typed_relations"


def typed_relations(page) -> dict[str, list]:
    """The lists typed in the form for this page, by relation name; empty unless previewed."""
    return getattr(page, TYPED, None) or {}


def with_typed_relations(page, relations: dict[str, list]):
    """`page` listing `relations` (by relation name) instead of its rows, as a preview
    does: for a page built in memory."""
    setattr(page, TYPED, relations)
    return page


def is_typed_preview(page) -> bool:
    return hasattr(page, TYPED)


def related(page, name: str):
    """What `page` lists under the relation `name`: as typed in a preview; otherwise the
    relation's rows (those the view prefetched, when it did). A page not yet saved has
    no rows, so nothing but what was typed."""
    typed = typed_relations(page)
    if name in typed:
        return typed[name]
    if page.pk is None:
        return []
    return getattr(page, name).all()


def prefetch_details(page, *lookups) -> None:
    """`prefetch_related_objects([page], *lookups)`, with the typed lists of a preview in
    place of the relations they cover. A typed many-to-many list is filtered and ordered
    by the lookup's queryset, as the live page would be (a chosen draft addiction stays
    off the page); typed inline rows are unsaved, so they are kept as typed."""
    typed = typed_relations(page)
    chosen_on_the_form = {field.name for field in page._meta.many_to_many}
    queried = []
    for lookup in lookups:
        prefetch = lookup if isinstance(lookup, Prefetch) else Prefetch(lookup)
        name = prefetch.prefetch_through
        if name not in typed:
            if page.pk is not None:
                queried.append(prefetch)
            continue
        if prefetch.queryset is not None and name in chosen_on_the_form:
            typed[name] = list(
                prefetch.queryset.filter(pk__in=[item.pk for item in typed[name]])
            )
    if queried:
        prefetch_related_objects([page], *queried)


def relation_name(model, related_model) -> str | None:
    """The name under which `model` reaches the rows of an inline's `related_model`."""
    for field in model._meta.get_fields():
        if field.related_model is related_model and field.one_to_many:
            return field.get_accessor_name() if field.auto_created else field.name
    return None


def is_new_file(value) -> bool:
    """A file just chosen (as uploaded, or as the form re-encoded it), not one stored."""
    return isinstance(value, File) and not isinstance(value, FieldFile)


def sort_rows(rows: list) -> list:
    """Inline rows in the order visitors see them: by `order` where the rows have one,
    saved rows before new ones of the same order."""
    if rows and any(field.name == "order" for field in rows[0]._meta.fields):
        rows.sort(key=lambda row: (row.order, row.pk is None, row.pk or 0))
    return rows


def typed_inline_rows(formset, *, store_new_files: bool = False) -> list:
    """The rows of a valid inline formset as typed: changed rows with their changes,
    new rows, not those marked for deletion.

    A file just chosen is stored only with `store_new_files` (a draft change keeps it).
    A preview stores nothing, so it leaves such a file out: a new row with one waits for
    the save, and a saved row shows the file it has."""
    deleted = set(map(id, formset.deleted_forms))
    rows = []
    for form in formset.forms:
        row = form.instance
        if id(form) in deleted or (row.pk is None and not form.has_changed()):
            continue
        uploads = [
            name for name, value in form.cleaned_data.items() if is_new_file(value)
        ]
        if store_new_files:
            for name in uploads:
                row._meta.get_field(name).pre_save(row, add=row.pk is None)
        elif uploads and row.pk is None:
            continue
        else:
            for name in uploads:
                setattr(row, name, form.initial.get(name))
        rows.append(row)
    return sort_rows(rows)


def page_as_typed(form, formsets):
    """The page of a valid change form and its valid inline formsets, in memory."""
    page = form.instance
    typed = {
        name: list(value)
        for name, value in form.cleaned_data.items()
        if name in {field.name for field in page._meta.many_to_many}
    }
    for formset in formsets:
        name = relation_name(type(page), formset.model)
        if name is not None:
            typed[name] = typed_inline_rows(formset)
    setattr(page, TYPED, typed)
    return page


class AddressTaken(Exception):
    """The page's address as typed leads to another part of the site."""

    def __init__(self, address: str):
        super().__init__(
            f"The address {address} belongs to another part of the site: choose "
            "another slug for this page."
        )


def render_preview(request, page):
    """The public page at the page's own address, drawn by its view from `page` as it is
    in memory. `request` is the admin's; the view sees a GET of the public address."""
    address = page.get_absolute_url()
    try:
        match = resolve(address)
    except Resolver404:
        raise AddressTaken(address) from None
    view_class = getattr(match.func, "view_class", None)
    if view_class is None or not hasattr(view_class, "preview_of"):
        raise AddressTaken(address)
    visitor_request = copy.copy(request)
    visitor_request.method = "GET"
    visitor_request.POST = QueryDict()
    visitor_request.path = visitor_request.path_info = address
    view = view_class.as_view(preview_of=page)
    return drawn_keeping_nothing(
        functools.partial(view, visitor_request, *match.args, **match.kwargs)
    )


def drawn_keeping_nothing(draw):
    """The response of `draw()`, drawn now with nothing kept in the caches: a page shown
    with what only staff may see yet (a typed form, a draft change) must never be served
    to visitors."""
    with nothing_kept():
        response = draw()
        if hasattr(response, "render"):
            response.render()
    return response
