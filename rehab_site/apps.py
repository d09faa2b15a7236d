from django.apps import AppConfig


class RehabSiteConfig(AppConfig):
    """Site-wide pieces: settings, menus, editor images and the content cache."""

    name = "rehab_site"
    verbose_name = "Site"

    def ready(self) -> None:
        from django.conf import settings
        from django.core import checks
        from django.db.models.signals import post_migrate
        from PIL import Image

        from .caching import connect_signals
        from .links import check_every_link_field
        from .roles import sync_roles

        connect_signals()
        checks.register(check_every_link_field, checks.Tags.models)

        # After every app's migrations (and every test-database flush): the staff groups.
        post_migrate.connect(sync_roles, dispatch_uid="rehab_site.sync_roles")

        # Pillow's bomb guard, at our own cap, for every image the site opens.
        Image.MAX_IMAGE_PIXELS = settings.MAX_UPLOAD_IMAGE_PIXELS
