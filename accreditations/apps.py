from django.apps import AppConfig


class AccreditationsConfig(AppConfig):
    """The center's accreditations, licences and certifications: shown while valid, hidden
    at their expiry, and flagged to staff before they lapse."""

    name = "accreditations"
    verbose_name = "Accreditations and licenses"
