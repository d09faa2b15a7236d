from django.apps import AppConfig


class PicturesConfig(AppConfig):
    """The picture library: every picture uploaded once, described once, chosen wherever
    it is shown, cropped around its focal point, and never deleted while in use."""

    name = "pictures"
    verbose_name = "Pictures"

    def ready(self) -> None:
        from django.core import checks
        from django.db.models.signals import post_delete, post_save

        from dashboard import notices
        from editing import checklist
        from rehab_site import content_apps

        from . import attention
        from .checklist import pictures_without_alt
        from .checks import admins_choose_from_the_library
        from .richtext import described_in_library, forget_uses, record_uses

        content_apps.register(self)
        checklist.add_check(pictures_without_alt)
        notices.provide(attention.pictures_without_alt)
        checklist.add_image_describer(described_in_library)
        checks.register(admins_choose_from_the_library, checks.Tags.admin)
        post_save.connect(record_uses, dispatch_uid="pictures.record_uses")
        post_delete.connect(forget_uses, dispatch_uid="pictures.forget_uses")
