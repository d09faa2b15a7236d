from django.apps import AppConfig


class BlogConfig(AppConfig):
    """Articles that marketing staff write and clinicians review."""

    name = "blog"

    def ready(self) -> None:
        from dashboard import notices
        from rehab_site import content_apps
        from website import bench, demos
        from website import search as site_search

        from . import attention, page_parts, search
        from . import bench as blog_bench

        content_apps.register(self)
        demos.provide("blog.demo")
        page_parts.provide()
        bench.register(blog_bench.VOLUME)
        notices.provide(attention.attention)
        site_search.provide(search.site_results)
