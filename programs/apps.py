from django.apps import AppConfig


class ProgramsConfig(AppConfig):
    """Treatment programs, conditions, audiences, locations and the site's other pages."""

    name = "programs"

    def ready(self) -> None:
        from dashboard import notices
        from rehab_site import content_apps
        from website import demos
        from website import search as site_search

        from . import attention, search

        content_apps.register(self)
        demos.provide("programs.demo")
        notices.provide(attention.attention)
        site_search.provide(search.site_results)
