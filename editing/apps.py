from django.apps import AppConfig


class EditingConfig(AppConfig):
    """How staff edit what visitors see: versions, drafts, preview, scheduled publishing,
    the publishing checklist, rich text, images and uploads, links and redirects."""

    name = "editing"
    verbose_name = "Editing"

    def ready(self) -> None:
        from django.conf import settings
        from django.core import checks
        from django.db.models.signals import post_delete
        from PIL import Image

        from dashboard import notices
        from rehab_site import content_apps

        from . import work
        from .content_admin import content_admins_on_content_only
        from .drafts import page_deleted
        from .links import check_every_link_field

        content_apps.register(self)
        notices.provide_panel(work.editing_panels)
        checks.register(check_every_link_field, checks.Tags.models)
        checks.register(content_admins_on_content_only, checks.Tags.admin)
        post_delete.connect(page_deleted, dispatch_uid="editing.drafts.page_deleted")

        # Pillow's bomb guard, at our own cap, for every image the site opens.
        Image.MAX_IMAGE_PIXELS = settings.MAX_UPLOAD_IMAGE_PIXELS
