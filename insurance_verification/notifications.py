"""The email that tells admissions staff a verification request has arrived: its number,
time and admin link, nothing personal; sent once, retried as an inquiry's is
(admissions/notifications.py)."""

from django.template.loader import render_to_string

from admissions.notifications import NewCaseEmail, admin_link
from rehab_site.task_queue import task

from .models import InsuranceVerification


class NewVerificationEmail(NewCaseEmail):
    model = InsuranceVerification
    name = "verification notification"

    def build(self, verification: InsuranceVerification) -> tuple[str, str]:
        subject = f"A new insurance verification request has arrived ({verification.reference})"
        body = render_to_string(
            "insurance_verification/email/new_verification.txt",
            {"verification": verification, "admin_link": admin_link(verification)},
        )
        return subject, body


NEW_VERIFICATION_EMAIL = NewVerificationEmail()


@task()
def notify_staff_of_verification(verification_id: int, attempt: int = 1) -> str:
    return NEW_VERIFICATION_EMAIL.send(verification_id, attempt)


NEW_VERIFICATION_EMAIL.task = notify_staff_of_verification


def enqueue_verification_notification(verification_id: int):
    return NEW_VERIFICATION_EMAIL.enqueue(verification_id)
