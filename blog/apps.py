from django.apps import AppConfig


class BlogConfig(AppConfig):
    """Articles that marketing staff write and clinicians review."""

    name = "blog"
