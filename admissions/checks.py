"""System check: `check --deploy` warns when inquiries would arrive with nobody told."""

from django.conf import settings
from django.core.checks import Warning, register


@register("admissions", deploy=True)
def notification_addresses(app_configs, **kwargs):
    if settings.ADMISSIONS_NOTIFY_EMAILS:
        return []
    return [
        Warning(
            "ADMISSIONS_NOTIFY_EMAILS is empty: new inquiries will be stored but nobody "
            "will be emailed about them, and nobody will hear of an escalation either.",
            hint="Set ADMISSIONS_NOTIFY_EMAILS to the admissions team's address(es).",
            id="admissions.W001",
        )
    ]
