from django.apps import AppConfig


class AccreditationsConfig(AppConfig):
    """The center's accreditations, licences and certifications: shown while valid, hidden
    at their expiry, and flagged to staff before they lapse."""

    name = "accreditations"
    verbose_name = "Accreditations and licenses"

    def ready(self) -> None:
        from dashboard import notices
        from rehab_site import content_apps
        from website import demos

        from . import attention

        content_apps.register(self)
        demos.provide("accreditations.demo")
        notices.provide(attention.attention)
