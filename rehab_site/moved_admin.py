"""Admin addresses of models that moved to another app: the site's own models out of this
package (site settings, menus and the home page to `website`, draft changes, editor
images and redirects to `editing`, enrolment links to `staff_access`), and insurance
verifications out of `admissions` into `insurance_verification`.

Their tables kept their names (`<old app>_<model>`), so the table says where a model came
from; an old address, bookmarked or in an email sent before the move, is sent on to the
same page under the model's app today. Only the moved models' addresses are taken: the
old app's other models keep theirs.
"""

import re

from django.apps import apps
from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import re_path


def moved_models(old_labels) -> dict[tuple[str, str], str]:
    """{(old app label, model name): the model's app label today}."""
    moved = {}
    for model in apps.get_models():
        opts = model._meta
        for old_label in old_labels:
            if (
                opts.app_label != old_label
                and opts.db_table == f"{old_label}_{opts.model_name}"
            ):
                moved[old_label, opts.model_name] = opts.app_label
    return moved


def moved_admin_pages(admin_prefix: str, old_labels) -> list:
    moved = moved_models(old_labels)

    def redirect(request, old_label: str, model_name: str, rest: str = ""):
        app_label = moved.get((old_label, model_name))
        if app_label is None:
            raise Http404("No such page.")
        query = request.META.get("QUERY_STRING", "")
        to = f"/{admin_prefix}{app_label}/{model_name}/{rest}"
        return HttpResponsePermanentRedirect(f"{to}?{query}" if query else to)

    if not moved:
        return []
    labels = "|".join(sorted({re.escape(label) for label, _ in moved}))
    names = "|".join(sorted({re.escape(name) for _, name in moved}))
    prefix = (
        rf"^{re.escape(admin_prefix)}(?P<old_label>{labels})/(?P<model_name>{names})/"
    )
    return [
        re_path(rf"{prefix}$", redirect, name="moved_admin_model"),
        re_path(rf"{prefix}(?P<rest>.+)$", redirect, name="moved_admin_page"),
    ]
