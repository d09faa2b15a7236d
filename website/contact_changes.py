"""The center's phone number and admissions email are what referral brokers hijack: a
changed number sends families to whoever paid for it. Every change of either is logged and
emailed to every administrator, whoever made it and however (admin, shell, import)."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from rehab_site.task_queue import task

logger = logging.getLogger(__name__)

WATCHED_FIELDS = {"phone": "24/7 phone number", "admissions_email": "admissions email"}


def administrator_emails() -> list[str]:
    """Active superusers with an address, and ADMIN_EMAILS, each once."""
    superusers = (
        get_user_model()
        .objects.filter(is_superuser=True, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    addresses = [*superusers, *(address for _, address in settings.ADMINS)]
    return list(dict.fromkeys(address.lower() for address in addresses))


def report_contact_changes(previous, current, changed_by=None) -> None:
    """Log each watched field that changed and email the administrators after the commit.

    The row's first save (the center's setup) is not a change of anything."""
    if previous is None:
        return
    changes = []
    for field, label in WATCHED_FIELDS.items():
        old = getattr(previous, field)
        new = getattr(current, field)
        if old != new:
            changes.append([label, old, new])
    if not changes:
        return
    who = changed_by.get_full_name() or changed_by.get_username() if changed_by else ""
    for label, old, new in changes:
        logger.warning(
            "The center's %s was changed from %r to %r by %s.",
            label,
            old,
            new,
            who or "someone outside the admin",
        )
    when = timezone.localtime().strftime("%B %-d, %Y at %-I:%M %p %Z")
    transaction.on_commit(
        lambda: email_administrators_about_contact_change.enqueue(changes, who, when)
    )


@task()
def email_administrators_about_contact_change(
    changes: list[list[str]], changed_by: str, when: str
) -> str:
    recipients = administrator_emails()
    if not recipients:
        logger.error(
            "The center's contact details changed, but no administrator has an email address."
        )
        return "nobody to tell"
    lines = [
        f"- {label}: {old or '(empty)'} → {new or '(empty)'}"
        for label, old, new in changes
    ]
    body = "\n".join(
        [
            f"The center's contact details on the website were changed on {when}"
            f" by {changed_by or 'someone outside the admin (shell or import)'}:",
            "",
            *lines,
            "",
            "Every page shows these. If you did not expect this change, check it now:",
            settings.SITE_URL.rstrip("/")
            + f"/{settings.ADMIN_URL}website/sitesettings/",
        ]
    )
    send_mail(
        "The website's phone number or admissions email was changed",
        body,
        None,
        recipients,
    )
    return f"told {len(recipients)} administrator(s)"
