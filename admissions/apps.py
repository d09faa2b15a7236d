from django.apps import AppConfig


class AdmissionsConfig(AppConfig):
    """Admission inquiries from prospective patients and families, readable by admissions
    staff only; and what every kind of case they work shares (cases.py)."""

    name = "admissions"

    def ready(self):
        from dashboard import notices
        from staff_access import roles
        from website import bench, demos

        from . import (
            attention,
            cases,
            checks,  # noqa: F401 (registers the system checks)
        )
        from . import bench as admissions_bench
        from .models import Inquiry
        from .notifications import enqueue_notification

        cases.register(Inquiry, notify=enqueue_notification)
        roles.works_cases(
            self,
            withheld=[
                "add_inquiry",  # inquiries come from the public form only
                "delete_inquiry",  # the retention purge, or a superuser with a reason
                "change_inquirynote",  # notes are added, never edited
                "delete_inquirynote",
                "add_accesslog",  # written by the site's code only
                "change_accesslog",
                "delete_accesslog",
            ],
        )
        bench.register(admissions_bench.VOLUME)
        demos.provide("admissions.demo")
        notices.provide(attention.attention)
        notices.provide_panel(attention.queue_panel)
