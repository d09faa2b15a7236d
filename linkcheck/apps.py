from django.apps import AppConfig


class LinkcheckConfig(AppConfig):
    """The broken-link report: internal links in everything marketing edits that no longer
    lead anywhere, checked after every save and daily, listed in the admin."""

    name = "linkcheck"
    verbose_name = "Link report"

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from .tasks import content_saved

        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(content_saved, dispatch_uid=f"linkcheck-{signal}")
