from django.apps import AppConfig


class ProgramsConfig(AppConfig):
    """Treatment programs, conditions, audiences, locations and the site's other pages."""

    name = "programs"

    def ready(self) -> None:
        from dashboard import notices
        from rehab_site import content_apps
        from website import demos

        from . import attention
        from .home import provide_home_sections

        content_apps.register(self)
        demos.provide("programs.demo")
        provide_home_sections()
        notices.provide(attention.attention)
