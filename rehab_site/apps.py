from django.apps import AppConfig


class RehabSiteConfig(AppConfig):
    """Site-wide pieces: settings, menus, editor images and the content cache."""

    name = "rehab_site"
    verbose_name = "Site"

    def ready(self) -> None:
        from django.apps import apps
        from django.conf import settings
        from django.core import checks
        from django.db.models.signals import post_migrate
        from PIL import Image

        from . import content_apps
        from .caching import connect_signals
        from .editing import content_admins_on_content_only
        from .links import check_every_link_field
        from .roles import sync_roles

        # post_migrate is sent once for each app, in INSTALLED_APPS order; what needs every
        # app's tables and permissions listens for the last one only, so it runs once per
        # migrate (and per test-database flush), after everything else.
        content_apps.register(self)
        last_app = list(apps.get_app_configs())[-1]
        connect_signals(after_migrate_of=last_app)
        checks.register(check_every_link_field, checks.Tags.models)
        checks.register(content_admins_on_content_only, checks.Tags.admin)

        # The staff groups.
        post_migrate.connect(
            sync_roles, sender=last_app, dispatch_uid="rehab_site.sync_roles"
        )

        # Pillow's bomb guard, at our own cap, for every image the site opens.
        Image.MAX_IMAGE_PIXELS = settings.MAX_UPLOAD_IMAGE_PIXELS
