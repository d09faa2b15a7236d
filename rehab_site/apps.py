from django.apps import AppConfig


class RehabSiteConfig(AppConfig):
    """The project: settings, root URLs, caching, logging, headers and health checks.

    It holds no models of its own any more; its migrations stay, as the history of the
    tables that moved to the website, editing and staff_access apps.
    """

    name = "rehab_site"
    verbose_name = "Project"

    def ready(self) -> None:
        from django.apps import apps

        from .caching import connect_signals

        # post_migrate is sent once for each app, in INSTALLED_APPS order; what needs
        # every app's tables listens for the last one only, so it runs once per migrate
        # (and per test-database flush), after everything else.
        connect_signals(after_migrate_of=list(apps.get_app_configs())[-1])
