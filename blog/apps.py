from django.apps import AppConfig


class BlogConfig(AppConfig):
    """Articles that marketing staff write and clinicians review."""

    name = "blog"

    def ready(self) -> None:
        from rehab_site import bench, content_apps

        from . import bench as blog_bench
        from . import page_parts

        content_apps.register(self)
        page_parts.provide()
        bench.register(blog_bench.VOLUME)
