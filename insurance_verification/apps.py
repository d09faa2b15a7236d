from django.apps import AppConfig


class InsuranceVerificationConfig(AppConfig):
    """Insurance verifications: families send their card's details and photos to have
    their benefits checked; admissions staff work each one as a case."""

    name = "insurance_verification"
    verbose_name = "Insurance verification"

    def ready(self):
        from admissions import cases
        from dashboard import notices
        from staff_access import roles

        from . import (
            attention,
            checks,  # noqa: F401 (registers the system checks)
            services,  # noqa: F401 (links an inquiry to the same person's verifications)
        )
        from .models import InsuranceVerification
        from .notifications import enqueue_verification_notification

        cases.register(InsuranceVerification, notify=enqueue_verification_notification)
        roles.works_cases(
            self,
            withheld=[
                "add_insuranceverification",  # from the public form only
                "delete_insuranceverification",  # the retention purge, or a superuser
                "change_verificationnote",  # notes are added, never edited
                "delete_verificationnote",
            ],
        )
        notices.provide(attention.attention)
