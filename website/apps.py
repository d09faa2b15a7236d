from django.apps import AppConfig


class WebsiteConfig(AppConfig):
    """The site itself: the center's details, the home page, menus, site-wide words, the
    error pages and the demo center."""

    name = "website"
    verbose_name = "Site"

    def ready(self) -> None:
        from rehab_site import content_apps

        from . import demos

        content_apps.register(self)
        demos.provide("website.demo")
