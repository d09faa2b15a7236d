from django.apps import AppConfig


class RehabSiteConfig(AppConfig):
    """Site-wide pieces: settings, menus, editor images and the content cache version."""

    name = "rehab_site"
    verbose_name = "Site"

    def ready(self) -> None:
        from django.conf import settings
        from PIL import Image

        from . import signals  # noqa: F401

        # Pillow's bomb guard, at our own cap, for every image the site opens.
        Image.MAX_IMAGE_PIXELS = settings.MAX_UPLOAD_IMAGE_PIXELS
