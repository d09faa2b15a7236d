from django.apps import AppConfig


class AdmissionsConfig(AppConfig):
    """Admission inquiries from prospective patients and families, readable by admissions staff only."""

    name = "admissions"

    def ready(self):
        from dashboard import notices
        from website import bench, demos

        from . import (
            attention,
            checks,  # noqa: F401 (registers the system checks)
        )
        from . import bench as admissions_bench

        bench.register(admissions_bench.VOLUME)
        demos.provide("admissions.demo")
        notices.provide(attention.attention)
