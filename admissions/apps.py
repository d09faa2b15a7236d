from django.apps import AppConfig


class AdmissionsConfig(AppConfig):
    """Admission inquiries from prospective patients and families, readable by admissions staff only."""

    name = "admissions"
