from django.apps import AppConfig


class StaffAccessConfig(AppConfig):
    """Who may open the admin and how: the staff roles, idle sessions, the second factor
    (passkeys, authenticator apps, recovery codes) and its enrolment links."""

    name = "staff_access"
    verbose_name = "Staff access"

    def ready(self) -> None:
        from django.apps import apps
        from django.db.models.signals import post_migrate

        from .roles import sync_roles

        # After the last app's migrations, so every app's permissions exist.
        post_migrate.connect(
            sync_roles,
            sender=list(apps.get_app_configs())[-1],
            dispatch_uid="staff_access.sync_roles",
        )
