from django.apps import AppConfig


class BlogConfig(AppConfig):
    """Articles that marketing staff write and clinicians review."""

    name = "blog"

    def ready(self) -> None:
        from rehab_site import content_apps

        content_apps.register(self)
