from django.apps import AppConfig


class AdmissionsConfig(AppConfig):
    """Admission inquiries from prospective patients and families, readable by admissions staff only."""

    name = "admissions"

    def ready(self):
        from . import checks  # noqa: F401 (registers the system checks)
