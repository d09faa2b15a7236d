"""The two staff roles, kept in step with the models after every migrate.

A post_migrate handler rather than a data migration: it runs after every app's migrations,
so models that apps add later (blog, programs, ...) reach Marketing without a new migration.

- Admissions: every permission on the admissions app's models except those withheld below
  (nobody adds, changes or deletes access-log rows; notes are added, never edited).
- Marketing: every permission on the content apps' models, computed afresh each time, plus
  the inquiry sources report and the broken-link report; nothing on inquiries, notes or
  the access log.
"""

from django.db import DEFAULT_DB_ALIAS

from rehab_site.content_apps import content_app_labels

ADMISSIONS = "Admissions"
MARKETING = "Marketing"

ADMISSIONS_WITHHELD = [
    "add_inquiry",  # inquiries come from the public form only
    "delete_inquiry",  # clinical records: the retention purge, or a superuser with a reason
    "change_inquirynote",
    "delete_inquirynote",
    "add_insuranceverification",  # from the public form only
    "delete_insuranceverification",  # the retention purge, or a superuser
    "change_verificationnote",
    "delete_verificationnote",
    "add_accesslog",
    "change_accesslog",
    "delete_accesslog",
]
MARKETING_REPORT_PERMISSION = ("admissions", "view_attributionreport")
# Reports marketing reads and acts on (its rows come from a check, not from a form).
MARKETING_VIEW_APPS = ["linkcheck"]


def sync_roles(using: str = DEFAULT_DB_ALIAS, **kwargs) -> None:
    from django.contrib.auth.models import Group, Permission

    permissions = Permission.objects.using(using)
    admissions, _ = Group.objects.using(using).get_or_create(name=ADMISSIONS)
    admissions.permissions.set(
        permissions.filter(content_type__app_label="admissions").exclude(
            codename__in=ADMISSIONS_WITHHELD
        )
    )
    marketing, _ = Group.objects.using(using).get_or_create(name=MARKETING)
    app_label, codename = MARKETING_REPORT_PERMISSION
    marketing.permissions.set(
        permissions.filter(content_type__app_label__in=content_app_labels())
        | permissions.filter(content_type__app_label=app_label, codename=codename)
        | permissions.filter(
            content_type__app_label__in=MARKETING_VIEW_APPS,
            codename__startswith="view_",
        )
    )
