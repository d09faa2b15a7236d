"""Admin addresses of the models that moved out of this package into apps of their own
(site settings, menus and the home page to `website`, draft changes, editor images and
redirects to `editing`, enrolment links to `staff_access`).

Their tables kept their names (`rehab_site_<model>`), so the table says where a model
came from; an old address, bookmarked or in an email sent before the move, is sent on to
the same page under the model's app today.
"""

from django.apps import apps
from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import path


def moved_admin_pages(admin_prefix: str, old_label: str) -> list:
    def moved(request, model_name: str, rest: str = ""):
        for model in apps.get_models():
            opts = model._meta
            if (
                opts.model_name == model_name
                and opts.app_label != old_label
                and opts.db_table == f"{old_label}_{model_name}"
            ):
                query = request.META.get("QUERY_STRING", "")
                to = f"/{admin_prefix}{opts.app_label}/{model_name}/{rest}"
                return HttpResponsePermanentRedirect(f"{to}?{query}" if query else to)
        raise Http404("No such page.")

    return [
        path(
            f"{admin_prefix}{old_label}/<str:model_name>/",
            moved,
            name="moved_admin_model",
        ),
        path(
            f"{admin_prefix}{old_label}/<str:model_name>/<path:rest>",
            moved,
            name="moved_admin_page",
        ),
    ]
