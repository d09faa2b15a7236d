from django.apps import apps
from django.contrib import admin
from django.core import checks


def admins_choose_from_the_library(app_configs, **kwargs):
    """Every admin form (and inline) with a picture field shows the library's chooser,
    rather than the stock select of every picture."""
    from .admin import PictureChoosingMixin
    from .fields import picture_fields

    problems = []
    for model in apps.get_models():
        if not admin.site.is_registered(model):
            continue
        model_admin = admin.site.get_model_admin(model)
        for admin_class, edited in [
            (type(model_admin), model),
            *((inline, inline.model) for inline in model_admin.inlines),
        ]:
            if picture_fields(edited) and not issubclass(
                admin_class, PictureChoosingMixin
            ):
                problems.append(
                    checks.Error(
                        f"{admin_class.__qualname__} edits {edited._meta.label}'s picture "
                        "fields without the library's chooser.",
                        hint="Mix in pictures.admin.PictureChoosingMixin.",
                        obj=admin_class,
                        id="pictures.E001",
                    )
                )
    return problems
