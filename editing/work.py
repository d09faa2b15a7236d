"""The editor's work on the dashboard (dashboard/notices.py panels): their own drafts,
what is scheduled to go live and when, and what anyone edited last.

Every panel reads the content models in the admin (rehab_site/content_apps.py) and holds
only pages of models the user may change. Each row links to the page's form.
"""

from django.apps import apps
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.text import capfirst
from reversion.models import Revision, Version

from dashboard.notices import Panel, PanelRow
from editing.models import DraftChange
from editing.publishing import Publishable, Status, local_datetime
from rehab_site.content_apps import content_app_labels

# The rows a panel shows; "and N more" says what is past them.
SHOWN = 6
# How many of the user's newest versions are looked through for their drafts.
LOOKED_THROUGH = 200


def editable_models(user) -> list:
    """Content models in the admin whose pages `user` may change."""
    return [
        model
        for model in apps.get_models()
        if model._meta.app_label in content_app_labels()
        and admin.site.is_registered(model)
        and user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}")
    ]


def change_url(model, pk) -> str:
    opts = model._meta
    try:
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[pk])
    except NoReverseMatch:
        return ""


def kind(model) -> str:
    return capfirst(str(model._meta.verbose_name))


def more(count: int) -> str:
    return f"and {count} more" if count > 0 else ""


def types_of(models) -> dict:
    """{content type id: model} for `models`."""
    return {
        content_type.pk: model
        for model, content_type in ContentType.objects.get_for_models(*models).items()
    }


def publishable(models) -> list:
    return [model for model in models if issubclass(model, Publishable)]


def page_rows(found, detail) -> tuple[PanelRow, ...]:
    """The first rows of `found`, (moment, model, page, state) each, with their words
    from `detail(moment, model, state)`."""
    return tuple(
        PanelRow(
            label=str(page),
            url=change_url(model, page.pk),
            detail=detail(moment, model, state),
        )
        for moment, model, page, state in found[:SHOWN]
    )


def your_drafts(request, models) -> Panel:
    """Pages the user saved last that are still drafts, and draft changes they saved."""
    user = request.user
    models_by_type = types_of(publishable(models))
    latest = {}
    for type_id, object_id, saved in (
        Version.objects.filter(revision__user=user, content_type_id__in=models_by_type)
        .order_by("-revision__date_created", "-revision_id")
        .values_list("content_type_id", "object_id", "revision__date_created")[
            :LOOKED_THROUGH
        ]
    ):
        latest.setdefault((type_id, object_id), saved)
    found = []
    for type_id, model in models_by_type.items():
        keys = [object_id for (kind_id, object_id) in latest if kind_id == type_id]
        if not keys:
            continue
        for page in model._default_manager.filter(pk__in=keys, status=Status.DRAFT):
            found.append((latest[type_id, str(page.pk)], model, page, "Draft"))
    for draft in (
        DraftChange.objects.filter(
            revision__user=user, content_type_id__in=models_by_type
        )
        .select_related("revision")
        .prefetch_related("page")
    ):
        page = draft.page
        if page is not None:
            model = models_by_type[draft.content_type_id]
            found.append(
                (draft.revision.date_created, model, page, "Draft change, not live yet")
            )
    found.sort(key=lambda item: item[0], reverse=True)
    return Panel(
        title="Your drafts",
        rows=page_rows(
            found,
            lambda saved, model, state: (
                f"{kind(model)} · {state} · saved {local_datetime(saved)}"
            ),
        ),
        empty="You have no drafts. Pages you save as drafts wait here.",
        order=10,
        more=more(len(found) - SHOWN),
    )


def scheduled(request, models) -> Panel:
    """Pages and draft changes that go live by themselves, soonest first."""
    now = timezone.now()
    models_by_type = types_of(publishable(models))
    found = []
    for model in models_by_type.values():
        for page in model._default_manager.filter(
            status=Status.PUBLISHED, publish_at__gt=now
        ).order_by("publish_at")[: SHOWN + 1]:
            found.append((page.publish_at, model, page, "Goes live"))
    for draft in (
        DraftChange.objects.filter(
            publish_at__gt=now, content_type_id__in=models_by_type
        )
        .order_by("publish_at")
        .prefetch_related("page")[: SHOWN + 1]
    ):
        page = draft.page
        if page is not None:
            model = models_by_type[draft.content_type_id]
            found.append((draft.publish_at, model, page, "Its change goes live"))
    found.sort(key=lambda item: item[0])
    return Panel(
        title="Scheduled to go live",
        rows=page_rows(
            found,
            lambda moment, model, state: (
                f"{kind(model)} · {state} {local_datetime(moment)}"
            ),
        ),
        empty="Nothing is scheduled. Set a future “Publish at” time to schedule a page.",
        order=20,
        more="and more" if len(found) > SHOWN else "",
    )


def recently_edited(request, models) -> Panel:
    """The newest versions of pages the user may change, by anyone, one row a page."""
    models_by_type = types_of(models)
    revisions = (
        Revision.objects.filter(version__content_type_id__in=models_by_type)
        .order_by("-date_created", "-pk")
        .select_related("user")
        .distinct()[: SHOWN * 3]
    )
    versions = Version.objects.filter(
        revision__in=[revision.pk for revision in revisions],
        content_type_id__in=models_by_type,
    ).order_by("pk")
    first_of = {}
    for version in versions:
        first_of.setdefault(version.revision_id, version)
    rows, seen = [], set()
    for revision in revisions:
        version = first_of.get(revision.pk)
        if version is None:
            continue
        key = (version.content_type_id, version.object_id)
        if key in seen:
            continue
        seen.add(key)
        model = models_by_type[version.content_type_id]
        who = (
            (revision.user.get_full_name() or revision.user.get_username())
            if revision.user
            else "the site"
        )
        rows.append(
            PanelRow(
                label=version.object_repr,
                url=change_url(model, version.object_id),
                detail=f"{kind(model)} · {who} · {local_datetime(revision.date_created)}",
            )
        )
        if len(rows) == SHOWN:
            break
    return Panel(
        title="Recently edited",
        rows=tuple(rows),
        empty="Nothing has been edited yet.",
        order=30,
    )


def editing_panels(request) -> list[Panel]:
    models = editable_models(request.user)
    if not models:
        return []
    return [
        your_drafts(request, models),
        scheduled(request, models),
        recently_edited(request, models),
    ]
