from django.apps import AppConfig


class AccreditationsConfig(AppConfig):
    """The center's accreditations, licences and certifications: shown while valid, hidden
    at their expiry, and flagged to staff before they lapse."""

    name = "accreditations"
    verbose_name = "Accreditations and licenses"

    def ready(self) -> None:
        from rehab_site import content_apps

        content_apps.register(self)
