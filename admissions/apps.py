from django.apps import AppConfig


class AdmissionsConfig(AppConfig):
    """Admission inquiries from prospective patients and families, readable by admissions staff only."""

    name = "admissions"

    def ready(self):
        from rehab_site import bench

        from . import bench as admissions_bench
        from . import checks  # noqa: F401 (registers the system checks)

        bench.register(admissions_bench.VOLUME)
