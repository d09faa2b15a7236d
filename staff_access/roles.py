"""The two staff roles, kept in step with the models after every migrate.

A post_migrate handler rather than a data migration: it runs after every app's migrations,
so models that apps add later (blog, programs, ...) reach Marketing without a new migration.

- Admissions: every permission on the models of the apps whose cases it works (each
  registers itself with `works_cases`), except the ones each app withholds (cases come
  from the public form only; notes are added, never edited; nobody touches the access log).
- Marketing: every permission on the content apps' models, computed afresh each time, plus
  the inquiry sources report and the broken-link report; nothing on inquiries, notes or
  the access log.
"""

from django.db import DEFAULT_DB_ALIAS

from rehab_site.content_apps import content_app_labels

ADMISSIONS = "Admissions"
MARKETING = "Marketing"

# {app label: codenames withheld from the Admissions role}, filled by `works_cases`.
_admissions_apps: dict[str, frozenset[str]] = {}


def works_cases(app_config, withheld=()) -> None:
    """The Admissions role works the cases of this app: every permission on its models
    but the `withheld` codenames. Called from the app's `AppConfig.ready()`."""
    _admissions_apps[app_config.label] = frozenset(withheld)


MARKETING_REPORT_PERMISSION = ("admissions", "view_attributionreport")
# Reports marketing reads and acts on (its rows come from a check, not from a form).
MARKETING_VIEW_APPS = ["linkcheck"]


def sync_roles(using: str = DEFAULT_DB_ALIAS, **kwargs) -> None:
    from django.contrib.auth.models import Group, Permission

    permissions = Permission.objects.using(using)
    admissions, _ = Group.objects.using(using).get_or_create(name=ADMISSIONS)
    worked = permissions.none()
    for app_label, withheld in _admissions_apps.items():
        worked |= permissions.filter(content_type__app_label=app_label).exclude(
            codename__in=withheld
        )
    admissions.permissions.set(worked)
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
